// Battery voltage → percentage for 3×AA cells behind the LDO. Pure, host-tested.
#pragma once
#include <cstdint>

namespace dash {

enum class Chemistry : uint8_t { Alkaline, Lithium };

// Millivolts at the battery from the ADC reading (mV at the pin) and the divider.
uint32_t batteryMillivolts(uint32_t pinMv, uint32_t topOhms, uint32_t bottomOhms);
// 0–1000 tenths of a percent for a pack of `cells` in series, by a piecewise-linear curve.
uint16_t batteryPercentTenths(uint32_t packMv, uint8_t cells, Chemistry chemistry);

}  // namespace dash
