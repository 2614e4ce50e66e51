import { describe, expect, it } from 'vitest';
import { ticketMood } from '../../../src/domain/ticket';

describe('ticket mood (SCORING.md §4)', () => {
  it('weighs the newest comment most: [−0.8, +0.6] is neutral', () => {
    expect(ticketMood([-0.8, 0.6])).toBeCloseTo(0.0201010127, 9);
  });

  it('reads [+0.5, −0.6] as negative', () => {
    expect(ticketMood([0.5, -0.6])).toBeCloseTo(-0.1443650814, 9);
  });

  it('has no mood without a scorable comment', () => {
    expect(ticketMood([])).toBeNull();
  });
});
