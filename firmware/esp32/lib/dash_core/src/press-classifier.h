// Raw button edges → single / double / hold. A line-for-line port of
// firmware/shared/press-classifier.ts; both must pass test/fixtures/classifier/*.json.
// Times are milliseconds on any monotonic clock; nothing here reads a clock.
#pragma once
#include <cstddef>
#include <cstdint>

#include "payload.h"

namespace dash {

struct ClassifierConfig {
  uint32_t debounceMs = 20;   // contact bounce is ~1–10 ms
  uint32_t doubleMs = 400;    // second press must start this soon after the first release; 0 = off
  uint32_t holdMs = 1500;     // held this long → hold, decided at the threshold
  uint16_t singleOnlyMask = 0;  // bit n: button n never waits for a double
};

struct ClassifiedPress {
  uint8_t button;
  Action action;
  int64_t at;         // settled down edge of the gesture's first press
  int64_t decidedAt;  // when the classifier could first know
};

class PressClassifier {
 public:
  static constexpr uint8_t kMaxButtons = 16;
  static constexpr size_t kQueueCapacity = 32;

  explicit PressClassifier(const ClassifierConfig& config = ClassifierConfig());

  void reconfigure(const ClassifierConfig& config) { config_ = config; }
  // Raw level (true = pressed). Earlier times than the last are treated as now. False if the
  // button index is out of range.
  bool edge(uint8_t button, bool pressed, int64_t at);
  // Copies up to `capacity` presses decided by `now`, oldest first; the rest wait for the next poll.
  size_t poll(int64_t now, ClassifiedPress* out, size_t capacity);
  // When a decision may next come out; false when every button is at rest (safe to sleep).
  bool nextDeadline(int64_t& at) const;
  // Presses lost because nobody polled while the queue was full.
  uint32_t overflowed() const { return overflowed_; }

 private:
  enum class Phase : uint8_t { Idle, Down, Held, Gap };
  enum class EventKind : uint8_t { None, Settle, Deadline };
  struct ButtonState {
    bool stable = false;
    bool raw = false;
    int64_t rawAt = 0;
    Phase phase = Phase::Idle;
    int64_t downAt = 0;
    int64_t upAt = 0;
    bool hasFirst = false;
    int64_t firstAt = 0;
  };
  struct Event {
    EventKind kind;
    int64_t at;
  };

  void advance(int64_t until);
  int64_t deadline(const ButtonState& state) const;
  Event nextEvent(const ButtonState& state) const;
  void onDown(ButtonState& state);
  void onUp(uint8_t button, ButtonState& state);
  void onDeadline(uint8_t button, ButtonState& state);
  void emit(uint8_t button, Action action, int64_t at);

  ClassifierConfig config_;
  ButtonState buttons_[kMaxButtons];
  int64_t clock_;
  ClassifiedPress queue_[kQueueCapacity];
  size_t queued_ = 0;
  uint32_t overflowed_ = 0;
};

}  // namespace dash
