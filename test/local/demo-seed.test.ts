// The demo seed configures the app through its admin resolvers and has requesters answer through the
// portal resolvers; a small run checks that, and that the same seed gives the same site twice.
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';
import { DEMO_PLANS, HR_ONLY_AGENT } from '../../local/seed';

let hosts: RunningHost[] = [];
afterEach(async () => {
  for (const h of hosts) await h.close();
  hosts = [];
});

async function smallDemo(): Promise<RunningHost> {
  const h = await startHost({
    dataDir: ':memory:',
    seed: 'demo',
    delayScale: 0,
    demo: { tickets: 40, days: 21, seed: 7, summary: false },
  });
  hosts.push(h);
  return h;
}

describe('demo seed', () => {
  it('saves the plans as the admin, answers asks as requesters, and is deterministic', async () => {
    const h = await smallDemo();
    const d = h.demo;
    expect(d?.tickets).toBe(40);
    expect(d?.failedDeliveries).toBe(0);
    expect(d?.answers).toBeGreaterThan(5);
    expect(d?.ignored).toBeGreaterThan(0);

    const admin = h.users.admins[0] ?? '';
    const config = (await h.invoke('sentio-admin-page', 'getConfig', {}, admin)).value as {
      ok: true;
      data: { plans: Array<{ id: string }>; xlas: Array<{ id: string }> };
    };
    expect(config.data.plans.map((p) => p.id).sort()).toEqual(DEMO_PLANS.map((p) => p.id).sort());
    expect(config.data.xlas.map((x) => x.id)).toEqual(['experience', 'looked-after']);
    // The audit log shows the admin did it, through the app.
    const audit = (await h.invoke('sentio-admin-page', 'getAuditLog', { limit: 10 }, admin)).value as {
      ok: true;
      data: { entries: Array<{ actorId: string; action: string }> };
    };
    expect(audit.data.entries.filter((e) => e.action === 'plan-saved').every((e) => e.actorId === admin)).toBe(true);

    // The demo-only HR agent cannot browse IT.
    expect(h.users.agents).toContain(HR_ONLY_AGENT.id);
    expect(h.site.raw.canBrowseProject(HR_ONLY_AGENT.id, 'IT')).toBe(false);
    expect(h.site.raw.canBrowseProject(HR_ONLY_AGENT.id, 'HR')).toBe(true);

    const again = await smallDemo();
    expect({ ...again.demo, ms: 0, invocations: 0 }).toEqual({ ...d, ms: 0, invocations: 0 });
    const shape = (x: RunningHost) =>
      x.site.raw.issues().map((i) => [i.key, i.statusId, i.assignee, i.created, x.site.raw.comments(i.id).length]);
    expect(shape(again)).toEqual(shape(h));
  }, 180_000); // two seeds through the app: a guard against a hang, not a time budget
});

describe('demo seed languages', () => {
  it('has requesters who read Jira in German and Japanese, and the portal words a German one’s survey in German', async () => {
    const h = await smallDemo();
    const byName = (name: string) => h.site.raw.users('customer').find((u) => u.displayName === name);
    const hannah = byName('Hannah Schmidt');
    const yuki = byName('Yuki Tanaka');
    expect([hannah?.locale, yuki?.locale, byName('Chris Doyle')?.locale]).toEqual(['de_DE', 'ja_JP', 'en_US']);
    // A fresh request of each raises the demo's "waiting for you" plan when it waits for them.
    const wording: Record<string, string | undefined> = {};
    for (const who of [hannah, yuki]) {
      if (who === undefined) continue;
      const t = h.site.createTicket({
        projectKey: 'IT',
        requestType: 'Get IT help',
        summary: 'Laptop',
        reporter: who.accountId,
      });
      h.site.transition(t.key, 'Waiting for customer', h.users.agents[0] ?? '');
      await h.waitForIdle();
      const res = (await h.invoke('sentio-portal-survey', 'getMyAsk', {}, who.accountId, { request: { key: t.key } }))
        .value as { ok: true; data: { ask: { wording: { locale: string; text: string } } | null } };
      wording[who.locale] = res.data.ask?.wording.text;
    }
    // Yuki may be in the plan's 24 h cooldown from the demo's own asks; when asked, it is in Japanese.
    expect(wording.de_DE).toBe('Wie läuft Ihre Anfrage bisher?');
    if (wording.ja_JP !== undefined) expect(wording.ja_JP).toBe('これまでのリクエストの対応はいかがですか？');
  });
});
