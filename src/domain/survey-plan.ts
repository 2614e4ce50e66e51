import { z } from 'zod';
import { TranslatedLocaleSchema } from './i18n/locale';
import { QuestionKindSchema } from './question';
import { ScopeSchema } from './scope';
import { WaypointSchema } from './waypoint';

const chipLabel = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');

/**
 * A reason chip's identity: given when the admin adds the chip and kept through every reorder and
 * rewording, so translations and recorded answers follow the chip, never its place in the list.
 * Chips stored before ids existed get one derived from their band and English words
 * (src/domain/survey/chip-ids.ts).
 */
export const ChipIdSchema = z
  .string()
  .min(1, 'is required')
  .max(40, 'must be at most 40 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, dashes and underscores');
export type ChipId = z.infer<typeof ChipIdSchema>;

export const ReasonChipSchema = z.object({ id: ChipIdSchema, label: chipLabel }).strict();
export type ReasonChip = z.infer<typeof ReasonChipSchema>;

const chips = z.array(ReasonChipSchema).max(8, 'at most 8 chips');

export const ReasonChipsSchema = z
  .object({ negative: chips.default([]), neutral: chips.default([]), positive: chips.default([]) })
  .strict();
export type ReasonChips = z.infer<typeof ReasonChipsSchema>;

// A translation may leave a chip blank or out: that chip shows in English.
const chipTranslation = z.string().trim().max(40, 'must be at most 40 characters');

/**
 * One locale's wording of the question and of the reason chips. Chips are translated by chip id,
 * so an answer always records the chip's id (one reason, whatever language it was picked in) and
 * reordering or removing an English chip never moves a translation onto another chip; anything
 * blank or left out shows in English.
 */
export const SurveyTextTranslationSchema = z
  .object({
    text: z.string().trim().max(200, 'must be at most 200 characters').default(''),
    /** The question about the outcome in this locale; blank: Sentio's own in this locale. */
    outcomeText: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    reasonChips: z.record(ChipIdSchema, chipTranslation).default({}),
  })
  .strict();
export type SurveyTextTranslation = z.infer<typeof SurveyTextTranslationSchema>;

/** The question and chips per locale beside the English (the fallback); absent in plans stored before. */
export const SurveyTranslationsSchema = z.partialRecord(TranslatedLocaleSchema, SurveyTextTranslationSchema);
export type SurveyTranslations = z.infer<typeof SurveyTranslationsSchema>;

export const SCORE_BANDS = ['negative', 'neutral', 'positive'] as const;

/** Every chip of every band, in band order. */
export function allChips(english: ReasonChips): ReasonChip[] {
  return SCORE_BANDS.flatMap((band) => english[band]);
}

/**
 * Chip ids are unique across a plan's bands (an answer names a chip by id alone), and a translation
 * names only chips the plan has: one for a removed chip would be wording nobody can see.
 */
export function checkChipIds(
  english: ReasonChips,
  translations: SurveyTranslations,
  ctx: z.RefinementCtx,
  at: { readonly chips: ReadonlyArray<string | number>; readonly translations: ReadonlyArray<string | number> },
): void {
  const ids = new Set<string>();
  for (const band of SCORE_BANDS)
    english[band].forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: [...at.chips, band, i, 'id'],
          message: `"${c.id}" is used by another chip`,
        });
      ids.add(c.id);
    });
  for (const locale of Object.keys(translations) as Array<keyof SurveyTranslations>) {
    for (const id of Object.keys(translations[locale]?.reasonChips ?? {}))
      if (!ids.has(id))
        ctx.addIssue({
          code: 'custom',
          path: [...at.translations, locale, 'reasonChips', id],
          message: `names chip "${id}", which this plan does not have`,
        });
  }
}

/** A "time lost" choice: its label and the midpoint in minutes used for the mean (SCORING.md §3). */
export const LostTimeChoiceSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(32)
      .regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    label: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
    minutes: z
      .number()
      .min(0, 'must not be negative')
      .max(60 * 24 * 30, 'must be at most 43200'),
  })
  .strict();
export type LostTimeChoice = z.infer<typeof LostTimeChoiceSchema>;

export const DEFAULT_LOST_TIME_CHOICES: readonly LostTimeChoice[] = [
  { id: 'none', label: 'No time lost', minutes: 0 },
  { id: 'under-1h', label: 'Less than an hour', minutes: 30 },
  { id: '1-4h', label: '1–4 hours', minutes: 150 },
  { id: '4-8h', label: 'Half a day or more', minutes: 360 },
  { id: 'over-1d', label: 'More than a day', minutes: 960 },
];

export const FollowUpsSchema = z
  .object({
    reasonChips: ReasonChipsSchema.default({ negative: [], neutral: [], positive: [] }),
    comment: z
      .object({ enabled: z.boolean(), maxLength: z.number().int().min(1).max(2000, 'must be at most 2000') })
      .strict()
      .default({ enabled: true, maxLength: 1000 }),
    lostTime: z
      .object({
        enabled: z.boolean(),
        choices: z.array(LostTimeChoiceSchema).min(2, 'offer at least 2 choices').max(8, 'at most 8 choices'),
      })
      .strict()
      .default({ enabled: false, choices: [...DEFAULT_LOST_TIME_CHOICES] }),
  })
  .strict()
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.lostTime.choices.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['lostTime', 'choices', i, 'id'], message: `"${c.id}" is listed twice` });
      ids.add(c.id);
    });
  });
export type FollowUps = z.infer<typeof FollowUpsSchema>;

export const DeliverySchema = z
  .object({
    /** The portal panel always shows a pending ask; this is not optional. */
    portal: z.literal(true).default(true),
    /**
     * Also post one-click answer links in a public comment. Off by default: everyone who can read
     * the request (agents, participants) can open those links and answer in the requester's name —
     * no documented Jira channel reaches the requester alone. Answers record the channel.
     */
    publicComment: z.boolean().default(false),
  })
  .strict();

export const FatigueSchema = z
  .object({
    samplingPercent: z
      .number()
      .min(0, 'must be between 0 and 100 %')
      .max(100, 'must be between 0 and 100 %')
      .default(100),
    cooldownHours: z
      .number()
      .min(0, 'must not be negative')
      .max(24 * 365, 'must be at most 8760')
      .default(72),
    maxAsksPerTicket: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(20, 'must be at most 20')
      .default(2),
    noNewAskWhilePending: z.boolean().default(true),
    expiryHours: z
      .number()
      .gt(0, 'must be greater than 0')
      .max(24 * 30, 'must be at most 720')
      .default(72),
    reminder: z
      .object({
        enabled: z.boolean(),
        afterHours: z
          .number()
          .gt(0, 'must be greater than 0')
          .max(24 * 30, 'must be at most 720'),
      })
      .strict()
      .default({ enabled: true, afterHours: 24 }),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.reminder.enabled && f.reminder.afterHours >= f.expiryHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminder', 'afterHours'],
        message: `must be before the expiry (${f.expiryHours} h)`,
      });
    }
  });
export type Fatigue = z.infer<typeof FatigueSchema>;

export const SurveyPlanIdSchema = z
  .string()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

/** When to ask whom what (DESIGN.md "Survey plan"). */
export const SurveyPlanSchema = z
  .object({
    id: SurveyPlanIdSchema,
    name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
    enabled: z.boolean().default(true),
    scope: ScopeSchema.default({ projectIds: [], requestTypeIds: [], priorities: [] }),
    waypoint: WaypointSchema,
    question: z
      .object({
        kind: QuestionKindSchema,
        text: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
        /**
         * What a question asked while the request was open becomes once it is resolved; absent:
         * Sentio's question about the outcome for this scale (src/domain/survey/waypoint-wording.ts).
         */
        outcomeText: z
          .string()
          .trim()
          .min(1, 'must not be empty')
          .max(200, 'must be at most 200 characters')
          .optional(),
      })
      .strict(),
    followUps: FollowUpsSchema.default({
      reasonChips: { negative: [], neutral: [], positive: [] },
      comment: { enabled: true, maxLength: 1000 },
      lostTime: { enabled: false, choices: [...DEFAULT_LOST_TIME_CHOICES] },
    }),
    delivery: DeliverySchema.default({ portal: true, publicComment: false }),
    fatigue: FatigueSchema.default({
      samplingPercent: 100,
      cooldownHours: 72,
      maxAsksPerTicket: 2,
      noNewAskWhilePending: true,
      expiryHours: 72,
      reminder: { enabled: true, afterHours: 24 },
    }),
    /** Absent in plans stored before plans had wording per locale: English only. */
    translations: SurveyTranslationsSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) =>
    checkChipIds(p.followUps.reasonChips, p.translations ?? {}, ctx, {
      chips: ['followUps', 'reasonChips'],
      translations: ['translations'],
    }),
  );
export type SurveyPlan = z.infer<typeof SurveyPlanSchema>;
export type SurveyPlanInput = z.input<typeof SurveyPlanSchema>;
