/**
 * A recompute counts every ticket exactly once, however its chunks are delivered and whatever
 * races them. Chunks write their tickets together (src/app/recompute/write-chunk.ts); here some
 * chunks are delivered again after their commits (the state save lost, as a crash would), and
 * events reopen tickets in the middle of a chunk, moving the revisions the chunk's transactions
 * are checked on.
 *
 * Oracle: per project and day, the resolved tickets and those never reopened, counted by hand from
 * the generated tickets and events — not from any rollup code. The finished generation's reopen
 * cells must hold exactly those counts: a dropped ticket lowers n, a double-counted one raises it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveConfig } from '../../../src/app/configuration/effective-config';
import { runRecomputeChunk } from '../../../src/app/recompute/run-recompute-chunk';
import { startRecompute } from '../../../src/app/recompute/start-recompute';
import { commitTicketWrite } from '../../../src/app/tickets/commit-ticket-write';
import { newRecord, type TicketRecord } from '../../../src/app/tickets/ticket-record';
import type { UnitOfWork } from '../../../src/app/ports';
import { bucketCells, cellDay, cellSlot, cellValues } from '../../../src/domain/rollup';
import { emptyExperience } from '../../../src/domain/ticket';
import { shardOf } from '../../../src/platform/storage-layout';
import { xla } from '../../domain/rollup/builders';
import { fakeWorld } from '../fakes/ports';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);
const PROJECTS = ['10001', '10002', '10003'] as const;
const dayKey = (d: number) => new Date(BASE + d * DAY).toISOString().slice(0, 10);

interface Spec {
  readonly project: number;
  readonly day: number;
  readonly reopened: boolean;
}

function record(i: number, s: Spec): TicketRecord {
  const issueId = String(20_000 + i);
  const projectId = PROJECTS[s.project] ?? '10001';
  const at = BASE + s.day * DAY + 3_600_000;
  const e = {
    ...emptyExperience({ issueId, issueKey: `IT-${i}`, projectId }, at),
    reporterId: 'customer-1',
    createdAt: BASE - DAY + i,
    resolutions: [{ key: `resolved-${i}`, at }],
    reopens: s.reopened ? [{ key: `reopened-${i}`, at: at + 1 }] : [],
  };
  return newRecord(e, at, shardOf(issueId));
}

const scenario = fc.record({
  // Up to three chunks of 50, so chunks before the last one are delivered again too.
  tickets: fc.integer({ min: 1, max: 140 }).chain((n) =>
    fc.array(
      fc.record({
        project: fc.integer({ min: 0, max: 2 }),
        day: fc.integer({ min: 0, max: 2 }),
        reopened: fc.boolean(),
      }),
      { minLength: n, maxLength: n },
    ),
  ),
  /** Before the n-th commit of the run, an event reopens ticket `ticket` (modulo the count). */
  events: fc.array(fc.record({ beforeCommit: fc.integer({ min: 0, max: 40 }), ticket: fc.nat() }), { maxLength: 6 }),
  /** Chunks (by delivery number) whose state save is lost after their writes: delivered again. */
  replays: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
});

describe('recompute chunks count every ticket exactly once', () => {
  it('under redelivered chunks and events racing the chunk’s transactions', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ tickets, events, replays }) => {
        const w = fakeWorld({ version: 1, xlas: [xla({ id: 'ops' })], plans: [] });
        const ports = w.ports;
        const config0 = await effectiveConfig(ports);
        for (const [i, s] of tickets.entries())
          await commitTicketWrite(ports, config0, { before: null, after: record(i, s) });
        // Lose every bucket, as a bug or a lost write would: only the recompute can bring them back.
        w.buckets.clear();
        const reopened = new Set(tickets.flatMap((s, i) => (s.reopened ? [i] : [])));

        const commit = ports.tickets.commit.bind(ports.tickets);
        let commits = 0;
        const racing = async (unit: UnitOfWork): Promise<void> => {
          for (const ev of events.filter((e) => e.beforeCommit === commits)) {
            const i = ev.ticket % tickets.length;
            const stored = w.tickets.get(String(20_000 + i));
            if (stored === undefined) throw new Error('ticket missing');
            const e = stored.value.experience;
            if (e.reopens.length === 0) {
              const after = { ...stored.value, experience: { ...e, reopens: [{ key: `race-${i}`, at: w.now }] } };
              // The event's own write path, under the configuration in force (it writes both generations).
              await commitTicketWrite(
                { ...ports, tickets: { ...ports.tickets, commit } },
                await effectiveConfig(ports),
                {
                  before: stored,
                  after,
                },
              );
              reopened.add(i);
            }
          }
          commits += 1;
          await commit(unit);
        };
        const racedPorts = { ...ports, tickets: { ...ports.tickets, commit: racing } };

        const save = ports.documents.saveRecompute.bind(ports.documents);
        let deliveries = 0;
        let failSave = false;
        const lossyPorts = {
          ...racedPorts,
          documents: {
            ...racedPorts.documents,
            saveRecompute: async (...args: Parameters<typeof save>) => {
              if (failSave) throw new Error('the function died before saving its progress');
              return save(...args);
            },
          },
        };

        const job = await startRecompute(lossyPorts, 'admin-1', { refuseIfRunning: true });
        const jobId = job?.jobId ?? '';
        const replayed = new Set<number>();
        for (let guard = 0; guard < 100; guard++) {
          failSave = replays.includes(deliveries) && !replayed.has(deliveries);
          let more: boolean;
          try {
            more = await runRecomputeChunk(lossyPorts, jobId);
          } catch {
            replayed.add(deliveries); // the queue delivers the same chunk again
            continue;
          }
          deliveries += 1;
          if (!more) break;
        }
        expect(w.recompute?.value).toMatchObject({ state: 'done', processed: tickets.length });
        expect(w.config.rollups?.active).toBe(jobId);

        const expected = new Map<string, [number, number]>();
        tickets.forEach((s, i) => {
          const k = `${PROJECTS[s.project]}/${dayKey(s.day)}`;
          const [good, n] = expected.get(k) ?? [0, 0];
          expected.set(k, [good + (reopened.has(i) ? 0 : 1), n + 1]);
        });
        const actual = new Map<string, [number, number]>();
        for (const { value } of w.buckets.values()) {
          if (value.generation !== jobId || value.bucket === null) continue;
          for (const cell of bucketCells(value.bucket)) {
            if (cellSlot(cell) !== 'reopen') continue;
            const k = `${value.projectId}/${cellDay(cell)}`;
            const [good, n] = actual.get(k) ?? [0, 0];
            const [g, m] = cellValues(cell);
            actual.set(k, [good + (g ?? 0), n + (m ?? 0)]);
          }
        }
        expect(new Map([...actual].filter(([, [, n]]) => n !== 0))).toEqual(expected);
      }),
      {
        numRuns: 60,
        // The first of two chunks delivered again: it must add nothing the second time.
        examples: [
          [
            {
              tickets: Array.from({ length: 60 }, () => ({ project: 0, day: 0, reopened: false })),
              events: [],
              replays: [0],
            },
          ],
        ],
      },
    );
  });
});
