#include "json-writer.h"

#include <cinttypes>
#include <cstdio>

namespace dash {

JsonWriter::JsonWriter(char* buffer, size_t capacity) : buffer_(buffer), capacity_(capacity) {
  if (capacity_ > 0) buffer_[0] = '\0';
  else overflow_ = true;
}

void JsonWriter::put(char c) {
  if (length_ + 1 >= capacity_) {
    overflow_ = true;
    return;
  }
  buffer_[length_++] = c;
  buffer_[length_] = '\0';
}

void JsonWriter::comma() {
  if (needComma_) put(',');
  needComma_ = true;
}

JsonWriter& JsonWriter::raw(const char* text) {
  while (*text) put(*text++);
  return *this;
}

JsonWriter& JsonWriter::beginObject() {
  comma();
  put('{');
  needComma_ = false;
  return *this;
}

JsonWriter& JsonWriter::endObject() {
  put('}');
  needComma_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(const char* name) {
  string(name);
  put(':');
  needComma_ = false;
  return *this;
}

JsonWriter& JsonWriter::string(const char* text) {
  comma();
  put('"');
  for (const unsigned char* c = reinterpret_cast<const unsigned char*>(text); *c; ++c) {
    switch (*c) {
      case '"': raw("\\\""); break;
      case '\\': raw("\\\\"); break;
      case '\b': raw("\\b"); break;
      case '\f': raw("\\f"); break;
      case '\n': raw("\\n"); break;
      case '\r': raw("\\r"); break;
      case '\t': raw("\\t"); break;
      default:
        if (*c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", *c);  // JSON.stringify uses lower case
          raw(escaped);
        } else {
          put(static_cast<char>(*c));  // UTF-8 passes through unescaped, as in JSON.stringify
        }
    }
  }
  put('"');
  return *this;
}

JsonWriter& JsonWriter::integer(int64_t value) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%" PRId64, value);
  comma();
  return raw(digits);
}

JsonWriter& JsonWriter::unsignedInteger(uint64_t value) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%" PRIu64, value);
  comma();
  return raw(digits);
}

JsonWriter& JsonWriter::tenths(uint32_t value) {
  char digits[16];
  if (value % 10 == 0) std::snprintf(digits, sizeof digits, "%" PRIu32, value / 10);
  else std::snprintf(digits, sizeof digits, "%" PRIu32 ".%" PRIu32, value / 10, value % 10);
  comma();
  return raw(digits);
}

JsonWriter& JsonWriter::boolean(bool value) {
  comma();
  return raw(value ? "true" : "false");
}

}  // namespace dash
