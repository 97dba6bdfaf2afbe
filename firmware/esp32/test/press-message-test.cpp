#include <string>

#include "../lib/dash_core/src/payload.h"
#include "../lib/dash_core/src/press-message.h"
#include "test.h"

namespace {
std::string encode(const dash::PressMessage& message) {
  char out[256];
  size_t n = dash::encodePress(message, out, sizeof out);
  return std::string(out, n);
}

dash::PressRecord record(uint32_t boot, uint32_t seq, uint64_t timeMs, uint8_t attempts) {
  dash::PressRecord r{};
  r.bootId = boot;
  r.seq = seq;
  r.timeMs = timeMs;
  r.button = 2;
  r.action = static_cast<uint8_t>(dash::Action::Double);
  r.attempts = attempts;
  return r;
}
}  // namespace

TEST(press_sent_in_the_same_power_on_carries_its_age_on_the_rtc_clock) {
  CHECK_EQ(encode(dash::pressMessageFor(record(7, 43, 1000, 0), "7-43", 7, 94500)),
           std::string(R"({"v":1,"pressId":"7-43","seq":43,"button":2,"action":"double","ageMs":93500})"));
}

TEST(press_resent_after_a_failed_attempt_is_marked_queued) {
  CHECK_EQ(encode(dash::pressMessageFor(record(7, 43, 1000, 1), "7-43", 7, 94500)),
           test::readFile(test::repoPath("test/fixtures/mqtt/press/valid/double-queued-with-age.json")));
}

TEST(press_from_before_a_power_loss_has_no_age_and_is_queued) {
  CHECK_EQ(encode(dash::pressMessageFor(record(6, 3, 1000, 0), "6-3", 7, 50)),
           std::string(R"({"v":1,"pressId":"6-3","seq":3,"button":2,"action":"double","queued":true})"));
}

TEST(press_with_a_wall_clock_time_sends_pressed_at) {
  dash::PressRecord r = record(7, 42, 1767225600000ULL, 0);
  r.flags = dash::kWallClock;
  r.button = 0;
  r.action = static_cast<uint8_t>(dash::Action::Single);
  CHECK_EQ(encode(dash::pressMessageFor(r, "7-42", 7, 5)),
           test::readFile(test::repoPath("test/fixtures/mqtt/press/valid/single-synced-clock.json")));
}

TEST(press_age_never_goes_negative_if_the_clock_reads_earlier) {
  dash::PressMessage m = dash::pressMessageFor(record(7, 1, 5000, 0), "7-1", 7, 4000);
  CHECK(m.hasAgeMs);
  CHECK_EQ(m.ageMs, uint64_t(0));
}
