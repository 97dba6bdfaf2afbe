// The C++ classifier against the same table as firmware/shared/press-classifier.test.ts.
#include <string>
#include <vector>

#include "../lib/dash_core/src/json-reader.h"
#include "../lib/dash_core/src/press-classifier.h"
#include "test.h"

using dash::ClassifiedPress;
using dash::PressClassifier;
using dash::json::Value;

namespace {

struct Edge {
  int64_t at;
  uint8_t button;
  bool pressed;
};

struct TableCase {
  std::string name;
  dash::ClassifierConfig config;
  std::vector<Edge> edges;
  std::vector<int64_t> polls;
  int64_t until;
  std::string expected;
};

int64_t integer(const Value* value) { return value ? static_cast<int64_t>(value->number) : 0; }

std::string describe(const std::vector<ClassifiedPress>& presses) {
  std::string out;
  for (const auto& p : presses) {
    out += "{" + std::to_string(p.button) + " " + dash::actionName(p.action) + " at " + std::to_string(p.at) +
           " decided " + std::to_string(p.decidedAt) + "}";
  }
  return out.empty() ? "(none)" : out;
}

TableCase readCase(const Value& c) {
  TableCase out;
  out.name = c.find("name")->text;
  if (const Value* config = c.find("config")) {
    if (const Value* v = config->find("debounceMs")) out.config.debounceMs = static_cast<uint32_t>(v->number);
    if (const Value* v = config->find("doubleMs")) out.config.doubleMs = static_cast<uint32_t>(v->number);
    if (const Value* v = config->find("holdMs")) out.config.holdMs = static_cast<uint32_t>(v->number);
    if (const Value* v = config->find("singleOnly")) {
      for (const Value& b : v->items) out.config.singleOnlyMask |= static_cast<uint16_t>(1u << integer(&b));
    }
  }
  for (const Value& e : c.find("edges")->items) {
    out.edges.push_back({integer(&e.items[0]), static_cast<uint8_t>(integer(&e.items[1])), integer(&e.items[2]) == 1});
  }
  if (const Value* polls = c.find("polls")) {
    for (const Value& p : polls->items) out.polls.push_back(integer(&p));
  }
  out.until = integer(c.find("until"));
  std::vector<ClassifiedPress> expected;
  for (const Value& e : c.find("expect")->items) {
    const std::string& action = e.find("action")->text;
    dash::Action a = action == "double" ? dash::Action::Double : action == "hold" ? dash::Action::Hold : dash::Action::Single;
    expected.push_back({static_cast<uint8_t>(integer(e.find("button"))), a, integer(e.find("at")), integer(e.find("decidedAt"))});
  }
  out.expected = describe(expected);
  return out;
}

void drain(PressClassifier& classifier, int64_t now, std::vector<ClassifiedPress>& out) {
  ClassifiedPress batch[4];  // small on purpose: several polls per instant must lose nothing
  for (size_t n = classifier.poll(now, batch, 4); n > 0; n = classifier.poll(now, batch, 4)) {
    for (size_t i = 0; i < n; ++i) {
      if (batch[i].decidedAt > now) test::fail(__FILE__, __LINE__, "reported before it was decided");
      out.push_back(batch[i]);
    }
  }
}

std::string runAtListedPolls(const TableCase& c) {
  PressClassifier classifier(c.config);
  std::vector<ClassifiedPress> out;
  size_t next = 0;
  for (const Edge& e : c.edges) {
    while (next < c.polls.size() && c.polls[next] < e.at) drain(classifier, c.polls[next++], out);
    classifier.edge(e.button, e.pressed, e.at);
  }
  while (next < c.polls.size()) drain(classifier, c.polls[next++], out);
  drain(classifier, c.until, out);
  return describe(out);
}

std::string runAtEveryDeadline(const TableCase& c) {
  PressClassifier classifier(c.config);
  std::vector<ClassifiedPress> out;
  int64_t due = 0;
  for (const Edge& e : c.edges) {
    while (classifier.nextDeadline(due) && due < e.at) drain(classifier, due, out);
    classifier.edge(e.button, e.pressed, e.at);
    drain(classifier, e.at, out);
  }
  while (classifier.nextDeadline(due) && due <= c.until) drain(classifier, due, out);
  drain(classifier, c.until, out);
  return describe(out);
}

}  // namespace

TEST(classifier_passes_the_shared_press_table) {
  const std::string dir = test::repoPath("test/fixtures/classifier");
  std::string failures;
  int cases = 0;
  for (const std::string& file : test::listJson(dir)) {
    std::string text = test::readFile(dir + "/" + file);
    Value table;
    CHECK(dash::json::parse(text.data(), text.size(), table));
    for (const Value& raw : table.find("cases")->items) {
      TableCase c = readCase(raw);
      ++cases;
      std::string listed = runAtListedPolls(c);
      std::string every = runAtEveryDeadline(c);
      if (listed != c.expected) failures += "\n  " + file + " / " + c.name + " (listed polls): " + listed + " want " + c.expected;
      if (every != c.expected) failures += "\n  " + file + " / " + c.name + " (every deadline): " + every + " want " + c.expected;
    }
  }
  CHECK(cases > 20);
  if (!failures.empty()) test::fail(__FILE__, __LINE__, failures);
}

TEST(classifier_refuses_a_button_outside_the_contract) {
  PressClassifier classifier;
  CHECK(!classifier.edge(16, true, 0));
  CHECK(classifier.edge(15, true, 0));
}

TEST(classifier_counts_presses_lost_to_a_full_queue) {
  PressClassifier classifier(dash::ClassifierConfig{20, 0, 1500, 0});
  for (int i = 0; i < 40; ++i) {
    classifier.edge(0, true, i * 100);
    classifier.edge(0, false, i * 100 + 50);
  }
  ClassifiedPress out[64];
  CHECK_EQ(classifier.poll(10000, out, 64), PressClassifier::kQueueCapacity);
  CHECK_EQ(classifier.overflowed(), 40u - PressClassifier::kQueueCapacity);
}
