// @vitest-environment jsdom
import './support/setup';
import { describe, expect, it } from 'vitest';
import { getTicketExperience, markFollowUpDone } from '@contracts/agent';
import { getMyAsk } from '@contracts/portal';
import { createClient } from '../../static/src/api/client';
import { MODULE_KEYS } from '../../static/src/host/host';
import { VIEWS } from '../../static/src/app/routes';
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
