#include "wake-cycle.h"

#include <Arduino.h>
#include <esp_sleep.h>
#include <sys/time.h>

#include "buttons.h"
#include "downlinks.h"
#include "leds.h"
#include "net.h"
#include "nvs-kv-store.h"
#include "setup-mode.h"

namespace wakecycle {
namespace {

// Survive deep sleep, not power loss; the outbox also writes every press to NVS.
RTC_DATA_ATTR dash::RtcRing ring;
RTC_DATA_ATTR uint32_t failedConnects = 0;

NvsKvStore nvs;
dash::Settings settings;
dash::Outbox outbox(ring, nvs);
dash::PressClassifier classifier;
uint64_t rtcAtBoot = 0;  // RTC ms at millis() == 0 of this wake
bool setupMode = false;
bool online = false;

// The RTC timer counts from power-on and keeps counting through deep sleep (we never set it).
uint64_t rtcNowMs() {
  timeval tv;
  gettimeofday(&tv, nullptr);
  return static_cast<uint64_t>(tv.tv_sec) * 1000 + tv.tv_usec / 1000;
}

void publishPress(const dash::PressRecord& record) {
  char id[dash::kPressIdSize];
  dash::formatPressId(record, id);
  char payload[256];
  size_t n = dash::encodePress(dash::pressMessageFor(record, id, outbox.bootId(), rtcNowMs()), payload, sizeof payload);
  if (n > 0 && net::publish("press", payload, n, false)) outbox.markAttempt(id);
}

void publishPending() {
  dash::PressRecord pending[dash::Outbox::kMaxPending];
  size_t n = outbox.snapshot(pending, dash::Outbox::kMaxPending);
  for (size_t i = 0; i < n; ++i) publishPress(pending[i]);
}

// Feeds queued edges to the classifier and stores what it decides, before any Wi-Fi.
void collectPresses() {
  buttons::Edge edge;
  while (buttons::next(edge)) classifier.edge(edge.button, edge.pressed, edge.atMs);
  dash::ClassifiedPress presses[8];
  size_t n = classifier.poll(millis(), presses, 8);
  for (size_t i = 0; i < n; ++i) {
    dash::PressRecord record = outbox.next(presses[i].button, static_cast<uint8_t>(presses[i].action),
                                           rtcAtBoot + static_cast<uint64_t>(presses[i].at), 0);
    outbox.push(record);
    if (online) publishPress(record);
  }
}

bool settled() {
  int64_t due = 0;
  return !classifier.nextDeadline(due) && !buttons::anyDown();
}

void onDownlink(const char* kind, const char* payload, size_t length) {
  downlinks::handle(kind, payload, length, downlinks::Context{outbox, settings, classifier, nvs});
}

uint32_t readBatteryMv() {
  analogSetPinAttenuation(settings.batteryPin, ADC_11db);
  return dash::batteryMillivolts(analogReadMilliVolts(settings.batteryPin), dash::defaults::kDividerTopOhms,
                                 dash::defaults::kDividerBottomOhms);
}

void publishTelemetry(uint32_t batteryMv) {
  dash::TelemetryMessage t;
  t.hasBatteryMv = true;
  t.batteryMv = batteryMv;
  t.hasBatteryPct = true;
  t.batteryPctTenths = dash::batteryPercentTenths(batteryMv, settings.cells, settings.chemistry);
  t.hasRssi = true;
  t.rssi = net::rssi();
  t.hasUptimeS = true;
  t.uptimeS = rtcNowMs() / 1000;  // since power-on, sleep included
  t.fw = DASH_FW_VERSION;
  t.hasPending = true;
  t.pending = static_cast<uint32_t>(outbox.size());
  char payload[256];
  size_t n = dash::encodeTelemetry(t, payload, sizeof payload);
  if (n > 0) net::publish("telemetry", payload, n, false);
}

[[noreturn]] void sleepFor(uint64_t ms) {
  uint32_t start = millis();
  while (buttons::anyDown() && millis() - start < 30000) delay(10);  // ext1 "any high" would wake at once
  leds::off();
  esp_sleep_enable_ext1_wakeup(buttons::wakeMask(), ESP_EXT1_WAKEUP_ANY_HIGH);
  esp_sleep_enable_timer_wakeup(ms * 1000ULL);
  esp_deep_sleep_start();
}

uint64_t retryDelayMs() {
  uint64_t retry = dash::backoffDelay(failedConnects, esp_random(), dash::BackoffPolicy{30000, 3600000});
  uint64_t heartbeat = static_cast<uint64_t>(settings.heartbeatS) * 1000;
  return retry < heartbeat ? retry : heartbeat;
}

void awake(uint32_t batteryMv) {
  net::publish("$state", dash::stateWord(dash::DeviceState::Ready), strlen(dash::stateWord(dash::DeviceState::Ready)), true);
  publishPending();
  uint32_t start = millis();
  uint32_t lastSend = start;
  while (millis() - start < dash::defaults::kAwakeForAcksMs && (outbox.size() > 0 || !settled())) {
    net::loop();
    leds::tick();
    collectPresses();
    if (millis() - lastSend > 2000) {  // QoS 0: resend until the ack comes
      publishPending();
      lastSend = millis();
    }
    delay(5);
  }
  publishTelemetry(batteryMv);
  const char* sleeping = dash::stateWord(dash::DeviceState::Sleeping);
  net::publish("$state", sleeping, strlen(sleeping), true);
  for (int i = 0; i < 20; ++i, delay(5)) net::loop();
}

}  // namespace

void run() {
  Serial.begin(115200);
  nvs.begin();
  settings = dash::defaultSettings();
  dash::loadSettings(settings, nvs);
  outbox.begin();
  esp_sleep_wakeup_cause_t cause = esp_sleep_get_wakeup_cause();
  bool unconfigured = !dash::validateSettings(settings).empty();
  if (unconfigured || (cause == ESP_SLEEP_WAKEUP_UNDEFINED && setupmode::requested(2000))) {
    setupmode::begin(settings, nvs, unconfigured);
    setupMode = true;
    return;
  }
  rtcAtBoot = rtcNowMs() - millis();
  buttons::begin(settings);
  leds::begin(settings);
  classifier.reconfigure({20, settings.doubleMs, settings.holdMs, settings.singleOnlyMask});
  if (cause == ESP_SLEEP_WAKEUP_EXT1) buttons::seedFromWake(esp_sleep_get_ext1_wakeup_status());
  for (uint32_t start = millis(); !settled() && millis() - start < 10000; delay(5)) collectPresses();
  collectPresses();
  uint32_t batteryMv = readBatteryMv();  // before Wi-Fi: ADC quieter, no radio droop
  bool checkIn = cause != ESP_SLEEP_WAKEUP_EXT1;
  if (outbox.size() == 0 && !checkIn) sleepFor(static_cast<uint64_t>(settings.heartbeatS) * 1000);
  if (!net::connectWifi(settings, dash::defaults::kWifiTimeoutMs) || !net::connectMqtt(settings, onDownlink)) {
    ++failedConnects;
    net::shutdown();
    sleepFor(retryDelayMs());
  }
  failedConnects = 0;
  online = true;
  awake(batteryMv);
  net::shutdown();
  sleepFor(outbox.size() > 0 ? retryDelayMs() : static_cast<uint64_t>(settings.heartbeatS) * 1000);
}

void loop() {
  if (setupMode) setupmode::loop();
}

}  // namespace wakecycle
