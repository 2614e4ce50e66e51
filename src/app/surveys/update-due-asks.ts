/**
 * The hourly pass over pending asks that are due: expiry, at most one reminder per ask (a public
 * comment with fresh links when the plan delivers by comment), and survey comments still owed
 * after a failed delivery. One index page per 100 due asks, never a scan of every ask.
 */
import type { Ask } from '../../domain/ask';
import { dueForExpiry, dueForReminder, expire, markReminded } from '../../domain/survey';
import { isDone } from '../../domain/ticket';
import { effectiveConfig } from '../configuration/effective-config';
import { deliveryOf, type Deliver } from '../delivery/deliver-ticket-change';
import { postSurveyComment } from '../delivery/post-survey-comment';
import type { AppPorts } from '../ports';
import { commitTicketWrite } from '../tickets/commit-ticket-write';
import { derivedWithProperty } from '../tickets/derive-record';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { upsertAskSummaries } from '../tickets/ticket-record';

/** Caps per run so a run stays well inside its time limit; the rest waits for the next hour. */
export const MAX_PAGES = 20;

export interface DueAsksResult {
  readonly expired: number;
  readonly reminded: number;
  /** Survey comments that had failed after their commit and were sent now. */
  readonly delivered: number;
}

/** Changes one ask (and its ticket's summary) in one checked write, then delivers what that owes. */
async function updateAsk(
  ports: AppPorts,
  deliver: Deliver,
  ask: Ask,
  change: (a: Ask) => Ask | null,
): Promise<{ readonly ask: Ask; readonly resolved: boolean } | null> {
  const outcome = await withOptimisticRetry(ports, async () => {
    const [config, storedAsk] = await Promise.all([effectiveConfig(ports), ports.asks.getAsk(ask.id)]);
    if (storedAsk === null) return null;
    const next = change(storedAsk.ask);
    if (next === null) return null;
    const ticket = await ports.tickets.getTicket(next.ticketId);
    if (ticket === null) return null;
    const now = ports.clock.now();
    const asks = upsertAskSummaries(ticket.value.asks, [next]);
    const derived = derivedWithProperty({ ...ticket.value, asks }, config, now);
    const saved = await commitTicketWrite(ports, config, {
      before: ticket,
      after: derived.record,
      asks: [next],
      askNonces: new Map([[next.id, storedAsk.usedNonces]]),
    });
    const property = ticket.value.property?.pendingAsk === derived.property.pendingAsk ? null : derived.property;
    return { ask: next, delivery: deliveryOf(config, saved, property) };
  });
  if (outcome === null) return null;
  await deliver(outcome.delivery);
  return { ask: outcome.ask, resolved: outcome.delivery.resolved };
}

async function remind(ports: AppPorts, deliver: Deliver, ask: Ask, now: number): Promise<boolean> {
  const r = await updateAsk(ports, deliver, ask, (a) => {
    const res = markReminded(a, now);
    return res.ok ? res.ask : null;
  });
  if (r === null) return false;
  // In the requester's words, and about the outcome once the request is resolved.
  await postSurveyComment(ports, await effectiveConfig(ports), r.ask, r.resolved, 'reminder');
  return true;
}

/** Listed because its survey comment is still owed (see src/app/delivery/deliver-owed-comments.ts). */
async function deliverOwed(ports: AppPorts, deliver: Deliver, ask: Ask): Promise<number> {
  const ticket = await ports.tickets.getTicket(ask.ticketId);
  if (ticket === null || !ticket.value.undelivered.includes(ask.id)) return 0;
  const config = await effectiveConfig(ports);
  return deliver({
    config,
    ticketId: ask.ticketId,
    property: null,
    owed: [ask.id],
    resolved: isDone(ticket.value.experience),
  });
}

export async function updateDueAsks(ports: AppPorts, deliver: Deliver, now: number): Promise<DueAsksResult> {
  let expired = 0;
  let reminded = 0;
  let delivered = 0;
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const due = await ports.asks.pendingAsksDueBy(now, cursor);
    for (const ask of due.items) {
      if (dueForExpiry(ask, now)) {
        const r = await updateAsk(ports, deliver, ask, (a) => {
          const res = expire(a, now);
          return res.ok ? res.ask : null;
        });
        if (r !== null) expired += 1;
      } else if (!dueForReminder(ask, now)) {
        delivered += await deliverOwed(ports, deliver, ask);
      } else if (await remind(ports, deliver, ask, now)) {
        reminded += 1;
      }
    }
    cursor = due.cursor;
    if (cursor === null) break;
  }
  return { expired, reminded, delivered };
}
