/**
 * The shape of an ICU message that a translation must keep: its placeholders and the cases of
 * its selects. The catalogue tests of the server and of the web app compare each translation's
 * shape with the English one's.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

function placeholdersOf(elements: MessageFormatElement[], found: Set<string>): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) found.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      found.add(e.value);
      Object.values(e.options).forEach((o) => placeholdersOf(o.value, found));
    }
  }
  return found;
}

function selectCasesOf(elements: MessageFormatElement[], found: Set<string>): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.select) {
      Object.keys(e.options).forEach((k) => found.add(`${e.value}=${k}`));
      Object.values(e.options).forEach((o) => selectCasesOf(o.value, found));
    }
  }
  return found;
}

/** Sorted placeholders (`{count}`, plural and select arguments) of a message; throws when it does not parse. */
export function placeholders(message: string): string[] {
  return [...placeholdersOf(parse(message), new Set())].sort();
}

/** Sorted `argument=case` pairs of every select, so a translation cannot drop e.g. `battery_low`. */
export function selectCases(message: string): string[] {
  return [...selectCasesOf(parse(message), new Set())].sort();
}
