#include "led-pattern.h"

namespace dash {

// Periods in ms, on-time first. Kept in step with firmware/pi/src/led-patterns.ts.
bool ledOnAt(LedPattern pattern, uint32_t t) {
  switch (pattern) {
    case LedPattern::Off: return false;
    case LedPattern::Received: return t % 1000 < 500;            // slow blink: waiting for IT
    case LedPattern::Acknowledged: return true;                   // steady: someone is on it
    case LedPattern::Resolved: return t % 3000 < 150;            // short flash every 3 s
    case LedPattern::Error: return t % 200 < 100;                // fast flicker
    case LedPattern::Unmapped: return t % 1000 < 100 || (t % 1000 >= 200 && t % 1000 < 300);  // double flash
  }
  return false;
}

LedPattern patternForAck(Outcome outcome) {
  switch (outcome) {
    case Outcome::Created:
    case Outcome::Merged:
    case Outcome::Duplicate:
    case Outcome::Reopened: return LedPattern::Received;
    case Outcome::Cancelled: return LedPattern::Off;
    case Outcome::Rejected: return LedPattern::Error;
  }
  return LedPattern::Error;
}

}  // namespace dash
