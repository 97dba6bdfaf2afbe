// What each led/set pattern looks like on a single LED, as a function of time. Pure, so the
// device loop only asks "on or off now?". A battery button shows it for its awake window only.
#pragma once
#include <cstdint>

#include "payload.h"

namespace dash {

bool ledOnAt(LedPattern pattern, uint32_t msSinceStart);
// The pattern an ack implies until the server says otherwise (design §5: received on create).
LedPattern patternForAck(Outcome outcome);

}  // namespace dash
