// Factory defaults of the ESP32 battery button. hardware/esp32-button/pin-map.json describes
// the same wiring; the host test pin-map-test.cpp fails if the two disagree.
#pragma once
#include <cstdint>

namespace dash {
namespace defaults {

const uint8_t kButtonCount = 3;
// RTC GPIOs, because ext1 deep-sleep wake only watches those. Active high with external
// 100 kΩ pull-downs: ext1 "any high" is the only any-of-several mode on the classic ESP32.
const uint8_t kButtonPins[kButtonCount] = {32, 33, 27};
const uint8_t kLedPins[kButtonCount] = {25, 26, 13};
// ADC1 channel 7. ADC2 cannot be read while Wi-Fi is on; read before Wi-Fi anyway (less noise).
const uint8_t kBatteryPin = 35;
// Divider 4.7 MΩ over 2.2 MΩ: 5.4 V of fresh 3×AA lithium → 1.72 V at the pin.
const uint32_t kDividerTopOhms = 4700000;
const uint32_t kDividerBottomOhms = 2200000;
const uint16_t kBrokerPort = 1883;
const uint16_t kBrokerTlsPort = 8883;
const uint32_t kHeartbeatS = 6 * 60 * 60;  // check-in while idle; the server expects 1.5× this
const uint32_t kAwakeForAcksMs = 5000;      // how long to wait for acks and downlinks per wake
const uint32_t kWifiTimeoutMs = 10000;

}  // namespace defaults
}  // namespace dash
