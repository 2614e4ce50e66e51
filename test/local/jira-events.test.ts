// Drives the host like Jira (create, transition, assign, comment) and checks what the app's trigger
// function receives: the payload shapes Forge documents, the trigger context, ignoreSelf, retries.
import { InvocationError, InvocationErrorCode } from '@forge/events';
import Resolver from '@forge/resolver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type RunningHost, startHost } from '../../local/index';
import { JiraEventPayloadSchema } from '../../src/domain/events/jira-payload';
import { normaliseEvent } from '../../src/domain/events/normalise';

// The documented shapes (https://developer.atlassian.com/platform/forge/events-reference/jira/),
// strict where the host promises a field.
const JiraTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/);
const Account = z.object({ accountId: z.string().min(1) });
const Status = z
  .object({
    id: z.string(),
    name: z.string(),
    statusCategory: z
      .object({ id: z.number(), key: z.enum(['new', 'indeterminate', 'done']), name: z.string() })
      .passthrough(),
  })
  .passthrough();
const IssueShape = z.object({
  id: z.string().regex(/^\d+$/),
  key: z.string().regex(/^[A-Z]+-\d+$/),
  fields: z.object({
    summary: z.string(),
    issuetype: z.object({ id: z.string(), name: z.string() }).passthrough(),
    creator: Account,
    created: JiraTime,
    project: z.object({ id: z.string(), key: z.string(), name: z.string() }).passthrough(),
    reporter: Account,
    assignee: Account.nullable(),
    updated: JiraTime,
    status: Status,
  }),
});
const Base = {
  // "timestamp | string | The time when the event occurred, in epoch milliseconds."
  timestamp: z.string().regex(/^\d{13}$/),
  issue: IssueShape,
  atlassianId: z.string(),
  selfGenerated: z.boolean(),
  context: z.object({ cloudId: z.string(), moduleKey: z.literal('sentio-issue-events') }),
  contextToken: z.string(),
};
const Changelog = z.object({
  id: z.string(),
  items: z
    .array(
      z.object({
        field: z.string(),
        fieldtype: z.string(),
        fieldId: z.string(),
        from: z.string().nullable(),
        fromString: z.string().nullable(),
        to: z.string().nullable(),
        toString: z.string().nullable(),
      }),
    )
    .min(1),
});
const EventShape = z.discriminatedUnion('eventType', [
  z.object({ eventType: z.literal('avi:jira:created:issue'), ...Base, associatedUsers: z.array(Account) }),
  z.object({
    eventType: z.literal('avi:jira:updated:issue'),
    ...Base,
    associatedUsers: z.array(Account),
    changelog: Changelog,
  }),
  z.object({
    eventType: z.literal('avi:jira:assigned:issue'),
    ...Base,
    associatedUsers: z.array(Account),
    changelog: Changelog,
  }),
  z.object({
    eventType: z.literal('avi:jira:commented:issue'),
    ...Base,
    comment: z.object({
      id: z.string(),
      author: Account,
      body: z.object({ type: z.literal('doc'), version: z.literal(1), content: z.array(z.unknown()) }),
      created: JiraTime,
      updated: JiraTime,
      jsdPublic: z.boolean(),
    }),
  }),
  z.object({ eventType: z.literal('avi:jira:deleted:issue'), ...Base }),
]);

interface Call {
  event: Record<string, unknown>;
  context: Record<string, unknown>;
}
const calls: Call[] = [];
let respond: (e: Record<string, unknown>) => unknown = () => undefined;

const recordingTrigger = (event: unknown, context: unknown): unknown => {
  const c = { event: event as Record<string, unknown>, context: context as Record<string, unknown> };
  calls.push(c);
  return respond(c.event);
};

const agentResolver = new Resolver();
agentResolver.define('whoAmI', ({ context, payload }) => ({
  accountId: context.accountId,
  payload,
  extension: context.extension,
}));
agentResolver.define('slow', async () => {
  await new Promise((r) => setTimeout(r, 300));
  return { done: true };
});

let h: RunningHost;
let agent: string;
let customer: string;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

beforeAll(async () => {
  h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    clock: T0,
    delayScale: 0,
    timeLimitScale: 0.004, // 25 s → 100 ms
    handlers: { 'issue-event': recordingTrigger, 'agent-resolver': agentResolver.getDefinitions() as never },
  });
  agent = h.users.agents[0] ?? '';
  customer = h.users.customers[0] ?? '';
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  calls.length = 0;
  respond = () => undefined;
});

describe('a ticket’s life as the app’s trigger sees it', () => {
  it('receives created, updated, assigned and commented events with Jira’s payloads and past timestamps', async () => {
    const issue = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'VPN drops',
      reporter: customer,
    });
    h.site.advance(10 * 60_000);
    h.site.assign(issue.key, agent, agent);
    h.site.advance(5 * 60_000);
    h.site.comment(issue.key, 'Looking into it now.', { author: agent, public: true });
    h.site.transition(issue.key, 'Waiting for customer', agent);
    h.site.advance(60 * 60_000);
    h.site.comment(issue.key, 'Any update?', { author: customer });
    h.site.transition(issue.key, 'Resolved', agent);
    await h.waitForIdle();

    const events = calls.map((c) => EventShape.parse(c.event));
    expect(events.map((e) => e.eventType).sort()).toEqual(
      [
        'avi:jira:assigned:issue',
        'avi:jira:commented:issue',
        'avi:jira:commented:issue',
        'avi:jira:created:issue',
        'avi:jira:updated:issue',
        'avi:jira:updated:issue',
        'avi:jira:updated:issue',
      ].sort(),
    );
    // The app's own parser accepts every payload the host sends.
    for (const c of calls) expect(JiraEventPayloadSchema.safeParse(c.event).success).toBe(true);

    // The string timestamp is when it happened on the site, and the app times the change by it.
    const times = events.map((e) => Number(e.timestamp)).sort((a, b) => a - b);
    expect(times[0]).toBe(T0);
    expect(times[times.length - 1]).toBe(T0 + 75 * 60_000);
    const waiting = calls.find((c) => JSON.stringify(c.event).includes('"toString":"Waiting for customer"'));
    const parsed = JiraEventPayloadSchema.parse(waiting?.event);
    const normalised = normaliseEvent(parsed, { toText: String, receivedAt: 0 });
    expect(normalised.map((n) => n.at)).toEqual([T0 + 15 * 60_000]);

    const created = events.find((e) => e.eventType === 'avi:jira:created:issue');
    expect(created?.issue.fields.created).toBe('2026-03-02T09:00:00.000+0000');
    expect(created?.issue.fields.status.name).toBe('Waiting for support');
    expect(created?.atlassianId).toBe(customer);

    const resolved = events.find(
      (e) => e.eventType === 'avi:jira:updated:issue' && e.changelog.items.some((i) => i.toString === 'Resolved'),
    );
    expect(resolved && 'changelog' in resolved ? resolved.changelog.items.map((i) => i.field) : []).toEqual([
      'status',
      'resolution',
    ]);

    // Assignment sends both events with the same changelog id, so the app must dedupe on it.
    const assignIds = events
      .filter((e) => 'changelog' in e && e.changelog.items[0]?.field === 'assignee')
      .map((e) => ('changelog' in e ? e.changelog.id : ''));
    expect(assignIds).toHaveLength(2);
    expect(new Set(assignIds).size).toBe(1);

    const comments = events.filter((e) => e.eventType === 'avi:jira:commented:issue');
    expect(
      comments.map((c) =>
        c.eventType === 'avi:jira:commented:issue' ? [c.comment.author.accountId, c.comment.jsdPublic] : [],
      ),
    ).toEqual([
      [agent, true],
      [customer, true],
    ]);
    expect(calls[0]?.context).toEqual({ installContext: expect.stringMatching(/^ari:cloud:jira::site\//) });
  });

  it('does not deliver the app’s own writes (filter.ignoreSelf) but records them as selfGenerated', async () => {
    const issue = h.site.createTicket({ projectKey: 'IT', summary: 'Self test', reporter: customer });
    await h.waitForIdle();
    calls.length = 0;
    const res = h.host.callJira(
      { kind: 'app', accountId: h.users.app },
      'POST',
      `/rest/servicedeskapi/request/${issue.key}/comment`,
      JSON.stringify({ body: 'Quick survey?', public: true }),
      true,
    );
    expect(res.status).toBe(201);
    await h.waitForIdle();
    expect(calls).toHaveLength(0);
    expect(h.events(1)[0]).toMatchObject({ eventType: 'avi:jira:commented:issue', selfGenerated: true });
  });

  it('redelivers an event when the trigger returns InvocationError, with retryContext', async () => {
    let n = 0;
    respond = () =>
      n++ < 2
        ? new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST })
        : undefined;
    h.site.createTicket({ projectKey: 'HR', summary: 'Payslip', reporter: customer });
    await h.waitForIdle();
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => (c.event.retryContext as { retryCount: number } | undefined)?.retryCount ?? 0)).toEqual([
      0, 1, 2,
    ]);
  });

  it('does not retry a trigger that throws', async () => {
    respond = () => {
      throw new Error('boom');
    };
    h.site.createTicket({ projectKey: 'HR', summary: 'Another', reporter: customer });
    await h.waitForIdle();
    expect(calls).toHaveLength(1);
    expect(h.deliveries({ kind: 'trigger', limit: 1 })[0]).toMatchObject({ state: 'failed', lastError: 'boom' });
  });
});

describe('platform retries (events-reference/product_events, "Retry for platform level errors")', () => {
  it('retries a trigger that timed out, with retryReason FUNCTION_TIME_OUT', async () => {
    respond = async (e) => {
      // The first attempt runs past the (scaled) 25 s limit; the retry answers at once.
      if (e.retryContext === undefined) await new Promise((r) => setTimeout(r, 400));
      return undefined;
    };
    h.site.createTicket({ projectKey: 'HR', summary: 'Slow', reporter: customer });
    await h.waitForIdle();
    expect(calls.map((c) => (c.event.retryContext as { retryReason?: string } | undefined)?.retryReason)).toEqual([
      undefined,
      'FUNCTION_TIME_OUT',
    ]);
    expect(h.deliveries({ kind: 'trigger', limit: 1 })[0]).toMatchObject({ state: 'done' });
  });
});

describe('resolvers through the host', () => {
  it('takes identity from the session, never from the payload', async () => {
    const r = await h.invoke('sentio-issue-panel', 'whoAmI', { accountId: 'spoofed' }, agent, {
      issue: { key: 'IT-1' },
    });
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({
      accountId: agent,
      payload: { accountId: 'spoofed' },
      extension: { type: 'jira:issuePanel', issue: { key: 'IT-1' } },
    });
  });

  it('refuses customers on modules without unlicensedAccess', async () => {
    await expect(h.invoke('sentio-issue-panel', 'whoAmI', {}, customer)).rejects.toThrow(/unlicensed/);
  });

  it('fails a resolver that runs past its time limit with FUNCTION_TIME_OUT', async () => {
    const r = await h.invoke('sentio-issue-panel', 'slow', {}, agent);
    expect(r.ok).toBe(false);
    expect(r.timedOut).toBe(true);
    expect(r.metrics.outcome).toBe('timeout');
  });
});
