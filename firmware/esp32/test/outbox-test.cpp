#include <cstring>
#include <string>

#include "../lib/dash_core/src/outbox.h"
#include "memory-kv-store.h"
#include "test.h"

using dash::Outbox;
using dash::PressRecord;
using dash::RtcRing;

namespace {

std::string idOf(const PressRecord& record) {
  char id[dash::kPressIdSize];
  dash::formatPressId(record, id);
  return id;
}

// Pending press ids, oldest first, joined: easy to compare and to read in a failure.
std::string pending(Outbox& outbox) {
  PressRecord records[Outbox::kMaxPending];
  size_t n = outbox.snapshot(records, Outbox::kMaxPending);
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? " " : "") + idOf(records[i]);
  return out;
}

std::string range(uint32_t boot, uint32_t from, uint32_t to) {
  std::string out;
  for (uint32_t seq = from; seq < to; ++seq) out += (seq == from ? "" : " ") + std::to_string(boot) + "-" + std::to_string(seq);
  return out;
}

void pushPresses(Outbox& outbox, int count) {
  for (int i = 0; i < count; ++i) outbox.push(outbox.next(0, 0, 1000 + i, 0));
}

}  // namespace

TEST(outbox_numbers_presses_by_boot_and_sequence) {
  RtcRing ring{};
  MemoryKvStore nvs;
  Outbox outbox(ring, nvs);
  outbox.begin();
  pushPresses(outbox, 3);
  CHECK_EQ(pending(outbox), std::string("1-0 1-1 1-2"));
}

TEST(outbox_ring_wraps_around_as_presses_are_acked) {
  RtcRing ring{};
  MemoryKvStore nvs;
  Outbox outbox(ring, nvs);
  outbox.begin();
  for (uint32_t i = 0; i < 3 * RtcRing::kCapacity; ++i) {
    PressRecord record = outbox.next(1, 0, i, 0);
    CHECK(outbox.push(record));
    if (i >= 2) CHECK(outbox.remove(("1-" + std::to_string(i - 2)).c_str()));  // acks trail by two
  }
  CHECK_EQ(pending(outbox), range(1, 3 * RtcRing::kCapacity - 2, 3 * RtcRing::kCapacity));
  CHECK(ring.head != 0);  // it did wrap
  CHECK_EQ(outbox.dropped(), 0u);
}

TEST(outbox_acks_out_of_order_leave_the_rest_in_order) {
  RtcRing ring{};
  MemoryKvStore nvs;
  Outbox outbox(ring, nvs);
  outbox.begin();
  pushPresses(outbox, 5);
  CHECK(outbox.remove("1-3"));
  CHECK(outbox.remove("1-0"));
  CHECK(!outbox.remove("1-0"));  // a duplicate ack changes nothing
  CHECK_EQ(pending(outbox), std::string("1-1 1-2 1-4"));
}

TEST(outbox_spills_past_the_ring_into_nvs_without_losing_order) {
  RtcRing ring{};
  MemoryKvStore nvs;
  Outbox outbox(ring, nvs);
  outbox.begin();
  pushPresses(outbox, RtcRing::kCapacity + 10);
  CHECK_EQ(ring.span, RtcRing::kCapacity);
  CHECK_EQ(pending(outbox), range(1, 0, RtcRing::kCapacity + 10));
  CHECK(outbox.remove("1-0"));  // known to NVS only by now
  CHECK(outbox.remove("1-25"));
  CHECK_EQ(pending(outbox), range(1, 1, RtcRing::kCapacity + 9));
}

TEST(outbox_survives_deep_sleep_in_rtc_memory_with_retry_counts) {
  RtcRing ring{};
  MemoryKvStore nvs;
  {
    Outbox outbox(ring, nvs);
    outbox.begin();
    pushPresses(outbox, 2);
    outbox.markAttempt("1-1");
  }
  Outbox woken(ring, nvs);  // same RTC memory, same NVS: a deep-sleep wake
  woken.begin();
  PressRecord records[4];
  CHECK_EQ(woken.snapshot(records, 4), size_t(2));
  CHECK_EQ(records[0].attempts, uint8_t(0));
  CHECK_EQ(records[1].attempts, uint8_t(1));
  CHECK_EQ(idOf(woken.next(0, 0, 0, 0)), std::string("1-2"));
}

TEST(outbox_survives_power_loss_from_nvs_under_a_new_boot_id) {
  MemoryKvStore nvs;
  {
    RtcRing ring{};
    Outbox outbox(ring, nvs);
    outbox.begin();
    pushPresses(outbox, 3);
    outbox.remove("1-1");
  }
  RtcRing garbage;
  std::memset(&garbage, 0xA5, sizeof garbage);  // RTC memory after a battery swap
  Outbox rebooted(garbage, nvs);
  rebooted.begin();
  CHECK_EQ(pending(rebooted), std::string("1-0 1-2"));
  PressRecord records[4];
  rebooted.snapshot(records, 4);
  CHECK_EQ(records[0].attempts, uint8_t(1));  // they waited: sent as queued
  PressRecord fresh = rebooted.next(2, 1, 5, 0);
  CHECK(rebooted.push(fresh));
  CHECK_EQ(pending(rebooted), std::string("1-0 1-2 2-0"));
}

TEST(outbox_drops_and_counts_the_oldest_only_when_nvs_is_full_too) {
  RtcRing ring{};
  MemoryKvStore nvs;
  Outbox outbox(ring, nvs);
  outbox.begin();
  pushPresses(outbox, Outbox::kNvsCapacity + 3);
  CHECK_EQ(outbox.dropped(), 3u);
  CHECK_EQ(outbox.size(), size_t(Outbox::kNvsCapacity));
  CHECK_EQ(pending(outbox), range(1, 3, Outbox::kNvsCapacity + 3));
}

TEST(outbox_keeps_a_press_in_rtc_when_nvs_refuses_it) {
  RtcRing ring{};
  MemoryKvStore nvs;
  Outbox outbox(ring, nvs);
  outbox.begin();
  pushPresses(outbox, 1);
  nvs.refuseWrites = true;
  CHECK(!outbox.push(outbox.next(0, 0, 7, 0)));
  CHECK_EQ(pending(outbox), std::string("1-0 1-1"));
  nvs.refuseWrites = false;
  CHECK(outbox.remove("1-1"));
  CHECK_EQ(pending(outbox), std::string("1-0"));
}

TEST(outbox_spills_a_press_that_was_only_in_rtc_when_the_ring_overflows) {
  RtcRing ring{};
  MemoryKvStore nvs;
  Outbox outbox(ring, nvs);
  outbox.begin();
  nvs.refuseWrites = true;
  pushPresses(outbox, 1);  // RTC only
  nvs.refuseWrites = false;
  pushPresses(outbox, RtcRing::kCapacity);  // evicts 1-0 from the ring: it must land in NVS
  CHECK_EQ(pending(outbox), range(1, 0, RtcRing::kCapacity + 1));
  RtcRing fresh{};
  Outbox rebooted(fresh, nvs);
  rebooted.begin();
  CHECK_EQ(pending(rebooted), range(1, 0, RtcRing::kCapacity + 1));
}

TEST(outbox_nvs_keys_fit_the_nvs_limit_and_are_reused) {
  RtcRing ring{};
  MemoryKvStore nvs;
  Outbox outbox(ring, nvs);
  outbox.begin();
  for (int round = 0; round < 5; ++round) {
    pushPresses(outbox, Outbox::kNvsCapacity);
    PressRecord records[Outbox::kMaxPending];
    size_t n = outbox.snapshot(records, Outbox::kMaxPending);
    for (size_t i = 0; i < n; ++i) CHECK(outbox.remove(idOf(records[i]).c_str()));
  }
  CHECK_EQ(outbox.size(), size_t(0));
  CHECK(nvs.keys() <= 4);  // only the counters remain
}
