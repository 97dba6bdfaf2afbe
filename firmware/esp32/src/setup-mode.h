// Provisioning: a serial console (115200 baud) and, on a device never set up, an access
// point "dash-setup-XXXX" whose page takes the same console lines. Both end in NVS.
#pragma once
#include <dash-core.h>

namespace setupmode {

void begin(dash::Settings& settings, dash::KvStore& nvs, bool withAccessPoint);
void loop();  // serves the console and the portal; `reboot` restarts into a wake cycle
// True if a line arrives on the serial port within `windowMs` (power-on only).
bool requested(uint32_t windowMs);

}  // namespace setupmode
