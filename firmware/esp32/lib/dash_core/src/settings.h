// Device settings kept in NVS: Wi-Fi, broker, TLS CA, credentials, pins, press timings.
// Set over the serial console or the first-boot access point, both through applyCommand.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "battery.h"
#include "kv-store.h"

namespace dash {

const uint8_t kMaxEspButtons = 3;

struct Settings {
  std::string wifiSsid;
  std::string wifiPassword;
  std::string brokerHost;
  uint16_t brokerPort = 1883;
  bool tls = false;
  std::string caPem;  // required with tls: the broker's CA, PEM
  std::string deviceId;
  std::string secret;
  uint8_t buttonCount = 0;
  uint8_t buttonPins[kMaxEspButtons] = {};
  uint8_t ledPins[kMaxEspButtons] = {};
  uint8_t batteryPin = 0;
  uint8_t cells = 3;
  Chemistry chemistry = Chemistry::Alkaline;
  uint32_t holdMs = 1500;
  uint32_t doubleMs = 400;
  uint16_t singleOnlyMask = 0;
  uint32_t heartbeatS = 0;
};

Settings defaultSettings();
// Every problem, so a console user fixes them in one go; empty when the device can run.
std::vector<std::string> validateSettings(const Settings& settings);
// Only RTC GPIOs can wake the ESP32 from deep sleep through ext1.
bool isRtcGpio(uint8_t pin);
// One console line: "set <key> <value>", "show", "keys". Returns the reply to print.
std::string applyCommand(Settings& settings, const std::string& line);

bool loadSettings(Settings& settings, KvStore& nvs);  // false: nothing saved yet (defaults kept)
bool saveSettings(const Settings& settings, KvStore& nvs);

}  // namespace dash
