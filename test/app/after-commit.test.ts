/** Use cases against hand-written fakes: recoverable survey delivery, erasure, key rotation. */
import { describe, expect, it } from 'vitest';
import { deliverOwedComments } from '../../src/app/deliver-surveys';
import { eraseAccount } from '../../src/app/report-personal-data';
import { rotateSigningKey } from '../../src/app/rotate-signing-key';
import { signToken, verifyToken } from '../../src/app/one-click-token';
import { summaryOf } from '../../src/app/ticket-change';
import { aPlan } from '../domain/survey/builders';
import { aPendingAsk, aTicketRecord, NOW } from './builders';
import { fakeWorld } from './fakes/ports';

function worldWithOwedAsk() {
  const plan = aPlan({ id: 'by-comment', waypoint: { kind: 'created' }, delivery: { publicComment: true } });
  const w = fakeWorld({ version: 1, xlas: [], plans: [plan] });
  const ask = aPendingAsk();
  w.tickets.set('10001', { value: { ...aTicketRecord(), asks: [summaryOf(ask)], undelivered: [ask.id] }, rev: 1 });
  w.asks.set(ask.id, { ask, usedNonces: [], rev: 1 });
  return { w, ask, plan };
}

describe('owed survey comments', () => {
  it('keeps the comment owed when Jira fails it, and sends it once on the next attempt', async () => {
    const { w, ask, plan } = worldWithOwedAsk();
    const config = { version: 1, xlas: [], plans: [plan] };
    w.failComments = 1;
    await expect(deliverOwedComments(w.ports, config, '10001', [ask.id])).rejects.toThrow('Jira 500');
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([ask.id]);
    expect(await deliverOwedComments(w.ports, config, '10001', [ask.id])).toBe(1);
    expect(w.comments.map((c) => c.issueKey)).toEqual(['IT-1']);
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([]);
    // Nothing is owed any more: a further redelivery sends nothing.
    expect(await deliverOwedComments(w.ports, config, '10001', w.tickets.get('10001')?.value.undelivered ?? [])).toBe(
      0,
    );
    expect(w.comments).toHaveLength(1);
  });

  it('does not send a comment for an ask that is no longer pending, but clears the debt', async () => {
    const { w, ask, plan } = worldWithOwedAsk();
    w.asks.set(ask.id, { ask: { ...ask, status: 'withdrawn' }, usedNonces: [], rev: 2 });
    expect(await deliverOwedComments(w.ports, { version: 1, xlas: [], plans: [plan] }, '10001', [ask.id])).toBe(0);
    expect(w.comments).toEqual([]);
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([]);
  });
});

describe('erasing a closed account', () => {
  it('removes the account from its asks and from the ticket record (reporter, participants, answer text)', async () => {
    const w = fakeWorld();
    const ask = aPendingAsk('p', 'gone');
    const record = aTicketRecord({ reporterId: 'gone', participantIds: ['gone', 'other'] });
    const answer = {
      askId: ask.id,
      questionKind: 'csat5' as const,
      score: 2,
      favourable: false,
      waypoint: 'created' as const,
      midFlight: true,
      answeredAt: NOW,
      comment: 'my name is Ada',
      reasons: [],
      lostTimeMinutes: null,
      followUpDoneAt: null,
    };
    w.tickets.set('10001', { value: { ...record, experience: { ...record.experience, answers: [answer] } }, rev: 1 });
    w.asks.set(ask.id, {
      ask: {
        ...ask,
        answer: {
          score: 2,
          reasons: [],
          comment: 'my name is Ada',
          lostTimeChoiceId: null,
          answeredAt: NOW,
          via: 'portal',
        },
      },
      usedNonces: [],
      rev: 1,
    });
    await eraseAccount(w.ports, 'gone');
    const stored = w.tickets.get('10001')?.value;
    expect(stored?.experience.reporterId).toBe('erased-account');
    expect(stored?.participantIds).toEqual(['other']);
    expect(stored?.experience.answers.map((a) => [a.score, a.comment])).toEqual([[2, null]]);
    expect(w.asks.get(ask.id)?.ask).toMatchObject({
      requesterId: 'erased-account',
      answer: { score: 2, comment: null },
    });
    expect(JSON.stringify([...w.tickets.values(), ...w.asks.values()])).not.toContain('"gone"');
  });
});

describe('rotating the one-click signing key', () => {
  it('signs with the new key, still verifies links of the previous one, and audits who did it', async () => {
    const w = fakeWorld();
    const old = w.keys.current;
    const oldLink = signToken({ a: 'ask-1', s: 4, e: NOW + 3_600_000, n: 'nonce-1234' }, old);
    const result = await rotateSigningKey(w.ports, 'admin-1');
    expect(result).toEqual({ keyId: w.keys.current.id, previousKeyId: old.id, rotatedAt: NOW });
    expect(verifyToken(oldLink, w.keys, NOW)).toMatchObject({ ok: true, claims: { a: 'ask-1', s: 4 } });
    expect(w.audit.map((a) => [a.actorId, a.action, a.target])).toEqual([
      ['admin-1', 'secret-rotated', 'one-click-signing-key'],
    ]);
    expect(JSON.stringify(w.audit)).not.toContain(w.keys.current.secret);
    // A second rotation retires the first key: its links no longer verify.
    await rotateSigningKey(w.ports, 'admin-1');
    expect(verifyToken(oldLink, w.keys, NOW)).toEqual({ ok: false, reason: 'forged' });
  });
});
