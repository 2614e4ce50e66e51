import { z } from 'zod';
import { QuestionSnapshotSchema } from '../domain/ask';
import { resolverContract } from './resolver';

/** What a requester sees of one ask: never another person's data, never internal notes. */
export const PortalAskViewSchema = z.object({
  askId: z.string(),
  issueKey: z.string(),
  question: QuestionSnapshotSchema,
  status: z.enum(['pending', 'answered']),
  answer: z
    .object({
      score: z.number().int(),
      reasons: z.array(z.string()),
      comment: z.string().nullable(),
      lostTimeChoiceId: z.string().nullable(),
      answeredAt: z.number().int(),
    })
    .nullable(),
  expiresAt: z.number().int(),
  /** When the question was asked, and whether the request was still open then (a mid-flight ask). */
  askedAt: z.number().int(),
  askedWhileOpen: z.boolean(),
  /** True until the ask expires: the requester may change the answer. */
  editable: z.boolean(),
});
export type PortalAskView = z.infer<typeof PortalAskViewSchema>;

const empty = z.object({}).strict();

/** The request comes from the Forge context (the portal page), never from the payload. */
export const getMyAsk = resolverContract('getMyAsk', empty, z.object({ ask: PortalAskViewSchema.nullable() }));

export const AnswerAskPayloadSchema = z
  .object({
    askId: z.string().min(1).max(80),
    score: z.number().int().min(0).max(10),
    reasons: z.array(z.string().min(1).max(40)).max(8).default([]),
    comment: z.string().max(2000).nullable().default(null),
    lostTimeChoiceId: z.string().min(1).max(32).nullable().default(null),
  })
  .strict();
export const answerAsk = resolverContract('answerAsk', AnswerAskPayloadSchema, z.object({ ask: PortalAskViewSchema }));

export const portalResolvers = { getMyAsk, answerAsk } as const;
