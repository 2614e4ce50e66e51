import { z } from 'zod';
import { IndicatorIdSchema } from './indicator';
import { QuestionKindSchema } from './question';
import { XlaWindowSchema } from './xla-window';

/**
 * A scorecard: one XLA evaluated over its window (DESIGN.md "Scorecard"). Every figure that would
 * rest on no data is null, never 0, so a UI cannot show "not enough data" as a bad score.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Finite = z.number();
const Count = z.number().int().min(0);

export const IntervalSchema = z.object({ lower: Finite, upper: Finite }).strict();
export type ScoreInterval = z.infer<typeof IntervalSchema>;

export const DayRangeSchema = z.object({ from: Day, to: Day }).strict();

export const StatusBandSchema = z.enum(['met', 'at-risk', 'breached', 'not-enough-data']);
export const ConfidenceSchema = z.enum(['none', 'low', 'medium', 'high']);

export const IndicatorCardSchema = z
  .object({
    id: IndicatorIdSchema,
    group: z.enum(['X', 'O']),
    /** As configured, within its group. */
    weight: Finite,
    /** The weight renormalised over the indicators of the group that have data; null without data. */
    weightShare: Finite.nullable(),
    floor: Finite,
    target: Finite,
    /** Tickets in the window (raw count), and how many were good. */
    n: Count,
    good: Count,
    /** Kish effective n of the decayed sample. */
    nEff: Finite,
    /** Decayed rate S/N. */
    rate: Finite.nullable(),
    /** p̃ = (S + m·μ)/(N + m). */
    smoothedRate: Finite.nullable(),
    prior: Finite,
    priorSource: z.enum(['site', 'default']),
    /** The smoothing strength m used. */
    strength: Finite,
    /** Wilson 95% on the decayed rate with n = n_eff. */
    interval: IntervalSchema.nullable(),
    score: Finite.nullable(),
    /** The Wilson bounds carried through the same smoothing and score mapping. */
    scoreInterval: IntervalSchema.nullable(),
    /** Points of the XLA score this indicator accounts for; they add up to the XLA score. */
    contribution: Finite.nullable(),
  })
  .strict();
export type IndicatorCard = z.infer<typeof IndicatorCardSchema>;

export const IndicatorTrendSchema = z
  .object({
    id: IndicatorIdSchema,
    previousRate: Finite.nullable(),
    previousNEff: Finite,
    /** Current − previous decayed rate. */
    change: Finite.nullable(),
    /** Newcombe hybrid 95% interval of the change. */
    interval: IntervalSchema.nullable(),
    /** The interval excludes 0. */
    real: z.boolean(),
  })
  .strict();

export const TrendSchema = z
  .object({
    previous: DayRangeSchema,
    previousScore: Finite.nullable(),
    previousStatus: StatusBandSchema,
    /** Current − previous XLA score, in points. */
    change: Finite.nullable(),
    direction: z.enum(['up', 'down', 'flat']).nullable(),
    /** A weighted indicator moved the same way with a Newcombe interval that excludes 0. */
    real: z.boolean(),
    indicators: z.array(IndicatorTrendSchema),
  })
  .strict();
export type Trend = z.infer<typeof TrendSchema>;

export const DailyPointSchema = z
  .object({
    day: Day,
    /** The XLA score of that day's observations alone (smoothed, undecayed); null without X data. */
    score: Finite.nullable(),
    /** That day's Wilson bounds carried through the same maps as the window's interval; null with the score. */
    interval: IntervalSchema.nullable(),
    /** Σ n over the weighted X indicators that day. */
    sampleSize: Count,
    indicators: z.array(z.object({ id: IndicatorIdSchema, good: Count, n: Count, rate: Finite.nullable() }).strict()),
  })
  .strict();
export type DailyPoint = z.infer<typeof DailyPointSchema>;

export const WatermelonFigureSchema = z
  .object({
    flagged: z.boolean(),
    operations: Finite.nullable(),
    basis: z.enum(['csat', 'sentiment']).nullable(),
    upper: Finite.nullable(),
    threshold: Finite.nullable(),
    /** The decayed SLA-met rate beside it, for the "SLA green, people unhappy" picture. */
    slaRate: Finite.nullable(),
  })
  .strict();

export const HappinessFigureSchema = z
  .object({
    score: Finite,
    interval: IntervalSchema,
    waldStandardError: Finite,
    n: Count,
    promoters: Count,
    passives: Count,
    detractors: Count,
  })
  .strict();

export const LostTimeFigureSchema = z.object({ meanMinutes: Finite, n: Count }).strict();

/** Answer counts per score (index 0 = the scale's minimum), e.g. for "csat ≤ 2 of 5". */
export const AnswerDistributionSchema = z.object({ kind: QuestionKindSchema, counts: z.array(Count) }).strict();

export const ScorecardSchema = z
  .object({
    xlaId: z.string(),
    name: z.string(),
    window: XlaWindowSchema,
    range: DayRangeSchema,
    today: Day,
    targetScore: Finite,
    /** Null when there is no X or not enough data. */
    score: Finite.nullable(),
    interval: IntervalSchema.nullable(),
    status: StatusBandSchema,
    confidence: ConfidenceSchema,
    /** Σ n_eff over the weighted X indicators. */
    sampleSize: Finite,
    minSample: Finite,
    experience: Finite.nullable(),
    operations: Finite.nullable(),
    /** No experience data but operational data: show O as "operational only". */
    operationalOnly: z.boolean(),
    indicators: z.array(IndicatorCardSchema),
    trend: TrendSchema,
    daily: z.array(DailyPointSchema),
    watermelon: WatermelonFigureSchema,
    happiness: HappinessFigureSchema.nullable(),
    lostTime: LostTimeFigureSchema.nullable(),
    answers: z.array(AnswerDistributionSchema),
  })
  .strict();
export type Scorecard = z.infer<typeof ScorecardSchema>;
