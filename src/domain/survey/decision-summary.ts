import { z } from 'zod';

/**
 * The figures a fatigue refusal's sentence is made of, so a view can word it in the reader's
 * language: the asks so far and the plan's limit, when the requester was last asked and the
 * plan's wait between asks, or the plan's sampling share.
 */
export const RefusalFactsSchema = z.object({
  asked: z.number().int().min(0).optional(),
  allowed: z.number().int().min(0).optional(),
  lastAskedAt: z.number().int().optional(),
  cooldownHours: z.number().min(0).optional(),
  samplingPercent: z.number().min(0).max(100).optional(),
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
