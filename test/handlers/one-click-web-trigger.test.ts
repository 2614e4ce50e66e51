/** One-click tokens against fakes: a valid signature is not enough — the ask, the expiry and the nonce must hold too. */
import { describe, expect, it } from 'vitest';
import { respondToOneClick, type WebRequest } from '../../src/handlers/one-click-web-trigger';
import { signToken, type TokenClaims } from '../../src/app/surveys/one-click-token';
import { summaryOf } from '../../src/app/tickets/ticket-record';
import { aPlan } from '../domain/survey/builders';
import { aPendingAsk, aTicketRecord, NOW } from '../app/builders';
import { fakeWorld } from '../app/fakes/ports';

function world() {
  const w = fakeWorld({
    version: 1,
    xlas: [],
    plans: [aPlan({ id: 'by-comment', waypoint: { kind: 'created' }, delivery: { publicComment: true } })],
  });
  const ask = aPendingAsk();
  w.tickets.set('10001', { value: { ...aTicketRecord(), asks: [summaryOf(ask)] }, rev: 1 });
  w.asks.set(ask.id, { ask, usedNonces: [], rev: 1 });
  w.now = NOW + 60_000;
  return { w, ask };
}

const post = (t: string): WebRequest => ({ method: 'POST', body: new URLSearchParams({ t }).toString(), query: {} });
const get = (t: string): WebRequest => ({ method: 'GET', body: '', query: { t: [t] } });

describe('one-click answers', () => {
  it('records a valid token once; the same link again records nothing', async () => {
    const { w, ask } = world();
    const token = signToken({ a: ask.id, s: 5, e: ask.expiresAt, n: 'nonce-00000001' }, w.keys.current);
    const first = await respondToOneClick(w.ports, post(token));
    expect([first.statusCode, first.body.includes('Thank you!')]).toEqual([200, true]);
    const stored = w.asks.get(ask.id);
    expect([stored?.ask.status, stored?.ask.answer?.score, stored?.usedNonces]).toEqual([
      'answered',
      5,
      ['nonce-00000001'],
    ]);
    const rev = stored?.rev;
    const replay = await respondToOneClick(w.ports, post(token));
    expect([replay.statusCode, replay.body.includes('Already recorded')]).toEqual([200, true]);
    expect(w.asks.get(ask.id)?.rev).toBe(rev);
    expect((await respondToOneClick(w.ports, get(token))).body).toContain('Already recorded');
  });

  it.each<[string, (a: { id: string; expiresAt: number }) => TokenClaims]>([
    ['names another ask', (a) => ({ a: 'ask-someone-else', s: 5, e: a.expiresAt, n: 'nonce-00000002' })],
    [
      'carries an expiry that is not the ask’s',
      (a) => ({ a: a.id, s: 5, e: a.expiresAt + 3_600_000, n: 'nonce-00000003' }),
    ],
  ])('refuses a correctly signed token that %s, and records nothing', async (_what, claims) => {
    const { w, ask } = world();
    const before = JSON.stringify([...w.asks.values(), ...w.tickets.values()]);
    const res = await respondToOneClick(w.ports, post(signToken(claims(ask), w.keys.current)));
    expect(res.statusCode).toBe(409);
    expect(JSON.stringify([...w.asks.values(), ...w.tickets.values()])).toBe(before);
  });

  it('refuses a score the question does not have, and records nothing', async () => {
    const { w, ask } = world();
    const res = await respondToOneClick(
      w.ports,
      post(signToken({ a: ask.id, s: 9, e: ask.expiresAt, n: 'nonce-00000004' }, w.keys.current)),
    );
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(w.asks.get(ask.id)?.ask.status).toBe('pending');
  });

  it('refuses an expired token with 410, on GET and POST alike', async () => {
    const { w, ask } = world();
    const token = signToken({ a: ask.id, s: 4, e: ask.expiresAt, n: 'nonce-00000005' }, w.keys.current);
    w.now = ask.expiresAt + 1;
    expect((await respondToOneClick(w.ports, get(token))).statusCode).toBe(410);
    expect((await respondToOneClick(w.ports, post(token))).statusCode).toBe(410);
    expect(w.asks.get(ask.id)?.ask.status).toBe('pending');
  });

  it('refuses a token signed with a key Sentio does not hold (403) and a damaged one (400)', async () => {
    const { w, ask } = world();
    const forged = signToken(
      { a: ask.id, s: 5, e: ask.expiresAt, n: 'nonce-00000006' },
      { id: 'k1', secret: 'z'.repeat(43) },
    );
    expect((await respondToOneClick(w.ports, post(forged))).statusCode).toBe(403);
    expect((await respondToOneClick(w.ports, post('v1.k1.abc'))).statusCode).toBe(400);
    expect(w.asks.get(ask.id)?.ask.status).toBe('pending');
  });
});
