// Settings ⇄ NVS. Key names stay within NVS's 15 characters.
#include "settings.h"

namespace dash {
namespace {
const uint32_t kVersion = 1;

uint32_t u32(KvStore& nvs, const char* key, uint32_t fallback) {
  uint32_t value = fallback;
  nvs.getU32(key, value);
  return value;
}
}  // namespace

bool loadSettings(Settings& s, KvStore& nvs) {
  uint32_t version = 0;
  if (!nvs.getU32("cfg.v", version) || version != kVersion) return false;
  nvs.getString("wifi.ssid", s.wifiSsid);
  nvs.getString("wifi.pass", s.wifiPassword);
  nvs.getString("mqtt.host", s.brokerHost);
  s.brokerPort = static_cast<uint16_t>(u32(nvs, "mqtt.port", s.brokerPort));
  s.tls = u32(nvs, "mqtt.tls", s.tls) != 0;
  nvs.getString("mqtt.ca", s.caPem);
  nvs.getString("dev.id", s.deviceId);
  nvs.getString("dev.secret", s.secret);
  s.buttonCount = static_cast<uint8_t>(u32(nvs, "pins.count", s.buttonCount));
  nvs.getBlob("pins.btn", s.buttonPins, sizeof s.buttonPins);
  nvs.getBlob("pins.led", s.ledPins, sizeof s.ledPins);
  s.batteryPin = static_cast<uint8_t>(u32(nvs, "bat.pin", s.batteryPin));
  s.cells = static_cast<uint8_t>(u32(nvs, "bat.cells", s.cells));
  s.chemistry = static_cast<Chemistry>(u32(nvs, "bat.chem", static_cast<uint32_t>(s.chemistry)));
  s.holdMs = u32(nvs, "hold.ms", s.holdMs);
  s.doubleMs = u32(nvs, "double.ms", s.doubleMs);
  s.singleOnlyMask = static_cast<uint16_t>(u32(nvs, "single.mask", s.singleOnlyMask));
  s.heartbeatS = u32(nvs, "heartbeat.s", s.heartbeatS);
  return true;
}

bool saveSettings(const Settings& s, KvStore& nvs) {
  bool ok = nvs.putString("wifi.ssid", s.wifiSsid) && nvs.putString("wifi.pass", s.wifiPassword) &&
            nvs.putString("mqtt.host", s.brokerHost) && nvs.putU32("mqtt.port", s.brokerPort) &&
            nvs.putU32("mqtt.tls", s.tls ? 1 : 0) && nvs.putString("mqtt.ca", s.caPem) &&
            nvs.putString("dev.id", s.deviceId) && nvs.putString("dev.secret", s.secret) &&
            nvs.putU32("pins.count", s.buttonCount) && nvs.putBlob("pins.btn", s.buttonPins, sizeof s.buttonPins) &&
            nvs.putBlob("pins.led", s.ledPins, sizeof s.ledPins) && nvs.putU32("bat.pin", s.batteryPin) &&
            nvs.putU32("bat.cells", s.cells) && nvs.putU32("bat.chem", static_cast<uint32_t>(s.chemistry)) &&
            nvs.putU32("hold.ms", s.holdMs) && nvs.putU32("double.ms", s.doubleMs) &&
            nvs.putU32("single.mask", s.singleOnlyMask) && nvs.putU32("heartbeat.s", s.heartbeatS);
  // The version goes last: a save cut short by a reset is not mistaken for a complete one.
  return ok && nvs.putU32("cfg.v", kVersion);
}

}  // namespace dash
