// One wake of the battery button: classify → store → (Wi-Fi, MQTT, publish, acks) → sleep.
#pragma once

namespace wakecycle {

void run();   // from setup(); ends in deep sleep unless the device needs setting up
void loop();  // from loop(); only reached in setup mode

}  // namespace wakecycle
