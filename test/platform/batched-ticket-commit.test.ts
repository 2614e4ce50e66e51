/**
 * A recompute chunk commits several tickets in one unit of work, and reads more buckets than a
 * batch holds. Through the real `@forge/kvs` client on the local host:
 * - a unit of several tickets is one transaction, each ticket and bucket checked on its revision:
 *   one stale revision refuses the whole unit and writes nothing (storage-reference/entities-transactions:
 *   "either committed if all conditions are met or rolled back together");
 * - `getBuckets` of more than 25 buckets (a batch's maximum, storage-reference/entities-batch) is
 *   answered in one round trip of parallel batches.
 * Oracle: the host's raw rows and its record of each call (local/kvs.ts, local/latency.ts), not
 * the adapter's own reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../local/index';
import { roundTripsOf } from '../../local/metrics';
import { WriteConflict } from '../../src/app/errors';
import type { AppPorts, BucketRef } from '../../src/app/ports';
import type { StoredBucket, TicketRecord } from '../../src/app/tickets/ticket-record';
import { appPorts } from '../../src/composition';
import { applyDeltaToBucket, makeCell } from '../../src/domain/rollup';
import { shardOf } from '../../src/platform/storage-layout';
import { aTicketRecord } from '../app/builders';

function ticket(id: string): TicketRecord {
  const t = aTicketRecord();
  return { ...t, ticketId: id, shard: shardOf(id), experience: { ...t.experience, issueId: id, issueKey: `IT-${id}` } };
}

function bucket(day: number, generation = 'g1'): StoredBucket {
  const ref: BucketRef = {
    generation,
    projectId: '10000',
    period: `2026-01-${String(day).padStart(2, '0')}`,
    shard: 0,
  };
  const segment = { projectId: '10000', requestTypeId: null, priority: null };
  const cell = makeCell({ xlaId: 'x', segment, day: ref.period, slot: 'reopen' }, [1, 1]);
  return { ...ref, bucket: applyDeltaToBucket(null, ref, [cell]) };
}

describe('several tickets in one unit of work, and bucket reads beyond a batch', () => {
  let h: RunningHost;
  const as = async <T>(fn: (ports: AppPorts) => Promise<T>) => h.host.runAs({}, () => fn(appPorts()));
  const row = (entity: string, key: string) =>
    h.host.kvs.dump('entity', entity).find((r) => r.key === key)?.value as { rev: number } | undefined;

  beforeAll(async () => {
    // The latency model in `account` mode: each call is stamped when sent and answered, so calls sent
    // together overlap as on Forge (local/latency.ts), and nothing is waited out.
    h = await startHost({
      dataDir: ':memory:',
      seed: 'basic',
      delayScale: 0,
      scheduler: false,
      latency: 'forge',
      latencyMode: 'account',
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('commits every ticket and bucket of the unit in one transaction, or none of them', async () => {
    const committed = await as((p) =>
      p.tickets.commit({
        tickets: [
          { record: ticket('501'), expectedRev: 0 },
          { record: ticket('502'), expectedRev: 0 },
        ],
        buckets: [
          { bucket: bucket(1), expectedRev: 0 },
          { bucket: bucket(2), expectedRev: 0 },
        ],
        projects: ['10000'],
      }),
    );
    expect(committed.metrics.kvs.byPath['/api/v1/transaction']).toBe(1);
    expect([row('ticket', '501')?.rev, row('ticket', '502')?.rev]).toEqual([1, 1]);

    // 502 moved since (rev 1 → 2): a unit still expecting rev 1 for it is refused as a whole.
    await as((p) => p.tickets.commit({ ticket: { record: ticket('502'), expectedRev: 1 } }));
    const refused = as((p) =>
      p.tickets.commit({
        tickets: [
          { record: ticket('501'), expectedRev: 1 },
          { record: ticket('502'), expectedRev: 1 },
        ],
        buckets: [{ bucket: bucket(3), expectedRev: 0 }],
      }),
    );
    await expect(refused).rejects.toBeInstanceOf(WriteConflict);
    expect(row('ticket', '501')?.rev).toBe(1);
    expect(h.host.kvs.dump('entity', 'rollup').filter((r) => r.key.includes('2026-01-03'))).toEqual([]);
  });

  it('reads 40 buckets, more than a batch holds, in one round trip', async () => {
    const stored = Array.from({ length: 30 }, (_, i) => bucket(i + 1, 'g2'));
    for (let i = 0; i < stored.length; i += 20)
      await as((p) =>
        p.tickets.commit({ buckets: stored.slice(i, i + 20).map((b) => ({ bucket: b, expectedRev: 0 })) }),
      );
    const refs = Array.from({ length: 40 }, (_, i): BucketRef => {
      const { bucket: _b, ...ref } = bucket(i + 1, 'g2');
      return ref;
    });
    const read = await as((p) => p.rollups.getBuckets(refs));
    // Days 1–30 exist; 31–40 were never written.
    expect(read.value.map((b) => b.value.period)).toEqual(stored.map((b) => b.period));
    expect(read.metrics.kvs.byPath['/api/v1/batch/get']).toBe(2);
    expect(roundTripsOf(read.metrics).roundTrips).toBe(1);
  });
});
