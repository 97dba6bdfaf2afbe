// What the device does with ack, led/set and config (design §2).
#pragma once
#include <dash-core.h>

namespace downlinks {

struct Context {
  dash::Outbox& outbox;
  dash::Settings& settings;
  dash::PressClassifier& classifier;
  dash::KvStore& nvs;
};

// `kind` is the topic after dash/<id>/. Invalid payloads are ignored: the device has nobody
// to tell, and the gateway validates what it sends.
void handle(const char* kind, const char* payload, size_t length, const Context& context);

}  // namespace downlinks
