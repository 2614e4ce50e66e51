import { z } from 'zod';
import { QuestionKindSchema } from '../domain/question';

// Its own module so that the project page's contract can name it without loading the agent
// panel's (and, through it, the survey plan's schemas, which the project page never parses).
export const RiskLevelSchema = z.enum(['low', 'medium', 'high']);
/**
 * One reason a ticket is at risk: `text` is the English sentence; `facts` (sent by current servers)
 * let a view word it in the reader's language. The agent panel and the project page show the same.
 */
export const RiskReasonViewSchema = z.object({
  code: z.string(),
  text: z.string(),
  facts: z
    .object({
      answer: z.object({ kind: QuestionKindSchema, score: z.number() }).optional(),
      slas: z.array(z.string()).optional(),
      mood: z.number().optional(),
      count: z.number().int().optional(),
      waitedHours: z.number().optional(),
      limitHours: z.number().optional(),
    })
    .optional(),
});
export type RiskReasonView = z.infer<typeof RiskReasonViewSchema>;
