// Writes compact JSON into a caller's buffer, byte for byte as JSON.stringify would: the
// golden payloads in test/fixtures/mqtt are the judge. No heap, safe to call before Wi-Fi.
#pragma once
#include <cstddef>
#include <cstdint>

namespace dash {

class JsonWriter {
 public:
  JsonWriter(char* buffer, size_t capacity);

  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& key(const char* name);  // writes the separator, the quoted name and ':'
  JsonWriter& string(const char* text);
  JsonWriter& integer(int64_t value);
  JsonWriter& unsignedInteger(uint64_t value);
  JsonWriter& tenths(uint32_t value);  // 875 → 87.5, 620 → 62: how JS prints one decimal
  JsonWriter& boolean(bool value);
  JsonWriter& raw(const char* text);

  bool ok() const { return !overflow_; }
  size_t length() const { return length_; }  // excluding the terminating NUL

 private:
  void put(char c);
  void comma();

  char* buffer_;
  size_t capacity_;
  size_t length_ = 0;
  bool overflow_ = false;
  bool needComma_ = false;
};

}  // namespace dash
