// Button pins → timed edges for the classifier. An interrupt stamps each change with
// millis() into a small queue, so presses made while the loop blocks on Wi-Fi keep their
// own times (the classifier table's "reconnect" cases).
#pragma once
#include <dash-core.h>

namespace buttons {

struct Edge {
  uint8_t button;
  bool pressed;
  uint32_t atMs;
};

void begin(const dash::Settings& settings);
// After an ext1 wake the press began before the code ran: record it as a down edge at 0.
void seedFromWake(uint64_t ext1Status);
bool next(Edge& edge);  // false when the queue is empty
bool anyDown();
uint64_t wakeMask();  // ext1 mask of all button pins

}  // namespace buttons
