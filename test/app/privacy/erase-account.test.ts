/** Erasing a closed account from the app's records, against hand-written fakes. */
import { describe, expect, it } from 'vitest';
import { eraseAccount } from '../../../src/app/privacy/erase-account';
import { aPendingAsk, aTicketRecord, NOW } from '../builders';
import { fakeWorld } from '../fakes/ports';

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
