import type { Ask } from '../ask';
import { scopeMatches } from '../scope';
import type { SurveyPlan } from '../survey-plan';
import { HOUR_MS, type EpochMs } from '../time';
import { askIdFor, newAsk } from './create-ask';
import { samplingDraw, type Random } from './random';
import type { RefusalFacts } from './decision-summary';
import type { PlanRefusalCode } from './reasons';
import type { RequesterHistory, SurveyTrigger, TicketAsk, TicketSurveyState } from './survey-inputs';
import { matchWaypoint, WAYPOINT_MOMENT, type WaypointHit } from './waypoint-match';

export interface SurveyEvaluationInput {
  readonly trigger: SurveyTrigger;
  readonly ticket: TicketSurveyState;
  readonly history: RequesterHistory;
  /** In the admin's order: when several plans could ask, the first one does. */
  readonly plans: readonly SurveyPlan[];
  readonly now: EpochMs;
  readonly random: Random;
}

interface DecisionBase {
  readonly planId: string;
  readonly planName: string;
  readonly message: string;
  /** The refusal's figures, for a view to word it in the reader's language. */
  readonly facts?: RefusalFacts;
  readonly at: EpochMs;
}

/** One plan's answer to "did you ask, and if not, why not" (the agent panel shows these). */
export type PlanDecision =
  | (DecisionBase & { readonly asked: true; readonly reason: 'asked'; readonly askId: string })
  | (DecisionBase & { readonly asked: false; readonly reason: PlanRefusalCode });

export interface SurveyEvaluation {
  /** One per plan, in plan order. */
  readonly decisions: readonly PlanDecision[];
  /** At most one new ask per trigger. */
  readonly ask: Ask | null;
  /**
   * Pending asks on the ticket that the new ask replaces (its plan allows a new ask while one is
   * pending): withdraw them with the new ask, so a ticket never has two pending asks.
   */
  readonly withdraw: readonly string[];
}

/** A plan that reached its waypoint on an in-scope ticket with a requester. */
interface Candidate {
  readonly index: number;
  readonly plan: SurveyPlan;
  readonly hit: WaypointHit;
  readonly askId: string;
  readonly requesterId: string;
}

type Refusal = { readonly reason: PlanRefusalCode; readonly message: string; readonly facts?: RefusalFacts };
type Check = Refusal | { readonly reason: null; readonly withdraw: readonly string[] };

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function hoursAgo(now: EpochMs, at: EpochMs): string {
  const h = Math.max(0, (now - at) / HOUR_MS);
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h ago`;
}

/** Asks whose expiry has passed count as over even before the hourly job marks them expired. */
function isLivePending(ask: TicketAsk, now: EpochMs): boolean {
  return ask.status === 'pending' && ask.expiresAt > now;
}

function alreadyAsked(c: Candidate, asks: readonly TicketAsk[]): TicketAsk | undefined {
  const { coveredSince } = c.hit;
  return asks.find(
    (a) =>
      a.id === c.askId ||
      (coveredSince !== null &&
        a.planId === c.plan.id &&
        a.waypoint === c.plan.waypoint.kind &&
        a.createdAt >= coveredSince),
  );
}

/** The fatigue rules, in the order the admin reads them; sampling last so a draw only decides when nothing else does. */
function checkFatigue(
  c: Candidate,
  ticket: TicketSurveyState,
  history: RequesterHistory,
  now: EpochMs,
  random: Random,
): Check {
  const f = c.plan.fatigue;

  const pending = ticket.asks.filter((a) => isLivePending(a, now));
  const firstPending = pending[0];
  if (firstPending && f.noNewAskWhilePending) {
    return {
      reason: 'ask-pending',
      message: 'a survey sent on this ticket is still waiting for the requester’s answer',
    };
  }

  if (ticket.asks.length >= f.maxAsksPerTicket) {
    return {
      reason: 'max-asks-reached',
      message: `the requester was already asked ${times(ticket.asks.length)} on this ticket; the plan allows ${times(f.maxAsksPerTicket)}`,
      facts: { asked: ticket.asks.length, allowed: f.maxAsksPerTicket },
    };
  }

  // The history may lag behind this ticket's own asks (written in the same run), so take the later.
  const lastAskedAt = [history.lastAskedAt, ...ticket.asks.map((a) => a.createdAt)].reduce<EpochMs | null>(
    (latest, at) => (at === null ? latest : latest === null ? at : Math.max(latest, at)),
    null,
  );
  if (lastAskedAt !== null && now - lastAskedAt < f.cooldownHours * HOUR_MS) {
    return {
      reason: 'cooldown',
      message: `the requester was last asked ${hoursAgo(now, lastAskedAt)}; the plan waits ${f.cooldownHours} h between asks`,
      facts: { lastAskedAt, cooldownHours: f.cooldownHours },
    };
  }

  const draw = samplingDraw(random, `${c.plan.id}\u001f${ticket.ticketId}\u001f${c.hit.occurrenceKey}`);
  if (draw * 100 >= f.samplingPercent) {
    return {
      reason: 'sampled-out',
      message: `not in the ${f.samplingPercent} % sample this time`,
      facts: { samplingPercent: f.samplingPercent },
    };
  }

  return { reason: null, withdraw: pending.map((a) => a.id) };
}

function requestedBy(trigger: SurveyTrigger): string | null {
  return trigger.kind === 'manual' ? trigger.agentId : null;
}

type Refuse = (index: number, plan: SurveyPlan, refusal: Refusal) => void;

/** The plans that could ask now: enabled, their waypoint reached, the ticket in scope, a requester to ask. */
function candidatesOf(input: SurveyEvaluationInput, refuse: Refuse): Candidate[] {
  const { trigger, ticket, plans, now } = input;
  const candidates: Candidate[] = [];
  plans.forEach((plan, index) => {
    const match = matchWaypoint(plan.waypoint, trigger, ticket, now);
    if (!match.matched) return refuse(index, plan, match);
    // A plan that is off says so only at its own waypoint: "why not" is asked of moments it cares about.
    if (!plan.enabled) return refuse(index, plan, { reason: 'plan-disabled', message: 'the plan is turned off' });
    if (!scopeMatches(plan.scope, ticket)) {
      return refuse(index, plan, {
        reason: 'out-of-scope',
        message: "the ticket is outside the plan's projects, request types or priorities",
      });
    }
    if (ticket.reporterId === null)
      return refuse(index, plan, { reason: 'no-requester', message: 'the ticket has no requester to ask' });
    candidates.push({
      index,
      plan,
      hit: match,
      askId: askIdFor(ticket.ticketId, plan.id, match.occurrenceKey),
      requesterId: ticket.reporterId,
    });
  });
  return candidates;
}

/**
 * Idempotency: a plan that already asked for this occurrence does not ask again, and when the
 * trigger is a redelivered event (or retried manual request), no other plan takes its place.
 */
function withoutRepeats(
  candidates: readonly Candidate[],
  input: SurveyEvaluationInput,
  refuse: Refuse,
): { fresh: Candidate[]; earlier: TicketAsk | undefined } {
  const fresh: Candidate[] = [];
  let earlier: TicketAsk | undefined;
  for (const c of candidates) {
    const existing = alreadyAsked(c, input.ticket.asks);
    if (existing) {
      refuse(c.index, c.plan, {
        reason: 'already-asked-at-waypoint',
        message: `this plan already asked at ${WAYPOINT_MOMENT[c.plan.waypoint.kind]}`,
      });
      earlier ??= existing;
    } else {
      fresh.push(c);
    }
  }
  return { fresh, earlier: input.trigger.kind !== 'tick' ? earlier : undefined };
}

function askOf(c: Candidate, input: SurveyEvaluationInput): Ask {
  const { ticket, trigger, now } = input;
  return newAsk({
    plan: c.plan,
    ticketId: ticket.ticketId,
    issueKey: ticket.issueKey,
    projectId: ticket.projectId,
    requesterId: c.requesterId,
    occurrenceKey: c.hit.occurrenceKey,
    statusCategoryAfter: c.hit.statusCategoryAfter,
    requestedBy: requestedBy(trigger),
    now,
  });
}

/**
 * Decides which plan, if any, asks the requester now. Pure: the caller stores the ask (keyed by its
 * id, so a duplicate is refused), withdraws `withdraw`, and updates the requester's history.
 */
export function evaluateSurveyPlans(input: SurveyEvaluationInput): SurveyEvaluation {
  const { ticket, history, plans, now, random } = input;
  // Messages name plans as the admin named them, never by id (they reach the agent panel).
  const planName = (id: string): string => plans.find((p) => p.id === id)?.name ?? 'another plan';
  const decisions: (PlanDecision | undefined)[] = plans.map(() => undefined);
  const refuse: Refuse = (i, plan, r) => {
    decisions[i] = {
      planId: plan.id,
      planName: plan.name,
      asked: false,
      reason: r.reason,
      message: r.message,
      ...(r.facts !== undefined ? { facts: r.facts } : {}),
      at: now,
    };
  };
  const { fresh, earlier } = withoutRepeats(candidatesOf(input, refuse), input, refuse);

  let ask: Ask | null = null;
  let withdraw: readonly string[] = [];
  for (const c of fresh) {
    if (earlier) {
      refuse(c.index, c.plan, {
        reason: 'another-plan-asked',
        message: `the plan “${planName(earlier.planId)}” already asked about this`,
      });
      continue;
    }
    const check = checkFatigue(c, ticket, history, now, random);
    if (check.reason !== null) {
      refuse(c.index, c.plan, check);
      continue;
    }
    if (ask !== null) {
      refuse(c.index, c.plan, {
        reason: 'another-plan-asked',
        message: `the plan “${planName(ask.planId)}” comes first in the list and asked`,
      });
      continue;
    }
    ask = askOf(c, input);
    withdraw = check.withdraw;
    decisions[c.index] = {
      planId: c.plan.id,
      planName: c.plan.name,
      asked: true,
      reason: 'asked',
      askId: ask.id,
      message: `asked at ${WAYPOINT_MOMENT[c.plan.waypoint.kind]}`,
      at: now,
    };
  }

  return { decisions: decisions.filter((d): d is PlanDecision => d !== undefined), ask, withdraw };
}
