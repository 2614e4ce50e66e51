/**
 * Summing shard buckets into one bucket per day (the day summaries of docs/storage.md). Oracles: a
 * hand-computed sum, and the rollup of the shards folded ticket by ticket (`rollupOf`), which never
 * goes through buckets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketPerPeriod,
  bucketsOf,
  contributionOf,
  rollupCells,
  rollupOf,
  rollupOfBuckets,
  summedBucket,
} from '../../../src/domain/rollup';
import { addDays } from '../../../src/domain/time';
import { SEGMENT, ticketsWith, TODAY } from './builders';

const shardOf = (counts: Parameters<typeof ticketsWith>[0], day = TODAY) =>
  bucketsOf(rollupOf(ticketsWith(counts, day).map((experience) => contributionOf({ experience }))));

describe('day summaries', () => {
  it('add the shards of a day cell by cell (hand-computed)', () => {
    const [a] = shardOf({ csat: [2, 3], sla: [1, 1] });
    const [b] = shardOf({ csat: [1, 4] });
    if (a === undefined || b === undefined) throw new Error('no bucket');
    const sum = summedBucket({ projectId: SEGMENT.projectId, period: TODAY }, [a, b]);
    const cells = rollupCells(rollupOfBuckets(sum === null ? [] : [sum]));
    // csat 2/3 + 1/4 = 3/7; sla 1/1 stays.
    expect(cells.filter((c) => c[5] === 'csat').map((c) => c.slice(6))).toEqual([[3, 7]]);
    expect(cells.filter((c) => c[5] === 'sla').map((c) => c.slice(6))).toEqual([[1, 1]]);
  });

  it('refuse a bucket of another day', () => {
    const [a] = shardOf({ csat: [1, 1] }, addDays(TODAY, -1));
    expect(() => summedBucket({ projectId: SEGMENT.projectId, period: TODAY }, a ? [a] : [])).toThrow(RangeError);
  });

  it('hold what the tickets hold, one bucket per day in day order', () => {
    const counts = fc.tuple(fc.nat(4), fc.nat(4)).map(([good, bad]) => [good, good + bad] as const);
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.nat(5), csat: counts, sla: counts }), { minLength: 1, maxLength: 12 }),
        (shards) => {
          const tickets = shards.map((s) =>
            ticketsWith({ csat: s.csat, sla: s.sla }, addDays(TODAY, -s.day)).map((experience) =>
              contributionOf({ experience }),
            ),
          );
          const buckets = tickets.flatMap((t) => bucketsOf(rollupOf(t)));
          const days = bucketPerPeriod(buckets);
          expect(days.map((b) => b.k)).toEqual([...new Set(buckets.map((b) => b.k))].sort());
          expect(rollupCells(rollupOfBuckets(days))).toEqual(rollupCells(rollupOf(tickets.flat())));
        },
      ),
    );
  });
});
