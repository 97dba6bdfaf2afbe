// A tiny test framework for the host tests: TEST registers a function, CHECK and CHECK_EQ
// stop it with a message. Run by test-main.cpp; driven from host-tests.test.ts.
#pragma once
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace test {

struct Case {
  const char* name;
  void (*run)();
};

std::vector<Case>& registry();

struct Register {
  Register(const char* name, void (*run)()) { registry().push_back({name, run}); }
};

struct Failure {
  std::string message;
};

[[noreturn]] void fail(const char* file, int line, const std::string& message);

// A path inside the repository (the runner gets the root as its first argument).
std::string repoPath(const std::string& relative);
std::string readFile(const std::string& path);
std::vector<std::string> listJson(const std::string& directory);  // sorted *.json names

template <typename T>
std::string show(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}
inline std::string show(const std::string& value) { return "\"" + value + "\""; }
inline std::string show(const char* value) { return value ? show(std::string(value)) : "null"; }
inline std::string show(uint8_t value) { return std::to_string(value); }
inline std::string show(bool value) { return value ? "true" : "false"; }

}  // namespace test

#define TEST(name)                                        \
  static void name();                                     \
  static const test::Register name##_registered(#name, name); \
  static void name()

#define CHECK(condition)                                                            \
  do {                                                                              \
    if (!(condition)) test::fail(__FILE__, __LINE__, "CHECK(" #condition ") failed"); \
  } while (0)

#define CHECK_EQ(actual, expected)                                                                  \
  do {                                                                                              \
    const auto& check_a = (actual);                                                                 \
    const auto& check_e = (expected);                                                               \
    if (!(check_a == check_e)) {                                                                    \
      test::fail(__FILE__, __LINE__,                                                                \
                 std::string(#actual " == " #expected ": got ") + test::show(check_a) + ", want " + \
                     test::show(check_e));                                                          \
    }                                                                                               \
  } while (0)
