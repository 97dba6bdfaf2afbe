// A small strict JSON reader (RFC 8259) for downlinks on the device and fixtures in host tests.
// Heap-backed (std::string / std::vector): downlinks are a few hundred bytes and arrive awake.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace dash {
namespace json {

enum class Type { Null, Bool, Number, String, Array, Object };

struct Value {
  Type type = Type::Null;
  bool boolean = false;
  double number = 0;  // JSON numbers are IEEE doubles, exactly as JSON.parse reads them
  std::string text;
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;  // in document order

  const Value* find(const char* key) const;
  bool isInteger() const;  // a safe integer, as zod's .int() requires
};

// Parses the whole input; trailing non-whitespace is an error. `error` gets a short reason.
bool parse(const char* text, size_t length, Value& out, std::string* error = nullptr);

}  // namespace json
}  // namespace dash
