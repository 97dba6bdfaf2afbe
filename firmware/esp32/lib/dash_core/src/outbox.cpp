#include "outbox.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace dash {
namespace {

const uint32_t kMagic = 0xDA5B0001;

bool samePress(const PressRecord& a, const PressRecord& b) { return a.bootId == b.bootId && a.seq == b.seq; }

bool hasId(const PressRecord& record, const char* pressId) {
  char id[kPressIdSize];
  formatPressId(record, id);
  return std::strcmp(id, pressId) == 0;
}

}  // namespace

void formatPressId(const PressRecord& record, char (&out)[kPressIdSize]) {
  std::snprintf(out, sizeof out, "%" PRIu32 "-%" PRIu32, record.bootId, record.seq);
}

void Outbox::begin() {
  if (ring_.magic != kMagic || ring_.head >= RtcRing::kCapacity || ring_.span > RtcRing::kCapacity) {
    uint32_t lastBoot = 0;
    nvs_.getU32("ob-boot", lastBoot);
    std::memset(&ring_, 0, sizeof ring_);
    ring_.magic = kMagic;
    ring_.bootId = lastBoot + 1;
    nvs_.putU32("ob-boot", ring_.bootId);
  }
  if (!nvs_.getU32("ob-head", nvsHead_)) nvsHead_ = 0;
  if (!nvs_.getU32("ob-next", nvsNext_)) nvsNext_ = 0;
  if (nvsNext_ - nvsHead_ > kNvsCapacity) nvsHead_ = nvsNext_ - kNvsCapacity;
}

PressRecord Outbox::next(uint8_t button, uint8_t action, uint64_t timeMs, uint8_t flags) {
  PressRecord record{};
  record.timeMs = timeMs;
  record.bootId = ring_.bootId;
  record.seq = ring_.nextSeq++;
  record.button = button;
  record.action = action;
  record.flags = flags;
  return record;
}

bool Outbox::push(const PressRecord& record) {
  uint32_t nvsSeq = appendToNvs(record);
  if (ring_.span == RtcRing::kCapacity) evictOldestFromRing();
  RtcRing::Slot& slot = ring_.slots[(ring_.head + ring_.span) % RtcRing::kCapacity];
  slot.record = record;
  slot.nvsSeq = nvsSeq;
  slot.used = 1;
  ++ring_.span;
  return nvsSeq != kNotInNvs;
}

void Outbox::evictOldestFromRing() {
  RtcRing::Slot& slot = ring_.slots[ring_.head];
  if (slot.used && slot.nvsSeq == kNotInNvs && appendToNvs(slot.record) == kNotInNvs) ++ring_.dropped;
  slot.used = 0;
  trim();
}

void Outbox::trim() {
  while (ring_.span > 0 && !ring_.slots[ring_.head].used) {
    ring_.head = (ring_.head + 1) % RtcRing::kCapacity;
    --ring_.span;
  }
  trimNvs();
}

size_t Outbox::snapshot(PressRecord* out, size_t capacity) {
  PressRecord all[kMaxPending];
  size_t n = 0;
  for (uint32_t seq = nvsHead_; seq != nvsNext_; ++seq) {
    if (!readNvs(seq, all[n])) continue;
    all[n].attempts = 1;
    for (uint32_t i = 0; i < ring_.span; ++i) {
      const RtcRing::Slot& slot = ring_.slots[(ring_.head + i) % RtcRing::kCapacity];
      if (slot.used && samePress(slot.record, all[n])) all[n].attempts = slot.record.attempts;
    }
    ++n;
  }
  for (uint32_t i = 0; i < ring_.span && n < kMaxPending; ++i) {
    const RtcRing::Slot& slot = ring_.slots[(ring_.head + i) % RtcRing::kCapacity];
    if (slot.used && slot.nvsSeq == kNotInNvs) all[n++] = slot.record;
  }
  // Press order is (bootId, seq); insertion sort, n is small.
  for (size_t i = 1; i < n; ++i) {
    for (size_t j = i; j > 0 && (all[j].bootId < all[j - 1].bootId ||
                                 (all[j].bootId == all[j - 1].bootId && all[j].seq < all[j - 1].seq)); --j) {
      PressRecord swap = all[j];
      all[j] = all[j - 1];
      all[j - 1] = swap;
    }
  }
  size_t count = n < capacity ? n : capacity;
  for (size_t i = 0; i < count; ++i) out[i] = all[i];
  return count;
}

size_t Outbox::size() {
  PressRecord all[kMaxPending];
  return snapshot(all, kMaxPending);
}

void Outbox::markAttempt(const char* pressId) {
  for (uint32_t i = 0; i < ring_.span; ++i) {
    RtcRing::Slot& slot = ring_.slots[(ring_.head + i) % RtcRing::kCapacity];
    if (slot.used && hasId(slot.record, pressId) && slot.record.attempts < 255) ++slot.record.attempts;
  }
}

bool Outbox::remove(const char* pressId) {
  bool found = false;
  for (uint32_t i = 0; i < ring_.span; ++i) {
    RtcRing::Slot& slot = ring_.slots[(ring_.head + i) % RtcRing::kCapacity];
    if (slot.used && hasId(slot.record, pressId)) {
      slot.used = 0;
      found = true;
    }
  }
  PressRecord record;
  for (uint32_t seq = nvsHead_; seq != nvsNext_; ++seq) {
    if (!readNvs(seq, record) || !hasId(record, pressId)) continue;
    eraseNvs(seq);
    found = true;
  }
  trim();
  return found;
}

}  // namespace dash
