// The text side of Settings: console commands and their NVS keys.
#include <cstdlib>
#include <functional>

#include "settings.h"

namespace dash {
namespace {

bool parseNumber(const std::string& text, uint32_t max, uint32_t& out) {
  if (text.empty() || text.size() > 10) return false;
  char* end = nullptr;
  unsigned long value = std::strtoul(text.c_str(), &end, 10);
  if (*end != '\0' || value > max || text[0] == '-') return false;
  out = static_cast<uint32_t>(value);
  return true;
}

bool parsePins(const std::string& text, uint8_t (&pins)[kMaxEspButtons], uint8_t& count) {
  uint8_t parsed[kMaxEspButtons] = {};
  uint8_t n = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    uint32_t pin = 0;
    if (n == kMaxEspButtons || !parseNumber(item, 39, pin)) return false;
    parsed[n++] = static_cast<uint8_t>(pin);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  for (uint8_t i = 0; i < kMaxEspButtons; ++i) pins[i] = parsed[i];
  count = n;
  return true;
}

std::string showPins(const uint8_t (&pins)[kMaxEspButtons], uint8_t count) {
  std::string out;
  for (uint8_t i = 0; i < count && i < kMaxEspButtons; ++i) out += (i ? "," : "") + std::to_string(pins[i]);
  return out;
}

struct Key {
  const char* name;
  std::function<std::string(const Settings&)> show;
  std::function<bool(Settings&, const std::string&)> set;
};

template <typename T>
Key number(const char* name, T Settings::*field, uint32_t max) {
  return {name, [field](const Settings& s) { return std::to_string(s.*field); },
          [field, max](Settings& s, const std::string& v) {
            uint32_t n = 0;
            if (!parseNumber(v, max, n)) return false;
            s.*field = static_cast<T>(n);
            return true;
          }};
}

Key text(const char* name, std::string Settings::*field, bool secret) {
  return {name, [field, secret](const Settings& s) { return secret && !(s.*field).empty() ? std::string("(set)") : s.*field; },
          [field](Settings& s, const std::string& v) { s.*field = v; return true; }};
}

const std::vector<Key>& keys() {
  static const std::vector<Key> all = {
      text("wifi.ssid", &Settings::wifiSsid, false),
      text("wifi.password", &Settings::wifiPassword, true),
      text("broker.host", &Settings::brokerHost, false),
      number("broker.port", &Settings::brokerPort, 65535),
      {"broker.tls", [](const Settings& s) { return std::string(s.tls ? "on" : "off"); },
       [](Settings& s, const std::string& v) { s.tls = v == "on"; return v == "on" || v == "off"; }},
      {"broker.ca", [](const Settings& s) { return std::to_string(s.caPem.size()) + " bytes (enter with: ca)"; },
       [](Settings&, const std::string&) { return false; }},
      text("device.id", &Settings::deviceId, false),
      text("device.secret", &Settings::secret, true),
      {"buttons.pins", [](const Settings& s) { return showPins(s.buttonPins, s.buttonCount); },
       [](Settings& s, const std::string& v) { return parsePins(v, s.buttonPins, s.buttonCount); }},
      {"leds.pins", [](const Settings& s) { return showPins(s.ledPins, s.buttonCount); },
       [](Settings& s, const std::string& v) { uint8_t n = 0; return parsePins(v, s.ledPins, n) && n == s.buttonCount; }},
      number("battery.pin", &Settings::batteryPin, 39),
      number("battery.cells", &Settings::cells, 4),
      {"battery.chemistry", [](const Settings& s) { return std::string(s.chemistry == Chemistry::Lithium ? "lithium" : "alkaline"); },
       [](Settings& s, const std::string& v) {
         s.chemistry = v == "lithium" ? Chemistry::Lithium : Chemistry::Alkaline;
         return v == "lithium" || v == "alkaline";
       }},
      number("press.holdMs", &Settings::holdMs, 60000),
      number("press.doubleMs", &Settings::doubleMs, 5000),
      number("press.singleOnlyMask", &Settings::singleOnlyMask, 0xFFFF),
      number("heartbeatS", &Settings::heartbeatS, 7 * 24 * 3600),
  };
  return all;
}

}  // namespace

std::string applyCommand(Settings& settings, const std::string& line) {
  if (line == "keys") {
    std::string out;
    for (const Key& key : keys()) out += std::string(key.name) + "\n";
    return out;
  }
  if (line == "show") {
    std::string out;
    for (const Key& key : keys()) out += std::string(key.name) + " = " + key.show(settings) + "\n";
    for (const std::string& problem : validateSettings(settings)) out += "! " + problem + "\n";
    return out;
  }
  if (line.compare(0, 4, "set ") == 0) {
    size_t space = line.find(' ', 4);
    std::string name = line.substr(4, space == std::string::npos ? std::string::npos : space - 4);
    std::string value = space == std::string::npos ? "" : line.substr(space + 1);
    for (const Key& key : keys()) {
      if (name != key.name) continue;
      return key.set(settings, value) ? "ok" : "error: bad value for " + name;
    }
    return "error: unknown key " + name + " (try: keys)";
  }
  return "error: commands are show, keys, set <key> <value>, ca, save, reboot";
}

}  // namespace dash
