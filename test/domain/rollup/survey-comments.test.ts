/**
 * The project page's share of requester comments not scored (language) comes from the same
 * rollup buckets as the scorecards: one `comments` cell per comment day, summed over the window.
 * Oracle: counts written out by hand for a handful of comments on known days.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollupFromCells } from '../../../src/domain/rollup/rollup';
import { bucketsOf, surveyStatsCells, surveyStatsOf } from '../../../src/domain/rollup';
import { SEGMENT } from './builders';

const DAY = 86_400_000;
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);

function statsOf(comments: ReadonlyArray<{ at: number; notScoredLanguage: boolean }>, from: string, to: string) {
  const cells = surveyStatsCells({ segment: SEGMENT, requesterId: null, asks: [], decisions: [], comments });
  return surveyStatsOf(bucketsOf(rollupFromCells(cells)), { from, to });
}

describe('requester comments in the survey stats', () => {
  it('counts comments and the ones not scored for their language, by the day they were written', () => {
    const comments = [
      { at: at('2026-05-01'), notScoredLanguage: false },
      { at: at('2026-05-01'), notScoredLanguage: true },
      { at: at('2026-05-03'), notScoredLanguage: true },
      { at: at('2026-05-09'), notScoredLanguage: false },
    ];
    expect(statsOf(comments, '2026-05-01', '2026-05-03')).toMatchObject({ requesterComments: 3, notScoredLanguage: 2 });
    expect(statsOf(comments, '2026-05-02', '2026-05-31')).toMatchObject({ requesterComments: 2, notScoredLanguage: 1 });
    expect(statsOf([], '2026-05-01', '2026-05-31')).toMatchObject({ requesterComments: 0, notScoredLanguage: 0 });
  });

  it('never counts more unscored comments than comments, and splits over any window boundary', () => {
    const start = at('2026-03-01');
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 59 }), notScoredLanguage: fc.boolean() }), {
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 58 }),
        (raw, cut) => {
          const comments = raw.map((c) => ({ at: start + c.day * DAY, notScoredLanguage: c.notScoredLanguage }));
          const day = (n: number) => new Date(start + n * DAY).toISOString().slice(0, 10);
          const all = statsOf(comments, day(0), day(59));
          const before = statsOf(comments, day(0), day(cut - 1));
          const after = statsOf(comments, day(cut), day(59));
          expect(all.requesterComments).toBe(comments.length);
          expect(all.notScoredLanguage).toBe(comments.filter((c) => c.notScoredLanguage).length);
          expect(before.requesterComments + after.requesterComments).toBe(all.requesterComments);
          expect(before.notScoredLanguage + after.notScoredLanguage).toBe(all.notScoredLanguage);
        },
      ),
    );
  });
});
