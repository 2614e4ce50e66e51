/** Survey comments owed after a commit: recoverable delivery against hand-written fakes. */
import { describe, expect, it } from 'vitest';
import { deliverOwedComments } from '../../../src/app/delivery/deliver-owed-comments';
import { aWorldOwingASurveyComment } from '../builders';

describe('owed survey comments', () => {
  it('keeps the comment owed when Jira fails it, and sends it once on the next attempt', async () => {
    const { w, ask, config } = aWorldOwingASurveyComment();
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
    const { w, ask, config } = aWorldOwingASurveyComment();
    w.asks.set(ask.id, { ask: { ...ask, status: 'withdrawn' }, usedNonces: [], rev: 2 });
    expect(await deliverOwedComments(w.ports, config, { ticketId: '10001', owed: [ask.id], resolved: false })).toBe(0);
    expect(w.comments).toEqual([]);
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([]);
  });
});
