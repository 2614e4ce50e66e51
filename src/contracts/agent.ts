import { z } from 'zod';
import { AskStatusSchema } from '../domain/ask';
import { INDICATOR_IDS } from '../domain/indicator';
import { QuestionKindSchema } from '../domain/question';
import { PlanDecisionSummarySchema, RefusalFactsSchema } from '../domain/survey/decision-summary';
import { WAYPOINT_KINDS } from '../domain/waypoint';
import { resolverContract } from './resolver';
import { RiskLevelSchema, RiskReasonViewSchema } from './risk';

export { RiskLevelSchema, RiskReasonViewSchema, type RiskReasonView } from './risk';

export const RiskViewSchema = z.object({
  level: RiskLevelSchema,
  score: z.number(),
  reasons: z.array(RiskReasonViewSchema),
});
export type RiskView = z.infer<typeof RiskViewSchema>;

export const MoodLabelSchema = z.enum(['negative', 'neutral', 'positive', 'unknown']);

export const TimelineEntrySchema = z.object({
  id: z.string(),
  at: z.number().int(),
  kind: z.enum([
    'answer',
    'comment-sentiment',
    'chaser',
    'sla-breached',
    'reopened',
    'reassigned',
    'ask-created',
    'ask-expired',
    'follow-up',
  ]),
  /** The title in English; `says` (sent by current servers) is what it says, for the panel to word. */
  title: z.string(),
  says: z
    .discriminatedUnion('title', [
      z.object({ title: z.literal('answer'), questionKind: QuestionKindSchema, score: z.number() }),
      z.object({ title: z.enum(['comment', 'negative-comment', 'comment-not-scored', 'chaser', 'negative-chaser']) }),
      z.object({ title: z.literal('sla-breached'), slaName: z.string() }),
      z.object({ title: z.literal('reopened') }),
      z.object({ title: z.literal('reassigned'), count: z.number().int() }),
    ])
    .optional(),
  detail: z.string().nullable(),
  tone: z.enum(['good', 'bad', 'neutral']),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const AskSummarySchema = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  waypoint: z.enum(WAYPOINT_KINDS),
  status: AskStatusSchema,
  questionKind: QuestionKindSchema,
  questionText: z.string(),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  score: z.number().int().nullable(),
  midFlight: z.boolean(),
});
export type AskSummary = z.infer<typeof AskSummarySchema>;

export const PlanDecisionViewSchema = PlanDecisionSummarySchema;

/**
 * A plan the agent may ask with "ask for feedback now": enabled, `manual` waypoint, the ticket in
 * its scope. `refusal` says which fatigue rule would refuse an ask now (null: it would ask; a
 * sampling draw below 100 % still decides when the ask is made).
 */
export const ManualPlanViewSchema = z.object({
  planId: z.string(),
  planName: z.string(),
  refusal: z.object({ reason: z.string(), message: z.string(), facts: RefusalFactsSchema.optional() }).nullable(),
});
export type ManualPlanView = z.infer<typeof ManualPlanViewSchema>;

/** One SLA as JSM computes it at the panel's read; `remainingMs` negative: overdue by that much. */
export const SlaStandingViewSchema = z.object({
  name: z.string(),
  state: z.enum(['breached', 'at-risk', 'on-track', 'paused', 'met']),
  remainingMs: z.number().int().nullable(),
  breachedBefore: z.boolean(),
});
export type SlaStandingView = z.infer<typeof SlaStandingViewSchema>;

/** The live SLA read: worst SLA first, or that Jira could not be asked (the rest of the panel stands). */
export const SlaReadingViewSchema = z.discriminatedUnion('read', [
  z.object({
    read: z.literal('read'),
    slas: z.array(SlaStandingViewSchema),
    /** Jira has more SLAs than the panel read (LIVE_SLA_MAX_PAGES): `slas` are the first ones. */
    more: z.boolean().optional(),
  }),
  z.object({ read: z.literal('failed') }),
]);
export type SlaReadingView = z.infer<typeof SlaReadingViewSchema>;

export const TicketExperienceViewSchema = z.object({
  issueKey: z.string(),
  mood: z.number().nullable(),
  moodLabel: MoodLabelSchema,
  /** Mood after each scored requester comment, oldest first (the sparkline). */
  moodTrajectory: z.array(z.object({ at: z.number().int(), mood: z.number() })),
  risk: RiskViewSchema,
  timeline: z.array(TimelineEntrySchema),
  indicators: z.array(
    z.object({ id: z.enum(INDICATOR_IDS), state: z.enum(['good', 'bad', 'missing']), detail: z.string() }),
  ),
  asks: z.array(AskSummarySchema),
  planDecisions: z.array(PlanDecisionViewSchema),
  manualPlans: z.array(ManualPlanViewSchema),
  lastScore: z.object({ kind: QuestionKindSchema, score: z.number().int(), normalised: z.number() }).nullable(),
  followUp: z
    .object({ needed: z.boolean(), doneAt: z.number().int().nullable(), doneBy: z.string().nullable() })
    .nullable(),
  sla: SlaReadingViewSchema,
});
export type TicketExperienceView = z.infer<typeof TicketExperienceViewSchema>;

const empty = z.object({}).strict();

/** The issue comes from the Forge context of the issue view, never from the payload. */
export const getTicketExperience = resolverContract('getTicketExperience', empty, TicketExperienceViewSchema);

export const askNow = resolverContract(
  'askNow',
  z.object({ planId: z.string().min(1).max(64).optional() }).strict(),
  z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('asked'), ask: AskSummarySchema }),
    z.object({
      outcome: z.literal('refused'),
      reason: z.string(),
      message: z.string(),
      facts: RefusalFactsSchema.optional(),
    }),
  ]),
);

export const markFollowUpDone = resolverContract(
  'markFollowUpDone',
  z.object({ note: z.string().trim().max(500).optional() }).strict(),
  z.object({
    followUp: z.object({ needed: z.boolean(), doneAt: z.number().int().nullable(), doneBy: z.string().nullable() }),
  }),
);

export const agentResolvers = { getTicketExperience, askNow, markFollowUpDone } as const;
