/**
 * The agent panel reads a ticket's SLAs live from JSM when it opens, on the local host with the
 * unmodified `@forge/api` client. Oracle: each SLA worked out by hand from the site's clock and the
 * goals set below (JSM's rules as local/site/sla.ts emulates them: first response stops at the
 * first public agent comment; resolution pauses while Waiting for customer), and JSM's own
 * "less than 30 minutes before breaching" for at risk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketExperienceView } from '../../src/contracts';
import { criticalPath } from '../../local/latency';
import { attachLatency, type LatencyHook } from '../bench/latency-hook';
import {
  HOUR,
  MINUTE,
  MODULE,
  startTestHost,
  stopTestHost,
  storageSnapshot,
  unwrap,
  type TestHost,
} from './support/host';

const FIRST_RESPONSE = 'Time to first response';
const RESOLUTION = 'Time to resolution';

describe('the live SLA read of the agent panel', () => {
  let h: TestHost;
  let agent: string;
  let requester: string;
  let latency: LatencyHook;

  beforeAll(async () => {
    h = await startTestHost();
    agent = h.users.agents[0] ?? '';
    requester = h.users.customers[0] ?? '';
    latency = attachLatency(h.host);
  });
  afterAll(async () => {
    latency.detach();
    await stopTestHost(h);
  });

  function openTicket(goals: { firstResponse: number; resolution: number }) {
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'VPN drops',
      reporter: requester,
    });
    h.site.setSla(t.key, FIRST_RESPONSE, { goalMinutes: goals.firstResponse });
    h.site.setSla(t.key, RESOLUTION, { goalMinutes: goals.resolution });
    return { id: t.id, key: t.key };
  }

  async function panel(issue: { id: string; key: string }) {
    const r = await h.invoke(MODULE.agent, 'getTicketExperience', {}, agent, { issue });
    if (!r.ok) throw r.error ?? new Error('getTicketExperience failed');
    return { view: unwrap(r.value as never) as TicketExperienceView, metrics: r.metrics };
  }

  it('shows a breach on an open ticket, with the time overdue, in one Jira call beside the other reads', async () => {
    const issue = openTicket({ firstResponse: 30, resolution: 480 });
    await h.waitForIdle();
    h.advanceBoth(2 * HOUR + 10 * MINUTE); // nobody answered for 130 minutes
    const stored = storageSnapshot(h);
    const { view, metrics } = await panel(issue);
    expect(view.sla).toEqual({
      read: 'read',
      slas: [
        // 130 − 30 = 100 minutes past the first-response goal.
        { name: FIRST_RESPONSE, state: 'breached', remainingMs: -100 * MINUTE, breachedBefore: false },
        // 480 − 130 = 350 minutes left to resolve.
        { name: RESOLUTION, state: 'on-track', remainingMs: 350 * MINUTE, breachedBefore: false },
      ],
      more: false,
    });
    // One truth on the panel: the risk, the indicator and the timeline say the same as the chip.
    expect(view.risk.reasons.map((r) => r.code)).toContain('sla-breached');
    expect(view.indicators.find((i) => i.id === 'sla')?.state).toBe('bad');
    expect(view.timeline.map((t) => t.title)).toContain(`SLA breached: ${FIRST_RESPONSE}`);
    // Read only: the panel's read writes nothing.
    expect(storageSnapshot(h)).toBe(stored);
    // One SLA call per panel open, and no more round trips than before it (≤ 3 in a row).
    const slaCalls = Object.entries(metrics.jira.byRoute).filter(([route]) => route.includes('/sla'));
    expect(slaCalls.map(([, n]) => n)).toEqual([1]);
    // Sent beside the permission check, not after it: the read's two Jira calls make a chain of one.
    const jiraSpans = latency.spans(metrics.invocationId).filter((s) => s.kind === 'product-rest');
    expect([jiraSpans.length, criticalPath(jiraSpans).roundTrips]).toEqual([2, 1]);
    expect(latency.path(metrics.invocationId).roundTrips).toBeLessThanOrEqual(3);
  });

  it('says paused while the ticket waits for the customer, at risk under 30 minutes, met once answered', async () => {
    const issue = openTicket({ firstResponse: 60, resolution: 120 });
    await h.waitForIdle();
    h.advanceBoth(20 * MINUTE);
    h.site.comment(issue.key, 'Can you send a screenshot?', { author: agent, public: true }); // answered at 20 min
    h.site.transition(issue.key, 'Waiting for customer', agent);
    await h.waitForIdle();
    h.advanceBoth(3 * HOUR); // paused: the resolution clock stands at 20 of 120 minutes
    const waiting = (await panel(issue)).view.sla;
    expect(waiting).toEqual({
      read: 'read',
      slas: [
        { name: RESOLUTION, state: 'paused', remainingMs: 100 * MINUTE, breachedBefore: false },
        // Completed 20 minutes into a 60-minute goal: 40 minutes to spare.
        { name: FIRST_RESPONSE, state: 'met', remainingMs: 40 * MINUTE, breachedBefore: false },
      ],
      more: false,
    });
    h.site.transition(issue.key, 'Waiting for support', agent);
    await h.waitForIdle();
    h.advanceBoth(75 * MINUTE); // 20 + 75 = 95 of 120 minutes: 25 left, under JSM's 30
    const running = (await panel(issue)).view.sla;
    expect(running.read === 'read' ? running.slas[0] : null).toEqual({
      name: RESOLUTION,
      state: 'at-risk',
      remainingMs: 25 * MINUTE,
      breachedBefore: false,
    });
  });

  it('still renders the panel when JSM cannot be asked, and says the SLA could not be read', async () => {
    const issue = openTicket({ firstResponse: 30, resolution: 480 });
    await h.waitForIdle();
    h.faults.set([{ target: 'jira', kind: 503, rate: 1, pathIncludes: '/sla' }]);
    try {
      const { view } = await panel(issue);
      expect(view.sla).toEqual({ read: 'failed' });
      expect(view.issueKey).toBe(issue.key);
      expect(h.faults.injected).toBe(1);
    } finally {
      h.faults.clear();
    }
  });

  it('renders the panel without the SLAs when JSM never answers the SLA read', async () => {
    const issue = openTicket({ firstResponse: 30, resolution: 480 });
    await h.waitForIdle();
    // The host's hang: the call answers only after the invocation's deadline (local/wire-router.ts).
    h.faults.set([{ target: 'jira', kind: 'timeout', rate: 1, pathIncludes: '/sla' }]);
    try {
      const { view } = await panel(issue);
      expect([view.sla, view.issueKey]).toEqual([{ read: 'failed' }, issue.key]);
      expect(h.faults.injected).toBe(1);
    } finally {
      h.faults.clear();
    }
  });

  it('reads every page of SLAs: a breach on the third page shows', async () => {
    const issue = openTicket({ firstResponse: 600, resolution: 600 });
    // 120 more SLAs: pages of 50, 50 and 22. Only the last one has a goal short enough to breach.
    for (let i = 1; i <= 120; i++)
      h.site.setSla(issue.key, `Extra SLA ${String(i).padStart(3, '0')}`, { goalMinutes: i === 120 ? 60 : 900 });
    await h.waitForIdle();
    h.advanceBoth(2 * HOUR);
    const { view, metrics } = await panel(issue);
    const slas = view.sla.read === 'read' ? view.sla.slas : [];
    expect(slas).toHaveLength(122);
    expect(view.sla.read === 'read' && view.sla.more).toBe(false);
    // Worst first: 120 − 60 = 60 minutes past the goal.
    expect(slas[0]).toEqual({
      name: 'Extra SLA 120',
      state: 'breached',
      remainingMs: -60 * MINUTE,
      breachedBefore: false,
    });
    expect(view.risk.reasons.map((r) => r.code)).toContain('sla-breached');
    const slaCalls = Object.entries(metrics.jira.byRoute).filter(([route]) => route.includes('/sla'));
    expect(slaCalls.reduce((n, [, calls]) => n + calls, 0)).toBe(3);
    // The pages follow one another beside the other reads: three pages keep the panel at 3 round trips.
    expect(latency.path(metrics.invocationId).roundTrips).toBeLessThanOrEqual(3);
  });

  it('stops after five pages (250 SLAs) and says there are more, instead of stopping silently', async () => {
    const issue = openTicket({ firstResponse: 600, resolution: 600 });
    // 258 more SLAs: 260 in all, pages of 50 (JSM's default size, as the host pages them) up to
    // a sixth page of 10 the read never asks for. The one that breaches is on that sixth page.
    for (let i = 1; i <= 258; i++)
      h.site.setSla(issue.key, `Extra SLA ${String(i).padStart(3, '0')}`, { goalMinutes: i === 258 ? 60 : 900 });
    await h.waitForIdle();
    h.advanceBoth(2 * HOUR);
    const { view, metrics } = await panel(issue);
    if (view.sla.read !== 'read') throw new Error(`the SLA read failed: ${JSON.stringify(view.sla)}`);
    // 5 pages × 50, counted by hand; the sixth page's breach is not among them.
    expect([view.sla.slas.length, view.sla.more]).toEqual([250, true]);
    expect(view.sla.slas.map((s) => s.name)).not.toContain('Extra SLA 258');
    const slaCalls = Object.entries(metrics.jira.byRoute).filter(([route]) => route.includes('/sla'));
    expect(slaCalls.reduce((n, [, calls]) => n + calls, 0)).toBe(5);
  });

  it('gives the glance the same risk as the panel: a live breach is what lifts its lozenge', async () => {
    // The glance (jira:issueContext) shows mood, risk level and the last answer. A breached SLA is
    // worth 25 risk points, medium on its own (src/domain/ticket/risk.ts), so the glance shows the
    // live SLA through its lozenge and needs the read to agree with the panel's chip and risk.
    const issue = openTicket({ firstResponse: 30, resolution: 480 });
    await h.waitForIdle();
    h.advanceBoth(2 * HOUR);
    const glance = async () => {
      const r = await h.invoke('sentio-issue-context', 'getTicketExperience', {}, agent, { issue });
      if (!r.ok) throw r.error ?? new Error('glance failed');
      return unwrap(r.value as never) as TicketExperienceView;
    };
    const [fromPanel, fromGlance] = [(await panel(issue)).view, await glance()];
    expect([fromPanel.risk.level, fromGlance.risk.level]).toEqual(['medium', 'medium']);
    // Without the live SLAs the same glance would say low: the read is what it shows.
    h.faults.set([{ target: 'jira', kind: 503, rate: 1, pathIncludes: '/sla' }]);
    try {
      expect((await glance()).risk.level).toBe('low');
    } finally {
      h.faults.clear();
    }
  });
});
