/**
 * Battery-life estimate of the ESP32 button: `npx tsx hardware/battery-life.ts [--presses-per-day 10] …`
 * (`--help` lists every figure). Sources, with what each default is:
 *  [1] Espressif, ESP32 Series Datasheet, "Power Consumption by Power Modes": Deep-sleep with
 *      RTC timer + RTC memory 10 µA; active, radio off (modem-sleep) 20–68 mA. "RF Power
 *      Consumption": TX 802.11b 1 Mbps 240 mA, RX 95–100 mA.
 *      https://www.espressif.com/sites/default/files/documentation/esp32_datasheet_en.pdf
 *  [2] Richtek, RT9080 datasheet: quiescent current 2 µA typical.
 *  [3] Energizer L91 (AA lithium) datasheet: ~3500 mAh to 0.9 V at light drain; 20-year storage.
 *      https://data.energizer.com/pdfs/l91.pdf — alkaline E91: https://data.energizer.com/pdfs/e91.pdf
 *  [4] Assumption, to be measured on a real unit: association + DHCP + MQTT connect 2.5 s at a
 *      120 mA average (RX-dominated, TX bursts) with a stored channel; a DHCP + TLS first connect
 *      takes several seconds (siliconwit.com's ESP32 deep-sleep lesson budgets 5–8 s per wake).
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export type BatteryParams = {
  capacityMah: number; // [3] 3500 for 3×L91 in series (series cells: capacity of one)
  usableFraction: number; // LDO dropout cut-off and pulse loads: 0.85 for lithium, ~0.6 alkaline
  selfDischargePerYear: number; // [3] L91 keeps ~90 % after 20 years: 1 %/year is conservative
  chipSleepUa: number; // [1]
  ldoQuiescentUa: number; // [2]
  packVolts: number; // for the divider's constant drain
  dividerOhms: number; // 4.7 MΩ + 2.2 MΩ (hardware/esp32-button/pin-map.json)
  pressesPerDay: number;
  heartbeatsPerDay: number; // check-ins with no press: 24 h / heartbeat (default 6 h)
  bootS: number; bootMa: number; // [1] CPU up, radio off
  connectS: number; connectMa: number; // [4]
  awakeS: number; awakeMa: number; // waiting for acks and downlinks, radio in RX [1]
  ledS: number; ledMa: number; // feedback per press: (3.3 V − 2 V) / 330 Ω ≈ 4 mA
};

export const DEFAULTS: BatteryParams = {
  capacityMah: 3500, usableFraction: 0.85, selfDischargePerYear: 0.01,
  chipSleepUa: 10, ldoQuiescentUa: 2, packVolts: 4.8, dividerOhms: 6_900_000,
  pressesPerDay: 10, heartbeatsPerDay: 4,
  bootS: 0.25, bootMa: 40, connectS: 2.5, connectMa: 120, awakeS: 1.5, awakeMa: 100, ledS: 3, ledMa: 4,
};

export type Estimate = { sleepUa: number; mahPerDay: { sleep: number; wakes: number; leds: number; selfDischarge: number; total: number }; days: number; months: number };

const HOURS_PER_MONTH = (365.25 * 24) / 12;

export function estimateBatteryLife(p: BatteryParams): Estimate {
  const sleepUa = p.chipSleepUa + p.ldoQuiescentUa + (p.packVolts / p.dividerOhms) * 1e6;
  const mAsPerWake = p.bootS * p.bootMa + p.connectS * p.connectMa + p.awakeS * p.awakeMa;
  const sleep = (sleepUa / 1000) * 24;
  const wakes = ((p.pressesPerDay + p.heartbeatsPerDay) * mAsPerWake) / 3600;
  const leds = (p.pressesPerDay * p.ledS * p.ledMa) / 3600;
  const selfDischarge = (p.capacityMah * p.selfDischargePerYear) / 365.25;
  const total = sleep + wakes + leds + selfDischarge;
  const days = (p.capacityMah * p.usableFraction) / total;
  return { sleepUa, mahPerDay: { sleep, wakes, leds, selfDischarge, total }, days, months: (days * 24) / HOURS_PER_MONTH };
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function main(argv: string[]): void {
  const keys = Object.keys(DEFAULTS) as (keyof BatteryParams)[];
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean' }, ...Object.fromEntries(keys.map((k) => [kebab(k), { type: 'string' as const }])) } });
  if (values.help) {
    console.log(`usage: tsx hardware/battery-life.ts ${keys.map((k) => `[--${kebab(k)} ${DEFAULTS[k]}]`).join(' ')}`);
    return;
  }
  const params = { ...DEFAULTS };
  for (const k of keys) {
    const raw = (values as Record<string, string | undefined>)[kebab(k)];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${kebab(k)} must be a non-negative number, got "${raw}"`);
    params[k] = n;
  }
  const e = estimateBatteryLife(params);
  const f = (n: number) => n.toFixed(3);
  console.log(`sleep current        ${e.sleepUa.toFixed(1)} µA`);
  console.log(`per day: sleep ${f(e.mahPerDay.sleep)} + wakes ${f(e.mahPerDay.wakes)} + LEDs ${f(e.mahPerDay.leds)} + self-discharge ${f(e.mahPerDay.selfDischarge)} = ${f(e.mahPerDay.total)} mAh`);
  console.log(`battery life         ${e.months.toFixed(1)} months (${Math.round(e.days)} days)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
