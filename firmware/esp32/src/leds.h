// One LED per button, showing a dash::LedPattern while the device is awake.
#pragma once
#include <dash-core.h>

namespace leds {

void begin(const dash::Settings& settings);
void show(uint8_t button, dash::LedPattern pattern);  // restarts the pattern's clock
void showAll(dash::LedPattern pattern);
void tick();                                           // call often from the loop
void off();                                            // before deep sleep

}  // namespace leds
