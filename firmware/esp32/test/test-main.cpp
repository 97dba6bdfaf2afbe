// Runner: `tests <repo-root> [--list | name...]`. Prints "ok <name>" or "FAIL <name>: <why>"
// per test and exits non-zero if any failed.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <sstream>

#include "test.h"

namespace test {

static std::string g_root;

std::vector<Case>& registry() {
  static std::vector<Case> cases;
  return cases;
}

void fail(const char* file, int line, const std::string& message) {
  throw Failure{std::string(file) + ":" + std::to_string(line) + ": " + message};
}

std::string repoPath(const std::string& relative) { return g_root + "/" + relative; }

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(__FILE__, __LINE__, "cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> listJson(const std::string& directory) {
  std::vector<std::string> names;
  DIR* dir = opendir(directory.c_str());
  if (!dir) fail(__FILE__, __LINE__, "cannot list " + directory);
  while (dirent* entry = readdir(dir)) {
    std::string name = entry->d_name;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) names.push_back(name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace test

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <repo-root> [--list | test-name...]\n", argv[0]);
    return 2;
  }
  test::g_root = argv[1];
  if (argc == 3 && std::strcmp(argv[2], "--list") == 0) {
    for (const auto& c : test::registry()) std::printf("%s\n", c.name);
    return 0;
  }
  int failed = 0;
  int ran = 0;
  for (const auto& c : test::registry()) {
    bool wanted = argc == 2;
    for (int i = 2; i < argc; ++i) wanted = wanted || std::strcmp(argv[i], c.name) == 0;
    if (!wanted) continue;
    ++ran;
    try {
      c.run();
      std::printf("ok %s\n", c.name);
    } catch (const test::Failure& failure) {
      ++failed;
      std::printf("FAIL %s: %s\n", c.name, failure.message.c_str());
    }
  }
  if (ran == 0) {
    std::fprintf(stderr, "no test matched\n");
    return 2;
  }
  return failed == 0 ? 0 : 1;
}
