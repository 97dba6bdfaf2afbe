#include <string>

#include "../lib/dash_core/src/settings.h"
#include "memory-kv-store.h"
#include "test.h"

namespace {
dash::Settings provisioned() {
  dash::Settings s = dash::defaultSettings();
  for (const char* line : {"set wifi.ssid Shop 12", "set wifi.password correct-horse", "set broker.host dash.example.net",
                           "set device.id shop-12-till", "set device.secret s3cret"}) {
    CHECK_EQ(dash::applyCommand(s, line), std::string("ok"));
  }
  return s;
}

bool mentions(const std::vector<std::string>& problems, const std::string& key) {
  for (const std::string& p : problems) {
    if (p.compare(0, key.size(), key) == 0) return true;
  }
  return false;
}
}  // namespace

TEST(settings_defaults_list_every_missing_setting_at_once) {
  std::vector<std::string> problems = dash::validateSettings(dash::defaultSettings());
  for (const char* key : {"wifi.ssid", "broker.host", "device.id", "device.secret"}) CHECK(mentions(problems, key));
  CHECK(!mentions(problems, "buttons.pins"));
}

TEST(settings_set_over_the_console_make_a_runnable_device) {
  dash::Settings s = provisioned();
  CHECK(dash::validateSettings(s).empty());
  CHECK_EQ(s.wifiSsid, std::string("Shop 12"));  // values may contain spaces
}

TEST(settings_refuse_a_button_that_cannot_wake_the_device) {
  dash::Settings s = provisioned();
  CHECK_EQ(dash::applyCommand(s, "set buttons.pins 32,5"), std::string("ok"));
  CHECK(mentions(dash::validateSettings(s), "buttons.pins: GPIO 5"));
  CHECK_EQ(dash::applyCommand(s, "set buttons.pins 32,33,27,14"), std::string("error: bad value for buttons.pins"));
  CHECK_EQ(dash::applyCommand(s, "set broker.port 70000"), std::string("error: bad value for broker.port"));
  CHECK_EQ(dash::applyCommand(s, "set nope 1"), std::string("error: unknown key nope (try: keys)"));
}

TEST(settings_refuse_tls_without_a_ca_and_a_battery_pin_on_adc2) {
  dash::Settings s = provisioned();
  CHECK_EQ(dash::applyCommand(s, "set broker.tls on"), std::string("ok"));
  CHECK_EQ(dash::applyCommand(s, "set battery.pin 4"), std::string("ok"));
  std::vector<std::string> problems = dash::validateSettings(s);
  CHECK(mentions(problems, "broker.ca"));
  CHECK(mentions(problems, "battery.pin"));
}

TEST(settings_show_hides_secrets) {
  dash::Settings s = provisioned();
  std::string shown = dash::applyCommand(s, "show");
  CHECK(shown.find("s3cret") == std::string::npos);
  CHECK(shown.find("correct-horse") == std::string::npos);
  CHECK(shown.find("device.secret = (set)") != std::string::npos);
}

TEST(settings_round_trip_through_nvs) {
  MemoryKvStore nvs;
  dash::Settings loaded = dash::defaultSettings();
  CHECK(!dash::loadSettings(loaded, nvs));
  dash::Settings s = provisioned();
  CHECK_EQ(dash::applyCommand(s, "set buttons.pins 33"), std::string("ok"));
  CHECK(dash::saveSettings(s, nvs));
  CHECK(dash::loadSettings(loaded, nvs));
  CHECK_EQ(dash::applyCommand(loaded, "show"), dash::applyCommand(s, "show"));
}
