#include "battery.h"

namespace dash {
namespace {

struct Point {
  uint16_t cellMv;
  uint16_t tenths;
};

// Per-cell open-circuit-ish voltage under the button's light load. Alkaline: read off the
// Energizer E91 discharge curves (25 mA continuous); lithium: Energizer L91, whose curve is
// flat until the end, so its percentage is coarse by nature. Ordered by falling voltage.
const Point kAlkaline[] = {{1550, 1000}, {1450, 800}, {1350, 550}, {1250, 300}, {1150, 100}, {1050, 0}};
const Point kLithium[] = {{1700, 1000}, {1550, 800}, {1450, 300}, {1300, 100}, {1100, 0}};

template <unsigned N>
uint16_t interpolate(const Point (&curve)[N], uint32_t cellMv) {
  if (cellMv >= curve[0].cellMv) return curve[0].tenths;
  for (unsigned i = 1; i < N; ++i) {
    if (cellMv >= curve[i].cellMv) {
      uint32_t span = curve[i - 1].cellMv - curve[i].cellMv;
      uint32_t gain = curve[i - 1].tenths - curve[i].tenths;
      return static_cast<uint16_t>(curve[i].tenths + (cellMv - curve[i].cellMv) * gain / span);
    }
  }
  return 0;
}

}  // namespace

uint32_t batteryMillivolts(uint32_t pinMv, uint32_t topOhms, uint32_t bottomOhms) {
  if (bottomOhms == 0) return 0;
  return static_cast<uint32_t>(static_cast<uint64_t>(pinMv) * (topOhms + bottomOhms) / bottomOhms);
}

uint16_t batteryPercentTenths(uint32_t packMv, uint8_t cells, Chemistry chemistry) {
  if (cells == 0) return 0;
  uint32_t cellMv = packMv / cells;
  return chemistry == Chemistry::Lithium ? interpolate(kLithium, cellMv) : interpolate(kAlkaline, cellMv);
}

}  // namespace dash
