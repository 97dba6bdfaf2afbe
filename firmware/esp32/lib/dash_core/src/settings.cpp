#include "settings.h"

#include <cstdlib>

#include "default-config.h"

namespace dash {

Settings defaultSettings() {
  Settings s;
  s.brokerPort = defaults::kBrokerPort;
  s.buttonCount = defaults::kButtonCount;
  for (uint8_t i = 0; i < defaults::kButtonCount; ++i) {
    s.buttonPins[i] = defaults::kButtonPins[i];
    s.ledPins[i] = defaults::kLedPins[i];
  }
  s.batteryPin = defaults::kBatteryPin;
  s.heartbeatS = defaults::kHeartbeatS;
  return s;
}

bool isRtcGpio(uint8_t pin) {
  static const uint8_t kRtc[] = {0, 2, 4, 12, 13, 14, 15, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39};
  for (uint8_t rtc : kRtc) {
    if (pin == rtc) return true;
  }
  return false;
}

namespace {

bool validDeviceId(const std::string& id) {
  if (id.size() < 3 || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

void checkPins(const Settings& s, std::vector<std::string>& problems) {
  if (s.buttonCount < 1 || s.buttonCount > kMaxEspButtons) problems.push_back("buttons.pins: 1 to 3 buttons");
  uint64_t used = 0;
  for (uint8_t i = 0; i < s.buttonCount && i < kMaxEspButtons; ++i) {
    uint8_t button = s.buttonPins[i];
    uint8_t led = s.ledPins[i];
    if (!isRtcGpio(button)) problems.push_back("buttons.pins: GPIO " + std::to_string(button) + " cannot wake from deep sleep (not an RTC GPIO)");
    if (led >= 34 || led == 6 || led == 7 || led == 8 || led == 9 || led == 10 || led == 11) {
      problems.push_back("leds.pins: GPIO " + std::to_string(led) + " cannot drive an LED (input-only or flash)");
    }
    for (uint8_t pin : {button, led}) {
      if (pin < 64 && (used & (1ULL << pin))) problems.push_back("pins: GPIO " + std::to_string(pin) + " is used twice");
      if (pin < 64) used |= 1ULL << pin;
    }
  }
  if (s.batteryPin < 32 || s.batteryPin > 39) problems.push_back("battery.pin: must be an ADC1 pin (GPIO 32–39); ADC2 stops working with Wi-Fi");
}

}  // namespace

std::vector<std::string> validateSettings(const Settings& s) {
  std::vector<std::string> problems;
  if (s.wifiSsid.empty() || s.wifiSsid.size() > 32) problems.push_back("wifi.ssid: 1–32 characters");
  if (!s.wifiPassword.empty() && (s.wifiPassword.size() < 8 || s.wifiPassword.size() > 63)) problems.push_back("wifi.password: empty (open network) or 8–63 characters");
  if (s.brokerHost.empty()) problems.push_back("broker.host: required");
  if (s.brokerPort == 0) problems.push_back("broker.port: 1–65535");
  if (s.tls && s.caPem.find("-----BEGIN CERTIFICATE-----") == std::string::npos) problems.push_back("broker.ca: TLS needs the broker's CA certificate (PEM)");
  if (!validDeviceId(s.deviceId)) problems.push_back("device.id: 3–64 of a-z, 0-9 and -");
  if (s.secret.empty()) problems.push_back("device.secret: required (issued when the device was added)");
  checkPins(s, problems);
  if (s.cells < 1 || s.cells > 4) problems.push_back("battery.cells: 1–4");
  if (s.holdMs < 200) problems.push_back("press.holdMs: at least 200");
  if (s.heartbeatS < 60) problems.push_back("heartbeatS: at least 60");
  return problems;
}

}  // namespace dash
