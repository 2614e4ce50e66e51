import { z } from 'zod';

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
  at: z.number().int(),
});
export type PlanDecisionSummary = z.infer<typeof PlanDecisionSummarySchema>;
