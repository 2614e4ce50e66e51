import { describe, expect, it } from 'vitest';
import type { TicketOutcomes } from '../../../src/domain/outcomes';
import {
  ContributionSchema,
  CellSchema,
  applyDelta,
  contributionDelta,
  contributionOf,
  emptyRollup,
  invertDelta,
  rollupCells,
  type Cell,
} from '../../../src/domain/rollup';
import { parseWith } from '../../../src/domain/validation';
import { SEGMENT, TODAY } from './builders';

const resolved: TicketOutcomes = {
  segment: SEGMENT,
  indicators: { sla: { good: true, day: TODAY }, reopen: { good: false, day: TODAY } },
  answer: { kind: 'csat5', score: 4, day: '2026-05-18' },
  lostTime: { minutes: 7.5, day: '2026-05-18' },
};

describe('a ticket contribution (SCORING.md §1)', () => {
  it('lists one cell per observed indicator, answer and lost time, in key order', () => {
    expect(contributionOf({ experience: resolved })).toEqual([
      ['experience', '10001', '7', '3', '2026-05-18', 'lt', 450, 1],
      ['experience', '10001', '7', '3', '2026-05-18', 'q:csat5', 0, 0, 0, 1, 0],
      ['experience', '10001', '7', '3', TODAY, 'reopen', 0, 1],
      ['experience', '10001', '7', '3', TODAY, 'sla', 1, 1],
    ]);
  });

  it('leaves a missing indicator out rather than counting it as good', () => {
    const cells = contributionOf({ experience: { ...resolved, answer: null, lostTime: null, indicators: {} } });
    expect(cells).toEqual([]);
  });

  it('gives every XLA that covers the ticket its own cells', () => {
    const cells = contributionOf({
      a: { ...resolved, answer: null, lostTime: null },
      b: { ...resolved, answer: null, lostTime: null },
    });
    expect(cells.map((c) => c[0])).toEqual(['a', 'a', 'b', 'b']);
  });

  it('places a happiness10 answer of 0 in the first histogram slot and 10 in the last', () => {
    const low = contributionOf({
      x: { ...resolved, indicators: {}, lostTime: null, answer: { kind: 'happiness10', score: 0, day: TODAY } },
    });
    const high = contributionOf({
      x: { ...resolved, indicators: {}, lostTime: null, answer: { kind: 'happiness10', score: 10, day: TODAY } },
    });
    expect(low[0]?.slice(6)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(high[0]?.slice(6)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('refuses an answer that does not fit its question kind', () => {
    expect(() => contributionOf({ x: { ...resolved, answer: { kind: 'csat5', score: 6, day: TODAY } } })).toThrow(
      RangeError,
    );
  });

  it('refuses negative lost time', () => {
    expect(() => contributionOf({ x: { ...resolved, lostTime: { minutes: -1, day: TODAY } } })).toThrow(RangeError);
  });

  it('parses as stored data, and refuses cells out of order or of the wrong width', () => {
    const cells = contributionOf({ experience: resolved });
    expect(ContributionSchema.safeParse(cells).success).toBe(true);
    expect(ContributionSchema.safeParse([...cells].reverse()).success).toBe(false);
    const wide: Cell = ['experience', '10001', null, null, TODAY, 'sla', 1, 1, 1];
    const parsed = parseWith(CellSchema, wide);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.field).toBe('[5]');
  });
});

describe('contributionDelta', () => {
  it('adds the whole contribution the first time a ticket is seen', () => {
    const next = contributionOf({ experience: resolved });
    expect(contributionDelta(null, next)).toEqual(next);
  });

  it('is empty when the same contribution is replayed', () => {
    const c = contributionOf({ experience: resolved });
    expect(contributionDelta(c, c)).toEqual([]);
  });

  it('moves a ticket from bad to good by changing only the good count', () => {
    const before = contributionOf({ experience: { ...resolved, answer: null, lostTime: null } });
    const after = contributionOf({
      experience: {
        ...resolved,
        answer: null,
        lostTime: null,
        indicators: { ...resolved.indicators, reopen: { good: true, day: TODAY } },
      },
    });
    expect(contributionDelta(before, after)).toEqual([['experience', '10001', '7', '3', TODAY, 'reopen', 1, 0]]);
  });

  it('moves a changed answer out of its old day and into the new one', () => {
    const before = contributionOf({ experience: { ...resolved, indicators: {}, lostTime: null } });
    const after = contributionOf({
      experience: { ...resolved, indicators: {}, lostTime: null, answer: { kind: 'csat5', score: 2, day: TODAY } },
    });
    expect(contributionDelta(before, after)).toEqual([
      ['experience', '10001', '7', '3', '2026-05-18', 'q:csat5', 0, 0, 0, -1, 0],
      ['experience', '10001', '7', '3', TODAY, 'q:csat5', 0, 1, 0, 0, 0],
    ]);
  });

  it('removes everything when the ticket is deleted', () => {
    const c = contributionOf({ experience: resolved });
    const rollup = applyDelta(emptyRollup(), contributionDelta(null, c));
    expect(rollupCells(applyDelta(rollup, contributionDelta(c, null)))).toEqual([]);
  });

  it('inverts a delta by negating every value', () => {
    expect(invertDelta([['x', 'p', null, null, TODAY, 'sla', 1, 1]])).toEqual([
      ['x', 'p', null, null, TODAY, 'sla', -1, -1],
    ]);
  });
});
