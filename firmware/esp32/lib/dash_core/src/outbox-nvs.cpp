// The NVS half of the outbox: a circular log of PressRecord blobs, keys "ob-0" … "ob-47",
// with its head and next positions under "ob-head" and "ob-next".
#include <cinttypes>
#include <cstdio>

#include "outbox.h"

namespace dash {
namespace {

void slotKey(uint32_t seq, char (&key)[16]) {
  std::snprintf(key, sizeof key, "ob-%" PRIu32, seq % Outbox::kNvsCapacity);
}

}  // namespace

// Blob first, then the index: a crash in between leaves an orphan blob that is overwritten.
uint32_t Outbox::appendToNvs(const PressRecord& record) {
  if (nvsNext_ - nvsHead_ >= kNvsCapacity) dropOldestFromNvs();
  char key[16];
  slotKey(nvsNext_, key);
  PressRecord copy = record;
  copy.attempts = 0;
  if (!nvs_.putBlob(key, &copy, sizeof copy)) return kNotInNvs;
  if (!nvs_.putU32("ob-next", nvsNext_ + 1)) {
    nvs_.remove(key);
    return kNotInNvs;
  }
  return nvsNext_++;
}

bool Outbox::readNvs(uint32_t seq, PressRecord& out) {
  char key[16];
  slotKey(seq, key);
  return nvs_.getBlob(key, &out, sizeof out);
}

void Outbox::dropOldestFromNvs() {
  PressRecord oldest;
  bool stillInRing = false;
  for (uint32_t i = 0; i < ring_.span; ++i) {
    RtcRing::Slot& slot = ring_.slots[(ring_.head + i) % RtcRing::kCapacity];
    if (slot.used && slot.nvsSeq == nvsHead_) {
      slot.nvsSeq = kNotInNvs;  // no longer durable, but still pending
      stillInRing = true;
    }
  }
  if (readNvs(nvsHead_, oldest) && !stillInRing) ++ring_.dropped;
  eraseNvs(nvsHead_);
  ++nvsHead_;
  nvs_.putU32("ob-head", nvsHead_);
}

void Outbox::eraseNvs(uint32_t seq) {
  char key[16];
  slotKey(seq, key);
  nvs_.remove(key);
}

// Acks leave holes; the head moves past them so the log's span stays within capacity.
void Outbox::trimNvs() {
  PressRecord ignored;
  uint32_t head = nvsHead_;
  while (head != nvsNext_ && !readNvs(head, ignored)) ++head;
  if (head != nvsHead_) {
    nvsHead_ = head;
    nvs_.putU32("ob-head", nvsHead_);
  }
}

}  // namespace dash
