import { describe, expect, it } from 'vitest';
import { currentWindow, daysOf, previousWindow } from '../../../src/domain/scoring';

describe('XLA windows (DESIGN.md: rolling 7/30/90 days or calendar month)', () => {
  it('ends a rolling window today and starts the previous one just before it', () => {
    expect(currentWindow({ kind: 'rolling', days: 7 }, '2026-05-20')).toEqual({ from: '2026-05-14', to: '2026-05-20' });
    expect(previousWindow({ kind: 'rolling', days: 7 }, '2026-05-20')).toEqual({
      from: '2026-05-07',
      to: '2026-05-13',
    });
    expect(daysOf(currentWindow({ kind: 'rolling', days: 90 }, '2026-05-20'))).toHaveLength(90);
  });

  it('compares a calendar month to date with the whole previous month, across a year end', () => {
    expect(currentWindow({ kind: 'calendar-month' }, '2026-01-09')).toEqual({ from: '2026-01-01', to: '2026-01-09' });
    expect(previousWindow({ kind: 'calendar-month' }, '2026-01-09')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousWindow({ kind: 'calendar-month' }, '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
