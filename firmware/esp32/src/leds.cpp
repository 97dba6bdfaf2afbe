#include "leds.h"

#include <Arduino.h>

namespace leds {
namespace {
uint8_t pins[dash::kMaxEspButtons];
dash::LedPattern patterns[dash::kMaxEspButtons];
uint32_t since[dash::kMaxEspButtons];
uint8_t count = 0;
}  // namespace

void begin(const dash::Settings& settings) {
  count = settings.buttonCount;
  for (uint8_t i = 0; i < count; ++i) {
    pins[i] = settings.ledPins[i];
    patterns[i] = dash::LedPattern::Off;
    pinMode(pins[i], OUTPUT);
    digitalWrite(pins[i], LOW);
  }
}

void show(uint8_t button, dash::LedPattern pattern) {
  if (button >= count) return;
  patterns[button] = pattern;
  since[button] = millis();
}

void showAll(dash::LedPattern pattern) {
  for (uint8_t i = 0; i < count; ++i) show(i, pattern);
}

void tick() {
  uint32_t now = millis();
  for (uint8_t i = 0; i < count; ++i) digitalWrite(pins[i], dash::ledOnAt(patterns[i], now - since[i]) ? HIGH : LOW);
}

void off() {
  for (uint8_t i = 0; i < count; ++i) digitalWrite(pins[i], LOW);
}

}  // namespace leds
