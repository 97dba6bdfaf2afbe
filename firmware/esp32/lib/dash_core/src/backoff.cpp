#include "backoff.h"

namespace dash {

uint32_t backoffDelay(uint32_t attempt, uint32_t random, const BackoffPolicy& policy) {
  // Cap the shift: base·2^30 already exceeds any sane maximum, and a larger shift overflows.
  uint32_t shift = attempt < 30 ? attempt : 30;
  uint64_t ceiling = static_cast<uint64_t>(policy.baseMs) << shift;
  if (ceiling > policy.maxMs) ceiling = policy.maxMs;
  uint64_t half = ceiling / 2;
  return static_cast<uint32_t>(half + ((static_cast<uint64_t>(random) * (ceiling - half)) >> 32));
}

}  // namespace dash
