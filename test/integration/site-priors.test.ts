/**
 * Site priors and the project registry on the local host: the first ticket of a project registers
 * it in the `project` entity (same transaction), the hourly run computes the day's priors into the
 * `site-priors` document, and the dashboard scores with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/domain/scorecard';
import { journeyXla } from './support/config';
import { MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

describe('site priors on the local host', () => {
  let h: TestHost;
  let admin: string;
  let projectId: string;

  beforeAll(async () => {
    h = await startTestHost();
    admin = h.users.admins[0] ?? '';
    projectId = h.site.raw.project('IT')?.id ?? '';
    unwrap(await h.call(MODULE.admin, 'saveXla', { xla: journeyXla() }, admin));
    await h.waitForIdle();
    h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'Printer',
      reporter: h.users.customers[0] ?? '',
    });
    await h.waitForIdle();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('registers the project of a ticket it stores', () => {
    expect(h.entity('project').map((r) => r.key)).toContain(projectId);
  });

  it('computes the priors once a day on the hourly run, and the dashboard uses them (defaults: one ticket is far below n_eff 30)', async () => {
    const first = await h.tick('sentio-hourly');
    expect(first.value).toMatchObject({ priors: 'computed' });
    const second = await h.tick('sentio-hourly');
    expect(second.value).toMatchObject({ priors: 'fresh' });
    const doc = h.entity('doc').find((r) => r.key === 'site-priors')?.value as
      { body: { byXla: Record<string, Record<string, { source: string; mu: number }>> } } | undefined;
    expect(doc?.body.byXla.journey?.csat).toMatchObject({ source: 'default', mu: 0.8 });
    const { scorecards } = unwrap(
      await h.call<{ scorecards: Scorecard[] }>(MODULE.project, 'getScorecards', { window: '30d' }, admin, {
        project: { id: projectId, key: 'IT' },
      }),
    );
    expect(scorecards.find((c) => c.xlaId === 'journey')?.indicators.map((i) => i.priorSource)).toEqual([
      'default',
      'default',
      'default',
    ]);
  });
});
