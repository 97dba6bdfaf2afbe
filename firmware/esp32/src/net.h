// Wi-Fi and MQTT (PubSubClient over WiFiClient or WiFiClientSecure). PubSubClient publishes
// QoS 0 only, so presses are resent until the app-level ack (design §2).
#pragma once
#include <dash-core.h>

#include <functional>

namespace net {

using Handler = std::function<void(const char* kind, const char* payload, size_t length)>;

bool connectWifi(const dash::Settings& settings, uint32_t timeoutMs);
// Connects with LWT `lost` (retained), subscribes to ack, led/set and config.
bool connectMqtt(const dash::Settings& settings, Handler onDownlink);
bool publish(const char* kind, const char* payload, size_t length, bool retained);
void loop();
int32_t rssi();
void shutdown();  // `sleeping` is published by the caller first; then a clean disconnect

}  // namespace net
