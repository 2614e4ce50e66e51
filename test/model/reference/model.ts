/**
 * The reference model: what must come of a scripted history, by DESIGN.md and SCORING.md, as if
 * every event had been delivered once, in Jira's time order, at the moment of its step. It knows
 * nothing of storage, transactions, retries or the app's code; it keeps the facts of each ticket
 * in plain lists and answers:
 *
 * - every ask sent (plan, waypoint, when, mid-flight or not, its final status, reminder, answer);
 * - every plan that reached its waypoint and did not ask, with the reasons that applied;
 * - what each requester's portal shows and what each answer (portal or one-click) does;
 * - each ticket's outcome per XLA and indicator, and the day it counts on (SCORING.md §1);
 * - each project's scorecards (SCORING.md §2–§3).
 *
 * Where DESIGN.md and SCORING.md are silent, the model makes the choice written beside it; a
 * history the model cannot decide without knowing the order of concurrent work is refused
 * (`Ambiguous`), never guessed.
 */
import type { IndicatorId } from '../../../src/domain/indicator';
import type { QuestionKind } from '../../../src/domain/question';
import type { WaypointKind } from '../../../src/domain/waypoint';
import {
  HOUR,
  INITIAL_STATUS,
  SLA_NAMES,
  STATUSES,
  WAITING_FOR_CUSTOMER,
  labelOf,
  type AnswerInput,
  type Customer,
  type History,
  type ModelPlan,
  type ModelQuestion,
  type ModelXla,
  type Person,
  type ProjectKey,
  type StatusName,
  type Step,
  type TicketAction,
  type TicketSpec,
} from './history';
import {
  dayOf,
  scorecard,
  type AnswerObservation,
  type LostTimeObservation,
  type ModelScorecard,
  type Observation,
} from './scoring';

/** The history depends on an order the platform does not fix (e.g. two of a requester's tickets due at one tick). */
export class Ambiguous extends Error {}

// --- question scales (SCORING.md §1 "good when") ------------------------------------------------

const SCALE: Readonly<Record<QuestionKind, { min: number; max: number }>> = {
  csat5: { min: 1, max: 5 },
  emoji5: { min: 1, max: 5 },
  ces7: { min: 1, max: 7 },
  happiness10: { min: 0, max: 10 },
  thumbs: { min: 0, max: 1 },
};

export function scaleOf(kind: QuestionKind): { min: number; max: number } {
  return SCALE[kind];
}

/** 4–5 of 5, 👍, ≤ 3 on ces7 (low effort), 9–10 of happiness10. */
export function favourable(kind: QuestionKind, score: number): boolean {
  switch (kind) {
    case 'csat5':
    case 'emoji5':
      return score >= 4;
    case 'ces7':
      return score <= 3;
    case 'happiness10':
      return score >= 9;
    case 'thumbs':
      return score === 1;
  }
}

/**
 * The band whose reason chips an answer may pick (DESIGN.md: "reason chips that depend on the
 * score band"): favourable answers are positive; the middle of a scale is neutral.
 */
export function band(kind: QuestionKind, score: number): 'negative' | 'neutral' | 'positive' {
  if (favourable(kind, score)) return 'positive';
  switch (kind) {
    case 'csat5':
    case 'emoji5':
      return score === 3 ? 'neutral' : 'negative';
    case 'ces7':
      return score === 4 ? 'neutral' : 'negative';
    case 'happiness10':
      return score >= 7 ? 'neutral' : 'negative';
    case 'thumbs':
      return 'negative';
  }
}

// --- expected outcome ---------------------------------------------------------------------------

export type AskStatus = 'pending' | 'answered' | 'expired' | 'withdrawn';

export interface ExpectedAnswer {
  readonly score: number;
  readonly via: 'portal' | 'one-click';
  readonly answeredAt: number;
  readonly reasons: readonly string[];
  readonly comment: string | null;
  readonly lostTimeChoiceId: string | null;
}

export interface ExpectedAsk {
  readonly ref: string;
  readonly planId: string;
  readonly waypoint: WaypointKind;
  readonly requester: Customer;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly reminderDueAt: number | null;
  readonly midFlight: boolean;
  status: AskStatus;
  reminded: boolean;
  answer: ExpectedAnswer | null;
  /** The plan sent one-click links with this ask. */
  readonly oneClick: boolean;
  readonly question: ModelQuestion;
  /** Which occurrence of the waypoint it answers (once per ticket, per idle stretch, per event, per request). */
  readonly occurrence: string;
  /**
   * The first answer came after the request was resolved, to the question about the outcome: it
   * counts at `resolved` and never as mid-flight (the rule: wording follows the waypoint).
   * Asks put at `resolved` already ask about the outcome and keep their waypoint.
   */
  toOutcome: boolean;
}

export interface ExpectedDecision {
  readonly ref: string;
  readonly planId: string;
  readonly at: number;
  readonly waypoint: WaypointKind;
  readonly source: 'event' | 'manual' | 'tick';
  readonly asked: boolean;
  /** Every rule that refuses; the app names one of them. Empty when it asked. */
  readonly reasons: readonly string[];
}

export type PortalOutcome =
  | { readonly kind: 'nothing-shown' }
  | { readonly kind: 'recorded'; readonly ask: string }
  | { readonly kind: 'refused'; readonly ask: string; readonly codes: readonly string[] };

export interface ExpectedPortalVisit {
  readonly step: number;
  readonly ref: string;
  readonly who: Customer;
  /** Key of the ask the portal shows this person (askKey), or null. */
  readonly shown: string | null;
  readonly outcome: PortalOutcome;
}

export type OneClickOutcome = 'no-link' | 'recorded' | 'already-recorded' | 'expired' | 'refused';

export interface ExpectedOneClick {
  readonly step: number;
  readonly ref: string;
  /** The ask the link answers, or null when no link reached the requester. */
  readonly ask: string | null;
  readonly outcome: OneClickOutcome;
}

export interface ExpectedOutcome {
  readonly ref: string;
  readonly xlaId: string;
  readonly indicator: IndicatorId;
  readonly good: boolean;
  readonly day: string;
}

export interface Expected {
  readonly asks: readonly ExpectedAsk[];
  readonly decisions: readonly ExpectedDecision[];
  readonly portal: readonly ExpectedPortalVisit[];
  readonly oneClicks: readonly ExpectedOneClick[];
  readonly outcomes: readonly ExpectedOutcome[];
  /** Per project, the scorecards of the XLAs that cover it (30-day window ending `end`). */
  readonly scorecards: ReadonlyMap<ProjectKey, readonly ModelScorecard[]>;
  readonly tickets: readonly TicketSpec[];
  /** The XLAs and plans in force at the end. */
  readonly xlas: readonly ModelXla[];
  readonly plans: readonly ModelPlan[];
}

export function askKey(a: { ref: string; planId: string; createdAt: number }): string {
  return `${a.ref}|${a.planId}|${a.createdAt}`;
}

// --- ticket facts -------------------------------------------------------------------------------

interface Ticket {
  readonly spec: TicketSpec;
  readonly createdAt: number;
  /** Status entered, in time order; the first is the initial status at creation. */
  readonly statuses: Array<{ at: number; status: StatusName }>;
  readonly assignments: Array<{ at: number; agent: Person }>;
  readonly publicAgentComments: number[];
  readonly comments: Map<string, { author: Person; public: boolean; at: number; text: string }>;
  readonly participants: Set<Customer>;
  /** The latest time of anything Jira told about the ticket, or of an answer. */
  lastFactAt: number;
  /** When Jira's SLA figures were last read (on the latest resolving change). */
  slaReadAt: number | null;
  readonly asks: ExpectedAsk[];
}

const isAgent = (p: Person): boolean => p.startsWith('a');

function categoryOf(status: StatusName) {
  return STATUSES[status];
}

function currentStatus(t: Ticket): StatusName {
  return t.statuses[t.statuses.length - 1]?.status ?? INITIAL_STATUS;
}

/** Times the ticket went from a not-done status to a done one (resolutions) and back (reopens). */
function transitions(t: Ticket): { resolutions: number[]; reopens: number[] } {
  const resolutions: number[] = [];
  const reopens: number[] = [];
  for (let i = 1; i < t.statuses.length; i++) {
    const before = categoryOf(t.statuses[i - 1]!.status);
    const after = categoryOf(t.statuses[i]!.status);
    if (before !== 'done' && after === 'done') resolutions.push(t.statuses[i]!.at);
    if (before === 'done' && after !== 'done') reopens.push(t.statuses[i]!.at);
  }
  return { resolutions, reopens };
}

/** Assignee changes after the first assignment, in time order (SCORING.md §1 `reassign`). */
function reassignments(t: Ticket): number[] {
  const out: number[] = [];
  for (let i = 1; i < t.assignments.length; i++)
    if (t.assignments[i]!.agent !== t.assignments[i - 1]!.agent) out.push(t.assignments[i]!.at);
  return out;
}

/** Requester comments as they read now: reporter or participant, public (SCORING.md §4). */
function requesterComments(t: Ticket): Array<{ at: number; text: string }> {
  return [...t.comments.values()]
    .filter((c) => c.public && (c.author === t.spec.reporter || t.participants.has(c.author as Customer)))
    .sort((a, b) => a.at - b.at);
}

/** SLA states as JSM reports them at `readAt` (the site's documented rules, local/README.md). */
function slaBreaches(t: Ticket, readAt: number): Array<{ name: string; breached: boolean }> {
  const frtGoal = t.spec.firstResponseGoalMin * 60_000;
  const answered = t.publicAgentComments.filter((at) => at <= readAt);
  const firstResponse = answered.length === 0 ? null : Math.min(...answered);
  const frtElapsed = (firstResponse ?? readAt) - t.createdAt;
  // Resolution: cycles from creation or a reopen until done; time in Waiting for customer pauses it.
  const ttrGoal = t.spec.resolutionGoalMin * 60_000;
  let breached = false;
  let start: number | null = t.createdAt;
  let paused = 0;
  let pausedSince: number | null = null;
  const entries = t.statuses.slice(1).filter((e) => e.at <= readAt);
  for (const e of entries) {
    if (start !== null) {
      if (pausedSince !== null) {
        paused += e.at - pausedSince;
        pausedSince = null;
      }
      if (categoryOf(e.status) === 'done') {
        if (e.at - start - paused > ttrGoal) breached = true;
        start = null;
      } else if (e.status === 'Waiting for customer') pausedSince = e.at;
    } else if (categoryOf(e.status) !== 'done') {
      start = e.at;
      paused = 0;
      if (e.status === 'Waiting for customer') pausedSince = e.at;
    }
  }
  if (start !== null) {
    const pausedNow = paused + (pausedSince === null ? 0 : readAt - pausedSince);
    if (readAt - start - pausedNow > ttrGoal) breached = true;
  }
  return [
    { name: SLA_NAMES.firstResponse, breached: frtElapsed > frtGoal },
    { name: SLA_NAMES.resolution, breached },
  ];
}

/** Time waiting for support up to `until`: open statuses other than the waiting-for-customer ones. */
function waitingMs(t: Ticket, until: number): number {
  let total = 0;
  t.statuses.forEach((e, i) => {
    if (categoryOf(e.status) === 'done' || WAITING_FOR_CUSTOMER.includes(e.status)) return;
    const end = t.statuses[i + 1]?.at ?? until;
    total += Math.max(0, end - e.at);
  });
  return total;
}

// --- the model ----------------------------------------------------------------------------------

/** A moment a plan's waypoint may answer to. */
type Moment =
  | { kind: 'created'; at: number }
  | { kind: 'agent-comment'; at: number; first: boolean }
  | { kind: 'status-changed'; at: number; to: StatusName }
  | { kind: 'resolved'; at: number }
  | { kind: 'reopened'; at: number }
  | { kind: 'reassigned'; at: number; nth: number }
  | { kind: 'tick' }
  | { kind: 'manual'; agent: Person; requestedAt: number };

interface Hit {
  readonly occurrence: string;
  /** Once per ticket: any earlier ask of the plan at this waypoint covers it. */
  readonly oncePerTicket: boolean;
  /** An earlier ask of the plan at this waypoint created at or after this moment covers it (idle stretches). */
  readonly coveredSince: number | null;
}

function inScope(scope: ModelPlan['scope'], spec: TicketSpec): boolean {
  return (
    (scope.projects.length === 0 || scope.projects.includes(spec.project)) &&
    (scope.requestTypes.length === 0 || scope.requestTypes.includes(spec.requestType)) &&
    (scope.priorities.length === 0 || scope.priorities.includes(spec.priority))
  );
}

export class ReferenceModel {
  private readonly tickets = new Map<string, Ticket>();
  private plans: ModelPlan[];
  private xlas: ModelXla[];
  readonly asks: ExpectedAsk[] = [];
  readonly decisions: ExpectedDecision[] = [];
  readonly portal: ExpectedPortalVisit[] = [];
  readonly oneClicks: ExpectedOneClick[] = [];
  private readonly usedLinks = new Set<string>();

  constructor(private readonly history: History) {
    this.plans = [...history.plans];
    this.xlas = [...history.xlas];
  }

  run(): Expected {
    this.history.steps.forEach((step, i) => this.step(step, i));
    return this.expected();
  }

  /** Plays one more step (the generator builds answers that fit what is live). */
  advance(step: Step): void {
    this.step(step, this.played);
  }

  /** What the requester's portal would show on this request at `at`. */
  liveAskOf(ref: string, at: number): ExpectedAsk | null {
    return this.liveAsk(this.ticket(ref), at);
  }

  /** The newest ask of the request that came with one-click links. */
  linkedAskOf(ref: string): ExpectedAsk | null {
    return (
      this.ticket(ref)
        .asks.filter((a) => a.oneClick)
        .at(-1) ?? null
    );
  }

  isDone(ref: string): boolean {
    return categoryOf(currentStatus(this.ticket(ref))) === 'done';
  }

  currentPlans(): readonly ModelPlan[] {
    return this.plans;
  }

  currentXlas(): readonly ModelXla[] {
    return this.xlas;
  }

  expected(): Expected {
    return {
      asks: this.asks,
      decisions: this.decisions,
      portal: this.portal,
      oneClicks: this.oneClicks,
      outcomes: this.outcomes(),
      scorecards: this.scorecards(this.history.end),
      tickets: [...this.tickets.values()].map((t) => t.spec),
      xlas: this.xlas,
      plans: this.plans,
    };
  }

  ticket(ref: string): Ticket {
    const t = this.tickets.get(ref);
    if (t === undefined) throw new Error(`the history names ticket ${ref} before raising it`);
    return t;
  }

  private played = 0;

  private step(step: Step, index: number): void {
    this.played = index + 1;
    switch (step.kind) {
      case 'burst': {
        const actions = step.groups.flatMap((g) => g.actions).sort((a, b) => a.at - b.at);
        for (const action of actions) this.apply(action, step.deliverAt);
        return;
      }
      case 'portal-answer':
        return this.portalAnswer(step, index);
      case 'one-click':
        return this.oneClick(step, index);
      case 'manual': {
        const t = this.ticket(step.ref);
        const plans = this.plans.filter((p) => p.waypoint.kind === 'manual' && p.id === step.planId);
        if (plans.length === 0) throw new Error(`manual step names plan ${step.planId}, which is not a manual plan`);
        this.evaluate(t, { kind: 'manual', agent: step.agent, requestedAt: step.at }, plans, step.at, 'manual');
        return;
      }
      case 'tick':
        return this.tick(step.at);
      case 'save-plan': {
        const i = this.plans.findIndex((p) => p.id === step.plan.id);
        if (i < 0) this.plans.push(step.plan);
        else this.plans[i] = step.plan;
        return;
      }
      case 'save-xla': {
        this.xlas = [...this.xlas.filter((x) => x.id !== step.xla.id), step.xla];
        return;
      }
    }
  }

  /** One change in Jira, then the plans at each moment it makes (in the order the change reads). */
  private apply(action: TicketAction, now: number): void {
    if (action.kind === 'create') {
      const spec = action.ticket;
      const t: Ticket = {
        spec,
        createdAt: action.at,
        statuses: [{ at: action.at, status: INITIAL_STATUS }],
        assignments: [],
        publicAgentComments: [],
        comments: new Map(),
        participants: new Set(),
        lastFactAt: action.at,
        slaReadAt: null,
        asks: [],
      };
      this.tickets.set(spec.ref, t);
      this.moments(t, [{ kind: 'created', at: action.at }], now);
      return;
    }
    const t = this.ticket(action.ref);
    switch (action.kind) {
      case 'comment': {
        t.lastFactAt = Math.max(t.lastFactAt, action.at);
        t.comments.set(action.comment, {
          author: action.author,
          // JSM customers cannot write internal notes: what they write is shared with the portal.
          public: isAgent(action.author) ? action.public : true,
          at: action.at,
          text: action.text,
        });
        if (isAgent(action.author) && action.public) {
          const first = t.publicAgentComments.length === 0;
          t.publicAgentComments.push(action.at);
          this.moments(t, [{ kind: 'agent-comment', at: action.at, first }], now);
        } else if (!isAgent(action.author)) {
          labelOf(action.text);
        }
        return;
      }
      case 'edit': {
        const c = t.comments.get(action.comment);
        if (c === undefined) throw new Error(`edit of unknown comment ${action.comment}`);
        t.comments.set(action.comment, { ...c, text: action.text });
        return;
      }
      case 'participant':
        t.participants.add(action.who);
        return;
      case 'assign': {
        t.lastFactAt = Math.max(t.lastFactAt, action.at);
        const previous = t.assignments[t.assignments.length - 1];
        t.assignments.push({ at: action.at, agent: action.to });
        // The first assignment is not a reassignment (SCORING.md §1: changes after the first assignment).
        if (previous !== undefined && previous.agent !== action.to)
          this.moments(t, [{ kind: 'reassigned', at: action.at, nth: reassignments(t).length }], now);
        return;
      }
      case 'status': {
        t.lastFactAt = Math.max(t.lastFactAt, action.at);
        const from = currentStatus(t);
        t.statuses.push({ at: action.at, status: action.to });
        const moments: Moment[] = [{ kind: 'status-changed', at: action.at, to: action.to }];
        const before = categoryOf(from);
        const after = categoryOf(action.to);
        if (before !== 'done' && after === 'done') moments.push({ kind: 'resolved', at: action.at });
        if (before === 'done' && after !== 'done') moments.push({ kind: 'reopened', at: action.at });
        this.moments(t, moments, now);
        // JSM has no SLA events: the app reads the SLAs when the ticket is resolved (DESIGN.md).
        if (after === 'done' && before !== 'done') t.slaReadAt = Math.max(t.slaReadAt ?? 0, now);
        return;
      }
    }
  }

  private moments(t: Ticket, moments: readonly Moment[], now: number): void {
    for (const m of moments) this.evaluate(t, m, this.plans, now, 'event');
  }

  /** Does this moment reach the plan's waypoint on this ticket at `now`? */
  private hit(plan: ModelPlan, m: Moment, t: Ticket, now: number): Hit | null {
    const w = plan.waypoint;
    switch (w.kind) {
      case 'created':
        return m.kind === 'created' ? { occurrence: 'created', oncePerTicket: true, coveredSince: null } : null;
      case 'first-response':
        return m.kind === 'agent-comment' && m.first
          ? { occurrence: 'first-response', oncePerTicket: true, coveredSince: null }
          : null;
      case 'status-changed':
        return m.kind === 'status-changed' && w.toStatuses.includes(m.to)
          ? { occurrence: `status@${m.at}`, oncePerTicket: false, coveredSince: null }
          : null;
      case 'reassigned':
        return m.kind === 'reassigned' && m.nth >= w.fromNth
          ? { occurrence: `reassigned@${m.at}`, oncePerTicket: false, coveredSince: null }
          : null;
      case 'resolved':
        return m.kind === 'resolved'
          ? { occurrence: `resolved@${m.at}`, oncePerTicket: false, coveredSince: null }
          : null;
      case 'reopened':
        return m.kind === 'reopened'
          ? { occurrence: `reopened@${m.at}`, oncePerTicket: false, coveredSince: null }
          : null;
      case 'manual':
        return m.kind === 'manual'
          ? { occurrence: `manual@${m.agent}@${m.requestedAt}`, oncePerTicket: false, coveredSince: null }
          : null;
      case 'idle':
      case 'long-running': {
        if (m.kind !== 'tick' || categoryOf(currentStatus(t)) === 'done') return null;
        if (w.kind === 'long-running')
          return now - t.createdAt >= w.hours * HOUR
            ? { occurrence: 'long-running', oncePerTicket: true, coveredSince: null }
            : null;
        // An idle stretch runs from the latest public agent activity (or creation) to the next.
        const since = Math.max(t.createdAt, ...t.publicAgentComments);
        return now - since >= w.hours * HOUR
          ? { occurrence: `idle@${since}`, oncePerTicket: false, coveredSince: since }
          : null;
      }
    }
  }

  private lastAskedAt(requester: Customer): number | null {
    const times = this.asks.filter((a) => a.requester === requester).map((a) => a.createdAt);
    return times.length === 0 ? null : Math.max(...times);
  }

  /**
   * DESIGN.md "Survey plan": the first plan in the admin's order that reaches its waypoint and
   * passes every rule asks; at most one ask per moment. Refusal reasons are all that apply.
   * Pure: `evaluate` commits what this decides.
   */
  private decide(
    t: Ticket,
    m: Moment,
    plans: readonly ModelPlan[],
    now: number,
    source: ExpectedDecision['source'],
  ): { decisions: ExpectedDecision[]; ask: ExpectedAsk | null; withdraw: ExpectedAsk[] } {
    const decisions: ExpectedDecision[] = [];
    let ask: ExpectedAsk | null = null;
    let withdraw: ExpectedAsk[] = [];
    const statusAfter = currentStatus(t);
    const livePending = t.asks.filter((a) => a.status === 'pending' && a.expiresAt > now);
    const last = this.lastAskedAt(t.spec.reporter);
    for (const plan of plans) {
      const hit = this.hit(plan, m, t, now);
      if (hit === null) continue;
      const reasons: string[] = [];
      if (!plan.enabled) reasons.push('plan-disabled');
      if (!inScope(plan.scope, t.spec)) reasons.push('out-of-scope');
      const covered = t.asks.some(
        (a) =>
          a.planId === plan.id &&
          (a.occurrence === hit.occurrence ||
            (a.waypoint === plan.waypoint.kind &&
              (hit.oncePerTicket || (hit.coveredSince !== null && a.createdAt >= hit.coveredSince)))),
      );
      if (covered) reasons.push('already-asked-at-waypoint');
      const f = plan.fatigue;
      if (f.noNewAskWhilePending && livePending.length > 0) reasons.push('ask-pending');
      if (t.asks.length >= f.maxAsksPerTicket) reasons.push('max-asks-reached');
      if (last !== null && now - last < f.cooldownHours * HOUR) reasons.push('cooldown');
      if (f.samplingPercent === 0) reasons.push('sampled-out');
      if (ask !== null) reasons.push('another-plan-asked');
      const decision = { ref: t.spec.ref, planId: plan.id, at: now, waypoint: plan.waypoint.kind, source };
      if (reasons.length > 0) {
        decisions.push({ ...decision, asked: false, reasons });
        continue;
      }
      withdraw = livePending;
      ask = {
        ref: t.spec.ref,
        planId: plan.id,
        waypoint: plan.waypoint.kind,
        requester: t.spec.reporter,
        createdAt: now,
        expiresAt: now + Math.round(f.expiryHours * HOUR),
        reminderDueAt: f.reminderAfterHours === null ? null : now + Math.round(f.reminderAfterHours * HOUR),
        midFlight: categoryOf(statusAfter) !== 'done',
        status: 'pending',
        reminded: false,
        answer: null,
        toOutcome: false,
        oneClick: plan.oneClick,
        question: plan.question,
        occurrence: hit.occurrence,
      };
      decisions.push({ ...decision, asked: true, reasons: [] });
    }
    return { decisions, ask, withdraw };
  }

  private evaluate(
    t: Ticket,
    m: Moment,
    plans: readonly ModelPlan[],
    now: number,
    source: ExpectedDecision['source'],
  ): ExpectedAsk | null {
    const { decisions, ask, withdraw } = this.decide(t, m, plans, now, source);
    this.decisions.push(...decisions);
    if (ask === null) return null;
    for (const a of withdraw) a.status = 'withdrawn';
    t.asks.push(ask);
    this.asks.push(ask);
    return ask;
  }

  /** The hourly job: expiry and one reminder, then the time-based waypoints on open tickets. */
  private tick(now: number): void {
    for (const a of this.asks) {
      if (a.status !== 'pending') continue;
      if (now >= a.expiresAt) a.status = 'expired';
      else if (a.reminderDueAt !== null && !a.reminded && now >= a.reminderDueAt) a.reminded = true;
    }
    const timePlans = this.plans.filter(
      (p) => p.enabled && (p.waypoint.kind === 'idle' || p.waypoint.kind === 'long-running'),
    );
    if (timePlans.length === 0) return;
    const open = [...this.tickets.values()].filter((t) => categoryOf(currentStatus(t)) !== 'done');
    // Tickets are visited in an order the platform does not fix: it matters only when two tickets of
    // one requester could both ask and a cooldown would then hold the second back.
    const askers = open.filter((t) => this.decide(t, { kind: 'tick' }, timePlans, now, 'tick').ask !== null);
    const requesters = askers.map((t) => t.spec.reporter);
    if (new Set(requesters).size < requesters.length && timePlans.some((p) => p.fatigue.cooldownHours > 0))
      throw new Ambiguous(`two tickets of one requester could ask at the tick at ${new Date(now).toISOString()}`);
    for (const t of open) this.evaluate(t, { kind: 'tick' }, timePlans, now, 'tick');
  }

  /** The newest ask the requester may still answer (pending or answered, before its expiry). */
  private liveAsk(t: Ticket, at: number): ExpectedAsk | null {
    const live = t.asks.filter((a) => (a.status === 'pending' || a.status === 'answered') && a.expiresAt > at);
    return live[live.length - 1] ?? null;
  }

  private portalAnswer(step: Extract<Step, { kind: 'portal-answer' }>, index: number): void {
    const t = this.ticket(step.ref);
    // DESIGN.md: an ask belongs to the one person it was sent to; nobody else sees or changes it.
    const live = step.who === t.spec.reporter ? this.liveAsk(t, step.at) : null;
    if (live === null) {
      this.portal.push({ step: index, ref: step.ref, who: step.who, shown: null, outcome: { kind: 'nothing-shown' } });
      return;
    }
    const key = askKey(live);
    const codes = refusals(live.question, step.answer);
    if (codes.length > 0) {
      this.portal.push({
        step: index,
        ref: step.ref,
        who: step.who,
        shown: key,
        outcome: { kind: 'refused', ask: key, codes },
      });
      return;
    }
    this.record(t, live, { ...step.answer, score: step.answer.score, via: 'portal', answeredAt: step.at });
    this.portal.push({
      step: index,
      ref: step.ref,
      who: step.who,
      shown: key,
      outcome: { kind: 'recorded', ask: key },
    });
  }

  private oneClick(step: Extract<Step, { kind: 'one-click' }>, index: number): void {
    const t = this.ticket(step.ref);
    const linked = t.asks.filter((a) => a.oneClick);
    const ask = linked[linked.length - 1];
    if (ask === undefined) {
      this.oneClicks.push({ step: index, ref: step.ref, ask: null, outcome: 'no-link' });
      return;
    }
    const key = askKey(ask);
    if (step.at >= ask.expiresAt || ask.status === 'expired') {
      this.oneClicks.push({ step: index, ref: step.ref, ask: key, outcome: 'expired' });
      return;
    }
    // A link is single-use: the same link again records nothing. A reminder sends fresh links.
    const link = `${key}|${ask.reminded ? 'reminder' : 'first'}|${step.score}`;
    if (this.usedLinks.has(link)) {
      this.oneClicks.push({ step: index, ref: step.ref, ask: key, outcome: 'already-recorded' });
      return;
    }
    if (ask.status === 'withdrawn') {
      this.oneClicks.push({ step: index, ref: step.ref, ask: key, outcome: 'refused' });
      return;
    }
    this.usedLinks.add(link);
    this.record(t, ask, {
      score: step.score,
      reasons: [],
      comment: null,
      lostTimeChoiceId: null,
      via: 'one-click',
      answeredAt: step.at,
    });
    this.oneClicks.push({ step: index, ref: step.ref, ask: key, outcome: 'recorded' });
  }

  private record(t: Ticket, ask: ExpectedAsk, answer: ExpectedAnswer): void {
    // A changed answer keeps the question it was first given to.
    if (ask.answer === null) ask.toOutcome = categoryOf(currentStatus(t)) === 'done' && ask.waypoint !== 'resolved';
    ask.status = 'answered';
    ask.answer = { ...answer, reasons: [...new Set(answer.reasons)], comment: answer.comment?.trim() || null };
    t.lastFactAt = Math.max(t.lastFactAt, answer.answeredAt);
  }

  // --- outcomes and scorecards ------------------------------------------------------------------

  /** SCORING.md §1 for one ticket and one XLA; null when the XLA does not cover the ticket. */
  private ticketOutcomes(t: Ticket, xla: ModelXla) {
    if (!inScope(xla.scope, t.spec)) return null;
    const wanted = new Set(xla.indicators.map((i) => i.id));
    const out: Array<{ indicator: IndicatorId; good: boolean; day: string }> = [];
    const answered = t.asks
      .filter((a) => a.answer !== null)
      .filter(
        (a) =>
          (xla.csatSource.waypoints.length === 0 ||
            xla.csatSource.waypoints.includes(a.toOutcome ? 'resolved' : a.waypoint)) &&
          (!xla.csatSource.midFlightOnly || (a.midFlight && !a.toOutcome)),
      )
      .sort((a, b) => a.answer!.answeredAt - b.answer!.answeredAt);
    const latest = answered[answered.length - 1];
    if (latest !== undefined && wanted.has('csat'))
      out.push({
        indicator: 'csat',
        good: favourable(latest.question.kind, latest.answer!.score),
        day: dayOf(latest.answer!.answeredAt),
      });

    // §4: the ticket's requesters keep to one tone, so the mood's side of −0.05 is the labels' side.
    const scored = requesterComments(t).filter((c) => labelOf(c.text).sentiment !== 'unscorable');
    const newest = scored[scored.length - 1];
    if (newest !== undefined && wanted.has('sentiment')) {
      const sides = new Set(scored.map((c) => labelOf(c.text).sentiment));
      if (sides.size > 1) throw new Ambiguous(`ticket ${t.spec.ref} mixes tones; the mood's side needs the scores`);
      out.push({ indicator: 'sentiment', good: sides.has('good'), day: dayOf(newest.at) });
    }

    // Operational outcomes count on the day of the latest resolution: only resolved tickets have one.
    const { resolutions, reopens } = transitions(t);
    const resolvedAt = resolutions[resolutions.length - 1];
    if (resolvedAt !== undefined) {
      const day = dayOf(resolvedAt);
      if (wanted.has('sla') && t.slaReadAt !== null) {
        const slas = slaBreaches(t, t.slaReadAt).filter(
          (s) => xla.slaNames.length === 0 || xla.slaNames.includes(s.name),
        );
        if (slas.length > 0) out.push({ indicator: 'sla', good: !slas.some((s) => s.breached), day });
      }
      if (wanted.has('reopen')) out.push({ indicator: 'reopen', good: reopens.length === 0, day });
      if (wanted.has('reassign') && t.assignments.length > 0)
        out.push({ indicator: 'reassign', good: reassignments(t).length <= 1, day });
      if (wanted.has('wait'))
        out.push({ indicator: 'wait', good: waitingMs(t, t.lastFactAt) <= xla.waitThresholdHours * HOUR, day });
      if (wanted.has('chaser'))
        out.push({ indicator: 'chaser', good: !requesterComments(t).some((c) => labelOf(c.text).chaser), day });
    }
    // Lost time: the requester's latest answered "time lost", whatever the question (SCORING.md §3).
    const lost = t.asks
      .filter((a) => a.answer !== null && a.answer.lostTimeChoiceId !== null)
      .sort((a, b) => a.answer!.answeredAt - b.answer!.answeredAt)
      .at(-1);
    const lostMinutes =
      lost === undefined
        ? null
        : (lost.question.lostTime?.find((c) => c.id === lost.answer!.lostTimeChoiceId)?.minutes ?? null);
    return {
      indicators: out,
      answer:
        latest === undefined
          ? null
          : { day: dayOf(latest.answer!.answeredAt), kind: latest.question.kind, score: latest.answer!.score },
      lostTime:
        lost === undefined || lostMinutes === null
          ? null
          : { day: dayOf(lost.answer!.answeredAt), minutes: lostMinutes },
    };
  }

  outcomes(): ExpectedOutcome[] {
    const out: ExpectedOutcome[] = [];
    for (const t of this.tickets.values())
      for (const xla of this.xlas) {
        const o = this.ticketOutcomes(t, xla);
        for (const i of o?.indicators ?? []) out.push({ ref: t.spec.ref, xlaId: xla.id, ...i });
      }
    return out;
  }

  scorecards(end: number): Map<ProjectKey, ModelScorecard[]> {
    const today = dayOf(end);
    const out = new Map<ProjectKey, ModelScorecard[]>();
    for (const project of ['IT', 'HR'] as const) {
      const cards: ModelScorecard[] = [];
      for (const xla of this.xlas) {
        if (xla.scope.projects.length > 0 && !xla.scope.projects.includes(project)) continue;
        const observations = new Map<IndicatorId, Observation[]>();
        const answers: AnswerObservation[] = [];
        const lost: LostTimeObservation[] = [];
        for (const t of this.tickets.values()) {
          if (t.spec.project !== project) continue;
          const o = this.ticketOutcomes(t, xla);
          if (o === null) continue;
          for (const i of o.indicators) observations.set(i.indicator, [...(observations.get(i.indicator) ?? []), i]);
          if (o.answer !== null) answers.push(o.answer);
          if (o.lostTime !== null) lost.push(o.lostTime);
        }
        cards.push(scorecard(xla, observations, answers, lost, today, 30));
      }
      out.set(project, cards);
    }
    return out;
  }

  /** Site-wide effective n of each indicator over 180 days: the prior is the site's from 30 on (§2.2). */
  siteEffectiveN(end: number): number {
    let most = 0;
    for (const xla of this.xlas)
      for (const spec of xla.indicators) {
        const days = [...this.tickets.values()].flatMap((t) =>
          (this.ticketOutcomes(t, xla)?.indicators ?? []).filter((i) => i.indicator === spec.id).map((i) => i.day),
        );
        const w = days.map(
          (d) =>
            2 **
            (-Math.max(
              0,
              Math.round((Date.parse(`${dayOf(end)}T00:00:00Z`) - Date.parse(`${d}T00:00:00Z`)) / 86_400_000),
            ) /
              xla.halfLifeDays),
        );
        const N = w.reduce((s, x) => s + x, 0);
        const W2 = w.reduce((s, x) => s + x * x, 0);
        if (W2 > 0) most = Math.max(most, (N * N) / W2);
      }
    return most;
  }
}

/** Why an answer would be refused, checked against what was asked (every code that applies). */
export function refusals(q: ModelQuestion, a: AnswerInput): string[] {
  const codes: string[] = [];
  const { min, max } = SCALE[q.kind];
  // A score off the scale is refused; one beyond any scale (0–10) already fails the payload's schema.
  if (!Number.isInteger(a.score) || a.score < min || a.score > max)
    return a.score < 0 || a.score > 10 ? ['invalid-score', 'validation'] : ['invalid-score'];
  const offered = q.chips[band(q.kind, a.score)];
  if (a.reasons.some((r) => !offered.includes(r))) codes.push('unknown-reason');
  const comment = a.comment?.trim() ?? '';
  if (comment !== '' && !q.comment.enabled) codes.push('comment-not-allowed');
  if (comment.length > q.comment.maxLength) codes.push('comment-too-long');
  if (a.lostTimeChoiceId !== null) {
    if (q.lostTime === null) codes.push('lost-time-not-allowed');
    else if (!q.lostTime.some((c) => c.id === a.lostTimeChoiceId)) codes.push('unknown-lost-time-choice');
  }
  return codes;
}

export function runModel(history: History): Expected {
  return new ReferenceModel(history).run();
}

/** The requester of each ticket and who else may look (for the runner's identities). */
export function requesterOf(expected: Expected, ref: string): Customer {
  const t = expected.tickets.find((x) => x.ref === ref);
  if (t === undefined) throw new Error(`no ticket ${ref}`);
  return t.reporter;
}

export type { TicketSpec };
export type { Person };
export { askKey as keyOfAsk };
