/**
 * What the panel needs from hardware: raw button edges and LED levels. Implemented over
 * Johnny-Five (johnny-five-io.ts), whatever IO plugin drives the pins.
 */
export type EdgeListener = (button: number, pressed: boolean) => void;

export type PanelIo = {
  onEdge(listener: EdgeListener): void;
  setLed(button: number, on: boolean): void;
  close(): Promise<void>;
};

export type Wiring = {
  buttons: readonly { button: number; pin: number | string; pullup: boolean }[];
  leds: readonly { button: number; pin: number | string }[];
};
