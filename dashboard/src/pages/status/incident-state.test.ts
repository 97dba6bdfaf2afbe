import { describe, expect, it } from 'vitest';
import { incidentState } from './incident-state.ts';

describe('incidentState', () => {
  it('maps every ticket status to one of three plain states', () => {
    expect(Object.fromEntries(['new', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'].map((s) => [s, incidentState(s)]))).toEqual({
      new: 'reported', acknowledged: 'working', in_progress: 'working', pending: 'working',
      resolved: 'fixed', closed: 'fixed', cancelled: 'fixed',
    });
  });
});
