/**
 * A scripted history: the configuration an admin sets, what happens on each ticket in Jira, and
 * what requesters, agents and the hourly job do in between — in the words of DESIGN.md, with
 * people, projects, request types, priorities and statuses named as the JSM site names them
 * (never by the ids the app stores). The reference model (model.ts) says what must come of it;
 * the runner (../support/run.ts) plays it on the local host.
 *
 * Only types may come from src/ (the model must not share beliefs with the code it checks).
 */
import type { IndicatorId } from '../../../src/domain/indicator';
import type { QuestionKind } from '../../../src/domain/question';
import type { WaypointKind } from '../../../src/domain/waypoint';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Monday 5 January 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 0, 5, 9);

/** Customers `c0`…`c13`, agents `a0`…`a3` of the local host's basic site, by position. */
export type Customer = `c${number}`;
export type Agent = `a${number}`;
export type Person = Customer | Agent;

export const CUSTOMERS = 14;
export const AGENTS = 4;

/** The JSM site's projects and request types (local/seed.ts `seedBasicSite`). */
export const REQUEST_TYPES = {
  IT: ['Get IT help', 'Report a system problem', 'Request new software', 'Request access'],
  HR: ['Onboard a new hire', 'Payroll question'],
} as const;
export type ProjectKey = keyof typeof REQUEST_TYPES;

export const PRIORITIES = ['High', 'Medium', 'Low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** The JSM service-request workflow and the category of each status (Jira's own). */
export const STATUSES = {
  'Waiting for support': 'new',
  'Waiting for customer': 'indeterminate',
  'In Progress': 'indeterminate',
  Pending: 'indeterminate',
  Resolved: 'done',
  Closed: 'done',
  Canceled: 'done',
} as const satisfies Record<string, StatusCategory>;
export type StatusName = keyof typeof STATUSES;

/** Where a new request starts. */
export const INITIAL_STATUS: StatusName = 'Waiting for support';

/**
 * Statuses in which the team waits for the requester, not the other way round: time there does
 * not count as waiting for support (SCORING.md §1 `wait`). This is the app's configuration, an
 * input of the model.
 */
export const WAITING_FOR_CUSTOMER: readonly StatusName[] = ['Waiting for customer', 'Pending'];

/** JSM's two classic SLAs the site computes (local/README.md "The JSM site"). */
export const SLA_NAMES = { firstResponse: 'Time to first response', resolution: 'Time to resolution' } as const;

// --- comments -----------------------------------------------------------------------------------

/**
 * Requester comments, each labelled by hand: `good` when its sentiment is above −0.05 (a human
 * reads it as positive or plainly factual), `bad` when it is clearly negative, `unscorable` when
 * it is empty or not English (SCORING.md §4: missing, never neutral); `chaser` when it asks for
 * progress. A ticket's requesters keep to one tone, so the mood's side of −0.05 follows from the
 * labels alone.
 */
export const COMMENTS = {
  happy: [
    'Thanks, that works now!',
    'Brilliant, thank you so much, this is great.',
    'Perfect, all sorted. Thank you!',
    'Great, thanks for the quick help.',
    'Here is the screenshot you asked for.',
  ],
  unhappy: [
    'Still broken and I cannot work. Really frustrating.',
    'This is terrible, nothing works and I have lost a whole day.',
    'I am very unhappy, the problem is back again.',
    'Awful service, I am angry.',
  ],
  chasers: ['Any update on this?', 'Still waiting for a reply, any news?', 'Please respond, any update?'],
  unscorable: ['', 'Ça ne marche toujours pas.', 'Das funktioniert immer noch nicht.'],
} as const;

export type Tone = 'happy' | 'unhappy' | 'silent';

export interface CommentLabel {
  readonly sentiment: 'good' | 'bad' | 'unscorable';
  readonly chaser: boolean;
}

export function labelOf(text: string): CommentLabel {
  if ((COMMENTS.happy as readonly string[]).includes(text)) return { sentiment: 'good', chaser: false };
  if ((COMMENTS.unhappy as readonly string[]).includes(text)) return { sentiment: 'bad', chaser: false };
  if ((COMMENTS.chasers as readonly string[]).includes(text)) return { sentiment: 'bad', chaser: true };
  if ((COMMENTS.unscorable as readonly string[]).includes(text)) return { sentiment: 'unscorable', chaser: false };
  throw new Error(`comment without a label: ${JSON.stringify(text)}`);
}

/** Agents' comments carry no sentiment (SCORING.md §4: requesters only). */
export const AGENT_COMMENTS = ['Looking into it now.', 'Could you send a screenshot, please?', 'Fixed, please check.'];

// --- configuration ------------------------------------------------------------------------------

export interface ModelScope {
  readonly projects: readonly ProjectKey[];
  readonly requestTypes: readonly string[];
  readonly priorities: readonly Priority[];
}

export const ANY_SCOPE: ModelScope = { projects: [], requestTypes: [], priorities: [] };

export type ModelWaypoint =
  | { readonly kind: 'created' | 'first-response' | 'reopened' | 'resolved' | 'manual' }
  | { readonly kind: 'status-changed'; readonly toStatuses: readonly StatusName[] }
  | { readonly kind: 'reassigned'; readonly fromNth: number }
  | { readonly kind: 'idle' | 'long-running'; readonly hours: number };

export interface ModelQuestion {
  readonly kind: QuestionKind;
  readonly text: string;
  readonly chips: {
    readonly negative: readonly string[];
    readonly neutral: readonly string[];
    readonly positive: readonly string[];
  };
  readonly comment: { readonly enabled: boolean; readonly maxLength: number };
  /** Lost-time choices with their midpoints in minutes; null when not asked. */
  readonly lostTime: readonly { readonly id: string; readonly minutes: number }[] | null;
}

export interface ModelFatigue {
  readonly samplingPercent: 0 | 100;
  readonly cooldownHours: number;
  readonly maxAsksPerTicket: number;
  readonly noNewAskWhilePending: boolean;
  readonly expiryHours: number;
  readonly reminderAfterHours: number | null;
}

export interface ModelPlan {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly scope: ModelScope;
  readonly waypoint: ModelWaypoint;
  readonly question: ModelQuestion;
  /** Also send one-click links to the requester (DESIGN.md "delivery"). */
  readonly oneClick: boolean;
  readonly fatigue: ModelFatigue;
}

export interface ModelIndicator {
  readonly id: IndicatorId;
  readonly weight: number;
  readonly floor: number;
  readonly target: number;
  readonly prior: number;
}

export interface ModelXla {
  readonly id: string;
  readonly name: string;
  readonly scope: ModelScope;
  readonly indicators: readonly ModelIndicator[];
  readonly targetScore: number;
  readonly minSample: number;
  readonly halfLifeDays: number;
  /** Fixed smoothing strength m. */
  readonly strength: number;
  readonly waitThresholdHours: number;
  readonly csatSource: { readonly waypoints: readonly WaypointKind[]; readonly midFlightOnly: boolean };
  readonly slaNames: readonly string[];
}

// --- what happens -------------------------------------------------------------------------------

export interface TicketSpec {
  readonly ref: string;
  readonly project: ProjectKey;
  readonly requestType: string;
  readonly priority: Priority;
  readonly reporter: Customer;
  /** SLA goals set on the request when it is raised, in minutes. */
  readonly firstResponseGoalMin: number;
  readonly resolutionGoalMin: number;
}

/** One change on one ticket, at a site time. */
export type TicketAction =
  | { readonly kind: 'create'; readonly at: number; readonly ticket: TicketSpec }
  | {
      readonly kind: 'comment';
      readonly at: number;
      readonly ref: string;
      /** Names the comment for a later edit, unique in the history. */
      readonly comment: string;
      readonly author: Person;
      readonly public: boolean;
      readonly text: string;
    }
  | {
      readonly kind: 'edit';
      readonly at: number;
      readonly ref: string;
      readonly comment: string;
      readonly text: string;
    }
  | {
      readonly kind: 'status';
      readonly at: number;
      readonly ref: string;
      readonly to: StatusName;
      readonly actor: Agent;
    }
  | { readonly kind: 'assign'; readonly at: number; readonly ref: string; readonly to: Agent; readonly actor: Agent }
  | { readonly kind: 'participant'; readonly at: number; readonly ref: string; readonly who: Customer };

/** How the events of one ticket's group reach the app (DESIGN.md: at least once, late, out of order). */
export const REORDERINGS = [
  'in-order',
  'reversed',
  'shuffled',
  'duplicated',
  'trigger-last',
  'trigger-first',
  'concurrent-copies',
] as const;
export type Reordering = (typeof REORDERINGS)[number];

/** A few moments of one ticket, close together, delivered as one group. */
export interface Group {
  readonly ref: string;
  readonly actions: readonly TicketAction[];
  /** Index in `actions` of the change a survey plan may answer to (at most one per group), or null. */
  readonly trigger: number | null;
  readonly reordering: Reordering;
}

export interface AnswerInput {
  readonly score: number;
  readonly reasons: readonly string[];
  readonly comment: string | null;
  readonly lostTimeChoiceId: string | null;
}

export type Step =
  /**
   * Ticket changes on several tickets within a few minutes; every event is delivered (in the
   * groups' orders, interleaved, concurrently) with the site clock at `deliverAt`, before the next
   * step. `crash`: the delivering process is killed part-way and restarted.
   */
  | { readonly kind: 'burst'; readonly deliverAt: number; readonly groups: readonly Group[]; readonly crash: boolean }
  /** The requester (or someone else) opens the portal page of the request and answers what it shows. */
  | {
      readonly kind: 'portal-answer';
      readonly at: number;
      readonly ref: string;
      readonly who: Customer;
      readonly answer: AnswerInput;
    }
  /** The requester opens the one-click link of a score for the ask they were sent; then posts the confirm form. */
  | { readonly kind: 'one-click'; readonly at: number; readonly ref: string; readonly score: number }
  /** An agent asks for feedback now with a manual plan. */
  | {
      readonly kind: 'manual';
      readonly at: number;
      readonly ref: string;
      readonly agent: Agent;
      readonly planId: string;
    }
  /** The hourly scheduled trigger runs. */
  | { readonly kind: 'tick'; readonly at: number }
  /** An admin saves a plan (added at the end of the list, or replaced in place). */
  | { readonly kind: 'save-plan'; readonly at: number; readonly plan: ModelPlan }
  /** An admin saves an XLA (its rollups are recomputed from every ticket). */
  | { readonly kind: 'save-xla'; readonly at: number; readonly xla: ModelXla };

export interface DeliveryProfile {
  /** Deliveries in flight at once. */
  readonly concurrency: number;
  /** Faults injected into first delivery attempts (never into the last one Forge allows). */
  readonly faults: 'none' | 'kvs' | 'jira' | 'kvs-and-jira' | 'timeouts';
  /** Share of first attempts that meet a fault. */
  readonly faultRate: number;
}

export interface History {
  readonly name: string;
  readonly seed: number;
  readonly xlas: readonly ModelXla[];
  readonly plans: readonly ModelPlan[];
  readonly steps: readonly Step[];
  /** When the dashboards are read. */
  readonly end: number;
  readonly delivery: DeliveryProfile;
}
