/** The hand-drawn wiring and the BOMs in hardware/ stay in step with the pin maps. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../hardware/${path}`, import.meta.url), 'utf8');

/** Splits one CSV line, honouring double-quoted fields. */
function csvFields(line: string): string[] {
  const fields = [''];
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) fields.push('');
    else fields[fields.length - 1] += c;
  }
  return fields;
}

describe.each([
  { build: 'esp32-button', key: 'gpio' },
  { build: 'pi-panel', key: 'bcm' },
])('hardware/$build', ({ build, key }) => {
  const pinMap = JSON.parse(read(`${build}/pin-map.json`)) as { buttons: Record<string, number>[]; leds: Record<string, number>[] };
  const svg = read(`${build}/wiring.svg`);

  it('draws every button and LED pin of the pin map', () => {
    for (const entry of [...pinMap.buttons, ...pinMap.leds]) expect(svg).toContain(`GPIO${entry[key]}<`);
  });

  it('is a single well-formed SVG document with a title', () => {
    expect(svg.trim().startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toMatch(/<title>[^<]+<\/title>/);
    expect(svg.match(/<g\b/g)?.length ?? 0).toBe(svg.match(/<\/g>/g)?.length ?? 0);
  });

  it('has a part number and a quantity on every BOM line', () => {
    const [header, ...lines] = read(`${build}/bom.csv`).trim().split('\n');
    expect(csvFields(header!)).toEqual(['ref', 'qty', 'description', 'manufacturer', 'part_number', 'notes']);
    for (const line of lines) {
      const [ref, qty, , manufacturer, partNumber] = csvFields(line);
      expect(csvFields(line), line).toHaveLength(6);
      expect(qty, ref).toMatch(/^\d+(-\d+)?$/);
      expect(manufacturer, ref).not.toBe('');
      expect(partNumber, ref).not.toBe('');
    }
  });
});
