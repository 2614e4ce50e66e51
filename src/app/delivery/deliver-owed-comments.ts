/**
 * Recoverable delivery of survey comments. The comment with one-click links is a Jira call made
 * after the KVS commit, so it can fail after the ask is stored; the ticket keeps the ask in
 * `undelivered` until the comment is confirmed sent. A redelivered event and the hourly job call
 * `deliverOwedComments` again, so a failure is retried rather than lost.
 *
 * Delivery is at least once: if Jira accepted the comment but the confirmation write failed,
 * the retry posts it again (Jira offers no idempotency key for comments).
 */
import type { AppPorts, StoredAsk, StoredConfig, Versioned } from '../ports';
import type { TicketRecord } from '../tickets/ticket-record';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { postSurveyComment } from './post-survey-comment';

/** Sends each owed comment that is still worth sending, then confirms it; returns how many were sent. */
export async function deliverOwedComments(
  ports: AppPorts,
  config: StoredConfig,
  owed: {
    readonly ticketId: string;
    readonly owed: readonly string[];
    readonly resolved: boolean;
    readonly requesterId?: string | null;
    readonly committed?: Versioned<TicketRecord>;
  },
): Promise<number> {
  const { ticketId, resolved, requesterId } = owed;
  let committed = owed.committed;
  let sent = 0;
  for (const askId of owed.owed) {
    // The requester's cached language is read with the ask: one storage call for both.
    const { stored, cached } =
      requesterId == null
        ? { stored: await ports.asks.getAsk(askId), cached: undefined }
        : await ports.asks.getAskWithLocale(askId, requesterId);
    const live = stored !== null && stored.ask.status === 'pending' && stored.ask.expiresAt > ports.clock.now();
    if (live) {
      const mine = stored.ask.requesterId === requesterId ? cached : undefined;
      await postSurveyComment(ports, config, stored.ask, resolved, 'first', mine);
      sent += 1;
    }
    // The ask was read after the ticket's commit: with that revision it is current unless someone
    // wrote the ticket since, and then the checked write conflicts and the retry reads both again.
    committed = await confirmDelivered(ports, ticketId, askId, committed && { ticket: committed, stored });
  }
  return sent;
}

/**
 * Drops the ask from the ticket's owed list (and puts the ask back on its normal schedule).
 * @param known the ticket and the ask as read just before, tried first without reading them again
 * @returns the ticket as committed, when this wrote it
 */
async function confirmDelivered(
  ports: AppPorts,
  ticketId: string,
  askId: string,
  known: { readonly ticket: Versioned<TicketRecord>; readonly stored: StoredAsk | null } | undefined,
): Promise<Versioned<TicketRecord> | undefined> {
  let first = known;
  return withOptimisticRetry(ports, async () => {
    const ticket = first?.ticket ?? (await ports.tickets.getTicket(ticketId));
    const stored = first !== undefined ? first.stored : null;
    const reread = first === undefined;
    first = undefined;
    if (ticket === null || !ticket.value.undelivered.includes(askId)) return undefined;
    const ask = reread ? await ports.asks.getAsk(askId) : stored;
    const record = { ...ticket.value, undelivered: ticket.value.undelivered.filter((id) => id !== askId) };
    await ports.tickets.commit({
      ticket: { record, expectedRev: ticket.rev },
      asks: ask === null ? [] : [{ ask: ask.ask, usedNonces: ask.usedNonces }],
    });
    return { value: record, rev: ticket.rev + 1 };
  });
}
