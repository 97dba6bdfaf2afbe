// The device contract (design §2, gateway/src/mqtt/contract.ts) as the ESP32 sees it:
// encoders for what it sends, strict decoders for what it receives. Field order, optional
// fields and number formats follow the TypeScript encoder; test/fixtures/mqtt is the judge.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dash {

const size_t kMaxPayloadBytes = 4096;  // MAX_PAYLOAD_BYTES in contract.ts
const uint8_t kMaxButtonIndex = 15;

enum class Action : uint8_t { Single, Double, Hold };
enum class DeviceState : uint8_t { Init, Ready, Sleeping, Lost };
enum class Outcome : uint8_t { Created, Merged, Duplicate, Reopened, Cancelled, Rejected };
enum class RejectReason : uint8_t {
  InvalidPayload, PayloadTooLarge, RateLimited, UnmappedDisabled, DeviceDisabled, NoOpenTicket, Internal,
};
enum class LedPattern : uint8_t { Off, Received, Acknowledged, Resolved, Error, Unmapped };

const char* actionName(Action action);
const char* stateWord(DeviceState state);  // $state is this bare word, not JSON
const char* ledPatternName(LedPattern pattern);

struct PressMessage {
  const char* pressId = "";
  uint64_t seq = 0;
  uint8_t button = 0;
  Action action = Action::Single;
  bool hasPressedAt = false;
  uint64_t pressedAt = 0;  // epoch ms, only with a synced clock
  bool hasAgeMs = false;
  uint64_t ageMs = 0;  // ms between the press and this publish
  bool hasQueued = false;
  bool queued = false;
};

struct TelemetryMessage {
  bool hasBatteryMv = false;
  uint32_t batteryMv = 0;
  bool hasBatteryPct = false;
  uint16_t batteryPctTenths = 0;  // 0–1000; one decimal is all a voltage curve can claim
  bool hasRssi = false;
  int32_t rssi = 0;
  bool hasUptimeS = false;
  uint64_t uptimeS = 0;
  const char* fw = nullptr;  // absent when null
  bool hasPending = false;
  uint32_t pending = 0;
};

// Return the payload length, or 0 when `capacity` is too small (nothing usable is written).
size_t encodePress(const PressMessage& press, char* out, size_t capacity);
size_t encodeTelemetry(const TelemetryMessage& telemetry, char* out, size_t capacity);

struct AckMessage {
  std::string pressId;
  Outcome outcome = Outcome::Created;
  bool hasTicketNumber = false;
  std::string ticketNumber;
  bool hasReason = false;
  RejectReason reason = RejectReason::Internal;
};

struct LedSetMessage {
  uint8_t button = 0;
  LedPattern pattern = LedPattern::Off;
};

struct ConfigButton {
  uint8_t button = 0;
  std::string label;
  std::string color;
};

struct ConfigMessage {
  std::vector<ConfigButton> buttons;
  uint64_t holdMs = 0;
  uint64_t doubleMs = 0;  // 0 turns double off
  uint64_t heartbeatS = 0;
};

// Strict, like the zod schemas: unknown keys, wrong types and out-of-range values are refused,
// and `out` is then left in an unspecified state.
bool decodeAck(const char* payload, size_t length, AckMessage& out);
bool decodeLedSet(const char* payload, size_t length, LedSetMessage& out);
bool decodeConfig(const char* payload, size_t length, ConfigMessage& out);

}  // namespace dash
