// The C++ encoder and decoders against test/fixtures/mqtt: the same files the TypeScript
// contract test reads, so the two sides cannot drift.
#include <cmath>
#include <string>
#include <vector>

#include "../lib/dash_core/src/json-reader.h"
#include "../lib/dash_core/src/payload.h"
#include "test.h"

using dash::json::Value;

namespace {

struct Golden {
  std::string file;
  std::string bytes;
  std::string canonical;
  bool cpp = true;
};

const Value& goldenIndex() {
  static Value index;
  static bool loaded = false;
  if (!loaded) {
    std::string text = test::readFile(test::repoPath("test/fixtures/mqtt/index.json"));
    if (!dash::json::parse(text.data(), text.size(), index)) test::fail(__FILE__, __LINE__, "index.json is not JSON");
    loaded = true;
  }
  return index;
}

std::vector<Golden> goldens(const std::string& folder, const std::string& validity) {
  const std::string dir = test::repoPath("test/fixtures/mqtt/" + folder + "/" + validity);
  std::vector<Golden> out;
  for (const std::string& name : test::listJson(dir)) {
    Golden g;
    g.file = folder + "/" + validity + "/" + name;
    g.bytes = test::readFile(dir + "/" + name);
    g.canonical = g.bytes;
    if (const Value* note = goldenIndex().find("valid")->find(g.file.c_str())) {
      if (const Value* canonical = note->find("canonical")) g.canonical = canonical->text;
      if (const Value* cpp = note->find("cpp")) g.cpp = cpp->boolean;
    }
    out.push_back(g);
  }
  if (out.empty()) test::fail(__FILE__, __LINE__, "no fixtures in " + dir);
  return out;
}

Value parsed(const Golden& g) {
  Value root;
  if (!dash::json::parse(g.bytes.data(), g.bytes.size(), root)) test::fail(__FILE__, __LINE__, g.file + " is not JSON");
  return root;
}

dash::PressMessage pressFrom(const Value& root) {
  dash::PressMessage press;
  press.pressId = root.find("pressId")->text.c_str();
  press.seq = static_cast<uint64_t>(root.find("seq")->number);
  if (const Value* v = root.find("button")) press.button = static_cast<uint8_t>(v->number);
  if (const Value* v = root.find("action")) {
    press.action = v->text == "double" ? dash::Action::Double : v->text == "hold" ? dash::Action::Hold : dash::Action::Single;
  }
  if (const Value* v = root.find("pressedAt")) press.hasPressedAt = true, press.pressedAt = static_cast<uint64_t>(v->number);
  if (const Value* v = root.find("ageMs")) press.hasAgeMs = true, press.ageMs = static_cast<uint64_t>(v->number);
  if (const Value* v = root.find("queued")) press.hasQueued = true, press.queued = v->boolean;
  return press;
}

dash::TelemetryMessage telemetryFrom(const Value& root, std::string& fw) {
  dash::TelemetryMessage t;
  if (const Value* v = root.find("batteryMv")) t.hasBatteryMv = true, t.batteryMv = static_cast<uint32_t>(v->number);
  if (const Value* v = root.find("batteryPct")) {
    t.hasBatteryPct = true;
    t.batteryPctTenths = static_cast<uint16_t>(std::lround(v->number * 10));
  }
  if (const Value* v = root.find("rssi")) t.hasRssi = true, t.rssi = static_cast<int32_t>(v->number);
  if (const Value* v = root.find("uptimeS")) t.hasUptimeS = true, t.uptimeS = static_cast<uint64_t>(v->number);
  if (const Value* v = root.find("fw")) fw = v->text, t.fw = fw.c_str();
  if (const Value* v = root.find("pending")) t.hasPending = true, t.pending = static_cast<uint32_t>(v->number);
  return t;
}

}  // namespace

TEST(press_encoder_reproduces_every_valid_press_golden_byte_for_byte) {
  for (const Golden& g : goldens("press", "valid")) {
    Value root = parsed(g);
    char out[dash::kMaxPayloadBytes];
    size_t n = dash::encodePress(pressFrom(root), out, sizeof out);
    CHECK_EQ(g.file + " " + std::string(out, n), g.file + " " + g.canonical);
  }
}

TEST(telemetry_encoder_reproduces_every_valid_telemetry_golden_byte_for_byte) {
  int encoded = 0;
  for (const Golden& g : goldens("telemetry", "valid")) {
    if (!g.cpp) continue;
    Value root = parsed(g);
    std::string fw;
    char out[dash::kMaxPayloadBytes];
    size_t n = dash::encodeTelemetry(telemetryFrom(root, fw), out, sizeof out);
    CHECK_EQ(g.file + " " + std::string(out, n), g.file + " " + g.canonical);
    ++encoded;
  }
  CHECK(encoded >= 4);
}

TEST(state_words_are_the_golden_states) {
  const char* const files[] = {"init.txt", "ready.txt", "sleeping.txt", "lost.txt"};
  const dash::DeviceState states[] = {dash::DeviceState::Init, dash::DeviceState::Ready, dash::DeviceState::Sleeping,
                                      dash::DeviceState::Lost};
  for (int i = 0; i < 4; ++i) {
    CHECK_EQ(std::string(dash::stateWord(states[i])),
             test::readFile(test::repoPath(std::string("test/fixtures/mqtt/state/valid/") + files[i])));
  }
}

TEST(encoder_reports_a_buffer_too_small_instead_of_truncating) {
  dash::PressMessage press;
  press.pressId = "7-42";
  char out[16];
  CHECK_EQ(dash::encodePress(press, out, sizeof out), size_t(0));
  char enough[128];
  CHECK(dash::encodePress(press, enough, sizeof enough) > 0);
}

TEST(decoders_accept_every_valid_downlink_golden) {
  for (const Golden& g : goldens("ack", "valid")) {
    dash::AckMessage ack;
    CHECK_EQ(g.file + (dash::decodeAck(g.bytes.data(), g.bytes.size(), ack) ? " ok" : " refused"), g.file + " ok");
  }
  for (const Golden& g : goldens("led-set", "valid")) {
    dash::LedSetMessage led;
    CHECK_EQ(g.file + (dash::decodeLedSet(g.bytes.data(), g.bytes.size(), led) ? " ok" : " refused"), g.file + " ok");
  }
  for (const Golden& g : goldens("config", "valid")) {
    dash::ConfigMessage config;
    CHECK_EQ(g.file + (dash::decodeConfig(g.bytes.data(), g.bytes.size(), config) ? " ok" : " refused"), g.file + " ok");
  }
}

TEST(decoders_refuse_every_invalid_downlink_golden) {
  for (const Golden& g : goldens("ack", "invalid")) {
    dash::AckMessage ack;
    CHECK_EQ(g.file + (dash::decodeAck(g.bytes.data(), g.bytes.size(), ack) ? " ok" : " refused"), g.file + " refused");
  }
  for (const Golden& g : goldens("led-set", "invalid")) {
    dash::LedSetMessage led;
    CHECK_EQ(g.file + (dash::decodeLedSet(g.bytes.data(), g.bytes.size(), led) ? " ok" : " refused"), g.file + " refused");
  }
  for (const Golden& g : goldens("config", "invalid")) {
    dash::ConfigMessage config;
    CHECK_EQ(g.file + (dash::decodeConfig(g.bytes.data(), g.bytes.size(), config) ? " ok" : " refused"), g.file + " refused");
  }
}

TEST(decoded_downlinks_carry_the_golden_values) {
  std::string ackText = test::readFile(test::repoPath("test/fixtures/mqtt/ack/valid/rejected-rate-limited.json"));
  dash::AckMessage ack;
  CHECK(dash::decodeAck(ackText.data(), ackText.size(), ack));
  CHECK_EQ(ack.pressId, std::string("7-99"));
  CHECK(ack.outcome == dash::Outcome::Rejected && ack.hasReason && ack.reason == dash::RejectReason::RateLimited);
  CHECK(!ack.hasTicketNumber);

  std::string ledText = test::readFile(test::repoPath("test/fixtures/mqtt/led-set/valid/unmapped-button-15.json"));
  dash::LedSetMessage led;
  CHECK(dash::decodeLedSet(ledText.data(), ledText.size(), led));
  CHECK_EQ(led.button, uint8_t(15));
  CHECK(led.pattern == dash::LedPattern::Unmapped);

  std::string configText = test::readFile(test::repoPath("test/fixtures/mqtt/config/valid/unicode-label.json"));
  dash::ConfigMessage config;
  CHECK(dash::decodeConfig(configText.data(), configText.size(), config));
  CHECK_EQ(config.buttons.size(), size_t(1));
  CHECK_EQ(config.buttons[0].label, std::string("Kasse \xE2\x80\x93 Drucker"));
  CHECK_EQ(config.holdMs, uint64_t(1500));
  CHECK_EQ(config.heartbeatS, uint64_t(86400));
}
