/**
 * Johnny-Five IO plugin for a laptop: keys stand in for buttons, the terminal for LEDs.
 * 1–8 click buttons 0–7 (down, then up 80 ms later); q w e r t y u i press or release them
 * (hold a button by pressing its letter, release with the letter again). Works on a piped
 * stdin too, which is how the integration test drives a panel in a child process.
 */
import { DigitalIoPlugin } from './digital-io-plugin.ts';

const CLICK_KEYS = '12345678';
const HOLD_KEYS = 'qwertyui';

export type KeyboardOptions = {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  output: NodeJS.WritableStream;
  buttons: readonly { button: number; pin: number; pullup: boolean }[];
  leds: readonly { button: number; pin: number }[];
};

export class KeyboardIo extends DigitalIoPlugin {
  readonly name = 'keyboard';
  private readonly held = new Set<number>();
  private readonly onData = (chunk: Buffer | string) => {
    for (const key of chunk.toString()) this.key(key);
  };

  constructor(private readonly options: KeyboardOptions) {
    super();
    for (const b of options.buttons) this.presetInput(b.pin, b.pullup ? 1 : 0);
    if (options.input.isTTY) options.input.setRawMode?.(true);
    options.input.on('data', this.onData);
    this.announceReady();
  }

  private key(key: string): void {
    if (key === '\u0003') process.kill(process.pid, 'SIGINT'); // ctrl-c in raw mode
    const click = CLICK_KEYS.indexOf(key);
    const hold = HOLD_KEYS.indexOf(key);
    const button = this.options.buttons.find((b) => b.button === (click >= 0 ? click : hold));
    if (!button || (click < 0 && hold < 0)) return;
    const level = (pressed: boolean) => ((pressed === button.pullup ? 0 : 1) as 0 | 1);
    if (click >= 0) {
      this.inputChanged(button.pin, level(true));
      setTimeout(() => this.inputChanged(button.pin, level(false)), 80);
    } else {
      const pressed = !this.held.has(button.button);
      if (pressed) this.held.add(button.button);
      else this.held.delete(button.button);
      this.inputChanged(button.pin, level(pressed));
    }
  }

  protected writePin(): void {
    const lamps = this.options.leds.map((l) => (this.pins[l.pin]?.value ? '●' : '○')).join(' ');
    this.options.output.write(`\rLEDs ${lamps} `);
  }

  override close(): void {
    this.options.input.off('data', this.onData);
    if (this.options.input.isTTY) this.options.input.setRawMode?.(false);
  }
}
