/** The weekly personal-data job against fakes: report everything once, erase closed accounts only. */
import { describe, expect, it } from 'vitest';
import { reportPersonalData } from '../../../src/app/privacy/report-personal-data';
import { aPendingAsk, aTicketRecord, NOW } from '../builders';
import { fakeWorld } from '../fakes/ports';

describe('the weekly personal-data job', () => {
  it('reports every account once, in calls of at most 90, erases the closed one and leaves the updated one', async () => {
    const w = fakeWorld();
    w.pageSize = 100;
    for (let i = 0; i < 200; i++)
      w.accounts.set(`acc-${String(i).padStart(3, '0')}`, { reportedAt: 0, updatedAt: NOW });
    w.accounts.set('gone', { reportedAt: 0, updatedAt: NOW });
    w.accounts.set('changed', { reportedAt: 0, updatedAt: NOW });
    const goneAsk = { ...aPendingAsk('p', 'gone'), id: 'ask-gone' };
    const changedAsk = { ...aPendingAsk('p', 'changed'), id: 'ask-changed', ticketId: '10002' };
    w.asks.set(goneAsk.id, {
      ask: {
        ...goneAsk,
        answer: {
          score: 1,
          reasons: [],
          comment: 'call me on 555',
          lostTimeChoiceId: null,
          answeredAt: NOW,
          via: 'portal',
        },
      },
      usedNonces: [],
      rev: 1,
    });
    w.asks.set(changedAsk.id, { ask: changedAsk, usedNonces: [], rev: 1 });
    w.tickets.set('10001', { value: aTicketRecord({ reporterId: 'gone' }), rev: 1 });
    w.tickets.set('10002', { value: { ...aTicketRecord({ reporterId: 'changed' }), ticketId: '10002' }, rev: 1 });
    w.accountStatus.set('gone', 'closed');
    w.accountStatus.set('changed', 'updated');
    w.now = NOW + 7 * 24 * 3_600_000;

    expect(await reportPersonalData(w.ports)).toEqual({ reported: 202, erased: 1 });
    expect(w.reports.every((r) => r.length <= 90)).toBe(true);
    const reported = w.reports.flat();
    expect(reported).toHaveLength(202);
    expect(new Set(reported).size).toBe(202);

    expect(w.accounts.has('gone')).toBe(false);
    expect(w.asks.get('ask-gone')?.ask).toMatchObject({
      requesterId: 'erased-account',
      answer: { score: 1, comment: null },
    });
    expect(w.tickets.get('10001')?.value.experience.reporterId).toBe('erased-account');
    // "updated" asks the app to refresh what it caches about the account; Sentio caches no profile data.
    expect(w.asks.get('ask-changed')?.ask.requesterId).toBe('changed');
    expect(w.tickets.get('10002')?.value.experience.reporterId).toBe('changed');
    expect(w.accounts.get('changed')).toEqual({ reportedAt: w.now, updatedAt: NOW });
  });

  it('reports nothing when the app stores no account', async () => {
    const w = fakeWorld();
    expect(await reportPersonalData(w.ports)).toEqual({ reported: 0, erased: 0 });
    expect(w.reports).toEqual([]);
  });
});
