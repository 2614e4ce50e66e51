import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '../../../src/domain/indicator';
import type { TicketOutcomes } from '../../../src/domain/outcomes';
import { QUESTION_KINDS, SCALES } from '../../../src/domain/question';
import {
  applyDelta,
  bucketsOf,
  contributionDelta,
  contributionOf,
  emptyRollup,
  rollupCells,
  rollupOf,
  rollupOfBuckets,
  unapplyDelta,
  type Contribution,
  type Rollup,
} from '../../../src/domain/rollup';

const day = fc.constantFrom('2026-04-30', '2026-05-01', '2026-05-02');
const segment = fc.record({
  projectId: fc.constantFrom('10001', '10002'),
  requestTypeId: fc.constantFrom(null, '7', '8'),
  priority: fc.constantFrom(null, '3'),
});
const outcome = fc.record({ good: fc.boolean(), day });
const indicators = fc
  .subarray([...INDICATOR_IDS])
  .chain((ids) =>
    fc.tuple(...ids.map(() => outcome)).map((outcomes) => Object.fromEntries(ids.map((id, i) => [id, outcomes[i]]))),
  );
const answer = fc.option(
  fc
    .constantFrom(...QUESTION_KINDS)
    .chain((kind) =>
      fc.record({ kind: fc.constant(kind), score: fc.integer({ min: SCALES[kind].min, max: SCALES[kind].max }), day }),
    ),
);
const lostTime = fc.option(fc.record({ minutes: fc.constantFrom(0, 2.5, 7.5, 30, 90, 240), day }));
const ticket: fc.Arbitrary<TicketOutcomes> = fc.record({ segment, indicators, answer, lostTime });
const contribution: fc.Arbitrary<Contribution> = fc
  .dictionary(fc.constantFrom('experience', 'fast-fix'), ticket, { minKeys: 1, maxKeys: 2 })
  .map(contributionOf);

function fold(contributions: ReadonlyArray<Contribution>): Rollup {
  return contributions.reduce((r, c) => applyDelta(r, contributionDelta(null, c)), emptyRollup());
}

describe('rollup laws (SCORING.md §1: changes apply new − stored; replays change nothing)', () => {
  it('restores the rollup when a delta and then its inverse are applied', () => {
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 20 }), contribution, contribution, (base, before, after) => {
        const rollup = fold(base);
        const delta = contributionDelta(before, after);
        expect(rollupCells(unapplyDelta(applyDelta(rollup, delta), delta))).toEqual(rollupCells(rollup));
      }),
    );
  });

  it('gives the same rollup whatever order the contributions arrive in', () => {
    fc.assert(
      fc.property(
        fc
          .array(contribution, { maxLength: 20 })
          .chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length }))),
        ([inOrder, shuffled]) => {
          expect(rollupCells(fold(shuffled))).toEqual(rollupCells(fold(inOrder)));
          expect(rollupCells(rollupOf(shuffled))).toEqual(rollupCells(fold(inOrder)));
        },
      ),
    );
  });

  it('changes nothing when the same contribution is replayed', () => {
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 10 }), contribution, (base, c) => {
        // The stored contribution after the first application is c; the replay diffs c against c.
        const once = applyDelta(fold(base), contributionDelta(null, c));
        const twice = applyDelta(once, contributionDelta(c, c));
        expect(rollupCells(twice)).toEqual(rollupCells(once));
      }),
    );
  });

  it('ends where a recompute would, however a ticket changed on the way', () => {
    fc.assert(
      fc.property(fc.array(contribution, { minLength: 1, maxLength: 6 }), (versions) => {
        let rollup = emptyRollup();
        let stored: Contribution | null = null;
        for (const next of versions) {
          rollup = applyDelta(rollup, contributionDelta(stored, next));
          stored = next;
        }
        expect(rollupCells(rollup)).toEqual(rollupCells(rollupOf([versions[versions.length - 1] ?? []])));
      }),
    );
  });

  it('survives a round trip through stored buckets by day and by month', () => {
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 20 }), (cs) => {
        const rollup = rollupOf(cs);
        expect(rollupCells(rollupOfBuckets(bucketsOf(rollup, 'day')))).toEqual(rollupCells(rollup));
        expect(rollupCells(rollupOfBuckets(bucketsOf(rollup, 'month')))).toEqual(rollupCells(rollup));
      }),
    );
  });
});
