#include "json-string.h"

namespace dash {
namespace json {
namespace {

void appendUtf8(std::string& out, unsigned long cp) {
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

bool hex4(const char*& p, const char* end, unsigned long& out) {
  if (end - p < 4) return false;
  out = 0;
  for (int i = 0; i < 4; ++i, ++p) {
    char c = *p;
    int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (digit < 0) return false;
    out = out * 16 + static_cast<unsigned long>(digit);
  }
  return true;
}

// After the backslash.
bool escape(const char*& p, const char* end, std::string& out) {
  switch (*p++) {
    case '"': out += '"'; return true;
    case '\\': out += '\\'; return true;
    case '/': out += '/'; return true;
    case 'b': out += '\b'; return true;
    case 'f': out += '\f'; return true;
    case 'n': out += '\n'; return true;
    case 'r': out += '\r'; return true;
    case 't': out += '\t'; return true;
    case 'u': break;
    default: return false;
  }
  unsigned long cp = 0;
  if (!hex4(p, end, cp)) return false;
  // A surrogate pair encodes one code point; a lone surrogate becomes U+FFFD as in Node.
  if (cp >= 0xD800 && cp <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
    const char* save = p;
    p += 2;
    unsigned long low = 0;
    if (!hex4(p, end, low)) return false;
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

}  // namespace

const char* readJsonString(const char*& p, const char* end, std::string& out) {
  ++p;  // opening quote
  while (p < end && *p != '"') {
    if (static_cast<unsigned char>(*p) < 0x20) return "control character in string";
    if (*p == '\\') {
      ++p;
      if (p >= end || !escape(p, end, out)) return "bad escape";
    } else {
      out += *p++;
    }
  }
  if (p >= end) return "unterminated string";
  ++p;
  return nullptr;
}

}  // namespace json
}  // namespace dash
