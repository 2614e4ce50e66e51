import type { LifecycleEvent, StatusRef } from '../../../src/domain/lifecycle-event';
import { SurveyPlanSchema, type SurveyPlan, type SurveyPlanInput } from '../../../src/domain/survey-plan';
import { HOUR_MS } from '../../../src/domain/time';
import {
  evaluateSurveyPlans,
  seededRandom,
  type PlanDecision,
  type RequesterHistory,
  type SurveyEvaluation,
  type SurveyTrigger,
  type TicketSurveyState,
} from '../../../src/domain/survey';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const hours = (h: number): number => h * HOUR_MS;

type WaypointInput = SurveyPlanInput['waypoint'];

/** A valid plan through the real schema, so defaults are the ones an admin gets. */
export function aPlan(overrides: Partial<SurveyPlanInput> & { waypoint?: WaypointInput } = {}): SurveyPlan {
  return SurveyPlanSchema.parse({
    id: 'after-first-response',
    name: 'After first response',
    waypoint: { kind: 'first-response' },
    question: { kind: 'csat5', text: 'How are we doing so far?' },
    ...overrides,
  });
}

/** A plan with every fatigue rule out of the way, so a test can switch on the one it is about. */
export function anOpenPlan(waypoint: WaypointInput, overrides: Partial<SurveyPlanInput> = {}): SurveyPlan {
  return aPlan({
    id: `plan-${waypoint.kind}`,
    name: `Plan at ${waypoint.kind}`,
    waypoint,
    fatigue: {
      samplingPercent: 100,
      cooldownHours: 0,
      maxAsksPerTicket: 20,
      noNewAskWhilePending: false,
      expiryHours: 72,
      reminder: { enabled: true, afterHours: 24 },
    },
    ...overrides,
  });
}

export function aTicket(overrides: Partial<TicketSurveyState> = {}): TicketSurveyState {
  return {
    ticketId: '10001',
    issueKey: 'HELP-1',
    projectId: '10000',
    requestTypeId: 'rt-laptop',
    priority: 'High',
    reporterId: 'customer-1',
    statusCategory: 'indeterminate',
    createdAt: T0,
    lastPublicAgentActivityAt: null,
    hadPublicAgentComment: false,
    wasAssigned: true,
    reassignCount: 0,
    asks: [],
    ...overrides,
  };
}

export const STATUS = {
  open: { id: '1', name: 'Open', category: 'new' },
  inProgress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  waitingForCustomer: { id: '10010', name: 'Waiting for customer', category: 'indeterminate' },
  resolved: { id: '5', name: 'Resolved', category: 'done' },
} as const satisfies Record<string, StatusRef>;

const base = (key: string, at: number) => ({
  key,
  issueId: '10001',
  issueKey: 'HELP-1',
  projectId: '10000',
  at,
  actorId: 'agent-1',
});

export const events = {
  created: (at = T0): LifecycleEvent => ({
    ...base('10001:created', at),
    type: 'created',
    reporterId: 'customer-1',
    requestTypeId: 'rt-laptop',
    priority: 'High',
    status: STATUS.open,
    assigneeId: null,
  }),
  statusChanged: (to: StatusRef, changelogId = '501', at = T0): LifecycleEvent => ({
    ...base(`10001:${changelogId}`, at),
    type: 'status-changed',
    from: STATUS.inProgress,
    to,
  }),
  reassigned: (changelogId = '601', at = T0): LifecycleEvent => ({
    ...base(`10001:${changelogId}`, at),
    type: 'reassigned',
    fromAssigneeId: 'agent-1',
    toAssigneeId: 'agent-2',
  }),
  agentComment: (isPublic: boolean, commentId = '701', at = T0): LifecycleEvent => ({
    ...base(`10001:c${commentId}`, at),
    type: 'agent-comment',
    commentId,
    public: isPublic,
  }),
  requesterComment: (commentId = '801', at = T0): LifecycleEvent => ({
    ...base(`10001:c${commentId}`, at),
    type: 'requester-comment',
    commentId,
    public: true,
    text: 'any news?',
    version: 1,
  }),
  resolved: (changelogId = '901', at = T0): LifecycleEvent => ({
    ...base(`10001:${changelogId}`, at),
    type: 'resolved',
    resolution: 'Done',
  }),
  reopened: (changelogId = '902', at = T0): LifecycleEvent => ({
    ...base(`10001:${changelogId}`, at),
    type: 'reopened',
    to: STATUS.inProgress,
  }),
};

export const onEvent = (event: LifecycleEvent): SurveyTrigger => ({ kind: 'event', event });
export const TICK: SurveyTrigger = { kind: 'tick' };

export interface Run {
  readonly trigger: SurveyTrigger;
  readonly plans: readonly SurveyPlan[];
  readonly ticket?: TicketSurveyState;
  readonly history?: RequesterHistory;
  readonly now?: number;
  readonly seed?: string;
}

export function run(r: Run): SurveyEvaluation {
  return evaluateSurveyPlans({
    trigger: r.trigger,
    plans: r.plans,
    ticket: r.ticket ?? aTicket(),
    history: r.history ?? { lastAskedAt: null },
    now: r.now ?? T0 + hours(1),
    random: seededRandom(r.seed ?? 'test'),
  });
}

/** The one plan's decision when a test evaluates a single plan. */
export function decide(
  plan: SurveyPlan,
  trigger: SurveyTrigger,
  rest: Omit<Run, 'trigger' | 'plans'> = {},
): PlanDecision {
  const [decision] = run({ ...rest, trigger, plans: [plan] }).decisions;
  if (!decision) throw new Error('no decision returned');
  return decision;
}
