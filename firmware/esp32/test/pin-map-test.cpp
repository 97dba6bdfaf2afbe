// hardware/esp32-button/pin-map.json is the wiring; default-config.h must match it.
#include <string>

#include "../lib/dash_core/src/default-config.h"
#include "../lib/dash_core/src/json-reader.h"
#include "../lib/dash_core/src/settings.h"
#include "test.h"

using dash::json::Value;

namespace {
Value pinMap() {
  std::string text = test::readFile(test::repoPath("hardware/esp32-button/pin-map.json"));
  Value root;
  if (!dash::json::parse(text.data(), text.size(), root)) test::fail(__FILE__, __LINE__, "pin-map.json is not JSON");
  return root;
}
int number(const Value& object, const char* key) { return static_cast<int>(object.find(key)->number); }
}  // namespace

TEST(pin_map_buttons_and_leds_are_the_firmware_defaults) {
  Value map = pinMap();
  const Value& buttons = *map.find("buttons");
  const Value& leds = *map.find("leds");
  CHECK_EQ(buttons.items.size(), size_t(dash::defaults::kButtonCount));
  CHECK_EQ(leds.items.size(), size_t(dash::defaults::kButtonCount));
  for (uint8_t i = 0; i < dash::defaults::kButtonCount; ++i) {
    CHECK_EQ(number(buttons.items[i], "button"), int(i));
    CHECK_EQ(number(buttons.items[i], "gpio"), int(dash::defaults::kButtonPins[i]));
    CHECK_EQ(number(leds.items[i], "button"), int(i));
    CHECK_EQ(number(leds.items[i], "gpio"), int(dash::defaults::kLedPins[i]));
  }
}

TEST(pin_map_buttons_can_wake_the_device_as_the_map_claims) {
  Value map = pinMap();
  for (const Value& button : map.find("buttons")->items) {
    CHECK(button.find("rtcGpio")->boolean);
    CHECK(dash::isRtcGpio(static_cast<uint8_t>(number(button, "gpio"))));
  }
}

TEST(pin_map_battery_divider_is_the_firmware_default) {
  Value map = pinMap();
  const Value& battery = *map.find("battery");
  CHECK_EQ(number(battery, "gpio"), int(dash::defaults::kBatteryPin));
  CHECK_EQ(battery.find("adc")->text, std::string("ADC1_CH7"));  // GPIO 35 is ADC1 channel 7
  CHECK_EQ(static_cast<uint32_t>(battery.find("dividerTopOhms")->number), dash::defaults::kDividerTopOhms);
  CHECK_EQ(static_cast<uint32_t>(battery.find("dividerBottomOhms")->number), dash::defaults::kDividerBottomOhms);
}

TEST(default_settings_with_credentials_pass_validation) {
  dash::Settings s = dash::defaultSettings();
  s.wifiSsid = "Shop";
  s.brokerHost = "dash.example.net";
  s.deviceId = "shop-1-till";
  s.secret = "x";
  CHECK(dash::validateSettings(s).empty());
}
