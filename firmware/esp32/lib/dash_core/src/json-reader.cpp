#include "json-reader.h"

#include "json-string.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace dash {
namespace json {

const Value* Value::find(const char* key) const {
  for (const auto& member : members) {
    if (member.first == key) return &member.second;
  }
  return nullptr;
}

bool Value::isInteger() const {
  const double kMaxSafe = 9007199254740991.0;  // Number.MAX_SAFE_INTEGER
  return type == Type::Number && std::floor(number) == number && std::fabs(number) <= kMaxSafe;
}

namespace {

const int kMaxDepth = 32;  // a hostile payload must not exhaust the stack

struct Parser {
  const char* p;
  const char* end;
  std::string error;

  bool fail(const char* why) {
    if (error.empty()) error = why;
    return false;
  }
  void skipSpace() {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
  }
  bool literal(const char* word) {
    size_t n = std::strlen(word);
    if (static_cast<size_t>(end - p) < n || std::memcmp(p, word, n) != 0) return fail("bad literal");
    p += n;
    return true;
  }
  bool string(std::string& out) {
    const char* why = readJsonString(p, end, out);
    return why ? fail(why) : true;
  }
  bool number(Value& out) {
    const char* start = p;
    if (p < end && *p == '-') ++p;
    if (p < end && *p == '0') {
      ++p;
    } else if (p < end && *p >= '1' && *p <= '9') {
      while (p < end && *p >= '0' && *p <= '9') ++p;
    } else {
      return fail("bad number");
    }
    if (p < end && *p == '.') {
      ++p;
      if (p >= end || *p < '0' || *p > '9') return fail("bad fraction");
      while (p < end && *p >= '0' && *p <= '9') ++p;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
      ++p;
      if (p < end && (*p == '+' || *p == '-')) ++p;
      if (p >= end || *p < '0' || *p > '9') return fail("bad exponent");
      while (p < end && *p >= '0' && *p <= '9') ++p;
    }
    out.type = Type::Number;
    out.number = std::strtod(std::string(start, p).c_str(), nullptr);
    return true;
  }
  bool value(Value& out, int depth) {
    if (depth > kMaxDepth) return fail("nested too deep");
    skipSpace();
    if (p >= end) return fail("unexpected end");
    switch (*p) {
      case '{': return object(out, depth);
      case '[': return array(out, depth);
      case '"': out.type = Type::String; return string(out.text);
      case 't': out.type = Type::Bool; out.boolean = true; return literal("true");
      case 'f': out.type = Type::Bool; out.boolean = false; return literal("false");
      case 'n': out.type = Type::Null; return literal("null");
      default: return number(out);
    }
  }
  bool array(Value& out, int depth) {
    out.type = Type::Array;
    ++p;
    skipSpace();
    if (p < end && *p == ']') return ++p, true;
    for (;;) {
      out.items.emplace_back();
      if (!value(out.items.back(), depth + 1)) return false;
      skipSpace();
      if (p < end && *p == ',') { ++p; continue; }
      if (p < end && *p == ']') return ++p, true;
      return fail("expected , or ]");
    }
  }
  bool object(Value& out, int depth) {
    out.type = Type::Object;
    ++p;
    skipSpace();
    if (p < end && *p == '}') return ++p, true;
    for (;;) {
      skipSpace();
      if (p >= end || *p != '"') return fail("expected key");
      std::string key;
      if (!string(key)) return false;
      skipSpace();
      if (p >= end || *p++ != ':') return fail("expected :");
      Value member;
      if (!value(member, depth + 1)) return false;
      // JSON.parse keeps the last of duplicate keys; so do we.
      bool replaced = false;
      for (auto& existing : out.members) {
        if (existing.first == key) { existing.second = member; replaced = true; }
      }
      if (!replaced) out.members.emplace_back(key, member);
      skipSpace();
      if (p < end && *p == ',') { ++p; continue; }
      if (p < end && *p == '}') return ++p, true;
      return fail("expected , or }");
    }
  }
};

}  // namespace

bool parse(const char* text, size_t length, Value& out, std::string* error) {
  Parser parser{text, text + length, {}};
  out = Value();
  bool ok = parser.value(out, 0);
  if (ok) {
    parser.skipSpace();
    if (parser.p != parser.end) ok = parser.fail("trailing characters");
  }
  if (!ok && error) *error = parser.error;
  return ok;
}

}  // namespace json
}  // namespace dash
