/** Survey comments owed after a commit: recoverable delivery against hand-written fakes. */
import { describe, expect, it } from 'vitest';
import { deliverOwedComments } from '../../../src/app/delivery/deliver-owed-comments';
import { summaryOf } from '../../../src/app/tickets/ticket-record';
import { aPlan } from '../../domain/survey/builders';
import { aPendingAsk, aTicketRecord } from '../builders';
import { fakeWorld } from '../fakes/ports';

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
    await expect(
      deliverOwedComments(w.ports, config, { ticketId: '10001', owed: [ask.id], resolved: false }),
    ).rejects.toThrow('Jira 500');
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([ask.id]);
    expect(await deliverOwedComments(w.ports, config, { ticketId: '10001', owed: [ask.id], resolved: false })).toBe(1);
    expect(w.comments.map((c) => c.issueKey)).toEqual(['IT-1']);
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([]);
    // Nothing is owed any more: a further redelivery sends nothing.
    expect(
      await deliverOwedComments(w.ports, config, {
        ticketId: '10001',
        owed: w.tickets.get('10001')?.value.undelivered ?? [],
        resolved: false,
      }),
    ).toBe(0);
    expect(w.comments).toHaveLength(1);
  });

  it('does not send a comment for an ask that is no longer pending, but clears the debt', async () => {
    const { w, ask, plan } = worldWithOwedAsk();
    w.asks.set(ask.id, { ask: { ...ask, status: 'withdrawn' }, usedNonces: [], rev: 2 });
    expect(
      await deliverOwedComments(
        w.ports,
        { version: 1, xlas: [], plans: [plan] },
        { ticketId: '10001', owed: [ask.id], resolved: false },
      ),
    ).toBe(0);
    expect(w.comments).toEqual([]);
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([]);
  });
});
