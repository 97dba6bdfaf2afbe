// Arduino IDE entry point. The sketch lives in src/ (compiled recursively by the IDE) and
// the hardware-free core in lib/dash_core: copy or link that folder into your Arduino
// libraries folder once (see README.md). setup() and loop() are in src/main.cpp.
