/**
 * Johnny-Five IO plugin for the Raspberry Pi 5 (and any board with a GPIO character device),
 * shelling out to the libgpiod tools: gpioget for starting levels, gpiomon for edges, gpioset
 * for LEDs. Needs the `gpiod` package (apt install gpiod) and access to /dev/gpiochip*
 * (the `gpio` group on Raspberry Pi OS). Edge times are when Node reads the line: the
 * classifier's 20 ms debounce is far coarser than that delay.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { DigitalIoPlugin } from './digital-io-plugin.ts';
import {
  monitorCommand, outputCommand, parseMonitorLine, parseReadOutput, readCommand, setLine, type GpiodTools,
} from './gpiod-commands.ts';

export type GpiodOptions = {
  chip: string;
  tools: GpiodTools;
  inputs: readonly { pin: number; pullup: boolean }[];
  outputs: readonly number[];
  onError(message: string): void;
};

export class GpiodIo extends DigitalIoPlugin {
  readonly name = 'gpiod';
  private monitor: ChildProcess | null = null;
  private setter: ChildProcess | null = null;
  private readonly levels = new Map<number, 0 | 1>();
  private closed = false;

  constructor(private readonly options: GpiodOptions) {
    super();
    for (const pin of options.outputs) this.levels.set(pin, 0);
    void this.open().catch((err: Error) => this.emit('error', err));
  }

  private async open(): Promise<void> {
    const { chip, tools, inputs } = this.options;
    const [command, ...args] = readCommand(tools, chip, inputs.map((i) => i.pin));
    const { stdout } = await promisify(execFile)(command!, args);
    parseReadOutput(stdout).forEach((value, i) => this.presetInput(inputs[i]!.pin, value));
    this.monitor = this.start(monitorCommand(tools, chip, inputs));
    createInterface({ input: this.monitor.stdout! }).on('line', (line) => {
      const event = parseMonitorLine(line);
      if (event) this.inputChanged(event.pin, event.value);
    });
    this.restartSetter();
    this.announceReady();
  }

  private start(argv: string[]): ChildProcess {
    const [command, ...args] = argv;
    const child = spawn(command!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => this.options.onError(`${command}: ${chunk.toString().trim()}`));
    child.on('error', (err) => this.options.onError(`${command}: ${err.message}`));
    child.on('exit', (code, signal) => {
      if (!this.closed && signal !== 'SIGTERM') this.options.onError(`${command} exited (${code ?? signal})`);
    });
    return child;
  }

  private restartSetter(): void {
    if (this.levels.size === 0) return;
    this.setter?.kill('SIGTERM');
    this.setter = this.start(outputCommand(this.options.tools, this.options.chip, this.levels));
  }

  protected writePin(pin: number, value: 0 | 1): void {
    if (this.levels.get(pin) === value || !this.levels.has(pin)) return;
    this.levels.set(pin, value);
    if (this.options.tools === 'v2' && this.setter?.stdin?.writable) this.setter.stdin.write(setLine(pin, value));
    else this.restartSetter();
  }

  override close(): void {
    this.closed = true;
    this.monitor?.kill('SIGTERM');
    this.setter?.kill('SIGTERM');
  }
}
