import { z } from 'zod';
import { QuestionSnapshotSchema } from '../domain/ask';
import { LocaleSchema } from '../domain/i18n/locale';
import { resolverContract } from './resolver';

/** What a requester sees of one ask: never another person's data, never internal notes. */
export const PortalAskViewSchema = z.object({
  askId: z.string(),
  issueKey: z.string(),
  /** What was asked; `text` is in `wording.locale`, chips keep the English values an answer records. */
  question: QuestionSnapshotSchema,
  /** The question and chips in the requester's language (English where the plan has no wording). */
  wording: z.object({
    locale: LocaleSchema,
    text: z.string(),
    /**
     * `outcome` once the request is resolved and the question put while it was open became the
     * question about the outcome (or the answer was given to that one); `asked` otherwise.
     */
    stage: z.enum(['asked', 'outcome']),
    reasonChips: z.object({
      negative: z.array(z.object({ value: z.string(), label: z.string() })),
      neutral: z.array(z.object({ value: z.string(), label: z.string() })),
      positive: z.array(z.object({ value: z.string(), label: z.string() })),
    }),
  }),
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

/**
 * The portal's locale (`view.getContext().locale`): functions are not told it, so the page passes it
 * (mirror/runtime-reference/i18n/index.md, "Accessing locale information"). It picks words only, never
 * whose data is read. Without it, the requester's Jira profile language is used.
 */
const LocaleHintSchema = z.string().min(2).max(35).optional();

/** The request comes from the Forge context (the portal page), never from the payload. */
export const getMyAsk = resolverContract(
  'getMyAsk',
  z.object({ locale: LocaleHintSchema }).strict(),
  z.object({ ask: PortalAskViewSchema.nullable() }),
);

export const AnswerAskPayloadSchema = z
  .object({
    askId: z.string().min(1).max(80),
    score: z.number().int().min(0).max(10),
    reasons: z.array(z.string().min(1).max(40)).max(8).default([]),
    comment: z.string().max(2000).nullable().default(null),
    lostTimeChoiceId: z.string().min(1).max(32).nullable().default(null),
    locale: LocaleHintSchema,
  })
  .strict();
export const answerAsk = resolverContract('answerAsk', AnswerAskPayloadSchema, z.object({ ask: PortalAskViewSchema }));

export const portalResolvers = { getMyAsk, answerAsk } as const;
