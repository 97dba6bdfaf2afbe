#include "buttons.h"

#include <Arduino.h>

namespace buttons {
namespace {

const uint8_t kQueueSize = 64;  // power of two: indices wrap with a mask
volatile Edge queue[kQueueSize];
volatile uint8_t head = 0;
volatile uint8_t tail = 0;
uint8_t pins[dash::kMaxEspButtons];
uint8_t count = 0;
portMUX_TYPE mux = portMUX_INITIALIZER_UNLOCKED;

void IRAM_ATTR push(uint8_t button, bool pressed, uint32_t atMs) {
  portENTER_CRITICAL_ISR(&mux);
  uint8_t nextTail = (tail + 1) & (kQueueSize - 1);
  if (nextTail != head) {  // full: drop the edge; the classifier debounces what follows
    queue[tail].button = button;
    queue[tail].pressed = pressed;
    queue[tail].atMs = atMs;
    tail = nextTail;
  }
  portEXIT_CRITICAL_ISR(&mux);
}

void IRAM_ATTR onChange(void* arg) {
  uint8_t button = static_cast<uint8_t>(reinterpret_cast<uintptr_t>(arg));
  push(button, digitalRead(pins[button]) == HIGH, millis());  // active high (default-config.h)
}

}  // namespace

void begin(const dash::Settings& settings) {
  count = settings.buttonCount;
  for (uint8_t i = 0; i < count; ++i) {
    pins[i] = settings.buttonPins[i];
    pinMode(pins[i], INPUT);  // external pull-downs: internal ones are off in deep sleep
    attachInterruptArg(digitalPinToInterrupt(pins[i]), onChange, reinterpret_cast<void*>(static_cast<uintptr_t>(i)), CHANGE);
  }
}

void seedFromWake(uint64_t ext1Status) {
  for (uint8_t i = 0; i < count; ++i) {
    if (!(ext1Status & (1ULL << pins[i]))) continue;
    push(i, true, 0);
    // A quick tap can be over before the interrupt was attached: close it now.
    if (digitalRead(pins[i]) == LOW) push(i, false, millis());
  }
}

bool next(Edge& edge) {
  portENTER_CRITICAL(&mux);
  bool any = head != tail;
  if (any) {
    edge.button = queue[head].button;
    edge.pressed = queue[head].pressed;
    edge.atMs = queue[head].atMs;
    head = (head + 1) & (kQueueSize - 1);
  }
  portEXIT_CRITICAL(&mux);
  return any;
}

bool anyDown() {
  for (uint8_t i = 0; i < count; ++i) {
    if (digitalRead(pins[i]) == HIGH) return true;
  }
  return false;
}

uint64_t wakeMask() {
  uint64_t mask = 0;
  for (uint8_t i = 0; i < count; ++i) mask |= 1ULL << pins[i];
  return mask;
}

}  // namespace buttons
