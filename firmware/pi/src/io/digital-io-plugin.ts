/**
 * The part of the Johnny-Five IO-plugin interface that buttons and LEDs use (pinMode,
 * digitalRead, digitalWrite, MODES, pins, the connect/ready events), for plugins whose pins
 * are BCM GPIO numbers. Subclasses only drive outputs and report input changes.
 */
import { EventEmitter } from 'node:events';

type PinState = { supportedModes: number[]; mode: number; value: number; report: number; analogChannel: number };

export abstract class DigitalIoPlugin extends EventEmitter {
  readonly MODES = { INPUT: 0, OUTPUT: 1, ANALOG: 2, PWM: 3, SERVO: 4 } as const;
  readonly HIGH = 1;
  readonly LOW = 0;
  readonly pins: PinState[];
  readonly analogPins: number[] = [];
  isReady = false;
  abstract readonly name: string;
  private readonly readers = new Map<number, (value: number) => void>();

  constructor(pinCount = 54) {
    super();
    this.pins = Array.from({ length: pinCount }, () => ({ supportedModes: [0, 1], mode: 0, value: 0, report: 1, analogChannel: 127 }));
  }

  /** Subclasses call this once their hardware is open; Johnny-Five waits for it. */
  protected announceReady(): void {
    setImmediate(() => {
      this.isReady = true;
      this.emit('connect');
      this.emit('ready');
    });
  }

  /** The level an input rests at before any edge (1 for a pull-up button). */
  protected presetInput(pin: number, value: 0 | 1): void {
    const state = this.pins[pin];
    if (state) state.value = value;
  }

  /** A new level on an input pin, from the hardware. */
  protected inputChanged(pin: number, value: 0 | 1): void {
    const state = this.pins[pin];
    if (!state || state.value === value) return;
    state.value = value;
    this.readers.get(pin)?.(value);
  }

  protected abstract writePin(pin: number, value: 0 | 1): void;

  pinMode(pin: number, mode: number): this {
    const state = this.pins[pin];
    if (state) state.mode = mode;
    return this;
  }

  digitalRead(pin: number, callback: (value: number) => void): this {
    this.readers.set(pin, callback);
    callback(this.pins[pin]?.value ?? 0);
    return this;
  }

  digitalWrite(pin: number, value: number): this {
    const state = this.pins[pin];
    // Firmata convention: writing HIGH to an input asks for its pull-up; bias is set at open.
    if (!state || state.mode === this.MODES.INPUT) return this;
    state.value = value ? 1 : 0;
    this.writePin(pin, state.value as 0 | 1);
    return this;
  }

  close(): void | Promise<void> {}
}
