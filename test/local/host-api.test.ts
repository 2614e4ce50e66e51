// Host additions other tests rely on: the app's clock follows the site's simulated clock inside
// invocations (and only there), per-project browse permission, and redelivery of product events.
import { asUser, route } from '@forge/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';
import { hostNow } from '../../local/runtime';

const T0 = Date.UTC(2026, 0, 5, 9);

interface Seen {
  eventType: unknown;
  issueKey: unknown;
  retry: unknown;
  now: number;
}
const seen: Seen[] = [];

let h: RunningHost;
let agent: string;
let customer: string;

beforeAll(async () => {
  h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    clock: T0,
    delayScale: 0,
    handlers: {
      'issue-event': (event: unknown) => {
        const e = event as { eventType?: unknown; issue?: { key?: unknown }; retryContext?: unknown };
        seen.push({ eventType: e.eventType, issueKey: e.issue?.key, retry: e.retryContext, now: Date.now() });
        return undefined;
      },
    },
  });
  agent = h.users.agents[0] ?? '';
  customer = h.users.customers[0] ?? '';
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  seen.length = 0;
});

describe('the app clock', () => {
  it('gives handlers the simulated site time through Date.now(), and the system time outside invocations', async () => {
    h.site.setTime(T0);
    h.site.createTicket({ projectKey: 'IT', summary: 'Clock', reporter: customer });
    await h.waitForIdle();
    expect(seen.map((s) => s.now)).toEqual([T0]);
    h.site.advance(90 * 60_000);
    const { value } = await h.host.runAs({}, async () => Date.now());
    expect(value).toBe(T0 + 90 * 60_000);
    // Outside an invocation nothing changes: the host and the tests keep the system clock.
    expect(Math.abs(Date.now() - hostNow())).toBeLessThan(1000);
    expect(Date.now()).toBeGreaterThan(Date.UTC(2026, 5, 1));
  });
});

describe('per-project browse permission', () => {
  it('takes every project permission away from an agent on one project only', async () => {
    const it1 = h.site.createTicket({ projectKey: 'IT', summary: 'Hidden from the agent', reporter: customer }).key;
    const hr1 = h.site.createTicket({ projectKey: 'HR', summary: 'Visible', reporter: customer }).key;
    const restricted = h.users.agents[3] ?? '';
    h.site.setBrowsePermission('IT', restricted, false);
    try {
      const perms = async (by: 'issueKey' | 'projectKey' | 'none', ref = ''): Promise<Record<string, boolean>> => {
        const { value } = await h.host.runAs({ accountId: restricted }, async () => {
          const wanted = 'BROWSE_PROJECTS,SERVICEDESK_AGENT,ASSIGNABLE_USER';
          const path =
            by === 'issueKey'
              ? route`/rest/api/3/mypermissions?permissions=${wanted}&issueKey=${ref}`
              : by === 'projectKey'
                ? route`/rest/api/3/mypermissions?permissions=${wanted}&projectKey=${ref}`
                : route`/rest/api/3/mypermissions?permissions=${wanted}`;
          const res = await asUser().requestJira(path);
          return (await res.json()) as { permissions: Record<string, { havePermission: boolean }> };
        });
        return Object.fromEntries(Object.entries(value.permissions).map(([k, v]) => [k, v.havePermission]));
      };
      expect(await perms('issueKey', it1)).toEqual({
        BROWSE_PROJECTS: false,
        SERVICEDESK_AGENT: false,
        ASSIGNABLE_USER: false,
      });
      expect(await perms('projectKey', 'IT')).toEqual({
        BROWSE_PROJECTS: false,
        SERVICEDESK_AGENT: false,
        ASSIGNABLE_USER: false,
      });
      expect(await perms('issueKey', hr1)).toEqual({
        BROWSE_PROJECTS: true,
        SERVICEDESK_AGENT: true,
        ASSIGNABLE_USER: true,
      });
      // No context: the permission in at least one project.
      expect((await perms('none')).BROWSE_PROJECTS).toBe(true);
      const { value: status } = await h.host.runAs(
        { accountId: restricted },
        async () => (await asUser().requestJira(route`/rest/api/3/issue/${it1}`)).status,
      );
      expect(status).toBe(404);
      expect(() => h.site.assign(it1, restricted, agent)).toThrow(/cannot be assigned/);
      // The app's own resolvers answer the restricted agent "forbidden" on the IT project page.
      const it = h.site.raw.project('IT');
      const res = await h.invoke('sentio-project-page', 'getScorecards', {}, restricted, {
        project: { id: it?.id, key: 'IT', type: 'service_desk' },
      });
      expect(res.ok).toBe(true);
      expect(res.value).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // Other agents are unaffected.
      expect(h.site.raw.canBrowse(agent, h.site.raw.issue(it1) ?? ({} as never))).toBe(true);
    } finally {
      h.site.setBrowsePermission('IT', restricted, true);
    }
    const { value: after } = await h.host.runAs(
      { accountId: restricted },
      async () => (await asUser().requestJira(route`/rest/api/3/issue/${it1}`)).status,
    );
    expect(after).toBe(200);
  });
});

describe('redeliver', () => {
  it('sends stored product events to their triggers again, by seq or by filter', async () => {
    const key = h.site.createTicket({ projectKey: 'IT', summary: 'Replay me', reporter: customer }).key;
    h.site.assign(key, agent, agent);
    await h.waitForIdle();
    const mine = h.events(10).filter((e) => (e.payload.issue as { key?: string } | undefined)?.key === key);
    expect(mine.map((e) => e.eventType)).toEqual([
      'avi:jira:created:issue',
      'avi:jira:updated:issue',
      'avi:jira:assigned:issue',
    ]);
    seen.length = 0;

    expect(h.redeliver(mine[0]?.seq ?? -1)).toBe(1);
    await h.waitForIdle();
    expect(seen.map((s) => [s.eventType, s.issueKey])).toEqual([['avi:jira:created:issue', key]]);

    seen.length = 0;
    expect(h.redeliver({ issueKey: key, eventType: 'avi:jira:assigned:issue' })).toBe(1);
    expect(h.redeliver({ issueKey: key })).toBe(3);
    await h.waitForIdle();
    expect(seen).toHaveLength(4);
    expect(seen.every((s) => s.issueKey === key && s.retry === undefined)).toBe(true);
    expect(() => h.redeliver(999_999)).toThrow(/no event with seq/);
  });

  it('never hands a trigger with ignoreSelf the app’s own changes, even on redelivery', async () => {
    const key = h.site.createTicket({ projectKey: 'IT', summary: 'Self', reporter: customer }).key;
    await h.host.runAs({}, async () => {
      const { asApp } = await import('@forge/api');
      await asApp().requestJira(route`/rest/servicedeskapi/request/${key}/comment`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'From the app', public: true }),
      });
    });
    await h.waitForIdle();
    seen.length = 0;
    expect(h.redeliver({ issueKey: key, selfGenerated: true })).toBe(0);
    expect(h.redeliver({ issueKey: key, where: (e) => e.eventType === 'avi:jira:created:issue' })).toBe(1);
  });
});
