/**
 * Which account ids a stored document holds, and which of them a write stores there for the first
 * time: those need an account row (the personal-data report) and a link (erasure) no later than
 * the write (mirror/user-privacy-guidelines/index.md, "Reporting user personal data").
 */
import type { Ask } from '../../domain/ask';
import type { AccountHolding } from '../ports';
import type { TicketRecord } from '../tickets/ticket-record';

/** What erasure leaves where an account id was, where the place must keep a value. */
export const ERASED_ACCOUNT = 'erased-account';

/**
 * Not an account: erasure's marker, and `unknown`, which Jira may return and which must be
 * neither stored as personal data nor reported (mirror/user-privacy-guidelines/index.md, "Note
 * about reporting personal data storage").
 */
export function isAccountId(id: string | null): id is string {
  return id !== null && id !== '' && id !== ERASED_ACCOUNT && id !== 'unknown';
}

/** Every account id a ticket record holds: reporter, assignee, past assignees, request participants. */
export function accountsOfTicket(record: TicketRecord): Set<string> {
  const e = record.experience;
  const ids = [e.reporterId, e.assigneeId, ...e.assignments.map((a) => a.assigneeId), ...record.participantIds];
  return new Set(ids.filter(isAccountId));
}

/** Every account id an ask holds: its requester and the agent who asked for it ("Ask now"). */
export function accountsOfAsk(ask: Ask): Set<string> {
  return new Set([ask.requesterId, ask.requestedBy].filter(isAccountId));
}

/**
 * The holdings a ticket write adds: ids of the new record the stored one did not hold, and the ids
 * of asks the write creates. Ids the ticket already held were recorded by the write that stored
 * them, so a routine event adds nothing (and costs no storage operation).
 */
export function newHoldings(before: TicketRecord | null, after: TicketRecord, asks: readonly Ask[]): AccountHolding[] {
  const held = before === null ? new Set<string>() : accountsOfTicket(before);
  const out: AccountHolding[] = [];
  for (const accountId of accountsOfTicket(after))
    if (!held.has(accountId)) out.push({ accountId, holder: { kind: 'ticket', id: after.ticketId } });
  const known = new Set((before?.asks ?? []).map((a) => a.id));
  for (const ask of asks) {
    if (known.has(ask.id)) continue;
    for (const accountId of accountsOfAsk(ask)) out.push({ accountId, holder: { kind: 'ask', id: ask.id } });
  }
  return out;
}

/** Every holding of a stored ticket and its asks (the back-fill of data stored before links). */
export function holdingsOf(record: TicketRecord, asks: readonly Ask[]): AccountHolding[] {
  return [
    ...[...accountsOfTicket(record)].map((accountId) => ({
      accountId,
      holder: { kind: 'ticket' as const, id: record.ticketId },
    })),
    ...asks.flatMap((ask) =>
      [...accountsOfAsk(ask)].map((accountId) => ({ accountId, holder: { kind: 'ask' as const, id: ask.id } })),
    ),
  ];
}
