/**
 * Who an ask belongs to (issue 11, B1), against hand-written fakes. Oracle: DESIGN.md — an ask is
 * sent to the requester, and "a person sees and changes only their own answers". A participant may
 * see the request but neither the requester's ask nor its answer, and cannot replace it.
 */
import { describe, expect, it } from 'vitest';
import { answerAsk } from '../../../src/app/answers/answer-ask';
import { getMyAsk } from '../../../src/app/answers/get-my-ask';
import { NotFoundError } from '../../../src/app/errors';
import type { CallerJira } from '../../../src/app/ports';
import { upsertAskSummaries } from '../../../src/app/tickets/ticket-record';
import { aPendingAsk, aTicketRecord, NOW } from '../builders';
import { fakeWorld, type FakeWorld } from '../fakes/ports';

/** Jira as a portal customer who can see request IT-1, reported by customer-1. */
const portalCustomer: CallerJira = {
  canBrowseIssue: async () => true,
  canBrowseProject: async () => true,
  browsableServiceProjects: async () => ({ projects: [], total: 0 }),
  isJiraAdmin: async () => false,
  visibleRequest: async () => ({ issueId: '10001', reporterId: 'customer-1' }),
};

function aRequestWithAnAnswer(): { w: FakeWorld; askId: string } {
  const w = fakeWorld();
  w.now = NOW + 60_000;
  const pending = aPendingAsk('p', 'customer-1');
  const ask = {
    ...pending,
    status: 'answered' as const,
    answer: {
      score: 1,
      reasons: [],
      comment: 'private to me',
      lostTimeChoiceId: null,
      answeredAt: NOW,
      via: 'portal' as const,
      channel: 'portal' as const,
    },
  };
  const record = aTicketRecord({ reporterId: 'customer-1', participantIds: ['customer-2'] });
  w.tickets.set('10001', { value: { ...record, asks: upsertAskSummaries([], [ask]) }, rev: 1 });
  w.asks.set(ask.id, { ask, usedNonces: [], rev: 1 });
  return { w, askId: ask.id };
}

describe('an ask belongs to its requester', () => {
  it('the requester sees their own answered ask', async () => {
    const { w } = aRequestWithAnAnswer();
    expect((await getMyAsk(w.ports, portalCustomer, 'customer-1', 'IT-1'))?.ask.answer?.comment).toBe('private to me');
  });

  it('a participant is shown no ask, so nothing of the answer', async () => {
    const { w } = aRequestWithAnAnswer();
    expect(await getMyAsk(w.ports, portalCustomer, 'customer-2', 'IT-1')).toBeNull();
  });

  it("a participant's answer to it is refused as 'no such survey', and the requester's answer stays", async () => {
    const { w, askId } = aRequestWithAnAnswer();
    await expect(answerAsk(w.ports, portalCustomer, 'customer-2', 'IT-1', askId, { score: 5 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(w.asks.get(askId)?.ask.answer).toMatchObject({ score: 1, comment: 'private to me' });
  });
});
