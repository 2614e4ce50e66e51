/**
 * The hourly back-fill of account rows for data stored before every id got one. Oracle: the ids
 * written by hand into tickets, asks and audit entries stored the old way (straight into the fake
 * store, with no row or link), and the per-run bound stated in docs/storage.md.
 */
import { describe, expect, it } from 'vitest';
import { advance, backfillHoldings } from '../../../src/app/privacy/backfill-holdings';
import { eraseAccount } from '../../../src/app/privacy/erase-account';
import { aPendingAsk, aTicketRecord, NOW } from '../builders';
import { fakeWorld, type FakeWorld } from '../fakes/ports';

/** Stores like the app did before links: the ticket, its ask and an audit entry, no account rows. */
function legacyData(w: FakeWorld, tickets: number): void {
  for (let i = 0; i < tickets; i++) {
    const id = String(50_000 + i);
    const base = aTicketRecord({ reporterId: `rep-${i}`, participantIds: [`part-${i}`] });
    // Every 10 tickets share a creation time: a page can stop inside equal values.
    const createdAt = NOW + Math.floor(i / 10);
    w.tickets.set(id, { value: { ...base, ticketId: id, createdAt }, rev: 1 });
    const ask = { ...aPendingAsk('manual', `rep-${i}`), id: `ask-${i}`, ticketId: id, requestedBy: `agent-${i}` };
    w.asks.set(ask.id, { ask, usedNonces: [], rev: 1 });
  }
  w.audit.push({ id: 'audit-old', at: NOW, actorId: 'admin-old', action: 'xla-saved', target: 'x', summary: '' });
}

describe('the account back-fill', () => {
  it('records every id of data stored before, a bounded number of tickets a run, then stops', async () => {
    const w = fakeWorld();
    legacyData(w, 450);
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await backfillHoldings(w.ports));
    // 3 pages of 100 tickets a run (docs/storage.md, "Account rows and links"). Worked by hand: a
    // page ends inside a run of 10 equal creation times, so the next page reads those 10 again
    // (already done, not counted): 100 + 90 + 90 in the first run, the other 170 and the one audit
    // entry in the second.
    expect(runs.map((r) => [r.phase, r.tickets, r.auditEntries])).toEqual([
      ['tickets', 280, 0],
      ['done', 170, 1],
      ['done', 0, 0],
      ['done', 0, 0],
      ['done', 0, 0],
    ]);
    const expected = ['admin-old'];
    for (let i = 0; i < 450; i++) expected.push(`rep-${i}`, `part-${i}`, `agent-${i}`);
    expect([...w.accounts.keys()].sort()).toEqual(expected.sort());
  });

  it('makes the old data erasable: a participant of an old ticket and the agent of an old ask', async () => {
    const w = fakeWorld();
    legacyData(w, 3);
    await backfillHoldings(w.ports);
    await eraseAccount(w.ports, 'part-1');
    await eraseAccount(w.ports, 'agent-2');
    const stored = JSON.stringify([...w.tickets.values(), ...w.asks.values()]);
    expect(stored).not.toContain('"part-1"');
    expect(stored).not.toContain('"agent-2"');
  });

  it('a position inside equal sort values: keeps the keys done there, moves past a full page of them', () => {
    const page = (at: number[], from = 0) => at.map((a, i) => ({ key: `k${from + i}`, at: a }));
    expect(advance({ since: 0, seen: [] }, page([1, 2, 2]))).toEqual({ since: 2, seen: ['k1', 'k2'] });
    expect(advance({ since: 2, seen: ['k1', 'k2'] }, page([2, 2], 3))).toEqual({
      since: 2,
      seen: ['k1', 'k2', 'k3', 'k4'],
    });
    expect(advance({ since: 2, seen: ['a'] }, page([3]))).toEqual({ since: 3, seen: ['k0'] });
    expect(advance({ since: 5, seen: [] }, page(Array<number>(100).fill(5)))).toEqual({ since: 6, seen: [] });
  });
});
