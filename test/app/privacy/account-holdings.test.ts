/**
 * Which account ids a write stores for the first time. Oracle: the ids written into each hand-built
 * record, listed by hand (DESIGN.md's ticket: reporter, assignee, past assignees, request
 * participants; an ask: its requester and the agent who asked now).
 */
import { describe, expect, it } from 'vitest';
import { accountsOfTicket, ERASED_ACCOUNT, holdingsOf, newHoldings } from '../../../src/app/privacy/account-holdings';
import type { TicketRecord } from '../../../src/app/tickets/ticket-record';
import { aPendingAsk, aTicketRecord, NOW } from '../builders';

function withPeople(
  record: TicketRecord,
  people: { reporter?: string | null; assignees?: string[]; participants?: string[] },
): TicketRecord {
  const assignees = people.assignees ?? [];
  return {
    ...record,
    participantIds: people.participants ?? record.participantIds,
    experience: {
      ...record.experience,
      reporterId: people.reporter === undefined ? record.experience.reporterId : people.reporter,
      assignments: assignees.map((assigneeId, i) => ({ key: `a${i}`, at: NOW + i, assigneeId })),
      assigneeId: assignees[assignees.length - 1] ?? null,
    },
  };
}

const ids = (holdings: ReturnType<typeof newHoldings>) =>
  holdings.map((h) => `${h.holder.kind}:${h.holder.id}:${h.accountId}`).sort();

describe('account ids a ticket write stores', () => {
  it('a new ticket: every id it holds, each once', () => {
    const after = withPeople(aTicketRecord(), {
      reporter: 'rep',
      assignees: ['agent-1', 'agent-2', 'agent-1'],
      participants: ['p1', 'rep'],
    });
    expect(ids(newHoldings(null, after, []))).toEqual(
      ['ticket:10001:agent-1', 'ticket:10001:agent-2', 'ticket:10001:p1', 'ticket:10001:rep'].sort(),
    );
  });

  it('a later write: only ids the stored record did not hold (a new participant, assignee, reporter)', () => {
    const before = withPeople(aTicketRecord(), { reporter: 'rep', assignees: ['agent-1'], participants: ['p1'] });
    expect(newHoldings(before, before, [])).toEqual([]);
    const after = withPeople(before, {
      reporter: 'rep-2',
      assignees: ['agent-1', 'agent-3'],
      participants: ['p1', 'p2'],
    });
    expect(ids(newHoldings(before, after, []))).toEqual(
      ['ticket:10001:agent-3', 'ticket:10001:p2', 'ticket:10001:rep-2'].sort(),
    );
  });

  it('50 new participants: 50 holdings, more than one transaction could carry with the ticket', () => {
    const participants = Array.from({ length: 50 }, (_, i) => `p${i}`);
    const before = aTicketRecord({ reporterId: 'rep' });
    expect(newHoldings(before, withPeople(before, { participants }), [])).toHaveLength(50);
  });

  it('a new ask: its requester and the agent who asked now; an ask already stored adds nothing', () => {
    const before = aTicketRecord({ reporterId: 'rep' });
    const ask = { ...aPendingAsk('manual', 'rep'), requestedBy: 'agent-9' };
    expect(ids(newHoldings(before, before, [ask]))).toEqual([`ask:${ask.id}:agent-9`, `ask:${ask.id}:rep`]);
    const known = { ...before, asks: [{ ...ask, score: null }] };
    expect(newHoldings(known, known, [ask])).toEqual([]);
  });

  it('never the erased marker nor `unknown` (mirror/user-privacy-guidelines/index.md)', () => {
    const record = withPeople(aTicketRecord(), {
      reporter: ERASED_ACCOUNT,
      assignees: ['unknown'],
      participants: [ERASED_ACCOUNT, 'p1'],
    });
    expect([...accountsOfTicket(record)]).toEqual(['p1']);
  });

  it('the holdings of a stored ticket and its asks (the back-fill)', () => {
    const record = withPeople(aTicketRecord(), { reporter: 'rep', participants: ['p1'] });
    const ask = { ...aPendingAsk('manual', 'rep'), requestedBy: 'agent-9' };
    expect(ids(holdingsOf(record, [ask]))).toEqual(
      [`ask:${ask.id}:agent-9`, `ask:${ask.id}:rep`, 'ticket:10001:p1', 'ticket:10001:rep'].sort(),
    );
  });
});
