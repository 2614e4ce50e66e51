/**
 * The hourly pass for time-based waypoints (`idle`, `long-running`): open tickets past the
 * shortest threshold, found by index (one page per 100 tickets, at most MAX_PAGES per scan),
 * never by a scan of every ticket.
 */
import { HOUR_MS } from '../../domain/time';
import type { SurveyPlan } from '../../domain/survey-plan';
import { deliveryOf, type Deliver } from '../delivery/deliver-ticket-change';
import type { AppPorts, StoredConfig } from '../ports';
import { commitTicketWrite } from '../tickets/commit-ticket-write';
import { derivedWithProperty, surveyStateOf } from '../tickets/derive-record';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { keepDecisions, upsertAskSummaries } from '../tickets/ticket-record';
import { evaluatePlans, withdrawnAsks } from './evaluate-plans';
import { MAX_PAGES } from './update-due-asks';

/** Evaluates the time plans on one ticket and commits the ask they make, if any. */
async function askOnTicket(
  ports: AppPorts,
  config: StoredConfig,
  timePlans: readonly SurveyPlan[],
  ticketId: string,
  now: number,
) {
  return withOptimisticRetry(ports, async () => {
    const ticket = await ports.tickets.getTicket(ticketId);
    if (ticket === null) return null;
    const scoped = { ...config, plans: timePlans };
    const evaluated = await evaluatePlans(ports, scoped, { kind: 'tick' }, surveyStateOf(ticket.value), now);
    const ask = evaluated.evaluation.ask;
    if (ask === null) return null;
    const withdrawn = await withdrawnAsks(ports, evaluated.evaluation.withdraw);
    const asks = upsertAskSummaries(ticket.value.asks, [ask, ...withdrawn]);
    const decisions = keepDecisions(ticket.value.decisions, evaluated.decisions);
    const next = derivedWithProperty({ ...ticket.value, asks, decisions }, config, now);
    const saved = await commitTicketWrite(ports, config, {
      before: ticket,
      after: next.record,
      asks: [ask, ...withdrawn],
    });
    return deliveryOf(config, saved, next.property);
  });
}

/** Returns how many asks it made. */
export async function askAtTimeWaypoints(
  ports: AppPorts,
  deliver: Deliver,
  config: StoredConfig,
  now: number,
): Promise<number> {
  const timePlans = config.plans.filter(
    (p) => p.enabled && (p.waypoint.kind === 'idle' || p.waypoint.kind === 'long-running'),
  );
  if (timePlans.length === 0) return 0;
  const idleHours = Math.min(
    ...timePlans.map((p) =>
      p.waypoint.kind === 'idle' || p.waypoint.kind === 'long-running' ? p.waypoint.hours : Infinity,
    ),
  );
  let asked = 0;
  const seen = new Set<string>();
  for (const scan of [
    ports.tickets.openTicketsIdleSince.bind(ports.tickets),
    ports.tickets.openTicketsCreatedBefore.bind(ports.tickets),
  ]) {
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await scan(now - idleHours * HOUR_MS, cursor);
      for (const t of res.items) {
        if (seen.has(t.ticketId)) continue;
        seen.add(t.ticketId);
        const delivery = await askOnTicket(ports, config, timePlans, t.ticketId, now);
        if (delivery !== null) {
          asked += 1;
          await deliver(delivery);
        }
      }
      cursor = res.cursor;
      if (cursor === null) break;
    }
  }
  return asked;
}
