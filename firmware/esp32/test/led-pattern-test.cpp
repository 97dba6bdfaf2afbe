#include "../lib/dash_core/src/led-pattern.h"
#include "test.h"

using dash::LedPattern;

namespace {
// Fraction of a 6 s window the LED is lit, in per mille.
unsigned duty(LedPattern pattern) {
  unsigned on = 0;
  for (uint32_t t = 0; t < 6000; ++t) on += dash::ledOnAt(pattern, t) ? 1 : 0;
  return on / 6;
}
}  // namespace

TEST(led_patterns_are_told_apart_by_how_long_the_led_is_lit) {
  CHECK_EQ(duty(LedPattern::Off), 0u);
  CHECK_EQ(duty(LedPattern::Acknowledged), 1000u);
  CHECK_EQ(duty(LedPattern::Received), 500u);
  CHECK_EQ(duty(LedPattern::Error), 500u);
  CHECK_EQ(duty(LedPattern::Resolved), 50u);
  CHECK_EQ(duty(LedPattern::Unmapped), 200u);
  // Received and error share a duty cycle; their periods differ five-fold.
  CHECK(dash::ledOnAt(LedPattern::Received, 150) && !dash::ledOnAt(LedPattern::Error, 150));
}

TEST(led_pattern_after_an_ack_follows_the_outcome) {
  CHECK(dash::patternForAck(dash::Outcome::Created) == LedPattern::Received);
  CHECK(dash::patternForAck(dash::Outcome::Merged) == LedPattern::Received);
  CHECK(dash::patternForAck(dash::Outcome::Duplicate) == LedPattern::Received);
  CHECK(dash::patternForAck(dash::Outcome::Reopened) == LedPattern::Received);
  CHECK(dash::patternForAck(dash::Outcome::Cancelled) == LedPattern::Off);
  CHECK(dash::patternForAck(dash::Outcome::Rejected) == LedPattern::Error);
}
