/**
 * Recompute is a rebuild: a new rollup generation is built from every ticket in chunks on the
 * queue and switched in at the end, so buckets that went wrong are repaired and a deleted XLA
 * leaves no rows behind; progress and the final count are reported; a second start is refused.
 */
import { kvs } from '@forge/kvs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecomputeStatus } from '../../src/contracts';
import type { Scorecard } from '../../src/domain/scorecard';
import { RECOMPUTE_CHUNK } from '../../src/app/recompute/run-recompute-chunk';
import { journeyXla } from './support/config';
import { MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

const TICKETS = 2 * RECOMPUTE_CHUNK + 10; // 110 tickets: three chunks (50, 50, 10)

describe('recompute on the local host', () => {
  let h: TestHost;
  let admin: string;
  let project: { id: string; key: string };
  const reopen = async (xlaId: string) => {
    const { scorecards } = unwrap(
      await h.call<{ scorecards: Scorecard[] }>(MODULE.project, 'getScorecards', { window: '7d' }, admin, { project }),
    );
    const i = scorecards.find((c) => c.xlaId === xlaId)?.indicators.find((x) => x.id === 'reopen');
    return [i?.good ?? 0, i?.n ?? 0];
  };

  beforeAll(async () => {
    h = await startTestHost({ concurrency: 8 });
    admin = h.users.admins[0] ?? '';
    project = { id: h.site.raw.project('IT')?.id ?? '', key: 'IT' };
    unwrap(
      await h.call(
        MODULE.admin,
        'saveXla',
        {
          xla: journeyXla({
            id: 'ops',
            name: 'Ops',
            indicators: [{ id: 'reopen', weight: 1, floor: 0.8, target: 0.97, prior: 0.95 }],
          }),
        },
        admin,
      ),
    );
    for (let i = 0; i < TICKETS; i++) {
      const t = h.site.createTicket({
        projectKey: 'IT',
        requestType: 'Get IT help',
        summary: `R${i}`,
        reporter: h.users.customers[i % 5] ?? '',
      });
      h.site.transition(t.key, 'Resolved', h.users.agents[0] ?? '');
    }
    await h.waitForIdle(60_000);
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('starts from 110 good reopen outcomes', async () => {
    expect(await reopen('ops')).toEqual([TICKETS, TICKETS]);
  });

  it('repairs lost buckets, reports progress and the final count, and refuses a second start', async () => {
    // Lose every rollup bucket (as a bug or a lost write would): the dashboard shows nothing.
    const keys = h.entity('rollup').map((r) => r.key);
    await h.host.runAs({}, async () => {
      for (const key of keys) await kvs.entity('rollup').delete(key);
    });
    expect(await reopen('ops')).toEqual([0, 0]);

    const started = unwrap(await h.call<RecomputeStatus>(MODULE.admin, 'startRecompute', {}, admin));
    expect(started).toMatchObject({ state: 'queued', processed: 0, total: null });
    // The job runs on the queue; while it is queued or running a second start is refused.
    expect(await h.call(MODULE.admin, 'startRecompute', {}, admin)).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        reason: 'recompute-running',
        message: 'A recompute is already running (0 tickets done).',
      },
    });
    await h.waitForIdle(60_000);

    const chunks = h
      .deliveries({ kind: 'consumer' })
      .filter((d) => (d.payload.body as { jobId?: string } | undefined)?.jobId === started.jobId);
    expect(chunks.map((d) => d.state)).toEqual(['done', 'done', 'done']);
    const { status } = unwrap(
      await h.call<{ status: RecomputeStatus | null }>(MODULE.admin, 'getRecomputeStatus', {}, admin),
    );
    expect(status).toMatchObject({
      jobId: started.jobId,
      state: 'done',
      processed: TICKETS,
      total: TICKETS,
      message: `Recomputed ${TICKETS} tickets`,
    });
    expect(await reopen('ops')).toEqual([TICKETS, TICKETS]);
  });

  it('leaves no rows of a deleted XLA in the rollups the dashboard reads', async () => {
    const { config } = unwrap(
      await h.call<{ config: { version: number } }>(MODULE.admin, 'deleteXla', { id: 'ops' }, admin),
    );
    expect(config.version).toBeGreaterThan(0);
    await h.waitForIdle(60_000);
    const { status } = unwrap(
      await h.call<{ status: RecomputeStatus | null }>(MODULE.admin, 'getRecomputeStatus', {}, admin),
    );
    expect(status?.state).toBe('done');
    const active = status?.jobId ?? '';
    const live = h.entity('rollup').filter((r) => (r.value as { scope: string }).scope.startsWith(`${active}:`));
    expect(live.length).toBeGreaterThan(0);
    expect(live.filter((r) => JSON.stringify(r.value).includes('"ops'))).toEqual([]);
  });
});
