#include <string>

#include "../lib/dash_core/src/json-reader.h"
#include "../lib/dash_core/src/json-writer.h"
#include "test.h"

using dash::json::Type;
using dash::json::Value;

namespace {
bool parses(const std::string& text) {
  Value v;
  return dash::json::parse(text.data(), text.size(), v);
}
}  // namespace

TEST(json_reads_escapes_and_surrogate_pairs_into_utf8) {
  Value v;
  std::string text = R"({"s":"a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"})";
  CHECK(dash::json::parse(text.data(), text.size(), v));
  CHECK_EQ(v.find("s")->text, std::string("a\"\\/\b\f\n\r\t\xC3\xA9\xF0\x9F\x98\x80"));
}

TEST(json_refuses_what_json_parse_refuses) {
  CHECK(!parses(""));
  CHECK(!parses("{"));
  CHECK(!parses("{\"a\":1,}"));
  CHECK(!parses("[1,]"));
  CHECK(!parses("01"));
  CHECK(!parses("1."));
  CHECK(!parses("{\"a\":1} x"));
  CHECK(!parses("\"tab\there\""));
  CHECK(!parses("'single'"));
  CHECK(!parses("NaN"));
  CHECK(parses(" {\"a\" : [1, -2.5e3, true, false, null]} "));
}

TEST(json_limits_nesting_so_a_hostile_payload_cannot_blow_the_stack) {
  CHECK(!parses(std::string(10000, '[') + std::string(10000, ']')));
  CHECK(parses(std::string(20, '[') + std::string(20, ']')));
}

TEST(json_keeps_the_last_of_duplicate_keys_like_json_parse) {
  Value v;
  std::string text = R"({"a":1,"a":2})";
  CHECK(dash::json::parse(text.data(), text.size(), v));
  CHECK_EQ(v.members.size(), size_t(1));
  CHECK_EQ(v.find("a")->number, 2.0);
}

TEST(json_integers_are_safe_integers_only) {
  Value v;
  std::string text = "[9007199254740991, 9007199254740992, 4.0, 4.5]";
  CHECK(dash::json::parse(text.data(), text.size(), v));
  CHECK(v.items[0].isInteger());
  CHECK(!v.items[1].isInteger());
  CHECK(v.items[2].isInteger());
  CHECK(!v.items[3].isInteger());
}

TEST(json_writer_escapes_like_json_stringify) {
  char out[64];
  dash::JsonWriter json(out, sizeof out);
  json.beginObject().key("s").string("\x01\x1f\x7f\"\\/\xC3\xA9").endObject();
  CHECK(json.ok());
  CHECK_EQ(std::string(out), std::string("{\"s\":\"\\u0001\\u001f\x7f\\\"\\\\/\xC3\xA9\"}"));
}

TEST(json_writer_prints_tenths_as_javascript_does) {
  char out[64];
  dash::JsonWriter json(out, sizeof out);
  json.beginObject().key("a").tenths(875).key("b").tenths(620).key("c").tenths(5).key("d").tenths(0).endObject();
  CHECK_EQ(std::string(out), std::string("{\"a\":87.5,\"b\":62,\"c\":0.5,\"d\":0}"));
}
