#include "setup-mode.h"

#include <Arduino.h>
#include <WebServer.h>
#include <WiFi.h>

namespace setupmode {
namespace {

dash::Settings* settings = nullptr;
dash::KvStore* nvs = nullptr;
WebServer server(80);
bool portal = false;
String line;
bool readingCa = false;
std::string ca;

std::string run(const std::string& command) {
  if (command == "save") {
    std::vector<std::string> problems = dash::validateSettings(*settings);
    if (!problems.empty()) return "error: not saved, fix these first (show)";
    return dash::saveSettings(*settings, *nvs) ? "saved; reboot to start" : "error: NVS write failed";
  }
  if (command == "reboot") {
    delay(100);
    ESP.restart();
  }
  if (command == "ca") {
    readingCa = true;
    ca.clear();
    return "paste the PEM; it ends at -----END CERTIFICATE-----";
  }
  return dash::applyCommand(*settings, command);
}

void consoleLine(const std::string& text) {
  if (readingCa) {
    ca += text + "\n";
    if (text.find("-----END CERTIFICATE-----") != std::string::npos) {
      readingCa = false;
      settings->caPem = ca;
      Serial.println("ok");
    }
    return;
  }
  Serial.println(run(text).c_str());
}

const char kPage[] =
    "<!doctype html><meta name=viewport content='width=device-width'><title>Dash setup</title>"
    "<h1>Dash button setup</h1><p>One command per line, e.g. <code>set wifi.ssid Shop</code>, then "
    "<code>save</code>. Send <code>show</code> to see every setting.</p>"
    "<form method=post action=/><textarea name=c rows=12 cols=48></textarea><br><button>Send</button></form><pre>";

void handlePortal() {
  std::string reply;
  String body = server.arg("c");
  int start = 0;
  while (start < static_cast<int>(body.length())) {
    int end = body.indexOf('\n', start);
    if (end < 0) end = body.length();
    String command = body.substring(start, end);
    command.trim();
    if (command.length() > 0) reply += "> " + std::string(command.c_str()) + "\n" + run(command.c_str()) + "\n";
    start = end + 1;
  }
  std::string escaped;
  for (char c : reply) escaped += c == '<' ? std::string("&lt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
  server.send(200, "text/html", String(kPage) + escaped.c_str() + "</pre>");
}

}  // namespace

void begin(dash::Settings& s, dash::KvStore& store, bool withAccessPoint) {
  settings = &s;
  nvs = &store;
  Serial.println("dash setup: type show, keys, set <key> <value>, ca, save, reboot");
  if (!withAccessPoint) return;
  char name[24];
  snprintf(name, sizeof name, "dash-setup-%04X", static_cast<unsigned>(ESP.getEfuseMac() & 0xFFFF));
  WiFi.mode(WIFI_AP);
  WiFi.softAP(name);  // open network, on purpose short-lived: only until the first save
  server.on("/", handlePortal);
  server.begin();
  portal = true;
  Serial.printf("access point %s, page at http://%s/\n", name, WiFi.softAPIP().toString().c_str());
}

void loop() {
  if (portal) server.handleClient();
  while (Serial.available() > 0) {
    char c = static_cast<char>(Serial.read());
    if (c == '\r') continue;
    if (c != '\n') {
      line += c;
      continue;
    }
    line.trim();
    if (line.length() > 0 || readingCa) consoleLine(line.c_str());
    line = "";
  }
}

bool requested(uint32_t windowMs) {
  uint32_t start = millis();
  while (millis() - start < windowMs) {
    if (Serial.available() > 0) return true;
    delay(10);
  }
  return false;
}

}  // namespace setupmode
