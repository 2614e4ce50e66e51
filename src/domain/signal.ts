import { z } from 'zod';
import { QuestionKindSchema } from './question';
import { WAYPOINT_KINDS } from './waypoint';

const base = {
  /** Natural id, so recording the same observation twice keeps one signal. */
  id: z.string().min(1).max(300),
  at: z.number().int(),
};

/** One observation about a ticket's experience (DESIGN.md "Signal"). */
export const SignalSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...base,
      kind: z.literal('answer'),
      askId: z.string(),
      questionKind: QuestionKindSchema,
      score: z.number().int(),
      favourable: z.boolean(),
      waypoint: z.enum(WAYPOINT_KINDS),
      midFlight: z.boolean(),
      comment: z.string().max(2000).nullable(),
      reasons: z.array(z.string().max(40)).max(8),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('comment-sentiment'),
      commentId: z.string(),
      s: z.number().min(-1).max(1),
      /** The sentences that made a comment read negative, so the agent sees why. */
      negativeSentences: z.array(z.string().max(300)).max(5),
      /** Why the comment reads frustrated, in words ("waiting for 3 days", "says it is not fixed"). */
      frustrationReasons: z.array(z.string().max(80)).max(3).default([]),
    })
    .strict(),
  z
    .object({
      ...base,
      /** A requester comment the English scorer cannot read: no tone, never neutral (SCORING.md §4). */
      kind: z.literal('comment-not-scored'),
      commentId: z.string(),
      reason: z.literal('language'),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('chaser'), commentId: z.string(), excerpt: z.string().max(300) }).strict(),
  z.object({ ...base, kind: z.literal('sla-breached'), slaName: z.string().max(120) }).strict(),
  z.object({ ...base, kind: z.literal('reopened') }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('reassigned'),
      fromAssigneeId: z.string().nullable(),
      toAssigneeId: z.string().nullable(),
      count: z.number().int(),
    })
    .strict(),
]);
export type Signal = z.infer<typeof SignalSchema>;
export type SignalKind = Signal['kind'];
