/**
 * What a browser can send through the bridge is JSON: own `__proto__` and `constructor` keys,
 * nesting thousands deep, resolver names that are really Object.prototype members. Every resolver
 * answers a clear refusal (or its normal answer to a harmless payload), writes nothing, never
 * echoes the request, and leaves Object.prototype alone.
 */
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { adminResolvers, agentResolvers, portalResolvers, projectResolvers } from '../../src/contracts';
import { attack } from './support/attacks';
import {
  MODULE,
  issueContext,
  portalContext,
  projectContext,
  savePlan,
  startAdversary,
  storage,
  surveyPlan,
  type Adversary,
} from './support/site';

type Surface = { readonly module: string; readonly names: readonly string[]; readonly as: keyof Adversary['people'] };

const SURFACES: Record<string, Surface> = {
  portal: { module: MODULE.portal, names: Object.values(portalResolvers).map((c) => c.name), as: 'requester' },
  'agent panel': { module: MODULE.agent, names: Object.values(agentResolvers).map((c) => c.name), as: 'agent' },
  admin: { module: MODULE.admin, names: Object.values(adminResolvers).map((c) => c.name), as: 'admin' },
  project: { module: MODULE.project, names: Object.values(projectResolvers).map((c) => c.name), as: 'agent' },
};

/** The JSON a hostile page could send, parsed as the bridge parses it (so `__proto__` is an own key). */
const HOSTILE = {
  '__proto__ at the top': '{"__proto__":{"polluted":"yes"}}',
  'constructor.prototype at the top': '{"constructor":{"prototype":{"polluted":"yes"}}}',
} as const;

const deep = (depth: number, leaf: string): string => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
const deepObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('hostile payloads', () => {
  let a: Adversary;
  let key = '';

  beforeAll(async () => {
    a = await startAdversary();
    await savePlan(a, surveyPlan('on-create', { kind: 'created' }));
    key = a.h.site.createTicket({ projectKey: 'IT', summary: 'Target', reporter: a.people.requester }).key;
    await a.h.waitForIdle();
  });

  afterAll(async () => {
    await a?.close();
  });

  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  const contextFor = (surface: string): Record<string, unknown> =>
    surface === 'portal'
      ? portalContext(a.h, key)
      : surface === 'agent panel'
        ? issueContext(a.h, key)
        : surface === 'project'
          ? projectContext(a.h, 'IT')
          : {};

  /** Sends a payload; the answer is an envelope (never a throw), and a refusal writes nothing. */
  async function send(
    surface: string,
    name: string,
    payload: unknown,
  ): Promise<{ ok: boolean; code: string | null; text: string }> {
    const s = SURFACES[surface] as Surface;
    const before = storage(a.h);
    const res = await a.h.invoke(s.module, name, payload, a.people[s.as], contextFor(surface));
    expect(res.ok, `${name} threw: ${res.error?.message}`).toBe(true);
    const env = res.value as { ok: boolean; error?: { code: string; message: string } };
    const text = JSON.stringify(env);
    expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    if (!env.ok) {
      expect(storage(a.h)).toBe(before);
      expect(env.error?.code).not.toBe('internal');
    }
    return { ok: env.ok, code: env.ok ? null : (env.error?.code ?? null), text };
  }

  for (const [surface, s] of Object.entries(SURFACES))
    for (const name of s.names)
      for (const [label, json] of Object.entries(HOSTILE))
        attack('payloads', `${surface} ${name}: ${label} is refused as invalid and pollutes nothing`, async () => {
          const r = await send(surface, name, JSON.parse(json));
          expect(r.code).toBe('validation');
        });

  for (const [surface, name] of [
    ['admin', 'saveXla'],
    ['admin', 'savePlan'],
    ['admin', 'importConfig'],
    ['portal', 'answerAsk'],
  ] as const) {
    attack('payloads', `${surface} ${name}: arrays nested 5 000 deep are refused without a crash`, async () => {
      const field =
        name === 'importConfig' ? 'config' : name === 'saveXla' ? 'xla' : name === 'savePlan' ? 'plan' : 'reasons';
      const r = await send(surface, name, JSON.parse(`{"${field}":${deep(5_000, '1')}}`));
      expect(r.code).toBe('validation');
    });
    attack('payloads', `${surface} ${name}: objects nested 5 000 deep are refused without a crash`, async () => {
      const field =
        name === 'importConfig' ? 'config' : name === 'saveXla' ? 'xla' : name === 'savePlan' ? 'plan' : 'comment';
      const r = await send(surface, name, JSON.parse(`{"${field}":${deepObject(5_000)}}`));
      expect(r.code).toBe('validation');
    });
  }

  for (const [surface, s] of Object.entries(SURFACES))
    for (const key of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'isPrototypeOf',
    ])
      attack('payloads', `${surface}: a resolver named "${key}" does not exist and echoes nothing`, async () => {
        const before = storage(a.h);
        const res = await a.h.invoke(s.module, key, { secret: 'echo-me' }, a.people[s.as], contextFor(surface));
        const answer = JSON.stringify(res.ok ? res.value : { error: res.error?.message }) ?? '';
        expect(answer).not.toContain('echo-me');
        expect(answer).not.toContain('accountId');
        if (res.ok) expect((res.value as { ok?: boolean }).ok).toBe(false);
        expect(storage(a.h)).toBe(before);
      });
});
