/**
 * Recoverable delivery of survey comments. The comment with one-click links is a Jira call made
 * after the KVS commit, so it can fail after the ask is stored; the ticket keeps the ask in
 * `undelivered` until the comment is confirmed sent. A redelivered event and the hourly job call
 * `deliverOwedComments` again, so a failure is retried rather than lost.
 *
 * Delivery is at least once: if Jira accepted the comment but the confirmation write failed,
 * the retry posts it again (Jira offers no idempotency key for comments).
 */
import type { AppPorts, StoredConfig } from '../ports';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { postSurveyComment } from './post-survey-comment';

/** Sends each owed comment that is still worth sending, then confirms it; returns how many were sent. */
export async function deliverOwedComments(
  ports: AppPorts,
  config: StoredConfig,
  owed: { readonly ticketId: string; readonly owed: readonly string[]; readonly resolved: boolean },
): Promise<number> {
  const { ticketId, resolved } = owed;
  let sent = 0;
  for (const askId of owed.owed) {
    const stored = await ports.asks.getAsk(askId);
    const live = stored !== null && stored.ask.status === 'pending' && stored.ask.expiresAt > ports.clock.now();
    if (live) {
      await postSurveyComment(ports, config, stored.ask, resolved);
      sent += 1;
    }
    await confirmDelivered(ports, ticketId, askId);
  }
  return sent;
}

/** Drops the ask from the ticket's owed list (and puts the ask back on its normal schedule). */
async function confirmDelivered(ports: AppPorts, ticketId: string, askId: string): Promise<void> {
  await withOptimisticRetry(ports, async () => {
    const ticket = await ports.tickets.getTicket(ticketId);
    if (ticket === null || !ticket.value.undelivered.includes(askId)) return;
    const stored = await ports.asks.getAsk(askId);
    const record = { ...ticket.value, undelivered: ticket.value.undelivered.filter((id) => id !== askId) };
    await ports.tickets.commit({
      ticket: { record, expectedRev: ticket.rev },
      asks: stored === null ? [] : [{ ask: stored.ask, usedNonces: stored.usedNonces }],
    });
  });
}
