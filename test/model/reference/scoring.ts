/**
 * SCORING.md §2–§3, written again from the text alone: decay, smoothing, Wilson interval, the
 * indicator score, the XLA composite, bands, confidence, watermelon, happiness and lost time.
 * Straight loops over plain observations — no rollups, no buckets — so it shares no shortcut with
 * the app's single-pass builder. Its own checks are the reference values of SCORING.md §5
 * (reference-model.test.ts).
 */
import type { IndicatorId } from '../../../src/domain/indicator';
import type { QuestionKind } from '../../../src/domain/question';
import { DAY, type ModelIndicator, type ModelXla } from './history';

/** z = Φ⁻¹(0.975). */
export const Z = 1.959963984540054;
/** SCORING.md: comparisons and thresholds allow 1e-9. */
export const TOLERANCE = 1e-9;
const MAX_AGE_DAYS = 180;

export type Group = 'X' | 'O';
/** SCORING.md §1 table, "group" column. */
export const GROUP: Readonly<Record<IndicatorId, Group>> = {
  csat: 'X',
  sentiment: 'X',
  sla: 'O',
  reopen: 'O',
  reassign: 'O',
  wait: 'O',
  chaser: 'O',
};

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** §2.3: Wilson 95% with n = n_eff; n = 0 gives no interval. */
export function wilson(rate: number, n: number): Interval | null {
  if (!(n > 0)) return null;
  const z2 = Z * Z;
  const centre = (rate + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  return { lower: clamp01(centre - half), upper: clamp01(centre + half) };
}

/** §3 Newcombe hybrid interval of p₁ − p₂ from the two Wilson intervals. */
export function newcombe(p1: number, n1: number, p2: number, n2: number): Interval | null {
  const a = wilson(p1, n1);
  const b = wilson(p2, n2);
  if (a === null || b === null) return null;
  const d = p1 - p2;
  return {
    lower: d - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2),
    upper: d + Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2),
  };
}

/** §2.2: p̃ = (S + m·μ)/(N + m). */
export function smooth(S: number, N: number, prior: number, m: number): number {
  return (S + m * prior) / (N + m);
}

/** §2.4: 100·clamp((p̃ − F)/(T − F), 0, 1). */
export function indicatorScore(smoothed: number, floor: number, target: number): number {
  return 100 * clamp01((smoothed - floor) / (target - floor));
}

/** §3 happiness: H = 100·(%9–10 − %0–6), adjusted-Wald interval. */
export function happiness(promoters: number, passives: number, detractors: number) {
  const n = promoters + passives + detractors;
  if (n === 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  const nAdj = n + 3;
  const pAdj = (promoters + 0.75) / nAdj;
  const dAdj = (detractors + 0.75) / nAdj;
  const se = Math.sqrt((pAdj + dAdj - (pAdj - dAdj) ** 2) / nAdj);
  const bound = (v: number): number => 100 * Math.min(1, Math.max(-1, v));
  return {
    n,
    score: 100 * (p - d),
    waldStandardError: 100 * Math.sqrt((p + d - (p - d) ** 2) / n),
    interval: { lower: bound(pAdj - dAdj - Z * se), upper: bound(pAdj - dAdj + Z * se) },
  };
}

/** One ticket's good/bad outcome of one indicator on the day it counts. */
export interface Observation {
  readonly day: string;
  readonly good: boolean;
}

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
export const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayOf(dayMs(day) + n * DAY);

/** DESIGN.md: "rolling 7/30/90 days" — the last N days, today included — and the N days before them. */
export function rollingWindows(days: number, today: string): { current: DayRange; previous: DayRange } {
  return {
    current: { from: addDays(today, 1 - days), to: today },
    previous: { from: addDays(today, 1 - 2 * days), to: addDays(today, -days) },
  };
}

export interface IndicatorResult {
  readonly id: IndicatorId;
  readonly group: Group;
  readonly weight: number;
  readonly n: number;
  readonly good: number;
  readonly nEff: number;
  readonly rate: number | null;
  readonly smoothed: number | null;
  readonly prior: number;
  readonly interval: Interval | null;
  readonly score: number | null;
}

/** §2 for one indicator over one window: decay from the window's last day, smoothing, interval, score. */
export function evaluateIndicator(
  spec: ModelIndicator,
  observations: readonly Observation[],
  range: DayRange,
  halfLifeDays: number,
  strength: number,
): IndicatorResult {
  let n = 0;
  let good = 0;
  let N = 0;
  let S = 0;
  let W2 = 0;
  for (const o of observations) {
    if (o.day < range.from || o.day > range.to) continue;
    const age = Math.max(0, Math.round((dayMs(range.to) - dayMs(o.day)) / DAY));
    if (age > MAX_AGE_DAYS) continue;
    const w = 2 ** (-age / halfLifeDays);
    n += 1;
    good += o.good ? 1 : 0;
    N += w;
    S += o.good ? w : 0;
    W2 += w * w;
  }
  const group = GROUP[spec.id];
  if (n === 0) {
    return {
      id: spec.id,
      group,
      weight: spec.weight,
      n,
      good,
      nEff: 0,
      rate: null,
      smoothed: null,
      prior: spec.prior,
      interval: null,
      score: null,
    };
  }
  const rate = S / N;
  const nEff = (N * N) / W2;
  const smoothed = smooth(S, N, spec.prior, strength);
  return {
    id: spec.id,
    group,
    weight: spec.weight,
    n,
    good,
    nEff,
    rate,
    smoothed,
    prior: spec.prior,
    interval: wilson(rate, nEff),
    score: indicatorScore(smoothed, spec.floor, spec.target),
  };
}

function weightedMean(results: readonly IndicatorResult[], group: Group): number | null {
  let weights = 0;
  let sum = 0;
  for (const r of results) {
    if (r.group !== group || !(r.weight > 0) || r.score === null) continue;
    weights += r.weight;
    sum += r.weight * r.score;
  }
  return weights > 0 ? sum / weights : null;
}

export type Status = 'met' | 'at-risk' | 'breached' | 'not-enough-data';
export type Confidence = 'none' | 'low' | 'medium' | 'high';

export interface Composite {
  readonly experience: number | null;
  readonly operations: number | null;
  /** The XLA score before "not enough data" hides it. */
  readonly xla: number | null;
  readonly sampleSize: number;
  readonly status: Status;
  /** Null when the status is "not enough data" (never a number then). */
  readonly score: number | null;
  readonly confidence: Confidence;
}

/** §3: X and O, the XLA, its band and confidence. */
export function composite(results: readonly IndicatorResult[], xla: ModelXla): Composite {
  const experience = weightedMean(results, 'X');
  const operations = weightedMean(results, 'O');
  const score =
    experience === null
      ? null
      : operations === null
        ? experience
        : Math.min(0.7 * experience + 0.3 * operations, experience + 10);
  const sampleSize = results.filter((r) => r.group === 'X' && r.weight > 0).reduce((s, r) => s + r.nEff, 0);
  const enough = sampleSize + TOLERANCE >= xla.minSample;
  const status: Status =
    score === null || !enough
      ? 'not-enough-data'
      : score >= xla.targetScore
        ? 'met'
        : score >= xla.targetScore - 20
          ? 'at-risk'
          : 'breached';
  const confidence: Confidence = !(sampleSize > 0)
    ? 'none'
    : sampleSize + TOLERANCE < 5
      ? 'low'
      : sampleSize + TOLERANCE < 30
        ? 'medium'
        : 'high';
  return {
    experience,
    operations,
    xla: score,
    sampleSize,
    status,
    score: status === 'not-enough-data' ? null : score,
    confidence,
  };
}

/** The latest csat-eligible answer of a ticket, for the answer histograms (happiness). */
export interface AnswerObservation {
  readonly day: string;
  readonly kind: QuestionKind;
  readonly score: number;
}

export interface LostTimeObservation {
  readonly day: string;
  readonly minutes: number;
}

export interface ModelScorecard {
  readonly xlaId: string;
  readonly range: DayRange;
  readonly indicators: readonly IndicatorResult[];
  readonly composite: Composite;
  readonly previous: Composite;
  readonly watermelon: boolean;
  readonly happiness: ReturnType<typeof happiness>;
  readonly lostTime: { readonly meanMinutes: number; readonly n: number } | null;
}

/** A scorecard of one XLA over a rolling window ending `today`, from its tickets' observations. */
export function scorecard(
  xla: ModelXla,
  observations: ReadonlyMap<IndicatorId, readonly Observation[]>,
  answers: readonly AnswerObservation[],
  lostTimes: readonly LostTimeObservation[],
  today: string,
  windowDays: number,
): ModelScorecard {
  const { current, previous } = rollingWindows(windowDays, today);
  const evaluate = (range: DayRange): IndicatorResult[] =>
    xla.indicators.map((spec) =>
      evaluateIndicator(spec, observations.get(spec.id) ?? [], range, xla.halfLifeDays, xla.strength),
    );
  const results = evaluate(current);
  const now = composite(results, xla);
  const upper = (id: IndicatorId): number | null => results.find((r) => r.id === id)?.interval?.upper ?? null;
  const csatUpper = upper('csat');
  const sentimentUpper = upper('sentiment');
  const watermelon =
    now.operations !== null &&
    now.operations >= 80 &&
    (csatUpper !== null ? csatUpper < 0.7 : sentimentUpper !== null && sentimentUpper < 0.75);
  const inWindow = (day: string): boolean => day >= current.from && day <= current.to;
  const happy = answers.filter((a) => a.kind === 'happiness10' && inWindow(a.day));
  const lost = lostTimes.filter((l) => inWindow(l.day));
  return {
    xlaId: xla.id,
    range: current,
    indicators: results,
    composite: now,
    previous: composite(evaluate(previous), xla),
    watermelon,
    happiness:
      happy.length === 0
        ? null
        : happiness(
            happy.filter((a) => a.score >= 9).length,
            happy.filter((a) => a.score === 7 || a.score === 8).length,
            happy.filter((a) => a.score <= 6).length,
          ),
    lostTime:
      lost.length === 0 ? null : { meanMinutes: lost.reduce((s, l) => s + l.minutes, 0) / lost.length, n: lost.length },
  };
}
