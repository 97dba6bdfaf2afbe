// Hardware-free core of the ESP32 button. Everything here builds and is tested on the host
// (test/*.cpp); nothing includes Arduino.h.
#pragma once
#include "backoff.h"
#include "battery.h"
#include "default-config.h"
#include "json-reader.h"
#include "json-writer.h"
#include "kv-store.h"
#include "led-pattern.h"
#include "outbox.h"
#include "payload.h"
#include "press-classifier.h"
#include "press-message.h"
#include "settings.h"
