import { z } from 'zod';
import { QuestionKindSchema } from './question';
import { LostTimeChoiceSchema, ReasonChipsSchema, SurveyTranslationsSchema } from './survey-plan';
import { WAYPOINT_KINDS } from './waypoint';

export const ASK_STATUSES = ['pending', 'answered', 'expired', 'withdrawn'] as const;
export const AskStatusSchema = z.enum(ASK_STATUSES);
export type AskStatus = z.infer<typeof AskStatusSchema>;

/** What was asked, frozen at ask time so a later plan edit never changes it (DESIGN.md "Ask"). */
export const QuestionSnapshotSchema = z
  .object({
    kind: QuestionKindSchema,
    text: z.string().min(1).max(200),
    reasonChips: ReasonChipsSchema,
    comment: z.object({ enabled: z.boolean(), maxLength: z.number().int().min(1).max(2000) }).strict(),
    lostTime: z.object({ enabled: z.boolean(), choices: z.array(LostTimeChoiceSchema).max(8) }).strict(),
    /** The plan's wording per locale when asked; asks stored before it existed read as English only. */
    translations: SurveyTranslationsSchema.optional(),
    /** The plan's own question about the outcome, put once the request is resolved (English). */
    outcomeText: z.string().min(1).max(200).optional(),
  })
  .strict();
export type QuestionSnapshot = z.infer<typeof QuestionSnapshotSchema>;

/**
 * How an answer reached Sentio: typed in the portal, or through a one-click link — and then by
 * which channel the link was sent, so a report can tell answers anyone on the request could have
 * given (a link in a public comment) from the requester's own.
 */
export const ANSWER_CHANNELS = ['portal', 'public-comment'] as const;
export const AnswerChannelSchema = z.enum(ANSWER_CHANNELS);

export const AnswerSchema = z
  .object({
    score: z.number().int(),
    /** The ids of the reason chips picked (answers stored before ids read through survey/chip-ids.ts). */
    reasons: z.array(z.string().max(40)).max(8),
    comment: z.string().max(2000).nullable(),
    lostTimeChoiceId: z.string().max(32).nullable(),
    answeredAt: z.number().int(),
    via: z.enum(['portal', 'one-click']),
    /** Absent on answers stored before channels were recorded. */
    channel: AnswerChannelSchema.optional(),
    /**
     * `outcome` when the requester answered the question about the outcome (the request was
     * resolved when first answered); absent when they answered the question as it was asked.
     */
    wording: z.literal('outcome').optional(),
  })
  .strict();
export type Answer = z.infer<typeof AnswerSchema>;

export const AskSchema = z
  .object({
    id: z.string().min(1).max(80),
    planId: z.string().min(1).max(64),
    ticketId: z.string().min(1).max(32),
    issueKey: z.string().min(1).max(64),
    projectId: z.string().min(1).max(32),
    requesterId: z.string().min(1).max(128),
    waypoint: z.enum(WAYPOINT_KINDS),
    /** True when the ticket was still open when asked: the product's point (DESIGN.md). */
    midFlight: z.boolean(),
    status: AskStatusSchema,
    createdAt: z.number().int(),
    expiresAt: z.number().int(),
    reminderDueAt: z.number().int().nullable(),
    remindedAt: z.number().int().nullable(),
    question: QuestionSnapshotSchema,
    answer: AnswerSchema.nullable(),
    /** Who asked for a manual ask (an agent's account id), else null. */
    requestedBy: z.string().max(128).nullable(),
  })
  .strict();
export type Ask = z.infer<typeof AskSchema>;
