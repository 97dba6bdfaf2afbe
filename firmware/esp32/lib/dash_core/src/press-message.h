// From a stored press to the press payload at publish time (design §2, press time).
// The ESP32 has no synced wall clock, so it sends ageMs measured on the RTC clock, which
// keeps counting through deep sleep. After a power loss that clock restarted: the age of
// an older press is unknown and is left out (the server then uses the receive time).
#pragma once
#include <cstdint>

#include "outbox.h"
#include "payload.h"

namespace dash {

// `pressId` must outlive the message (it is not copied).
PressMessage pressMessageFor(const PressRecord& record, const char* pressId, uint32_t bootId, uint64_t rtcNowMs);

}  // namespace dash
