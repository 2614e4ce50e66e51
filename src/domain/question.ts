import { z } from 'zod';

export const QUESTION_KINDS = ['csat5', 'emoji5', 'ces7', 'happiness10', 'thumbs'] as const;
export const QuestionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/** Which follow-up chips a score shows: the band of the answer. */
export type ScoreBand = 'negative' | 'neutral' | 'positive';

interface Scale {
  readonly min: number;
  readonly max: number;
  /** SCORING.md §1: when an answer of this kind is favourable. */
  readonly favourable: (score: number) => boolean;
  readonly band: (score: number) => ScoreBand;
}

const fivePoint: Scale = {
  min: 1,
  max: 5,
  favourable: (s) => s >= 4,
  band: (s) => (s <= 2 ? 'negative' : s === 3 ? 'neutral' : 'positive'),
};

export const SCALES: Readonly<Record<QuestionKind, Scale>> = {
  csat5: fivePoint,
  emoji5: fivePoint,
  // Customer effort: 1 = very easy … 7 = very hard, so low is good.
  ces7: {
    min: 1,
    max: 7,
    favourable: (s) => s <= 3,
    band: (s) => (s <= 3 ? 'positive' : s === 4 ? 'neutral' : 'negative'),
  },
  happiness10: {
    min: 0,
    max: 10,
    favourable: (s) => s >= 9,
    band: (s) => (s <= 6 ? 'negative' : s <= 8 ? 'neutral' : 'positive'),
  },
  // 0 = thumbs down, 1 = thumbs up.
  thumbs: { min: 0, max: 1, favourable: (s) => s === 1, band: (s) => (s === 1 ? 'positive' : 'negative') },
};

export function isValidScore(kind: QuestionKind, score: number): boolean {
  const scale = SCALES[kind];
  return Number.isInteger(score) && score >= scale.min && score <= scale.max;
}

export function isFavourable(kind: QuestionKind, score: number): boolean {
  return SCALES[kind].favourable(score);
}

export function scoreBand(kind: QuestionKind, score: number): ScoreBand {
  return SCALES[kind].band(score);
}

/** A score on a common 0..1 scale (1 = best), for trajectories that mix question kinds. */
export function normalisedScore(kind: QuestionKind, score: number): number {
  const { min, max } = SCALES[kind];
  const unit = (score - min) / (max - min);
  return kind === 'ces7' ? 1 - unit : unit;
}

/** A "low score" that asks an agent to close the loop: the negative band. */
export function isLowScore(kind: QuestionKind, score: number): boolean {
  return scoreBand(kind, score) === 'negative';
}
