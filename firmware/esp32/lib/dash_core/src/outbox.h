// Presses waiting for their app-level ack (design §2, durability rule).
// Every press is written to NVS at once (survives a battery swap) and kept in a ring in RTC
// memory (survives deep sleep, holds retry counts without wearing flash). When the ring is
// full its oldest record is evicted from RTC only: it "spills" and lives on in NVS alone. A
// record leaves both on its ack. Nothing is lost unless the NVS log is full as well; then the
// oldest press is dropped and counted.
#pragma once
#include <cstddef>
#include <cstdint>

#include "kv-store.h"

namespace dash {

const uint8_t kWallClock = 1;  // PressRecord::flags: timeMs is epoch ms from a synced clock
const size_t kPressIdSize = 24;  // "<bootId>-<seq>", two uint32 and a dash

struct PressRecord {
  uint64_t timeMs;    // epoch ms with kWallClock, else RTC ms since power-on (bootId)
  uint32_t bootId;    // power-on counter when pressed
  uint32_t seq;       // press number within that power-on
  uint8_t button;
  uint8_t action;     // dash::Action
  uint8_t flags;
  uint8_t attempts;   // publishes without an ack so far
  uint32_t reserved;  // keeps the NVS blob 24 bytes on 32- and 64-bit compilers alike
};
static_assert(sizeof(PressRecord) == 24, "PressRecord is stored as an NVS blob");

void formatPressId(const PressRecord& record, char (&out)[kPressIdSize]);

// Lives in RTC_DATA_ATTR memory on the device; any plain struct in host tests.
struct RtcRing {
  static constexpr uint32_t kCapacity = 16;
  struct Slot {
    PressRecord record;
    uint32_t nvsSeq;  // position in the NVS log, or Outbox::kNotInNvs
    uint32_t used;
  };
  uint32_t magic;
  uint32_t head;  // oldest slot
  uint32_t span;  // slots from head to the newest, holes left by acks included
  uint32_t bootId;
  uint32_t nextSeq;
  uint32_t dropped;
  Slot slots[kCapacity];
};

class Outbox {
 public:
  static constexpr uint32_t kNvsCapacity = 48;
  static constexpr uint32_t kNotInNvs = 0xFFFFFFFF;
  static constexpr size_t kMaxPending = kNvsCapacity + RtcRing::kCapacity;

  Outbox(RtcRing& ring, KvStore& nvs) : ring_(ring), nvs_(nvs) {}

  // Call once per wake. A ring without its magic (power-on, reset) is cleared and a new
  // boot id taken from NVS, so press ids never repeat.
  void begin();
  // A new record for a press, numbered; not yet stored.
  PressRecord next(uint8_t button, uint8_t action, uint64_t timeMs, uint8_t flags);
  // Stores it. False when it could only be kept in RTC memory (NVS write failed).
  bool push(const PressRecord& record);
  // Pending records, oldest first. Records known only to NVS count one attempt: they waited.
  size_t snapshot(PressRecord* out, size_t capacity);
  size_t size();
  void markAttempt(const char* pressId);
  bool remove(const char* pressId);  // on ack; false if unknown (e.g. a duplicate ack)
  uint32_t dropped() const { return ring_.dropped; }
  uint32_t bootId() const { return ring_.bootId; }

 private:
  uint32_t appendToNvs(const PressRecord& record);
  bool readNvs(uint32_t seq, PressRecord& out);
  void dropOldestFromNvs();
  void eraseNvs(uint32_t seq);
  void trimNvs();
  void evictOldestFromRing();
  void trim();

  RtcRing& ring_;
  KvStore& nvs_;
  uint32_t nvsHead_ = 0;  // oldest live position in the NVS log
  uint32_t nvsNext_ = 0;  // next position to write
};

}  // namespace dash
