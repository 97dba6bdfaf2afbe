#include "press-message.h"

namespace dash {

PressMessage pressMessageFor(const PressRecord& record, const char* pressId, uint32_t bootId, uint64_t rtcNowMs) {
  PressMessage message;
  message.pressId = pressId;
  message.seq = record.seq;
  message.button = record.button;
  message.action = static_cast<Action>(record.action);
  if (record.flags & kWallClock) {
    message.hasPressedAt = true;
    message.pressedAt = record.timeMs;
  } else if (record.bootId == bootId) {
    message.hasAgeMs = true;
    message.ageMs = rtcNowMs > record.timeMs ? rtcNowMs - record.timeMs : 0;
  }
  // Sent before without an ack, or carried over a spill or a power loss: it waited.
  if (record.attempts > 0 || record.bootId != bootId) {
    message.hasQueued = true;
    message.queued = true;
  }
  return message;
}

}  // namespace dash
