/**
 * Command lines for the libgpiod tools, which the Pi 5 needs (its GPIOs sit behind the RP1
 * chip, out of reach of raspi-io's /dev/gpiomem). v1 = libgpiod 1.6 (Raspberry Pi OS
 * bookworm), v2 = libgpiod 2.x (trixie and later). Pure: tested without a Pi.
 */
export type GpiodTools = 'v1' | 'v2';

/** `gpiomon` watching every input on both edges, one "<offset> <edge>" line per event. */
export function monitorCommand(tools: GpiodTools, chip: string, inputs: readonly { pin: number; pullup: boolean }[]): string[] {
  const bias = inputs.every((i) => i.pullup) ? 'pull-up' : inputs.every((i) => !i.pullup) ? 'pull-down' : 'as-is';
  const offsets = inputs.map((i) => String(i.pin));
  if (tools === 'v1') return ['gpiomon', '--line-buffered', `--bias=${bias}`, '--format=%o %e', chip, ...offsets];
  return ['gpiomon', '--chip', chip, `--bias=${bias}`, '--edges=both', '--format=%o %E', ...offsets];
}

/** `gpioget` for the starting levels, in the order of `pins`. */
export function readCommand(tools: GpiodTools, chip: string, pins: readonly number[]): string[] {
  if (tools === 'v1') return ['gpioget', chip, ...pins.map(String)];
  return ['gpioget', '--chip', chip, '--numeric', ...pins.map(String)];
}

/**
 * `gpioset` holding every output. v2 stays running and takes "set <pin>=<v>" lines on stdin;
 * v1 has no such mode, so it is restarted with all levels on each change (`--mode=signal`
 * holds the lines until it is stopped).
 */
export function outputCommand(tools: GpiodTools, chip: string, levels: ReadonlyMap<number, 0 | 1>): string[] {
  const assignments = [...levels].map(([pin, value]) => `${pin}=${value}`);
  if (tools === 'v1') return ['gpioset', '--mode=signal', chip, ...assignments];
  return ['gpioset', '--chip', chip, '--interactive', ...assignments];
}

export function setLine(pin: number, value: 0 | 1): string {
  return `set ${pin}=${value}\n`;
}

/** One gpiomon output line → pin and level; null for anything else (banners, blank lines). */
export function parseMonitorLine(line: string): { pin: number; value: 0 | 1 } | null {
  const match = /^\s*(\d+)\s+(rising|falling|1|0|2)\s*$/.exec(line);
  if (!match) return null;
  // v1 prints 1 rising / 0 falling, v2 %E prints the word.
  const value = match[2] === 'rising' || match[2] === '1' ? 1 : 0;
  return { pin: Number(match[1]), value };
}

/** gpioget prints the levels separated by spaces: "1 1 0". */
export function parseReadOutput(output: string): (0 | 1)[] {
  return output.trim().split(/\s+/).filter(Boolean).map((v) => (v === '1' || v === 'active' ? 1 : 0));
}
