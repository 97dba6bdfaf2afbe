#include "press-classifier.h"

#include <climits>

namespace dash {
namespace {
const int64_t kNever = INT64_MAX;
const int64_t kBeginning = INT64_MIN;
}  // namespace

PressClassifier::PressClassifier(const ClassifierConfig& config) : config_(config), clock_(kBeginning) {}

bool PressClassifier::edge(uint8_t button, bool pressed, int64_t at) {
  if (button >= kMaxButtons) return false;
  if (at < clock_) at = clock_;
  advance(at);  // deadlines at exactly `at` fire first: windows are half-open
  ButtonState& state = buttons_[button];
  if (pressed != state.raw) {
    state.raw = pressed;
    state.rawAt = at;
  }
  return true;
}

size_t PressClassifier::poll(int64_t now, ClassifiedPress* out, size_t capacity) {
  advance(now);
  size_t n = queued_ < capacity ? queued_ : capacity;
  for (size_t i = 0; i < n; ++i) out[i] = queue_[i];
  for (size_t i = n; i < queued_; ++i) queue_[i - n] = queue_[i];
  queued_ -= n;
  return n;
}

bool PressClassifier::nextDeadline(int64_t& at) const {
  int64_t next = kNever;
  for (const ButtonState& state : buttons_) {
    Event event = nextEvent(state);
    if (event.kind != EventKind::None && event.at < next) next = event.at;
  }
  if (next == kNever) return false;
  at = next > clock_ ? next : clock_;
  return true;
}

void PressClassifier::advance(int64_t until) {
  for (;;) {
    int button = -1;
    Event first{EventKind::None, kNever};
    for (int i = 0; i < kMaxButtons; ++i) {
      Event candidate = nextEvent(buttons_[i]);
      if (candidate.kind != EventKind::None && (button < 0 || candidate.at < first.at)) {
        button = i;
        first = candidate;
      }
    }
    if (button < 0 || first.at > until) break;
    if (first.at > clock_) clock_ = first.at;
    ButtonState& state = buttons_[button];
    if (first.kind == EventKind::Deadline) {
      onDeadline(static_cast<uint8_t>(button), state);
      continue;
    }
    state.stable = state.raw;
    if (state.stable) onDown(state);
    else onUp(static_cast<uint8_t>(button), state);
  }
  if (until > clock_) clock_ = until;
}

int64_t PressClassifier::deadline(const ButtonState& state) const {
  if (state.phase == Phase::Down) return state.downAt + config_.holdMs;
  if (state.phase == Phase::Gap) return state.upAt + config_.doubleMs;
  return kNever;
}

PressClassifier::Event PressClassifier::nextEvent(const ButtonState& state) const {
  int64_t due = deadline(state);
  bool unsettled = state.raw != state.stable;
  // An unsettled edge that began before the deadline may still beat it: wait for it.
  if (unsettled && state.rawAt < due) return {EventKind::Settle, state.rawAt + config_.debounceMs};
  if (due != kNever) return {EventKind::Deadline, due};
  if (unsettled) return {EventKind::Settle, state.rawAt + config_.debounceMs};
  return {EventKind::None, kNever};
}

void PressClassifier::onDown(ButtonState& state) {
  state.hasFirst = state.phase == Phase::Gap;
  state.firstAt = state.downAt;
  state.phase = Phase::Down;
  state.downAt = state.rawAt;
}

void PressClassifier::onUp(uint8_t button, ButtonState& state) {
  if (state.phase == Phase::Held) state.phase = Phase::Idle;
  if (state.phase != Phase::Down) return;
  bool singleOnly = config_.doubleMs == 0 || (config_.singleOnlyMask & (1u << button)) != 0;
  if (state.hasFirst) {
    emit(button, Action::Double, state.firstAt);
    state.phase = Phase::Idle;
  } else if (!singleOnly) {
    state.phase = Phase::Gap;
    state.upAt = state.rawAt;
  } else {
    emit(button, Action::Single, state.downAt);
    state.phase = Phase::Idle;
  }
}

void PressClassifier::onDeadline(uint8_t button, ButtonState& state) {
  if (state.phase == Phase::Gap) {
    emit(button, Action::Single, state.downAt);
    state.phase = Phase::Idle;
    return;
  }
  // A click, then a second press held down: the click stands on its own, then the hold.
  if (state.hasFirst) emit(button, Action::Single, state.firstAt);
  emit(button, Action::Hold, state.downAt);
  state.phase = Phase::Held;
  state.hasFirst = false;
}

void PressClassifier::emit(uint8_t button, Action action, int64_t at) {
  if (queued_ == kQueueCapacity) {
    ++overflowed_;
    return;
  }
  queue_[queued_++] = ClassifiedPress{button, action, at, clock_};
}

}  // namespace dash
