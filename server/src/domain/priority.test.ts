import { describe, expect, it } from 'vitest';
import { formatTicketNumber, higherPriority, raisePriority } from './priority.ts';

describe('priority', () => {
  it('raises one level and stops at P1', () => {
    expect(raisePriority('P4')).toBe('P3');
    expect(raisePriority('P2')).toBe('P1');
    expect(raisePriority('P1')).toBe('P1');
  });

  it('picks the more urgent of two', () => {
    expect(higherPriority('P3', 'P2')).toBe('P2');
    expect(higherPriority('P1', 'P4')).toBe('P1');
  });

  it('formats human ticket numbers with six digits', () => {
    expect(formatTicketNumber(123)).toBe('INC-000123');
    expect(formatTicketNumber(1_234_567)).toBe('INC-1234567');
  });
});
