import { describe, expect, it } from 'vitest';
import { createConsoleLog, formatLine } from './log.ts';

describe('console log', () => {
  it('writes one terse line: time, level, device, message, fields', () => {
    const at = new Date('2026-11-23T10:00:01.234Z');
    const line = formatLine('warn', { device: 'sim-a-001', pressId: 'b-4', reason: 'rate_limited', ms: undefined }, 'press rejected', at);
    expect(line).toBe('10:00:01.234 WARN  sim-a-001 press rejected pressId=b-4 reason=rate_limited');
  });

  it('shows debug lines only when verbose', () => {
    const lines: string[] = [];
    createConsoleLog({ verbose: false, write: (l) => lines.push(l) }).debug({}, 'hidden');
    createConsoleLog({ verbose: true, write: (l) => lines.push(l) }).debug({}, 'shown');
    expect(lines.map((l) => l.slice(13))).toEqual(['DEBUG shown']);
  });
});
