/**
 * Seeded histories for the model-based suite. Each one picks survey plans (every waypoint kind is
 * covered across a run), one or two XLAs, a handful of tickets with journeys, and a delivery
 * profile; requesters answer what the model says their portal shows (sometimes wrongly, sometimes
 * someone else tries), agents ask by hand, the hourly job runs, an admin changes a plan and an
 * XLA half-way. A history the model refuses as ambiguous is replaced by the next seed.
 *
 * Rules that keep a history decidable without knowing the platform's order of concurrent work
 * (DESIGN.md: events arrive late and out of order): one group of a ticket holds at most one change
 * a plan can answer to; one burst holds at most one group per requester; a group's changes are
 * seconds apart, and bursts are half an hour apart.
 */
import { prng } from '../../../local/faults';
import type { QuestionKind } from '../../../src/domain/question';
import type { WaypointKind } from '../../../src/domain/waypoint';
import {
  AGENTS,
  AGENT_COMMENTS,
  ANY_SCOPE,
  COMMENTS,
  HOUR,
  MINUTE,
  REORDERINGS,
  REQUEST_TYPES,
  PRIORITIES,
  T0,
  type Agent,
  type AnswerInput,
  type Customer,
  type DeliveryProfile,
  type Group,
  type History,
  type ModelPlan,
  type ModelQuestion,
  type ModelXla,
  type ProjectKey,
  type Reordering,
  type StatusName,
  type Step,
  type TicketAction,
  type TicketSpec,
  type Tone,
} from '../reference/history';
import { Ambiguous, ReferenceModel, band, scaleOf, type ExpectedAsk } from '../reference/model';

type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]): T => {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
};
const chance = (r: Rand, p: number): boolean => r() < p;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

export const WAYPOINTS: readonly WaypointKind[] = [
  'created',
  'first-response',
  'status-changed',
  'reassigned',
  'idle',
  'long-running',
  'reopened',
  'resolved',
  'manual',
];

const SLOT = 30 * MINUTE;
/** Several tickets change in the same wave: the bursts the delivery interleaves and runs concurrently. */
const WAVE = 90 * MINUTE;
/** Bursts are delivered with the site clock this long after their changes (Jira is late, up to ~3 minutes and more). */
const DELIVERY_LAGS = [2 * MINUTE, 5 * MINUTE, 9 * MINUTE, 12 * MINUTE];
/** The hourly job's runs the history includes: every six hours, at a quarter to. */
const TICK_EVERY = 6 * HOUR;

// --- configuration ------------------------------------------------------------------------------

// Words that are also valid chip ids (test/support/chips.ts): a model answer names a chip by id.
const CHIPS = { negative: ['Slow', 'Unfixed'], neutral: ['Okay'], positive: ['Quick', 'Friendly'] };

function questionFor(r: Rand, kind: QuestionKind, id: string): ModelQuestion {
  return {
    kind,
    text: `How is it going (${id})?`,
    chips: kind === 'thumbs' ? { negative: CHIPS.negative, neutral: [], positive: CHIPS.positive } : CHIPS,
    comment: chance(r, 0.8) ? { enabled: true, maxLength: pick(r, [200, 1000]) } : { enabled: false, maxLength: 1000 },
    lostTime: chance(r, 0.4)
      ? [
          { id: 'none', minutes: 0 },
          { id: 'under-1h', minutes: 30 },
          { id: '1-4h', minutes: 150 },
          { id: 'over-1d', minutes: 960 },
        ]
      : null,
  };
}

function waypointFor(r: Rand, kind: WaypointKind): ModelPlan['waypoint'] {
  switch (kind) {
    case 'status-changed':
      return {
        kind,
        toStatuses: chance(r, 0.7) ? ['Waiting for customer'] : ['Waiting for customer', 'Pending'],
      };
    case 'reassigned':
      return { kind, fromNth: pick(r, [1, 1, 2]) };
    case 'idle':
      return { kind, hours: pick(r, [4, 8, 12]) };
    case 'long-running':
      return { kind, hours: pick(r, [24, 48]) };
    default:
      return { kind };
  }
}

const QUESTION_OF: Readonly<Record<WaypointKind, readonly QuestionKind[]>> = {
  created: ['emoji5', 'thumbs'],
  'first-response': ['csat5', 'ces7'],
  'status-changed': ['thumbs', 'emoji5'],
  reassigned: ['thumbs', 'ces7'],
  idle: ['emoji5', 'csat5'],
  'long-running': ['happiness10', 'emoji5'],
  reopened: ['csat5', 'thumbs'],
  resolved: ['csat5', 'happiness10'],
  manual: ['csat5', 'ces7'],
};

function planFor(r: Rand, kind: WaypointKind, n: number): ModelPlan {
  const id = `${kind}-${n}`;
  const expiryHours = pick(r, [12, 24, 48, 72]);
  const reminder = chance(r, 0.4)
    ? pick(
        r,
        [6, 12].filter((h) => h < expiryHours),
      )
    : undefined;
  const scopeRoll = r();
  return {
    id,
    name: `Plan ${id}`,
    enabled: chance(r, 0.93),
    scope:
      scopeRoll < 0.7
        ? ANY_SCOPE
        : scopeRoll < 0.85
          ? { ...ANY_SCOPE, projects: ['IT'] }
          : scopeRoll < 0.93
            ? { ...ANY_SCOPE, priorities: ['High', 'Medium'] }
            : { ...ANY_SCOPE, requestTypes: ['Get IT help', 'Payroll question'] },
    waypoint: waypointFor(r, kind),
    question: questionFor(r, pick(r, QUESTION_OF[kind]), id),
    oneClick: chance(r, 0.35),
    fatigue: {
      samplingPercent: chance(r, 0.05) ? 0 : 100,
      cooldownHours: pick(r, [0, 0, 2, 4, 24]),
      maxAsksPerTicket: pick(r, [1, 2, 3, 5]),
      noNewAskWhilePending: chance(r, 0.75),
      expiryHours,
      reminderAfterHours: reminder ?? null,
    },
  };
}

const DEFAULTS = [
  ['csat', 0.8, 0.5, 0.9, 0.8],
  ['sentiment', 0.2, 0.6, 0.9, 0.85],
  ['sla', 0.4, 0.7, 0.95, 0.9],
  ['reopen', 0.2, 0.8, 0.97, 0.95],
  ['reassign', 0.2, 0.6, 0.9, 0.9],
  ['wait', 0.2, 0.5, 0.9, 0.85],
  ['chaser', 0, 0.7, 0.95, 0.9],
] as const;

function xlaFor(r: Rand, id: string, name: string, scoped: boolean): ModelXla {
  const indicators = DEFAULTS.filter(([i]) => !scoped || i === 'csat' || chance(r, 0.6)).map(
    ([i, weight, floor, target, prior]) => ({
      id: i,
      weight: i === 'chaser' ? pick(r, [0, 0.1]) : i === 'csat' ? pick(r, [0.8, 0.6]) : weight,
      floor,
      target,
      prior,
    }),
  );
  return {
    id,
    name,
    scope: scoped
      ? pick(r, [
          { ...ANY_SCOPE, projects: ['IT' as const] },
          { ...ANY_SCOPE, priorities: ['High' as const] },
        ])
      : ANY_SCOPE,
    indicators,
    targetScore: pick(r, [70, 80]),
    minSample: pick(r, [2, 5]),
    halfLifeDays: pick(r, [30, 14]),
    strength: pick(r, [10, 5, 0]),
    waitThresholdHours: pick(r, [24, 8]),
    csatSource: pick(r, [
      { waypoints: [], midFlightOnly: false },
      { waypoints: [], midFlightOnly: true },
      { waypoints: ['resolved' as const, 'manual' as const], midFlightOnly: false },
    ]),
    slaNames: chance(r, 0.25) ? ['Time to first response'] : [],
  };
}

// --- journeys -----------------------------------------------------------------------------------

interface Draft {
  readonly spec: TicketSpec;
  readonly tone: Tone;
  readonly groups: Array<{ slot: number; actions: TicketAction[]; trigger: number | null; reordering: Reordering }>;
}

function requesterText(r: Rand, tone: Tone): string {
  if (tone === 'silent') return pick(r, COMMENTS.unscorable);
  if (tone === 'happy') return pick(r, COMMENTS.happy);
  return chance(r, 0.4) ? pick(r, COMMENTS.chasers) : pick(r, COMMENTS.unhappy);
}

let commentSeq = 0;

/** One ticket's life: raised, then 3–6 groups of changes a few hours apart. */
function journey(r: Rand, ref: string, start: number, nextReordering: (kind: string | null) => Reordering): Draft {
  const project: ProjectKey = chance(r, 0.7) ? 'IT' : 'HR';
  const spec: TicketSpec = {
    ref,
    project,
    requestType: pick(r, REQUEST_TYPES[project]),
    priority: pick(r, PRIORITIES),
    reporter: `c${int(r, 0, 9)}`,
    firstResponseGoalMin: pick(r, [30, 60, 240]),
    resolutionGoalMin: pick(r, [240, 480, 1440, 2880]),
  };
  const tone: Tone = pick(r, ['happy', 'happy', 'unhappy', 'unhappy', 'silent']);
  const agent = (): Agent => `a${int(r, 0, AGENTS - 1)}`;
  const participants: Customer[] = [];
  const requesterComments: string[] = [];
  const groups: Draft['groups'] = [];
  let assignee: Agent | null = null;
  let done = false;
  let status: StatusName = 'Waiting for support';
  let slot = start;

  const noise = (at: number): TicketAction[] => {
    const out: TicketAction[] = [];
    const n = int(r, 0, 2);
    for (let i = 0; i < n; i++) {
      const t = at + (i + 1) * 7_000;
      const roll = r();
      if (roll < 0.4) {
        const comment = `k${++commentSeq}`;
        requesterComments.push(comment);
        out.push({
          kind: 'comment',
          at: t,
          ref,
          comment,
          author: spec.reporter,
          public: true,
          text: requesterText(r, tone),
        });
      } else if (roll < 0.55 && participants.length === 0) {
        const who: Customer = `c${int(r, 10, 13)}`;
        participants.push(who);
        out.push({ kind: 'participant', at: t, ref, who });
      } else if (roll < 0.7 && participants.length > 0) {
        const comment = `k${++commentSeq}`;
        requesterComments.push(comment);
        out.push({
          kind: 'comment',
          at: t,
          ref,
          comment,
          author: participants[0]!,
          public: true,
          text: requesterText(r, tone),
        });
      } else if (roll < 0.85) {
        out.push({
          kind: 'comment',
          at: t,
          ref,
          comment: `k${++commentSeq}`,
          author: agent(),
          public: false,
          text: pick(r, AGENT_COMMENTS),
        });
      } else if (requesterComments.length > 0) {
        out.push({ kind: 'edit', at: t, ref, comment: pick(r, requesterComments), text: requesterText(r, tone) });
      }
    }
    return out;
  };

  // Raised, perhaps with a comment at once (the case where "created" arrives after the comment).
  const first = noise(slot);
  groups.push({
    slot,
    actions: [{ kind: 'create', at: slot, ticket: spec }, ...first],
    trigger: 0,
    reordering: nextReordering('create'),
  });

  const steps = int(r, 3, 6);
  for (let i = 0; i < steps; i++) {
    // Tickets change in waves (every WAVE); a ticket takes part in each later wave with probability 0.3.
    slot += WAVE;
    while (!chance(r, 0.3)) slot += WAVE;
    const at = slot;
    let trigger: TicketAction | null = null;
    let dealKey: string | null = null;
    const roll = r();
    if (done) {
      if (roll < 0.5) {
        trigger = { kind: 'status', at, ref, to: 'In Progress', actor: agent() };
        status = 'In Progress';
        done = false;
      }
    } else if (roll < 0.22) {
      trigger = {
        kind: 'comment',
        at,
        ref,
        comment: `k${++commentSeq}`,
        author: assignee ?? agent(),
        public: true,
        text: pick(r, AGENT_COMMENTS),
      };
    } else if (roll < 0.44) {
      // Jira records no change when a ticket "moves" to the status it is in.
      const choices: StatusName[] = ['Waiting for customer', 'In Progress', 'Pending', 'Waiting for customer'];
      const to = pick(
        r,
        choices.filter((s) => s !== status),
      );
      trigger = { kind: 'status', at, ref, to, actor: agent() };
      status = to;
    } else if (roll < 0.7) {
      const others = Array.from({ length: AGENTS }, (_, k): Agent => `a${k}`).filter((a) => a !== assignee);
      const to = pick(r, others);
      trigger = { kind: 'assign', at, ref, to, actor: agent() };
      dealKey = assignee === null ? 'first-assignment' : 'reassignment';
      assignee = to;
    } else if (roll < 0.9 || i === steps - 1) {
      status = pick(r, ['Resolved', 'Resolved', 'Closed'] as const);
      trigger = { kind: 'status', at, ref, to: status, actor: agent() };
      done = true;
    }
    const around = noise(at);
    const actions: TicketAction[] = [];
    let triggerIndex: number | null = null;
    // The trigger sits anywhere among the noise, seconds apart.
    const before = trigger === null ? 0 : int(r, 0, around.length);
    around.forEach((a, k) => {
      if (trigger !== null && k === before) {
        triggerIndex = actions.length;
        actions.push(trigger);
      }
      actions.push({ ...a, at: at + (actions.length + 1) * 7_000 });
    });
    if (trigger !== null && triggerIndex === null) {
      triggerIndex = actions.length;
      actions.push({ ...trigger, at: at + (actions.length + 1) * 7_000 });
    }
    if (actions.length === 0) continue;
    groups.push({
      slot,
      actions: retime(actions, at),
      trigger: triggerIndex,
      reordering: nextReordering(dealKey ?? (triggerIndex === null ? null : (actions[triggerIndex]?.kind ?? null))),
    });
  }
  return { spec, tone, groups };
}

/** Keeps the group's actions in order, 7 s apart from its slot. */
function retime(actions: TicketAction[], at: number): TicketAction[] {
  return actions.map((a, i) => ({ ...a, at: at + i * 7_000 }) as TicketAction);
}

// --- answers ------------------------------------------------------------------------------------

function answerFor(r: Rand, ask: ExpectedAsk, tone: Tone): AnswerInput {
  const q = ask.question;
  const { min, max } = scaleOf(q.kind);
  const happy = tone === 'happy' ? 0.8 : tone === 'unhappy' ? 0.2 : 0.5;
  const score = chance(r, happy) ? max - int(r, 0, Math.min(1, max - min)) : min + int(r, 0, Math.min(2, max - min));
  const chips = q.chips[band(q.kind, score)];
  const answer: AnswerInput = {
    score,
    reasons: chips.length > 0 && chance(r, 0.6) ? [pick(r, chips)] : [],
    comment:
      q.comment.enabled && chance(r, 0.4)
        ? pick(r, ['Thanks for the help.', 'It took far too long.', '  ', '=cmd|calc'])
        : null,
    lostTimeChoiceId: q.lostTime !== null && chance(r, 0.6) ? pick(r, q.lostTime).id : null,
  };
  // Now and then an answer the survey cannot take: the app must refuse it and change nothing.
  const wrong = r();
  if (wrong < 0.04) return { ...answer, score: max + 1 };
  if (wrong < 0.07) return { ...answer, reasons: ['Not a chip'] };
  if (wrong < 0.09 && !q.comment.enabled) return { ...answer, comment: 'A comment the survey does not take' };
  if (wrong < 0.11 && q.lostTime === null) return { ...answer, lostTimeChoiceId: 'none' };
  return answer;
}

// --- the history --------------------------------------------------------------------------------

export interface Generated {
  readonly history: History;
  /** Seeds skipped because the model could not decide them. */
  readonly skipped: number;
}

const PROFILES: readonly Omit<DeliveryProfile, 'concurrency'>[] = [
  { faults: 'none', faultRate: 0 },
  { faults: 'kvs', faultRate: 0.3 },
  { faults: 'jira', faultRate: 0.3 },
  { faults: 'kvs-and-jira', faultRate: 0.25 },
  { faults: 'timeouts', faultRate: 0.04 },
];

/**
 * History `index` of a run: its plans lead with waypoint kinds chosen so that every kind comes
 * first in some history; reorderings are dealt round-robin so each group's order is varied.
 */
export function generateHistory(index: number, baseSeed: number, options: { crash?: boolean } = {}): Generated {
  for (let attempt = 0; ; attempt++) {
    const seed = baseSeed + index * 1000 + attempt;
    try {
      return { history: build(index, seed, options.crash === true), skipped: attempt };
    } catch (e) {
      if (!(e instanceof Ambiguous) || attempt > 50) throw e;
    }
  }
}

function build(index: number, seed: number, crash: boolean): History {
  const r = prng(seed);
  commentSeq = 0;
  // Three kinds lead, rotating with the index, so each kind leads in a third of the histories.
  const leading = [index, index * 4 + 3, index * 2 + 5].map((n) => WAYPOINTS[n % WAYPOINTS.length] as WaypointKind);
  const kinds = [...new Set([...leading, ...WAYPOINTS.filter(() => chance(r, 0.3))])].slice(0, 5);
  const plans = kinds.map((k, i) => planFor(r, k, i));
  const xlas = [xlaFor(r, 'experience', 'People get back to work fast', false)];
  if (chance(r, 0.5)) xlas.push(xlaFor(r, 'looked-after', 'Requesters feel looked after', true));

  // Each kind of change meets the reorderings in turn (from an offset per history), so every
  // waypoint kind meets every reordering within a few histories.
  const dealt = new Map<string, number>();
  const nextReordering = (kind: string | null): Reordering => {
    const k = kind ?? 'none';
    const n = dealt.get(k) ?? index * 2;
    dealt.set(k, n + 1);
    return REORDERINGS[n % REORDERINGS.length] as Reordering;
  };
  const drafts: Draft[] = [];
  const tickets = int(r, 5, 8);
  for (let i = 0; i < tickets; i++) {
    // Raised within a few hours of each other, so bursts hold several tickets at once.
    const start = T0 + int(r, 0, 6) * WAVE;
    drafts.push(journey(r, `t${i + 1}`, start, nextReordering));
  }
  separateRequesters(drafts);

  // Time-ordered plan of work: bursts by slot, then each ticket's portal visits and agent asks.
  type Work =
    | { at: number; kind: 'slot'; slot: number }
    | { at: number; kind: 'visit'; draft: Draft; who: 'requester' | 'participant' | 'one-click' }
    | { at: number; kind: 'manual'; draft: Draft }
    | { at: number; kind: 'tick' }
    | { at: number; kind: 'change-plan' | 'change-xla' };
  const work: Work[] = [];
  const slots = [...new Set(drafts.flatMap((d) => d.groups.map((g) => g.slot)))];
  for (const slot of slots) work.push({ at: slot + pick(r, DELIVERY_LAGS), kind: 'slot', slot });
  let visitSeq = 0;
  for (const d of drafts)
    for (const g of d.groups) {
      const roll = r();
      const at = g.slot + 15 * MINUTE + (visitSeq++ % 10) * 1_000;
      if (roll < 0.45) work.push({ at, kind: 'visit', draft: d, who: 'requester' });
      else if (roll < 0.55) work.push({ at, kind: 'visit', draft: d, who: 'one-click' });
      else if (roll < 0.6) work.push({ at, kind: 'visit', draft: d, who: 'participant' });
      else if (roll < 0.75 && plans.some((p) => p.waypoint.kind === 'manual'))
        work.push({ at: at + 20 * MINUTE, kind: 'manual', draft: d });
    }
  const lastSlot = Math.max(...slots);
  const end = lastSlot + 12 * HOUR;
  for (let t = T0 + TICK_EVERY - 15 * MINUTE; t < end; t += TICK_EVERY) work.push({ at: t, kind: 'tick' });
  const middle = T0 + Math.floor((lastSlot - T0) / 2 / HOUR) * HOUR + 50 * MINUTE;
  work.push({ at: middle, kind: 'change-plan' });
  work.push({ at: middle + 2 * MINUTE, kind: 'change-xla' });
  work.sort((a, b) => a.at - b.at);

  const profile: DeliveryProfile = {
    concurrency: 1 + (index % 8),
    ...(PROFILES[index % PROFILES.length] as Omit<DeliveryProfile, 'concurrency'>),
  };
  const base: History = {
    name: `history ${index} (seed ${seed})`,
    seed,
    xlas,
    plans,
    steps: [],
    end,
    delivery: profile,
  };
  const model = new ReferenceModel(base);
  const steps: Step[] = [];
  const push = (step: Step): void => {
    model.advance(step);
    steps.push(step);
  };
  for (const w of work) {
    switch (w.kind) {
      case 'slot': {
        const groups: Group[] = drafts.flatMap((d) =>
          d.groups
            .filter((g) => g.slot === w.slot)
            .map((g) => ({ ref: d.spec.ref, actions: g.actions, trigger: g.trigger, reordering: g.reordering })),
        );
        push({ kind: 'burst', deliverAt: w.at, groups, crash: false });
        break;
      }
      case 'visit': {
        const ref = w.draft.spec.ref;
        if (w.who === 'one-click') {
          const linked = model.linkedAskOf(ref);
          if (linked === null) break;
          const { min, max } = scaleOf(linked.question.kind);
          push({ kind: 'one-click', at: w.at, ref, score: int(r, min, max) });
        } else if (w.who === 'participant') {
          // Someone the requester added to the request (before this visit) opens its portal page.
          const who = w.draft.groups.flatMap((g) => g.actions).find((a) => a.kind === 'participant' && a.at < w.at);
          const live = model.liveAskOf(ref, w.at);
          if (who?.kind !== 'participant' || live === null) break;
          push({ kind: 'portal-answer', at: w.at, ref, who: who.who, answer: answerFor(r, live, w.draft.tone) });
        } else {
          const live = model.liveAskOf(ref, w.at);
          const answer: AnswerInput =
            live === null
              ? { score: 3, reasons: [], comment: null, lostTimeChoiceId: null }
              : answerFor(r, live, w.draft.tone);
          push({ kind: 'portal-answer', at: w.at, ref, who: w.draft.spec.reporter, answer });
        }
        break;
      }
      case 'manual': {
        const manual = model.currentPlans().filter((p) => p.waypoint.kind === 'manual');
        if (manual.length === 0) break;
        push({
          kind: 'manual',
          at: w.at,
          ref: w.draft.spec.ref,
          agent: `a${int(r, 0, AGENTS - 1)}`,
          planId: pick(r, manual).id,
        });
        break;
      }
      case 'tick':
        push({ kind: 'tick', at: w.at });
        break;
      case 'change-plan': {
        const plan = pick(r, model.currentPlans());
        const changed: ModelPlan = chance(r, 0.4)
          ? { ...plan, enabled: !plan.enabled }
          : {
              ...plan,
              fatigue: { ...plan.fatigue, cooldownHours: pick(r, [0, 1, 6]), maxAsksPerTicket: pick(r, [2, 4]) },
            };
        push({ kind: 'save-plan', at: w.at, plan: changed });
        break;
      }
      case 'change-xla': {
        const xla = pick(r, model.currentXlas());
        push({
          kind: 'save-xla',
          at: w.at,
          xla: {
            ...xla,
            waitThresholdHours: pick(r, [8, 24, 48]),
            csatSource: pick(r, [
              { waypoints: [], midFlightOnly: false },
              { waypoints: [], midFlightOnly: true },
            ]),
            indicators: xla.indicators.map((i) => (i.id === 'sentiment' ? { ...i, weight: pick(r, [0.2, 0.5]) } : i)),
          },
        });
        break;
      }
    }
  }
  // The busiest burst is the one a killed process was delivering.
  if (crash) {
    const size = (s: Step): number => (s.kind === 'burst' ? s.groups.reduce((n, g) => n + g.actions.length, 0) : 0);
    const busiest = steps.reduce((best, s, i) => (size(s) > size(steps[best] as Step) ? i : best), 0);
    const chosen = steps[busiest];
    if (chosen?.kind === 'burst') steps[busiest] = { ...chosen, crash: true };
  }
  const history: History = { ...base, steps };
  // The whole history once more from the start: the model must not depend on how it was built.
  const expected = new ReferenceModel(history).run();
  if (new ReferenceModel(history).siteEffectiveN(end) >= 29) throw new Ambiguous('the site-wide prior would apply');
  const perTicket = new Map<string, number>();
  for (const d of expected.decisions) perTicket.set(d.ref, (perTicket.get(d.ref) ?? 0) + 1);
  if ([...perTicket.values()].some((n) => n > 15))
    throw new Ambiguous('more plan decisions on a ticket than the app keeps');
  return history;
}

/** One burst holds at most one group per requester: a clash moves the later ticket's group on. */
function separateRequesters(drafts: Draft[]): void {
  for (let moved = true; moved;) {
    moved = false;
    const taken = new Map<string, string>();
    const all = drafts
      .flatMap((d) => d.groups.map((g, i) => ({ d, g, i })))
      .sort((a, b) => a.g.slot - b.g.slot || a.d.spec.ref.localeCompare(b.d.spec.ref));
    for (const { d, g, i } of all) {
      const key = `${g.slot}|${d.spec.reporter}`;
      const owner = taken.get(key);
      if (owner === undefined || owner === d.spec.ref) {
        taken.set(key, d.spec.ref);
        continue;
      }
      for (const later of d.groups.slice(i)) {
        const shift = SLOT;
        later.slot += shift;
        later.actions = later.actions.map((a) => ({ ...a, at: a.at + shift }) as TicketAction);
        if (later.actions[0]?.kind === 'create') {
          const create = later.actions[0];
          later.actions[0] = { ...create, ticket: d.spec };
        }
      }
      moved = true;
      break;
    }
  }
}
