/**
 * Every resolver and the one-click web trigger, fuzzed with what a browser or a mail client could
 * send: wrong types, oversized and unicode strings, prototype-pollution keys, other people's ids,
 * forged, expired and replayed tokens. Each must answer a clear error (the envelope's code, a
 * message without a stack), write nothing, and leave Object.prototype alone.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminResolvers,
  agentResolvers,
  ERROR_CODES,
  portalResolvers,
  projectResolvers,
  type ResolverContract,
} from '../../src/contracts';
import { signToken } from '../../src/app/surveys/one-click-token';
import { createSecrets, cryptoRandom } from '../../src/platform/forge-services';
import type { HmacKey } from '../../src/app/ports';
import {
  callResolver,
  CREATED_PULSE_PLAN,
  envelopeOf,
  installPlans,
  MODULE,
  portalExtension,
  readAppState,
  reportFigures,
  startReliabilityHost,
  type Host,
} from './support/harness';

const RUNS_PER_RESOLVER = 25;
const WEBTRIGGER = 'sentio-one-click-answer';
const hex = (c: { minLength: number; maxLength: number }): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), ...c });
const STACK = /\n\s+at |\.ts:\d+|node_modules|TypeError|ReferenceError|SyntaxError/;

/** What the bridge can deliver: JSON, parsed (so `__proto__` arrives as an own key). */
const hostileJson = fc.oneof(
  fc.constant('{"__proto__":{"polluted":"yes"}}'),
  fc.constant('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  fc.constant('{"askId":{"__proto__":{"polluted":"yes"}},"score":3}'),
  fc.constant('{"xla":{"__proto__":{"polluted":"yes"},"id":"x"}}'),
  fc.constant('{"config":{"format":"sentio-config","version":1,"xlas":[],"plans":[],"__proto__":{"polluted":"yes"}}}'),
);

const payloads: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  hostileJson.map((s): unknown => JSON.parse(s)),
  fc.record({
    askId: fc.string({ unit: 'binary', maxLength: 200 }),
    score: fc.oneof(fc.integer(), fc.double(), fc.string()),
  }),
  fc.record({ window: fc.string({ unit: 'grapheme', maxLength: 20 }), xlaId: fc.string({ maxLength: 300 }) }),
  fc.record({
    planId: fc.string({ unit: 'binary', maxLength: 100 }),
    note: fc.string({ unit: 'binary', maxLength: 600 }),
  }),
  fc.record(
    {
      xla: fc.jsonValue({ maxDepth: 3 }),
      plan: fc.jsonValue({ maxDepth: 3 }),
      expectedVersion: fc.oneof(fc.integer(), fc.string()),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(
    null,
    [],
    'x'.repeat(300_000),
    { askId: 'a'.repeat(100_000), score: 5 },
    { limit: 1e9 },
    { cursor: '\u0000'.repeat(2000) },
  ),
);

interface Surface {
  readonly moduleKey: string;
  readonly contracts: Record<string, ResolverContract>;
  /** Who calls: someone who may not use the surface, or someone who may (then only invalid input fails). */
  readonly as: (h: Host) => string;
  readonly mayWrite: boolean;
}

function writesOf(h: Host, kind: 'resolver' | 'webtrigger'): number {
  const last = h.metrics.invocations({ kind }).at(-1);
  return last === undefined ? -1 : last.kvs.writes;
}

describe('bad input to every resolver and the web trigger', () => {
  let h: Host;
  let victimKey = '';
  let attackerKey = '';
  let victimAskId = '';
  let victim = '';
  let attacker = '';
  let tried = 0;
  let refusedWrites = 0;
  let changedBySurfaces = 0;

  beforeAll(async () => {
    h = await startReliabilityHost();
    await installPlans(h, [CREATED_PULSE_PLAN]);
    victim = h.users.customers[0] ?? '';
    attacker = h.users.customers[1] ?? '';
    victimKey = h.site.createTicket({ projectKey: 'IT', summary: 'Victim', reporter: victim }).key;
    attackerKey = h.site.createTicket({ projectKey: 'IT', summary: 'Attacker', reporter: attacker }).key;
    await h.waitForIdle();
    const mine = await callResolver(
      h,
      MODULE.portal,
      portalResolvers.getMyAsk,
      {},
      victim,
      portalExtension(h, victimKey),
    );
    victimAskId = mine.ask?.askId ?? '';
  });

  /** The signing keys as the web trigger will read them (an admin may have rotated them meanwhile). */
  async function currentKeys(): Promise<{ current: HmacKey; previous: HmacKey | null }> {
    return (await h.host.runAs({}, () => createSecrets(cryptoRandom).signingKeys())).value;
  }

  afterAll(async () => {
    // Losses: refused calls that still wrote, and stored records a refused surface changed.
    reportFigures('bad-input', {
      casesTried: tried,
      writesByRefusedCalls: refusedWrites,
      losses: refusedWrites + changedBySurfaces,
    });
    await h?.close();
  });

  const surfaces: Record<string, Surface> = {
    'portal (another requester)': {
      moduleKey: MODULE.portal,
      contracts: portalResolvers,
      as: () => attacker,
      mayWrite: false,
    },
    'agent panel (a customer cannot open it; an agent fuzzes)': {
      moduleKey: MODULE.agent,
      contracts: agentResolvers,
      as: (x) => x.users.agents[0] ?? '',
      mayWrite: true,
    },
    'admin (an agent, not an admin)': {
      moduleKey: MODULE.admin,
      contracts: adminResolvers,
      as: (x) => x.users.agents[0] ?? '',
      mayWrite: false,
    },
    'admin (an admin)': {
      moduleKey: MODULE.admin,
      contracts: adminResolvers,
      as: (x) => x.users.admins[0] ?? '',
      mayWrite: true,
    },
    'project (an agent)': {
      moduleKey: MODULE.project,
      contracts: projectResolvers,
      as: (x) => x.users.agents[0] ?? '',
      mayWrite: false,
    },
  };

  for (const [title, surface] of Object.entries(surfaces)) {
    it(`${title}: every bad payload gets a clear error and writes nothing`, async () => {
      const before = await readAppState(h);
      for (const contract of Object.values(surface.contracts)) {
        await fc.assert(
          fc.asyncProperty(payloads, fc.boolean(), async (payload, victimsContext) => {
            tried += 1;
            const ext =
              surface.moduleKey === MODULE.portal
                ? portalExtension(h, victimsContext ? victimKey : attackerKey)
                : {
                    issue: { key: victimKey, id: h.site.raw.issue(victimKey)?.id },
                    project: { id: h.site.raw.project('IT')?.id, key: 'IT' },
                  };
            const res = await h.invoke(surface.moduleKey, contract.name, payload, surface.as(h), ext);
            expect(res.ok, `${contract.name} threw`).toBe(true);
            const env = envelopeOf(res.value);
            if (env.ok) {
              // Only an authorised caller with an input the contract accepts may succeed.
              expect(surface.mayWrite || writesOf(h, 'resolver') === 0).toBe(true);
              expect(
                contract.payload.safeParse(payload ?? {}).success,
                `${contract.name} accepted ${JSON.stringify(payload)?.slice(0, 200)}`,
              ).toBe(true);
              return;
            }
            expect(ERROR_CODES).toContain(env.error.code);
            expect(env.error.code).not.toBe('internal');
            expect(env.error.message).not.toMatch(STACK);
            expect(env.error.message.length).toBeLessThan(300);
            const writes = writesOf(h, 'resolver');
            if (writes !== 0) refusedWrites += 1;
            expect(writes, `${contract.name} wrote on a refused call`).toBe(0);
          }),
          { numRuns: RUNS_PER_RESOLVER, seed: 20260105 },
        );
      }
      expect(Object.prototype).not.toHaveProperty('polluted');
      if (!surface.mayWrite) {
        const after = await readAppState(h);
        changedBySurfaces +=
          Number(JSON.stringify([...after.tickets.values()]) !== JSON.stringify([...before.tickets.values()])) +
          Number(JSON.stringify(after.buckets) !== JSON.stringify(before.buckets));
        expect([...after.tickets.values()]).toEqual([...before.tickets.values()]);
        expect(after.buckets).toEqual(before.buckets);
      }
    });
  }

  it("another requester cannot read or answer someone else's survey, by ask id or by request", async () => {
    const onVictims = await h.invoke(
      MODULE.portal,
      portalResolvers.answerAsk.name,
      { askId: victimAskId, score: 1 },
      attacker,
      portalExtension(h, victimKey),
    );
    const onOwn = await h.invoke(
      MODULE.portal,
      portalResolvers.answerAsk.name,
      { askId: victimAskId, score: 1 },
      attacker,
      portalExtension(h, attackerKey),
    );
    const read = await h.invoke(
      MODULE.portal,
      portalResolvers.getMyAsk.name,
      {},
      attacker,
      portalExtension(h, victimKey),
    );
    tried += 3;
    expect(
      [envelopeOf(onVictims.value), envelopeOf(onOwn.value), envelopeOf(read.value)].map((e) =>
        e.ok ? 'ok' : e.error.code,
      ),
    ).toEqual(['forbidden', 'not-found', 'forbidden']);
    expect(onVictims.metrics.kvs.writes + onOwn.metrics.kvs.writes + read.metrics.kvs.writes).toBe(0);
  });

  async function post(token: string, method = 'POST'): Promise<{ statusCode: number; body: string; writes: number }> {
    const body = method === 'POST' ? `t=${encodeURIComponent(token)}` : '';
    const query: Record<string, string[]> = method === 'GET' ? { t: [token] } : {};
    const res = await h.host.webtrigger(WEBTRIGGER, {
      method,
      path: '/',
      headers: { 'content-type': ['application/x-www-form-urlencoded'] },
      query,
      body,
    });
    tried += 1;
    return { statusCode: res.statusCode, body: res.body, writes: writesOf(h, 'webtrigger') };
  }

  it('the web trigger refuses malformed, forged and foreign tokens and writes nothing', async () => {
    const keys = await currentKeys();
    const expiresAt = Date.now() + 86_400_000;
    const stranger: HmacKey = { id: keys.current.id, secret: 'not-the-secret-not-the-secret-not-the-secret' };
    const tokens = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 800 }),
      fc.string({ unit: 'grapheme', maxLength: 80 }).map((s) => `v1.${s}.${s}.${s}`),
      fc
        .record({ s: fc.integer({ min: 0, max: 10 }), n: hex({ minLength: 8, maxLength: 64 }) })
        .map((c) => signToken({ a: victimAskId, s: c.s, e: expiresAt, n: c.n }, stranger)),
      hex({ minLength: 8, maxLength: 40 }).map((n) =>
        signToken({ a: 'ask-does-not-exist', s: 4, e: expiresAt, n }, keys.current),
      ),
      hex({ minLength: 8, maxLength: 40 }).map((n) =>
        signToken({ a: victimAskId, s: 4, e: expiresAt + 1, n }, keys.current),
      ),
      hex({ minLength: 8, maxLength: 40 }).map((n) =>
        signToken({ a: victimAskId, s: 4, e: Date.now() - 1_000, n }, keys.current),
      ),
    );
    await fc.assert(
      fc.asyncProperty(tokens, fc.constantFrom('POST', 'GET', 'PUT'), async (token, method) => {
        const res = await post(token, method);
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.body).not.toMatch(STACK);
        expect(res.writes).toBe(0);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('a valid link records once: the GET only shows a form, a replayed POST changes nothing', async () => {
    const mine = await callResolver(
      h,
      MODULE.portal,
      portalResolvers.getMyAsk,
      {},
      victim,
      portalExtension(h, victimKey),
    );
    const expiresAt = mine.ask?.expiresAt ?? 0;
    const token = signToken({ a: victimAskId, s: 5, e: expiresAt, n: 'nonce-0001' }, (await currentKeys()).current);
    const view = await post(token, 'GET');
    expect([view.statusCode, view.writes]).toEqual([200, 0]);
    expect(view.body).toContain('method="POST"');
    const first = await post(token);
    expect([first.statusCode, first.writes > 0]).toEqual([200, true]);
    const replay = await post(token);
    expect([replay.statusCode, replay.writes]).toEqual([200, 0]);
    expect(replay.body).toContain('Already recorded');
    const state = await readAppState(h);
    const ticket = [...state.tickets.values()].find((t) => t.experience.issueKey === victimKey);
    expect(ticket?.experience.answers.map((a) => a.score)).toEqual([5]);
  });
});
