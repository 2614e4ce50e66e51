/**
 * The weekly personal-data job: report every stored account id to Atlassian and erase what the
 * app holds about closed accounts (their asks' answers and free text are anonymised; tickets keep
 * counts, which hold no personal data).
 * https://developer.atlassian.com/platform/forge/runtime-reference/privacy-api/
 */
import type { AppPorts } from './ports';
import type { TicketRecord } from './records';
import { withOptimisticRetry } from './ticket-change';

/** The personal-data API takes at most 90 accounts a call. */
const REPORT_BATCH = 90;
const MAX_BATCHES = 200;

export async function reportPersonalData(ports: AppPorts): Promise<{ reported: number; erased: number }> {
  let reported = 0;
  let erased = 0;
  let cursor: string | null = null;
  // Marking an account reported moves it to the end of the `by-reported` index, where the same
  // walk would meet it again: report each account once per run.
  const seen = new Set<string>();
  for (let i = 0; i < MAX_BATCHES; i++) {
    const page = await ports.store.accountsToReport(REPORT_BATCH, cursor);
    const fresh = page.items.filter((a) => !seen.has(a.accountId));
    for (const a of fresh) seen.add(a.accountId);
    cursor = page.cursor;
    if (fresh.length === 0) {
      if (cursor === null) break;
      continue;
    }
    const updates = await ports.personalData.report(fresh);
    reported += fresh.length;
    const closed = updates.filter((u) => u.status === 'closed').map((u) => u.accountId);
    for (const accountId of closed) {
      await eraseAccount(ports, accountId);
      erased += 1;
    }
    await ports.store.markAccountsReported(
      fresh.map((a) => a.accountId).filter((id) => !closed.includes(id)),
      ports.clock.now(),
    );
    if (cursor === null) break;
  }
  return { reported, erased };
}

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
    const page = await ports.store.asksOf(accountId, cursor);
    for (const stored of page.items) {
      const ask = stored.ask;
      tickets.add(ask.ticketId);
      const answer = ask.answer === null ? null : { ...ask.answer, comment: null };
      await ports.store.putAsk({ ...ask, requesterId: ERASED, answer }, stored.rev, stored.usedNonces);
    }
    cursor = page.cursor;
  } while (cursor !== null);
  for (const ticketId of tickets) {
    await withOptimisticRetry(ports, async () => {
      const ticket = await ports.store.getTicket(ticketId);
      if (ticket !== null) await ports.store.putTicket(withoutAccount(ticket.value, accountId), ticket.rev);
    });
  }
  await ports.store.forgetAccount(accountId);
}
