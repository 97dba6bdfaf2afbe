#include "../lib/dash_core/src/battery.h"
#include "test.h"

using dash::Chemistry;

TEST(battery_millivolts_undo_the_divider) {
  CHECK_EQ(dash::batteryMillivolts(1720, 4700000, 2200000), 5394u);
  CHECK_EQ(dash::batteryMillivolts(1000, 1000000, 1000000), 2000u);
  CHECK_EQ(dash::batteryMillivolts(1000, 1000000, 0), 0u);
}

TEST(battery_percentage_is_bounded_and_falls_with_voltage) {
  for (Chemistry chemistry : {Chemistry::Alkaline, Chemistry::Lithium}) {
    uint16_t previous = 1000;
    for (uint32_t mv = 6000; mv >= 2000; mv -= 10) {
      uint16_t tenths = dash::batteryPercentTenths(mv, 3, chemistry);
      CHECK(tenths <= 1000);
      CHECK(tenths <= previous);
      previous = tenths;
    }
    CHECK_EQ(dash::batteryPercentTenths(6000, 3, chemistry), uint16_t(1000));
    CHECK_EQ(dash::batteryPercentTenths(2000, 3, chemistry), uint16_t(0));
  }
}

TEST(battery_percentage_follows_the_alkaline_curve_per_cell) {
  CHECK_EQ(dash::batteryPercentTenths(3 * 1450, 3, Chemistry::Alkaline), uint16_t(800));
  CHECK_EQ(dash::batteryPercentTenths(3 * 1400, 3, Chemistry::Alkaline), uint16_t(675));
  CHECK_EQ(dash::batteryPercentTenths(2 * 1250, 2, Chemistry::Alkaline), uint16_t(300));
  CHECK_EQ(dash::batteryPercentTenths(4000, 0, Chemistry::Alkaline), uint16_t(0));
}
