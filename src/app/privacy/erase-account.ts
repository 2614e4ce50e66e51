/**
 * Erasing what the app holds about a closed account (the weekly personal-data job finds them).
 * Everything holding the id is found through its links (`AccountStore.holdingsOf`: tickets, asks,
 * audit entries) and, for asks, also through the requester index; each holder is rewritten without
 * the id, then its link is dropped, and the account's own rows go last, so an erasure cut short is
 * finished by the next run (the report answers `closed` again for the row still there).
 */
import type { Ask } from '../../domain/ask';
import type { AccountHolder, AppPorts } from '../ports';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import type { TicketRecord } from '../tickets/ticket-record';
import { ERASED_ACCOUNT } from './account-holdings';

/** Links read per page (a KVS query page holds at most 100). */
const HOLDINGS_PAGE = 100;
/** Pages erased per account in one run; the rest waits for the next run (the row stays until then). */
const MAX_PAGES = 50;

/** The ticket record without the account: reporter, participants, assignments and the answers' free text. */
export function withoutAccount(record: TicketRecord, accountId: string): TicketRecord {
  const e = record.experience;
  const isReporter = e.reporterId === accountId;
  const swap = (id: string | null) => (id === accountId ? ERASED_ACCOUNT : id);
  return {
    ...record,
    participantIds: record.participantIds.filter((id) => id !== accountId),
    experience: {
      ...e,
      reporterId: swap(e.reporterId),
      assigneeId: swap(e.assigneeId),
      assignments: e.assignments.map((a) => (a.assigneeId === accountId ? { ...a, assigneeId: ERASED_ACCOUNT } : a)),
      // Answers are the reporter's: their free text goes, the scores (counts, no personal data) stay.
      answers: isReporter ? e.answers.map((a) => ({ ...a, comment: null })) : e.answers,
    },
  };
}

/** The ask without the account: as requester (with their answer's free text) and as the agent who asked. */
export function askWithoutAccount(ask: Ask, accountId: string): Ask {
  const requester = ask.requesterId === accountId;
  return {
    ...ask,
    requesterId: requester ? ERASED_ACCOUNT : ask.requesterId,
    requestedBy: ask.requestedBy === accountId ? ERASED_ACCOUNT : ask.requestedBy,
    answer: requester && ask.answer !== null ? { ...ask.answer, comment: null } : ask.answer,
  };
}

/** The ticket without the account, and its link dropped in the same checked write. */
async function eraseFromTicket(ports: AppPorts, ticketId: string, accountId: string): Promise<void> {
  await withOptimisticRetry(ports, async () => {
    const ticket = await ports.tickets.getTicket(ticketId);
    if (ticket !== null) await ports.tickets.putTicket(withoutAccount(ticket.value, accountId), ticket.rev, accountId);
    else await ports.accounts.dropHoldings(accountId, [{ kind: 'ticket', id: ticketId }]);
  });
}

async function eraseFromAsk(ports: AppPorts, askId: string, accountId: string): Promise<string | null> {
  return withOptimisticRetry(ports, async () => {
    const stored = await ports.asks.getAsk(askId);
    if (stored === null) return null;
    const next = askWithoutAccount(stored.ask, accountId);
    const changed = next.requesterId !== stored.ask.requesterId || next.requestedBy !== stored.ask.requestedBy;
    if (changed) await ports.asks.putAsk(next, stored.rev, stored.usedNonces);
    return stored.ask.ticketId;
  });
}

async function eraseFromAudit(ports: AppPorts, entryId: string, accountId: string): Promise<void> {
  const entry = await ports.audit.getAudit(entryId);
  // The entry stays (what was changed, when); only who did it is replaced.
  if (entry !== null && entry.actorId === accountId)
    await ports.audit.replaceAudit({ ...entry, actorId: ERASED_ACCOUNT });
}

async function eraseFrom(ports: AppPorts, holder: AccountHolder, accountId: string, tickets: Set<string>) {
  if (holder.kind === 'ticket') tickets.add(holder.id);
  else if (holder.kind === 'audit') await eraseFromAudit(ports, holder.id, accountId);
  else {
    const ticketId = await eraseFromAsk(ports, holder.id, accountId);
    // The ask's ticket keeps the requester's answer text too.
    if (ticketId !== null) tickets.add(ticketId);
  }
}

/**
 * Erases the account everywhere; true when done, false when it has more links than one run erases
 * (its account row is then kept, so the next run finishes).
 */
export async function eraseAccount(ports: AppPorts, accountId: string): Promise<boolean> {
  const tickets = new Set<string>();
  // Asks where the account is the requester, by the requester index (asks stored before links
  // too). An erased ask leaves the requester's partition, so each page is read from the start.
  for (let pages = 0; ; pages++) {
    const page = await ports.asks.asksOf(accountId, null);
    if (page.items.length === 0) break;
    if (pages === MAX_PAGES) return false;
    for (const stored of page.items) {
      tickets.add(stored.ask.ticketId);
      // Re-read and checked on its revision: an answer racing the erasure is not overwritten.
      await eraseFromAsk(ports, stored.ask.id, accountId);
    }
  }
  // Every other holder by its link. A dropped link leaves the index, so each page is read from the
  // start: no cursor is kept across writes.
  for (let pages = 0; ; pages++) {
    const holders = await ports.accounts.holdingsOf(accountId, HOLDINGS_PAGE);
    if (holders.length === 0) break;
    if (pages === MAX_PAGES) return false;
    for (const holder of holders) await eraseFrom(ports, holder, accountId, tickets);
    for (const ticketId of tickets) await eraseFromTicket(ports, ticketId, accountId);
    tickets.clear();
    // A ticket's link goes with its write, never here: a write storing the id again after the
    // erasure's own would have a link of the same key, which must stay.
    await ports.accounts.dropHoldings(
      accountId,
      holders.filter((h) => h.kind !== 'ticket'),
    );
  }
  for (const ticketId of tickets) await eraseFromTicket(ports, ticketId, accountId);
  await ports.accounts.forgetAccount(accountId);
  // A write that stored the id again meanwhile wrote its link before its account row: a link seen
  // now may have lost its row to the line above, so the row is written again and the erasure
  // continues in the next run.
  const late = await ports.accounts.holdingsOf(accountId, 1);
  if (late.length > 0) {
    await ports.accounts.recordHoldings(
      late.map((holder) => ({ accountId, holder })),
      ports.clock.now(),
    );
    return false;
  }
  return true;
}
