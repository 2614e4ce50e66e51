// @vitest-environment jsdom
import './support/setup';
import { describe, expect, it } from 'vitest';
import { getTicketExperience, markFollowUpDone } from '@contracts/agent';
import { getMyAsk } from '@contracts/portal';
import { createClient } from '../../static/src/api/client';
import { MODULE_KEYS } from '../../static/src/host/host';
import { startView, VIEWS } from '../../static/src/app/routes';
import { preloadView } from '../../static/src/app/view-chunks';
import { ViewContextSchema, type ModuleKey } from '../../static/src/host/host';
import { FakeHost, findInNotice, hostFor, renderApp } from './support/fake-host';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

describe('routing by module key', () => {
  it('has a view for every module of manifest.yml that renders the ui resource', () => {
    const manifest = parse(readFileSync('manifest.yml', 'utf8')) as {
      modules: Record<string, Array<{ key: string; resource?: string }>>;
    };
    const uiModules = Object.values(manifest.modules)
      .flat()
      .filter((m) => m.resource === 'ui')
      .map((m) => m.key)
      .sort();
    expect([...MODULE_KEYS].sort()).toEqual(uiModules);
    expect(Object.keys(VIEWS).sort()).toEqual(uiModules);
  });

  it('says so when a module key is not one of Sentio', async () => {
    renderApp(new FakeHost({ moduleKey: 'someone-else', extension: {} }));
    expect(await findInNotice('Unknown Sentio module')).toBeInTheDocument();
  });
});

describe('typed client', () => {
  it('serves a prefetched call to the first loads of that payload (both runs of a StrictMode effect), then calls again', async () => {
    const host = hostFor('sentio-portal-survey').answer(getMyAsk, { ask: null });
    const client = createClient(host);
    client.prefetch(getMyAsk, {});
    client.prefetch(getMyAsk, {});
    const [first, second] = await Promise.all([client.load(getMyAsk, {}), client.load(getMyAsk, {})]);
    expect(first).toEqual({ ok: true, data: { ask: null } });
    expect(second).toBe(first);
    expect(host.callsTo(getMyAsk)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    await client.load(getMyAsk, {});
    expect(host.callsTo(getMyAsk)).toHaveLength(2);
    // A prefetch arriving after the view loaded that payload itself starts nothing.
    client.prefetch(getMyAsk, {});
    expect(host.callsTo(getMyAsk)).toHaveLength(2);
  });

  it('checks a prefetched answer and payload with the contract, as any call', async () => {
    const host = hostFor('sentio-portal-survey').answer(getMyAsk, { ask: 'not an ask' } as never);
    const client = createClient(host);
    client.prefetch(getMyAsk, {});
    expect((await client.load(getMyAsk, {})).ok && 'passed').toBe(false);
    expect(await client.load(getMyAsk, {})).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    // Sent as given (the resolver checks it too), but refused here all the same.
    client.prefetch(markFollowUpDone, { note: 'x'.repeat(501) });
    const refused = await client.load(markFollowUpDone, { note: 'x'.repeat(501) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('invokes the contract name and returns the parsed data', async () => {
    const host = hostFor('sentio-portal-survey').answer(getMyAsk, { ask: null });
    const result = await createClient(host).call(getMyAsk, {});
    expect(result).toEqual({ ok: true, data: { ask: null } });
    expect(host.calls).toEqual([{ name: 'getMyAsk', payload: {} }]);
  });

  it('refuses a payload the contract refuses, without a round trip', async () => {
    const host = hostFor('sentio-issue-panel');
    const result = await createClient(host).call(markFollowUpDone, { note: 'x'.repeat(501) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.fields.map((f) => f.field)).toEqual(['note']);
    }
    expect(host.calls).toEqual([]);
  });

  it('carries the error envelope through: code, message, field problems and reason', async () => {
    const host = hostFor('sentio-issue-panel').fail(getTicketExperience, {
      code: 'refused',
      message: 'No',
      reason: 'cooldown',
      fields: [{ field: 'a', message: 'b' }],
    });
    expect(await createClient(host).call(getTicketExperience, {})).toEqual({
      ok: false,
      error: { code: 'refused', message: 'No', reason: 'cooldown', fields: [{ field: 'a', message: 'b' }] },
    });
  });

  it('turns a bridge failure into a readable error', async () => {
    const host = hostFor('sentio-issue-panel');
    const result = await createClient(host).call(getTicketExperience, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bridge');
  });
});

describe("the entry's first calls", () => {
  // What the entry reads from the raw context (no zod yet) must start what the app shell starts
  // from the context checked with ViewContextSchema.
  const contexts: Array<[ModuleKey, Record<string, unknown>]> = [
    ...MODULE_KEYS.map((k): [ModuleKey, Record<string, unknown>] => [k, {}]),
    ['sentio-issue-panel', { issue: { key: 'IT-1', id: '10001' }, project: { key: 'IT' } }],
    ['sentio-scorecard-gadget', { gadgetConfiguration: { projectId: '100', window: '7d', xlaId: 'x' } }],
    ['sentio-scorecard-gadget', { gadgetConfiguration: { projectId: ' 100 ', window: 'yesterday' } }],
    ['sentio-scorecard-gadget', { gadgetConfiguration: { projectId: '100' }, entryPoint: 'edit' }],
    ['sentio-scorecard-gadget', { gadgetConfiguration: { projectId: 'IT' } }],
  ];

  it.each(contexts)('%s %j: the same calls as the app shell', (moduleKey, extension) => {
    const raw: unknown = JSON.parse(JSON.stringify({ moduleKey, extension, siteUrl: 'https://x' }));
    const fromEntry: Array<{ name: string; payload: Record<string, unknown> }> = [];
    preloadView(raw, (name, payload) => fromEntry.push({ name, payload }));
    const host = new FakeHost(ViewContextSchema.parse(raw));
    startView(host.context, createClient(host));
    expect(fromEntry).toEqual(host.calls);
    // Every view but an unconfigured or edited gadget has a first round to start.
    if (moduleKey !== 'sentio-scorecard-gadget') expect(fromEntry.length).toBeGreaterThan(0);
  });

  it('starts nothing for a context it cannot read', () => {
    const started: string[] = [];
    for (const raw of [null, 'sentio-issue-panel', { moduleKey: 'someone-else' }, { moduleKey: 42 }])
      preloadView(raw, (name) => started.push(name));
    expect(started).toEqual([]);
  });
});
