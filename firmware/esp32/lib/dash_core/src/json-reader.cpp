#include "json-reader.h"

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
  static void appendUtf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  bool hex4(unsigned long& out) {
    if (end - p < 4) return fail("short \\u escape");
    out = 0;
    for (int i = 0; i < 4; ++i, ++p) {
      char c = *p;
      int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (digit < 0) return fail("bad \\u escape");
      out = out * 16 + static_cast<unsigned long>(digit);
    }
    return true;
  }
  bool escape(std::string& out) {
    char c = *p++;
    switch (c) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return fail("bad escape");
    }
    unsigned long cp = 0;
    if (!hex4(cp)) return false;
    // A surrogate pair encodes one code point; a lone surrogate becomes U+FFFD as in Node.
    if (cp >= 0xD800 && cp <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
      const char* save = p;
      p += 2;
      unsigned long low = 0;
      if (!hex4(low)) return false;
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else {
        p = save;
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    appendUtf8(out, cp);
    return true;
  }
  bool string(std::string& out) {
    ++p;  // opening quote
    while (p < end && *p != '"') {
      if (static_cast<unsigned char>(*p) < 0x20) return fail("control character in string");
      if (*p == '\\') {
        ++p;
        if (p >= end || !escape(out)) return fail("bad escape");
      } else {
        out += *p++;
      }
    }
    if (p >= end) return fail("unterminated string");
    ++p;
    return true;
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
