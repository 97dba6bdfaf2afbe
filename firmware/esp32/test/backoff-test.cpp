#include "../lib/dash_core/src/backoff.h"
#include "test.h"

using dash::backoffDelay;

// Same spot values as firmware/shared/backoff.test.ts.
TEST(backoff_doubles_and_waits_at_least_half) {
  CHECK_EQ(backoffDelay(0, 0), 500u);
  CHECK_EQ(backoffDelay(1, 0), 1000u);
  CHECK_EQ(backoffDelay(3, 0), 4000u);
  CHECK_EQ(backoffDelay(0, 0xFFFFFFFFu), 999u);
  CHECK_EQ(backoffDelay(3, 0xFFFFFFFFu), 7999u);
}

TEST(backoff_stays_within_bounds_for_every_attempt) {
  uint32_t random = 12345;
  for (uint32_t attempt = 0; attempt < 200; ++attempt) {
    uint64_t ceiling = attempt < 30 ? (uint64_t(1000) << attempt) : 60000;
    if (ceiling > 60000) ceiling = 60000;
    for (int i = 0; i < 100; ++i) {
      random = random * 1664525u + 1013904223u;  // LCG: deterministic spread of inputs
      uint32_t delay = backoffDelay(attempt, random);
      CHECK(delay >= ceiling / 2);
      CHECK(delay < ceiling);
    }
  }
  CHECK_EQ(backoffDelay(0xFFFFFFFFu, 0xFFFFFFFFu), 59999u);
}

TEST(backoff_matches_the_typescript_rounding) {
  // TS: half + floor(random/2^32 · (ceiling − half)); with random = 2^31 that is half + half/2.
  CHECK_EQ(backoffDelay(4, 0x80000000u), 8000u + 4000u);
  dash::BackoffPolicy fast{100, 1000};
  CHECK_EQ(backoffDelay(10, 0, fast), 500u);
}
