// Reconnect delays: exponential, capped, with equal jitter (half fixed, half random) so the
// buttons of a shop coming back from a power cut do not hit the broker in step.
// Same numbers as firmware/shared/backoff.ts for the same inputs.
#pragma once
#include <cstdint>

namespace dash {

struct BackoffPolicy {
  uint32_t baseMs = 1000;
  uint32_t maxMs = 60000;
};

// Delay before retry `attempt` (0 = first); `random` is uniform over all 32-bit values
// (esp_random() on the device). Result is in [ceiling/2, ceiling), ceiling = min(max, base·2^attempt).
uint32_t backoffDelay(uint32_t attempt, uint32_t random, const BackoffPolicy& policy = BackoffPolicy());

}  // namespace dash
