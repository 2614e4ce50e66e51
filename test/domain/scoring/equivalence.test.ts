/**
 * The single-pass scorecard builder against the straightforward one it replaced
 * (support/reference-scorecard.ts): on generated buckets — several shards a day, day and month
 * buckets, cells of other XLAs and of the survey counters, out-of-scope segments, corrupted counts,
 * days outside both windows — every field of the scorecard must be identical, to the bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, type IndicatorId } from '../../../src/domain/indicator';
import { SCALES, type QuestionKind } from '../../../src/domain/question';
import {
  SURVEY_STATS_ID,
  bucketsOf,
  makeCell,
  rollupFromCells,
  slotWidth,
  type BucketGranularity,
  type Cell,
  type RollupBucket,
  type Slot,
} from '../../../src/domain/rollup';
import { buildScorecard, priorsFromAggregates, type SiteAggregates } from '../../../src/domain/scoring';
import { addDays } from '../../../src/domain/time';
import type { XlaWindow } from '../../../src/domain/xla';
import { spec, TODAY, xla } from '../rollup/builders';
import { referenceScorecard } from './support/reference-scorecard';

const ANSWER_KINDS: readonly QuestionKind[] = ['csat5', 'happiness10', 'ces7', 'thumbs'];
const SLOTS: readonly Slot[] = [...INDICATOR_IDS, ...ANSWER_KINDS.map((k): Slot => `q:${k}`), 'lt', 'asks', 'held'];

const countsOf = (slot: Slot): fc.Arbitrary<number[]> => {
  if (slot.startsWith('q:')) {
    const kind = slot.slice(2) as QuestionKind;
    const width = SCALES[kind].max - SCALES[kind].min + 1;
    // Mostly histograms; now and then a corrupted (negative) one, which must be skipped.
    return fc.oneof(
      { weight: 9, arbitrary: fc.array(fc.nat(6), { minLength: width, maxLength: width }) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: width, maxLength: width }) },
    );
  }
  if (slot === 'lt')
    return fc.tuple(fc.integer({ min: -60, max: 7_200 }), fc.integer({ min: -1, max: 5 })).map(([s, n]) => [s, n]);
  if (slot === 'asks' || slot === 'held')
    return fc.array(fc.nat(4), { minLength: slotWidth(slot), maxLength: slotWidth(slot) });
  // [good, total]: mostly valid, sometimes a half-applied cell (negative, or good > total).
  return fc.oneof(
    { weight: 9, arbitrary: fc.nat(40).chain((total) => fc.nat(total).map((good) => [good, total])) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: -3, max: 6 }), fc.integer({ min: -3, max: 4 })).map(([g, t]) => [g, t]),
    },
  );
};

const cellArb: fc.Arbitrary<{ shard: number; cell: Cell }> = fc
  .record({
    shard: fc.nat(3),
    xlaId: fc.constantFrom('experience', 'experience', 'experience', 'other', SURVEY_STATS_ID),
    projectId: fc.constantFrom('10001', '10001', '10002'),
    requestTypeId: fc.constantFrom<string | null>(null, '7', '8'),
    priority: fc.constantFrom<string | null>(null, '1', '3'),
    age: fc.integer({ min: -1, max: 190 }),
    slot: fc.constantFrom(...SLOTS),
  })
  .chain((c) =>
    countsOf(c.slot).map((values) => ({
      shard: c.shard,
      cell: makeCell(
        {
          xlaId: c.xlaId,
          segment: { projectId: c.projectId, requestTypeId: c.requestTypeId, priority: c.priority },
          day: addDays(TODAY, -c.age),
          slot: c.slot,
        },
        values,
      ),
    })),
  );

/** Cells summed per shard and split into stored buckets, as the write path stores them. */
function stored(cells: ReadonlyArray<{ shard: number; cell: Cell }>, granularity: BucketGranularity): RollupBucket[] {
  const byShard = new Map<number, Cell[]>();
  for (const { shard, cell } of cells) byShard.set(shard, [...(byShard.get(shard) ?? []), cell]);
  return [...byShard.values()].flatMap((list) => bucketsOf(rollupFromCells(list), granularity));
}

const windowArb: fc.Arbitrary<XlaWindow> = fc.constantFrom<XlaWindow>(
  { kind: 'rolling', days: 7 },
  { kind: 'rolling', days: 30 },
  { kind: 'rolling', days: 90 },
  { kind: 'calendar-month' },
);

const configArb = fc.record({
  window: windowArb,
  smoothing: fc.constantFrom(
    { kind: 'fixed' as const, strength: 10 },
    { kind: 'fixed' as const, strength: 0 },
    { kind: 'empirical-bayes' as const },
  ),
  requestTypeIds: fc.constantFrom<string[]>([], ['7'], ['8', '9']),
  priorities: fc.constantFrom<string[]>([], ['3']),
  indicators: fc.subarray([...INDICATOR_IDS], { minLength: 1 }),
  halfLifeDays: fc.constantFrom(30, 7, 1000),
  minSample: fc.constantFrom(0, 5, 50),
});

type Config = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

function xlaOf(c: Config) {
  return {
    ...xla({
      // chaser weighs 0 by default; give it a weight so an XLA of chaser alone is valid.
      indicators: c.indicators.map((id) => (id === 'chaser' ? spec(id, { weight: 0.5 }) : spec(id))),
      scope: { projectIds: [], requestTypeIds: c.requestTypeIds, priorities: c.priorities },
      smoothing: c.smoothing,
      halfLifeDays: c.halfLifeDays,
      minSample: c.minSample,
    }),
    window: c.window,
  };
}

describe('single-pass scorecard = straightforward scorecard', () => {
  it('is identical on generated buckets (day buckets, several shards)', () => {
    fc.assert(
      fc.property(
        fc.array(cellArb, { maxLength: 150 }),
        configArb,
        fc.constantFrom(TODAY, '2026-05-01', '2026-03-31'),
        (cells, config, today) => {
          const buckets = stored(cells, 'day');
          const definition = xlaOf(config);
          expect(buildScorecard(definition, buckets, today)).toEqual(referenceScorecard(definition, buckets, today));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is identical on month buckets and with site-wide priors', () => {
    const sums: SiteAggregates = Object.fromEntries(
      INDICATOR_IDS.map((id) => [id, { count: 100, goodCount: 70, weight: 90, goodWeight: 63, squaredWeight: 80 }]),
    ) as Record<
      IndicatorId,
      { count: number; goodCount: number; weight: number; goodWeight: number; squaredWeight: number }
    >;
    const sitePriors = priorsFromAggregates(sums);
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 150 }), configArb, (cells, config) => {
        const buckets = stored(cells, 'month');
        const definition = xlaOf(config);
        expect(buildScorecard(definition, buckets, TODAY, { sitePriors })).toEqual(
          referenceScorecard(definition, buckets, TODAY, { sitePriors }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('is identical on a dense 60-day project (every segment and slot on every day of 8 shards)', () => {
    const cells: Array<{ shard: number; cell: Cell }> = [];
    let n = 1;
    for (let age = 0; age < 60; age++) {
      for (let shard = 0; shard < 8; shard++) {
        for (const requestTypeId of ['7', '8', '9']) {
          for (const id of INDICATOR_IDS) {
            n = (n * 48271) % 2147483647;
            const total = 5 + (n % 40);
            const good = Math.floor((total * ((n >> 8) % 100)) / 100);
            cells.push({
              shard,
              cell: makeCell(
                {
                  xlaId: 'experience',
                  segment: { projectId: '10001', requestTypeId, priority: '3' },
                  day: addDays(TODAY, -age),
                  slot: id,
                },
                [good, total],
              ),
            });
          }
        }
      }
    }
    const buckets = stored(cells, 'day');
    for (const smoothing of [{ kind: 'fixed' as const, strength: 10 }, { kind: 'empirical-bayes' as const }]) {
      const definition = { ...xla({ smoothing }), window: { kind: 'rolling' as const, days: 30 as const } };
      const card = buildScorecard(definition, buckets, TODAY);
      expect(card).toEqual(referenceScorecard(definition, buckets, TODAY));
      expect(card.daily).toHaveLength(30);
      expect(card.indicators.every((i) => i.n > 0)).toBe(true);
    }
  });
});
