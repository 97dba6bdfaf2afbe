#include "json-writer.h"
#include "payload.h"

namespace dash {

const char* actionName(Action action) {
  static const char* const kNames[] = {"single", "double", "hold"};
  return kNames[static_cast<uint8_t>(action)];
}

const char* stateWord(DeviceState state) {
  static const char* const kWords[] = {"init", "ready", "sleeping", "lost"};
  return kWords[static_cast<uint8_t>(state)];
}

const char* ledPatternName(LedPattern pattern) {
  static const char* const kNames[] = {"off", "received", "acknowledged", "resolved", "error", "unmapped"};
  return kNames[static_cast<uint8_t>(pattern)];
}

// Keys in the order of PressPayload's shape: that is the order JSON.stringify writes after zod.
size_t encodePress(const PressMessage& press, char* out, size_t capacity) {
  JsonWriter json(out, capacity);
  json.beginObject().key("v").integer(1);
  json.key("pressId").string(press.pressId);
  json.key("seq").unsignedInteger(press.seq);
  json.key("button").unsignedInteger(press.button);
  json.key("action").string(actionName(press.action));
  if (press.hasPressedAt) json.key("pressedAt").unsignedInteger(press.pressedAt);
  if (press.hasAgeMs) json.key("ageMs").unsignedInteger(press.ageMs);
  if (press.hasQueued) json.key("queued").boolean(press.queued);
  json.endObject();
  return json.ok() ? json.length() : 0;
}

size_t encodeTelemetry(const TelemetryMessage& telemetry, char* out, size_t capacity) {
  JsonWriter json(out, capacity);
  json.beginObject().key("v").integer(1);
  if (telemetry.hasBatteryMv) json.key("batteryMv").unsignedInteger(telemetry.batteryMv);
  if (telemetry.hasBatteryPct) json.key("batteryPct").tenths(telemetry.batteryPctTenths);
  if (telemetry.hasRssi) json.key("rssi").integer(telemetry.rssi);
  if (telemetry.hasUptimeS) json.key("uptimeS").unsignedInteger(telemetry.uptimeS);
  if (telemetry.fw) json.key("fw").string(telemetry.fw);
  if (telemetry.hasPending) json.key("pending").unsignedInteger(telemetry.pending);
  json.endObject();
  return json.ok() ? json.length() : 0;
}

}  // namespace dash
