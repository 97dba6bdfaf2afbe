#include <cstring>
#include <initializer_list>

#include "json-reader.h"
#include "payload.h"

namespace dash {
namespace {

using json::Type;
using json::Value;

// z.strictObject: every key must be one the schema knows.
bool onlyKeys(const Value& object, std::initializer_list<const char*> known) {
  if (object.type != Type::Object) return false;
  for (const auto& member : object.members) {
    bool found = false;
    for (const char* key : known) found = found || member.first == key;
    if (!found) return false;
  }
  return true;
}

bool readObject(const char* payload, size_t length, Value& out) {
  return length <= kMaxPayloadBytes && json::parse(payload, length, out) && out.type == Type::Object;
}

template <typename Enum, size_t N>
bool readEnum(const Value* value, const char* const (&names)[N], Enum& out) {
  if (!value || value->type != Type::String) return false;
  for (size_t i = 0; i < N; ++i) {
    if (value->text == names[i]) {
      out = static_cast<Enum>(i);
      return true;
    }
  }
  return false;
}

bool readInteger(const Value* value, double min, uint64_t& out) {
  if (!value || !value->isInteger() || value->number < min) return false;
  out = static_cast<uint64_t>(value->number);
  return true;
}

bool readButton(const Value* value, uint8_t& out) {
  uint64_t button = 0;
  if (!readInteger(value, 0, button) || button > kMaxButtonIndex) return false;
  out = static_cast<uint8_t>(button);
  return true;
}

bool readString(const Value* value, std::string& out) {
  if (!value || value->type != Type::String) return false;
  out = value->text;
  return true;
}

const char* const kOutcomes[] = {"created", "merged", "duplicate", "reopened", "cancelled", "rejected"};
const char* const kReasons[] = {
    "invalid_payload", "payload_too_large", "rate_limited", "unmapped_disabled", "device_disabled", "no_open_ticket", "internal",
};
const char* const kPatterns[] = {"off", "received", "acknowledged", "resolved", "error", "unmapped"};

}  // namespace

bool decodeAck(const char* payload, size_t length, AckMessage& out) {
  Value root;
  if (!readObject(payload, length, root) || !onlyKeys(root, {"pressId", "outcome", "ticketNumber", "reason"})) return false;
  if (!readString(root.find("pressId"), out.pressId) || !readEnum(root.find("outcome"), kOutcomes, out.outcome)) return false;
  const Value* ticket = root.find("ticketNumber");
  out.hasTicketNumber = ticket != nullptr;
  if (ticket && !readString(ticket, out.ticketNumber)) return false;
  const Value* reason = root.find("reason");
  out.hasReason = reason != nullptr;
  return !reason || readEnum(reason, kReasons, out.reason);
}

bool decodeLedSet(const char* payload, size_t length, LedSetMessage& out) {
  Value root;
  return readObject(payload, length, root) && onlyKeys(root, {"button", "pattern"}) &&
         readButton(root.find("button"), out.button) && readEnum(root.find("pattern"), kPatterns, out.pattern);
}

bool decodeConfig(const char* payload, size_t length, ConfigMessage& out) {
  Value root;
  if (!readObject(payload, length, root) || !onlyKeys(root, {"buttons", "holdMs", "doubleMs", "heartbeatS"})) return false;
  if (!readInteger(root.find("holdMs"), 1, out.holdMs) || !readInteger(root.find("doubleMs"), 0, out.doubleMs) ||
      !readInteger(root.find("heartbeatS"), 1, out.heartbeatS)) {
    return false;
  }
  const Value* buttons = root.find("buttons");
  if (!buttons || buttons->type != Type::Array) return false;
  out.buttons.clear();
  for (const Value& item : buttons->items) {
    ConfigButton button;
    if (!onlyKeys(item, {"button", "label", "color"}) || !readButton(item.find("button"), button.button) ||
        !readString(item.find("label"), button.label) || !readString(item.find("color"), button.color)) {
      return false;
    }
    out.buttons.push_back(button);
  }
  return true;
}

}  // namespace dash
