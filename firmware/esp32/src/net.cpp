#include "net.h"

#include <PubSubClient.h>
#include <WiFi.h>
#include <WiFiClientSecure.h>

namespace net {
namespace {

WiFiClient plain;
WiFiClientSecure secure;
PubSubClient mqtt;
std::string deviceId;
Handler handler;

std::string topic(const char* kind) { return "dash/" + deviceId + "/" + kind; }

void onMessage(char* fullTopic, uint8_t* payload, unsigned int length) {
  std::string prefix = topic("");
  if (!handler || strncmp(fullTopic, prefix.c_str(), prefix.size()) != 0) return;
  handler(fullTopic + prefix.size(), reinterpret_cast<const char*>(payload), length);
}

}  // namespace

bool connectWifi(const dash::Settings& settings, uint32_t timeoutMs) {
  WiFi.mode(WIFI_STA);
  WiFi.persistent(false);  // credentials live in our NVS namespace, not the Wi-Fi driver's
  WiFi.begin(settings.wifiSsid.c_str(), settings.wifiPassword.c_str());
  uint32_t start = millis();
  while (WiFi.status() != WL_CONNECTED && millis() - start < timeoutMs) delay(20);
  return WiFi.status() == WL_CONNECTED;
}

bool connectMqtt(const dash::Settings& settings, Handler onDownlink) {
  deviceId = settings.deviceId;
  handler = onDownlink;
  if (settings.tls) {
    secure.setCACert(settings.caPem.c_str());
    mqtt.setClient(secure);
  } else {
    mqtt.setClient(plain);
  }
  mqtt.setServer(settings.brokerHost.c_str(), settings.brokerPort);
  mqtt.setBufferSize(dash::kMaxPayloadBytes + 128);  // config can be long; default is 256
  mqtt.setCallback(onMessage);
  std::string will = topic("$state");
  // clientId = username = device id (design §2); will: `lost`, QoS 1, retained.
  if (!mqtt.connect(deviceId.c_str(), deviceId.c_str(), settings.secret.c_str(), will.c_str(), 1, true,
                    dash::stateWord(dash::DeviceState::Lost), true)) {
    return false;
  }
  return mqtt.subscribe(topic("ack").c_str(), 1) && mqtt.subscribe(topic("led/set").c_str(), 1) &&
         mqtt.subscribe(topic("config").c_str(), 1);
}

bool publish(const char* kind, const char* payload, size_t length, bool retained) {
  return mqtt.publish(topic(kind).c_str(), reinterpret_cast<const uint8_t*>(payload), length, retained);
}

void loop() { mqtt.loop(); }

int32_t rssi() { return WiFi.RSSI(); }

void shutdown() {
  mqtt.disconnect();
  WiFi.disconnect(true);
  WiFi.mode(WIFI_OFF);
}

}  // namespace net
