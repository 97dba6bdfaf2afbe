// Arduino entry points. Everything decides in wake-cycle.cpp; the logic it calls lives in
// lib/dash_core and is tested on the host.
#include <Arduino.h>

#include "wake-cycle.h"

void setup() { wakecycle::run(); }

void loop() { wakecycle::loop(); }
