/**
 * The hourly scheduled trigger: time-based waypoints (`idle`, `long-running`) on open tickets,
 * expiry of pending asks, and at most one reminder per ask (a public comment with fresh links
 * when the plan delivers by comment). Index scans only touch what is due, never every ticket.
 * Then two bounded housekeeping steps: deleting retired rollup generations and one step of the
 * daily site-priors computation.
 */
import { HOUR_MS } from '../domain/time';
import { dueForExpiry, dueForReminder, expire, markReminded } from '../domain/survey';
import type { Ask } from '../domain/ask';
import { afterCommit } from './handle-lifecycle-event';
import { effectiveConfig } from './load-config';
import type { AppPorts } from './ports';
import { evaluatePlans, oneClickLinks, planOf, withdrawnAsks } from './survey-delivery';
import { deliverOwedComments } from './deliver-surveys';
import { collectRetiredGenerations } from './collect-rollup-generations';
import { refreshSitePriors, type PriorsRefresh } from './site-priors';
import {
  commitTicketWrite,
  deriveRecord,
  keepDecisions,
  propertyOf,
  surveyStateOf,
  upsertAskSummaries,
  withOptimisticRetry,
} from './ticket-change';

export interface HourlyResult {
  readonly expired: number;
  readonly reminded: number;
  readonly asked: number;
  /** Survey comments that had failed after their commit and were sent now. */
  readonly delivered: number;
  /** Buckets of retired rollup generations deleted this run. */
  readonly collected: number;
  /** Where the daily site-priors computation stands after this run. */
  readonly priors: PriorsRefresh['state'];
}

/** Caps per run so a run stays well inside its time limit; the rest waits for the next hour. */
const MAX_PAGES = 20;

async function updateAsk(ports: AppPorts, ask: Ask, change: (a: Ask) => Ask | null): Promise<Ask | null> {
  return withOptimisticRetry(ports, async () => {
    const [config, storedAsk] = await Promise.all([effectiveConfig(ports), ports.store.getAsk(ask.id)]);
    if (storedAsk === null) return null;
    const next = change(storedAsk.ask);
    if (next === null) return null;
    const ticket = await ports.store.getTicket(next.ticketId);
    if (ticket === null) return null;
    const now = ports.clock.now();
    const asks = upsertAskSummaries(ticket.value.asks, [next]);
    const derived = deriveRecord({ ...ticket.value, asks }, config, now);
    const property = propertyOf(derived.record.experience, derived.risk, asks, now);
    const saved = await commitTicketWrite(ports, config, {
      before: ticket,
      after: { ...derived.record, property },
      asks: [next],
      askNonces: new Map([[next.id, storedAsk.usedNonces]]),
    });
    await afterCommit(
      ports,
      config,
      saved,
      ticket.value.property?.pendingAsk === property.pendingAsk ? null : property,
    );
    return next;
  });
}

export async function runHourlyTick(ports: AppPorts): Promise<HourlyResult> {
  const now = ports.clock.now();
  let expired = 0;
  let reminded = 0;
  let asked = 0;
  let delivered = 0;

  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const due = await ports.store.pendingAsksDueBy(now, cursor);
    for (const ask of due.items) {
      if (dueForExpiry(ask, now)) {
        const r = await updateAsk(ports, ask, (a) => {
          const res = expire(a, now);
          return res.ok ? res.ask : null;
        });
        if (r !== null) expired += 1;
      } else if (!dueForReminder(ask, now)) {
        // Listed because its survey comment is still owed (see deliver-surveys.ts).
        const ticket = await ports.store.getTicket(ask.ticketId);
        if (ticket !== null && ticket.value.undelivered.includes(ask.id)) {
          delivered += await deliverOwedComments(ports, await effectiveConfig(ports), ask.ticketId, [ask.id]);
        }
      } else {
        const r = await updateAsk(ports, ask, (a) => {
          const res = markReminded(a, now);
          return res.ok ? res.ask : null;
        });
        if (r !== null) {
          reminded += 1;
          const config = await effectiveConfig(ports);
          if (planOf(config, r)?.delivery.publicComment === true) {
            await ports.jira.addPublicComment(
              r.issueKey,
              `Reminder: ${r.question.text}`,
              await oneClickLinks(ports, r),
            );
          }
        }
      }
    }
    cursor = due.cursor;
    if (cursor === null) break;
  }

  const config = await effectiveConfig(ports);
  const timePlans = config.plans.filter(
    (p) => p.enabled && (p.waypoint.kind === 'idle' || p.waypoint.kind === 'long-running'),
  );
  if (timePlans.length > 0) {
    const idleHours = Math.min(
      ...timePlans.map((p) =>
        p.waypoint.kind === 'idle' || p.waypoint.kind === 'long-running' ? p.waypoint.hours : Infinity,
      ),
    );
    const seen = new Set<string>();
    for (const scan of [
      ports.store.openTicketsIdleSince.bind(ports.store),
      ports.store.openTicketsCreatedBefore.bind(ports.store),
    ]) {
      let c: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await scan(now - idleHours * HOUR_MS, c);
        for (const t of res.items) {
          if (seen.has(t.ticketId)) continue;
          seen.add(t.ticketId);
          const made = await withOptimisticRetry(ports, async () => {
            const ticket = await ports.store.getTicket(t.ticketId);
            if (ticket === null) return null;
            const evaluated = await evaluatePlans(
              ports,
              { ...config, plans: timePlans },
              { kind: 'tick' },
              surveyStateOf(ticket.value),
              now,
            );
            const ask = evaluated.evaluation.ask;
            if (ask === null) return null;
            const withdrawn = await withdrawnAsks(ports, evaluated.evaluation.withdraw);
            const asks = upsertAskSummaries(ticket.value.asks, [ask, ...withdrawn]);
            const derived = deriveRecord(
              { ...ticket.value, asks, decisions: keepDecisions(ticket.value.decisions, evaluated.decisions) },
              config,
              now,
            );
            const property = propertyOf(derived.record.experience, derived.risk, asks, now);
            const saved = await commitTicketWrite(ports, config, {
              before: ticket,
              after: { ...derived.record, property },
              asks: [ask, ...withdrawn],
            });
            return { ask, saved, property };
          });
          if (made !== null) {
            asked += 1;
            await afterCommit(ports, config, made.saved, made.property);
          }
        }
        c = res.cursor;
        if (c === null) break;
      }
    }
  }
  // Housekeeping last, each bounded per run: the survey work above is what requesters wait for.
  const collected = (await collectRetiredGenerations(ports)).deleted;
  const priors = (await refreshSitePriors(ports)).state;
  return { expired, reminded, asked, delivered, collected, priors };
}
