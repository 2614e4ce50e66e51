/** Erasing what the app holds about a closed account (the weekly personal-data job finds them). */
import type { AppPorts } from '../ports';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import type { TicketRecord } from '../tickets/ticket-record';

const ERASED = 'erased-account';

/** The ticket record without the account: reporter, participants, assignments and the answers' free text. */
export function withoutAccount(record: TicketRecord, accountId: string): TicketRecord {
  const e = record.experience;
  const isReporter = e.reporterId === accountId;
  const swap = (id: string | null) => (id === accountId ? ERASED : id);
  return {
    ...record,
    participantIds: record.participantIds.filter((id) => id !== accountId),
    experience: {
      ...e,
      reporterId: swap(e.reporterId),
      assigneeId: swap(e.assigneeId),
      assignments: e.assignments.map((a) => (a.assigneeId === accountId ? { ...a, assigneeId: ERASED } : a)),
      // Answers are the reporter's: their free text goes, the scores (counts, no personal data) stay.
      answers: isReporter ? e.answers.map((a) => ({ ...a, comment: null })) : e.answers,
    },
  };
}

export async function eraseAccount(ports: AppPorts, accountId: string): Promise<void> {
  const tickets = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await ports.asks.asksOf(accountId, cursor);
    for (const stored of page.items) {
      const ask = stored.ask;
      tickets.add(ask.ticketId);
      const answer = ask.answer === null ? null : { ...ask.answer, comment: null };
      await ports.asks.putAsk({ ...ask, requesterId: ERASED, answer }, stored.rev, stored.usedNonces);
    }
    cursor = page.cursor;
  } while (cursor !== null);
  for (const ticketId of tickets) {
    await withOptimisticRetry(ports, async () => {
      const ticket = await ports.tickets.getTicket(ticketId);
      if (ticket !== null) await ports.tickets.putTicket(withoutAccount(ticket.value, accountId), ticket.rev);
    });
  }
  await ports.accounts.forgetAccount(accountId);
}
