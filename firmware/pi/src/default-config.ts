/**
 * Factory wiring of the Pi panel, in BCM GPIO numbers. hardware/pi-panel/pin-map.json
 * describes the same wiring; firmware/pi/src/pin-map.test.ts fails if the two disagree.
 * Avoided: 0–1 (HAT EEPROM), 2–3 (I²C), 4 (1-Wire), 7–11 (SPI0), 14–15 (UART).
 */
export const DEFAULT_BUTTON_PINS = [5, 6, 13, 19, 26, 16, 20, 21] as const;
export const DEFAULT_LED_PINS = [17, 27, 22, 23, 24, 25, 12, 18] as const;

export const DEFAULT_JOURNAL_DIR = '/var/lib/dash-button';
export const DEFAULT_CPU_TEMP_FILE = '/sys/class/thermal/thermal_zone0/temp';
export const DEFAULT_WIRELESS_FILE = '/proc/net/wireless';
export const FW_VERSION = 'dash-pi-0.1.0';
