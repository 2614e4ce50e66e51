import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RollupBucketSchema,
  applyDeltaToBucket,
  bucketKeysOf,
  bucketRefKey,
  bucketRefsForRange,
  bucketsOf,
  contributionDelta,
  contributionOf,
  invertDelta,
  rollupCells,
  rollupOf,
  rollupOfBuckets,
  splitDeltaByBucket,
  type RollupBucket,
} from '../../../src/domain/rollup';
import { parseWith } from '../../../src/domain/validation';
import { answerTicket, SEGMENT, ticketsWith, TODAY } from './builders';

const other = { projectId: '10002', requestTypeId: null, priority: null };
const delta = contributionDelta(
  null,
  [
    ...contributionOf({
      experience: { ...answerTicket('csat5', 5, '2026-04-30'), indicators: { sla: { good: true, day: TODAY } } },
    }),
    ...contributionOf({ experience: { ...answerTicket('thumbs', 1, TODAY, other) } }),
  ].sort(),
);

describe('bucket keys: one stored value per project and day (or month)', () => {
  it('lists the project-days a delta touches, in key order', () => {
    expect(bucketKeysOf(delta)).toEqual([
      { projectId: '10001', period: '2026-04-30' },
      { projectId: '10001', period: TODAY },
      { projectId: '10002', period: TODAY },
    ]);
  });

  it('lists project-months when the store keeps a month per value', () => {
    expect(bucketKeysOf(delta, 'month').map(bucketRefKey)).toEqual(['10001:2026-04', '10001:2026-05', '10002:2026-05']);
  });

  it('touches no bucket for an empty delta (a replay)', () => {
    const c = contributionOf({ experience: ticketsWith({ sla: [1, 1] })[0] ?? answerTicket('csat5', 5) });
    expect(bucketKeysOf(contributionDelta(c, c))).toEqual([]);
  });

  it('lists the buckets to read for a window', () => {
    expect(
      bucketRefsForRange(['10002', '10001'], { from: '2026-04-29', to: '2026-05-01' }, 'month').map(bucketRefKey),
    ).toEqual(['10001:2026-04', '10001:2026-05', '10002:2026-04', '10002:2026-05']);
    expect(bucketRefsForRange(['10001'], { from: '2026-04-29', to: '2026-05-01' })).toHaveLength(3);
  });
});

describe('applying a delta to stored buckets', () => {
  it('creates, updates and finally deletes (null) a bucket', () => {
    const parts = splitDeltaByBucket(delta);
    const first = parts[0];
    if (first === undefined) throw new Error('expected a part');
    const created = applyDeltaToBucket(null, first.ref, first.delta);
    // Format 2: entries are `dayOfMonth, slotCode, ...values` in one flat list; 7 is `q:csat5`.
    expect(created).toEqual({
      v: 2,
      p: '10001',
      k: '2026-04-30',
      x: { experience: [['7', '3', [30, 7, 0, 0, 0, 0, 1]]] },
    });
    const doubled = applyDeltaToBucket(created, first.ref, first.delta);
    expect(doubled?.x).toEqual({ experience: [['7', '3', [30, 7, 0, 0, 0, 0, 2]]] });
    expect(applyDeltaToBucket(created, first.ref, invertDelta(first.delta))).toBeNull();
  });

  it('refuses a cell that belongs to another bucket', () => {
    expect(() => applyDeltaToBucket(null, { projectId: '10001', period: TODAY }, delta)).toThrow(RangeError);
  });

  it('gives the same rollup as applying the whole delta in memory', () => {
    let stored = new Map<string, RollupBucket>();
    for (const part of splitDeltaByBucket(delta)) {
      const next = applyDeltaToBucket(stored.get(bucketRefKey(part.ref)) ?? null, part.ref, part.delta);
      if (next !== null) stored = new Map(stored).set(bucketRefKey(part.ref), next);
    }
    expect(rollupCells(rollupOfBuckets(stored.values()))).toEqual(rollupCells(rollupOf([delta])));
  });
});

describe('stored buckets are a trust boundary', () => {
  const bucket = bucketsOf(
    rollupOf([contributionOf({ experience: ticketsWith({ sla: [1, 1] })[0] ?? answerTicket('csat5', 5) })]),
  )[0];

  it('parses what bucketsOf produces', () => {
    expect(RollupBucketSchema.safeParse(bucket).success).toBe(true);
  });

  // Format 1 (tuples with slot names): still read, never written.
  const withEntry = (entry: unknown[]) => ({ ...bucket, v: 1, x: { experience: [['7', '3', [entry]]] } });
  // Format 2 (flat numbers, slot codes): what bucketsOf writes.
  const withEntries = (entries: unknown[]) => ({ ...bucket, x: { experience: [['7', '3', entries]] } });

  it('refuses an entry of the wrong width, naming it', () => {
    const parsed = parseWith(RollupBucketSchema, withEntry([20, 'sla', 1]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.field).toBe('x.experience[0][2][0][1]');
  });

  it('refuses an entry whose day lies outside the bucket period', () => {
    const parsed = parseWith(RollupBucketSchema, withEntry([19, 'sla', 1, 1]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.field).toBe('x.experience[0][2][0][0]');
    const month = parseWith(RollupBucketSchema, { ...withEntry([31, 'sla', 1, 1]), k: '2026-04' });
    expect(month.ok).toBe(false);
  });

  it('refuses fractional counts, unknown slots and XLA ids that are not XLA ids', () => {
    expect(RollupBucketSchema.safeParse(withEntry([20, 'sla', 0.5, 1])).success).toBe(false);
    expect(RollupBucketSchema.safeParse(withEntry([20, 'mood', 1, 1])).success).toBe(false);
    expect(RollupBucketSchema.safeParse({ ...bucket, x: { __proto__x: [] } }).success).toBe(false);
  });

  it('reads format 1 as the same cells in format 2', () => {
    if (bucket === undefined) throw new Error('expected a bucket');
    const legacy = {
      ...bucket,
      v: 1,
      x: {
        experience: [
          [
            '7',
            '3',
            [
              [20, 'sla', 1, 1],
              [20, 'q:csat5', 0, 0, 0, 1, 0],
            ],
          ],
          [null, null, [[20, 'lt', 600, 1]]],
        ],
      },
    };
    const parsed = RollupBucketSchema.parse(legacy);
    expect(parsed).toEqual({
      ...bucket,
      v: 2,
      x: {
        experience: [
          ['7', '3', [20, 2, 1, 1, 20, 7, 0, 0, 0, 1, 0]],
          [null, null, [20, 12, 600, 1]],
        ],
      },
    });
  });

  it('refuses format-2 entries that are cut short, out of the period, of an unknown slot or fractional, naming them', () => {
    const refused = (entries: unknown[]) => {
      const parsed = parseWith(RollupBucketSchema, withEntries(entries));
      return parsed.ok ? null : parsed.problems[0]?.field;
    };
    expect(refused([20, 2, 1, 1, 20, 7, 0, 0, 1])).toBe('x.experience[0][2][5]');
    expect(refused([20, 2, 1, 1, 19, 2, 1, 1])).toBe('x.experience[0][2][4]');
    expect(refused([20, 99, 1, 1])).toBe('x.experience[0][2][1]');
    expect(refused([20, 2, 0.5, 1])).toBe('x.experience[0][2][2]');
    expect(refused([20, 2, 1, 1])).toBeNull();
    expect(refused([])).toBeNull();
    expect(RollupBucketSchema.safeParse({ ...withEntries([20, 2, 1, 1]), v: 3 }).success).toBe(false);
    expect(RollupBucketSchema.safeParse({ ...withEntries([20, 2, 1, 1]), extra: 1 }).success).toBe(false);
  });

  it('fits a busy project-day (10 XLAs × 100 segments, every slot) in one 240 KiB value', () => {
    // 10 XLAs × 100 segments, each with every indicator, a csat answer and lost time.
    const tickets = Array.from({ length: 100 }, (_, i) => ({
      ...answerTicket('csat5', 4, TODAY, {
        ...SEGMENT,
        requestTypeId: `1${String(i).padStart(4, '0')}`,
        priority: String(i % 5),
      }),
      indicators: Object.fromEntries(
        ['csat', 'sentiment', 'sla', 'reopen', 'reassign', 'wait', 'chaser'].map((id) => [
          id,
          { good: true, day: TODAY },
        ]),
      ),
      lostTime: { minutes: 30, day: TODAY },
    }));
    const contributions = tickets.map((t) =>
      contributionOf(Object.fromEntries(Array.from({ length: 10 }, (_, x) => [`xla-number-${x}`, t]))),
    );
    const [busiest] = bucketsOf(rollupOf(contributions));
    const bytes = new TextEncoder().encode(JSON.stringify(busiest)).length;
    expect(bytes).toBeLessThan(240 * 1024);
  });
});

describe('bucket key invariants', () => {
  it('splits any delta into parts whose cells all belong to their bucket', () => {
    fc.assert(
      fc.property(fc.constantFrom('day' as const, 'month' as const), (granularity) => {
        for (const part of splitDeltaByBucket(delta, granularity)) {
          expect(
            part.delta.every((cell) => cell[1] === part.ref.projectId && cell[4].startsWith(part.ref.period)),
          ).toBe(true);
        }
      }),
    );
  });
});
