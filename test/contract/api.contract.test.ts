// The unmodified @forge/api client against the local host: requestJira as app and as user,
// permissions, error classes, the runtime context and web trigger URLs.
import api, { asApp, asUser, getAppContext, NeedsAuthenticationError, route, webTrigger } from '@forge/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';
import { createJiraClient } from '../../src/platform/jira-client';

let h: RunningHost;
let agent: string;
let customer: string;
let otherCustomer: string;
let key: string;

beforeAll(async () => {
  // A no-op trigger keeps these tests about the platform clients, independent of the app's behaviour.
  h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    clock: Date.UTC(2026, 0, 5, 9),
    // These tests check the site's per-person permissions through asUser(), customers included:
    // the reading in which Forge allows customers asUser() (local/CONFORMANCE.md).
    readings: { asUserForCustomers: 'allowed' },
    delayScale: 0,
    handlers: { 'issue-event': () => undefined },
  });
  agent = h.users.agents[0] ?? '';
  customer = h.users.customers[0] ?? '';
  otherCustomer = h.users.customers[1] ?? '';
  key = h.site.createTicket({ projectKey: 'IT', summary: 'Printer jammed', reporter: customer }).key;
  h.site.comment(key, 'Internal: toner vendor contacted', { author: agent, public: false });
  await h.waitForIdle();
});
afterAll(async () => {
  await h.close();
});

describe('requestJira asApp', () => {
  it('reads an issue with the fields asked for', async () => {
    const res = await asApp().requestJira(route`/rest/api/3/issue/${key}?fields=status,reporter,project`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { key: string; fields: Record<string, unknown> };
    expect(body.key).toBe(key);
    expect(Object.keys(body.fields).sort()).toEqual(['project', 'reporter', 'status']);
    expect(body.fields.status).toMatchObject({ name: 'Waiting for support', statusCategory: { key: 'new' } });
  });

  it('answers 404 with Jira’s error body for an unknown issue', async () => {
    const res = await asApp().requestJira(route`/rest/api/3/issue/IT-9999`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
  });

  it('pages comments and changelog', async () => {
    const res = await asApp().requestJira(route`/rest/api/3/issue/${key}/comment?maxResults=1`);
    const body = (await res.json()) as { total: number; maxResults: number; comments: Array<{ jsdPublic: boolean }> };
    expect([body.total, body.maxResults, body.comments.length, body.comments[0]?.jsdPublic]).toEqual([1, 1, 1, false]);
    const log = await asApp().requestJira(route`/rest/api/3/issue/${key}/changelog`);
    expect(await log.json()).toMatchObject({ startAt: 0, total: 0, isLast: true, values: [] });
  });

  it('returns SLA cycles in the servicedeskapi shape', async () => {
    const res = await asApp().requestJira(route`/rest/servicedeskapi/request/${key}/sla`);
    const body = (await res.json()) as {
      values: Array<{ name: string; ongoingCycle?: { breached: boolean; goalDuration: { millis: number } } }>;
    };
    expect(body.values.map((v) => v.name)).toEqual(['Time to first response', 'Time to resolution']);
    expect(body.values[0]?.ongoingCycle).toMatchObject({ breached: false, goalDuration: { millis: 240 * 60_000 } });
  });

  it('writes an issue property and marks the app’s own comment as selfGenerated', async () => {
    // Jira answers 201 when the PUT creates the property and 200 when it updates it. The property is
    // removed first so the test does not depend on what ran before it (a retry, another test).
    await asApp().requestJira(route`/rest/api/3/issue/${key}/properties/sentio-experience`, { method: 'DELETE' });
    const put = await asApp().requestJira(route`/rest/api/3/issue/${key}/properties/sentio-experience`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pendingAsk: 'yes' }),
    });
    expect(put.status).toBe(201);
    const again = await asApp().requestJira(route`/rest/api/3/issue/${key}/properties/sentio-experience`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pendingAsk: 'yes' }),
    });
    expect(again.status).toBe(200);
    const search = await asApp().requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'sentioPendingAsk = yes', fields: ['summary'] }),
    });
    expect(((await search.json()) as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toEqual([key]);
    const post = await asApp().requestJira(route`/rest/servicedeskapi/request/${key}/comment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'How is it going?', public: true }),
    });
    expect(post.status).toBe(201);
    const last = h.events(1)[0];
    expect(last).toMatchObject({ eventType: 'avi:jira:commented:issue', selfGenerated: true });
    await h.waitForIdle();
    // The trigger declares filter.ignoreSelf, so the app never receives its own comment.
    expect(h.deliveries({ kind: 'trigger' }).some((d) => d.payload.selfGenerated === true)).toBe(false);
  });
});

describe('requestJira asUser', () => {
  it('lets a customer see their own request but not someone else’s', async () => {
    const own = await asUser(customer).requestJira(route`/rest/servicedeskapi/request/${key}`);
    expect(own.status).toBe(200);
    const other = await asUser(otherCustomer).requestJira(route`/rest/servicedeskapi/request/${key}`);
    expect(other.status).toBe(404);
  });

  it('hides internal comments from the customer', async () => {
    const res = await asUser(customer).requestJira(route`/rest/api/3/issue/${key}/comment`);
    const body = (await res.json()) as { comments: Array<{ jsdPublic: boolean }> };
    expect(body.comments.every((c) => c.jsdPublic)).toBe(true);
  });

  it('answers mypermissions per person', async () => {
    const check = async (who: string) => {
      const res = await asUser(who).requestJira(
        route`/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER&issueKey=${key}`,
      );
      const body = (await res.json()) as { permissions: Record<string, { havePermission: boolean }> };
      return [body.permissions.BROWSE_PROJECTS?.havePermission, body.permissions.ADMINISTER?.havePermission];
    };
    expect(await check(customer)).toEqual([true, false]);
    expect(await check(otherCustomer)).toEqual([false, false]);
    expect(await check(agent)).toEqual([true, false]);
    expect(await check(h.users.admins[0] ?? '')).toEqual([true, true]);
    const missing = await asUser(agent).requestJira(route`/rest/api/3/mypermissions`);
    expect(missing.status).toBe(400);
  });

  it('forbids a customer from transitioning', async () => {
    const res = await asUser(customer).requestJira(route`/rest/api/3/issue/${key}/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transition: { id: '10003' } }),
    });
    expect(res.status).toBe(403);
  });

  it('throws NeedsAuthenticationError for asUser() where the invocation has no user', async () => {
    await expect(asUser().requestJira(route`/rest/api/3/myself`)).rejects.toBeInstanceOf(NeedsAuthenticationError);
  });

  it('acts as the invocation’s user for asUser() inside a resolver-like invocation', async () => {
    const { value } = await h.host.runAs({ accountId: customer }, async () => {
      const res = await api.asUser().requestJira(route`/rest/api/3/myself`);
      return ((await res.json()) as { accountId: string }).accountId;
    });
    expect(value).toBe(customer);
  });
});

describe('runtime', () => {
  it('gives each invocation its own context and remaining time', async () => {
    const [a, b] = await Promise.all([
      h.host.runAs({ moduleKey: 'module-a', timeoutSeconds: 25 }, async () => getAppContext()),
      h.host.runAs({ moduleKey: 'module-b', timeoutSeconds: 5 }, async () => {
        await new Promise((r) => setTimeout(r, 10));
        return getAppContext();
      }),
    ]);
    expect(a.value.moduleKey).toBe('module-a');
    expect(b.value.moduleKey).toBe('module-b');
    expect(a.value.invocationId).not.toBe(b.value.invocationId);
    expect(b.value.invocationRemainingTimeInMillis()).toBeLessThanOrEqual(5000);
    expect(String(a.value.appAri)).toBe('ari:cloud:ecosystem::app/5e7710a0-2b8c-4f5e-9a51-7c1d3e0f5a11');
  });

  it('reads the request type in one issue read whether or not its field is navigable (the app’s Jira client)', async () => {
    // Oracle: the site's own request type of the ticket; the `fields` parameter's "*navigable
    // Returns navigable fields" / "*all Returns all fields", on a site whose request-type field is
    // not navigable.
    const expected = h.site.raw.issue(key)?.requestTypeId;
    expect(expected).toBeDefined();
    const read = async () => {
      const run = await h.host.runAs({}, () => createJiraClient().getIssue(key));
      return { requestTypeId: run.value?.requestTypeId, routes: run.metrics.jira.byRoute };
    };
    try {
      for (const navigable of [true, false]) {
        h.site.raw.requestTypeFieldNavigable = navigable;
        expect(await read()).toEqual({ requestTypeId: expected, routes: { 'GET /rest/api/3/issue/{id}': 1 } });
      }
    } finally {
      h.site.raw.requestTypeFieldNavigable = true;
    }
  });

  it('counts Jira calls per invocation', async () => {
    const { metrics } = await h.host.runAs({}, async () => {
      await asApp().requestJira(route`/rest/api/3/issue/${key}`);
      await asApp().requestJira(route`/rest/servicedeskapi/request/${key}/sla`);
    });
    expect(metrics.jira.calls).toBe(2);
    expect(metrics.jira.asApp).toBe(2);
  });

  it('hands out a local URL per web trigger', async () => {
    const url = await webTrigger.getUrl('sentio-one-click-answer');
    expect(url).toBe(`${h.url}/x1/sentio-one-click-answer`);
  });

  it('injects Jira 503s for reliability tests', async () => {
    h.faults.set([{ target: 'jira', kind: 503, rate: 1 }], 3);
    const res = await asApp().requestJira(route`/rest/api/3/issue/${key}`);
    h.faults.clear();
    expect(res.status).toBe(503);
  });
});
