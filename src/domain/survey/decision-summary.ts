import { z } from 'zod';
import { WAYPOINT_KINDS } from '../waypoint';

/**
 * Why a trigger did not reach a plan's waypoint, as a stable code a view words in the reader's
 * language (src/domain/survey/waypoint-match.ts keeps the English beside it for logs).
 */
export const WAYPOINT_MISS_CODES = [
  'wrong-trigger',
  'ticket-done',
  'open-less-than',
  'agent-active-within',
  'internal-comment',
  'already-responded',
  'status-not-listed',
  'first-assignment',
  'unassigned',
  'before-nth-reassignment',
] as const;
export type WaypointMissCode = (typeof WAYPOINT_MISS_CODES)[number];

/** What happened on the ticket, as a miss names it: a lifecycle event's type, the scheduled check, or an agent's request. */
export const TRIGGER_KINDS = [
  'created',
  'status-changed',
  'reassigned',
  'resolved',
  'reopened',
  'agent-comment',
  'requester-comment',
  'deleted',
  'tick',
  'manual',
] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/**
 * The figures a refusal's sentence is made of, so a view can word it in the reader's language: the
 * asks so far and the plan's limit, when the requester was last asked and the plan's wait between
 * asks, or the plan's sampling share (fatigue); or, for a waypoint the trigger did not reach, the
 * miss's code with the waypoint, the trigger, the waypoint's hours, the new status's name, or which
 * reassignment this is and from which one the plan asks.
 */
export const RefusalFactsSchema = z.object({
  asked: z.number().int().min(0).optional(),
  allowed: z.number().int().min(0).optional(),
  lastAskedAt: z.number().int().optional(),
  cooldownHours: z.number().min(0).optional(),
  samplingPercent: z.number().min(0).max(100).optional(),
  miss: z.enum(WAYPOINT_MISS_CODES).optional(),
  waypoint: z.enum(WAYPOINT_KINDS).optional(),
  trigger: z.enum(TRIGGER_KINDS).optional(),
  hours: z.number().min(0).optional(),
  status: z.string().optional(),
  nth: z.number().int().min(1).optional(),
  fromNth: z.number().int().min(1).optional(),
});
export type RefusalFacts = z.infer<typeof RefusalFactsSchema>;

/**
 * One plan's decision as it is kept on the ticket and shown to the agent: whether it asked and,
 * if not, the refusal code and message (src/domain/survey/reasons.ts).
 */
export const PlanDecisionSummarySchema = z.object({
  planId: z.string(),
  planName: z.string(),
  asked: z.boolean(),
  reason: z.string(),
  message: z.string(),
  /** Absent on decisions stored before the figures were kept, and on refusals without figures. */
  facts: RefusalFactsSchema.optional(),
  at: z.number().int(),
});
export type PlanDecisionSummary = z.infer<typeof PlanDecisionSummarySchema>;
