/**
 * Many events of one project at once race for the same rollup buckets (8 shards of one
 * project-day). Checked transactions plus re-read-and-retry must lose none of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/domain/scorecard';
import { journeyXla } from './support/config';
import { MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

const TICKETS = 200;

describe('200 concurrent events on one project', () => {
  let h: TestHost;
  let admin: string;

  beforeAll(async () => {
    h = await startTestHost({ concurrency: 32 });
    admin = h.users.admins[0] ?? '';
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
    const keys: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      keys.push(
        h.site.createTicket({
          projectKey: 'IT',
          requestType: 'Get IT help',
          summary: `Load ${i}`,
          reporter: h.users.customers[i % h.users.customers.length] ?? '',
        }).key,
      );
    }
    await h.waitForIdle();
    h.metrics.reset();
    // 200 resolutions queued at once, delivered 32 at a time: every one moves the same project-day.
    for (const key of keys) h.site.transition(key, 'Resolved', h.users.agents[0] ?? '');
    await h.waitForIdle(60_000);
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('delivers every event (retries allowed, no failure)', () => {
    const failed = h.deliveries({ kind: 'trigger', limit: 5000 }).filter((d) => d.state !== 'done');
    expect(failed).toEqual([]);
  });

  it('counts all 200 resolutions in the rollups: none lost, none doubled', async () => {
    // Each resolved ticket, never reopened, adds one good reopen outcome on today's buckets.
    const projectId = h.site.raw.project('IT')?.id ?? '';
    const { scorecards } = unwrap(
      await h.call<{ scorecards: Scorecard[] }>(MODULE.project, 'getScorecards', { window: '7d' }, admin, {
        project: { id: projectId, key: 'IT' },
      }),
    );
    const reopen = scorecards.find((c) => c.xlaId === 'ops')?.indicators.find((i) => i.id === 'reopen');
    expect([reopen?.good, reopen?.n]).toEqual([TICKETS, TICKETS]);
  });
});
