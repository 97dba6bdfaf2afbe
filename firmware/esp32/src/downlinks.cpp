#include "downlinks.h"

#include <cstring>

#include "leds.h"

namespace downlinks {
namespace {

// The ack names a press; its button's LED shows the outcome until led/set says otherwise.
void onAck(const dash::AckMessage& ack, const Context& c) {
  dash::PressRecord pending[dash::Outbox::kMaxPending];
  size_t n = c.outbox.snapshot(pending, dash::Outbox::kMaxPending);
  for (size_t i = 0; i < n; ++i) {
    char id[dash::kPressIdSize];
    dash::formatPressId(pending[i], id);
    if (ack.pressId == id) leds::show(pending[i].button, dash::patternForAck(ack.outcome));
  }
  c.outbox.remove(ack.pressId.c_str());  // any outcome: a rejected press will not fare better resent
}

void onConfig(const dash::ConfigMessage& config, const Context& c) {
  dash::Settings& s = c.settings;
  bool changed = s.holdMs != config.holdMs || s.doubleMs != config.doubleMs || s.heartbeatS != config.heartbeatS;
  s.holdMs = static_cast<uint32_t>(config.holdMs);
  s.doubleMs = static_cast<uint32_t>(config.doubleMs);
  s.heartbeatS = static_cast<uint32_t>(config.heartbeatS);
  c.classifier.reconfigure({20, s.doubleMs, s.holdMs, s.singleOnlyMask});
  if (changed) dash::saveSettings(s, c.nvs);  // retained on the broker, but needed offline too
}

}  // namespace

void handle(const char* kind, const char* payload, size_t length, const Context& c) {
  if (std::strcmp(kind, "ack") == 0) {
    dash::AckMessage ack;
    if (dash::decodeAck(payload, length, ack)) onAck(ack, c);
  } else if (std::strcmp(kind, "led/set") == 0) {
    dash::LedSetMessage led;
    if (dash::decodeLedSet(payload, length, led)) leds::show(led.button, led.pattern);
  } else if (std::strcmp(kind, "config") == 0) {
    dash::ConfigMessage config;
    if (dash::decodeConfig(payload, length, config)) onConfig(config, c);
  }
}

}  // namespace downlinks
