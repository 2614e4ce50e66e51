/**
 * The scorecard builder as it was before the single-pass rewrite (src/domain/scoring/build-scorecard.ts
 * at the commit before it): every cell materialised with `bucketCells`, and `aggregateRate` re-run over
 * filtered rows for the window, the previous window and each day of the series. Kept only as the
 * straightforward reference the optimised builder must match (equivalence.test.ts); do not use it
 * in src.
 */
import { groupOf, type IndicatorGroup, type IndicatorId, type IndicatorSpec } from '../../../../src/domain/indicator';
import { QUESTION_KINDS, type QuestionKind } from '../../../../src/domain/question';
import {
  bucketCells,
  cellDay,
  cellSegment,
  cellSlot,
  cellValues,
  cellXla,
  isIndicatorSlot,
  LOST_TIME_SLOT,
  questionOfSlot,
  type RollupBucket,
} from '../../../../src/domain/rollup';
import type { DailyPoint, IndicatorCard, Scorecard, Trend } from '../../../../src/domain/scorecard';
import { scopeMatches } from '../../../../src/domain/scope';
import type { DayKey } from '../../../../src/domain/time';
import type { XlaDefinition } from '../../../../src/domain/xla';
import {
  DEFAULT_SMOOTHING_STRENGTH,
  EXPERIENCE_SHARE,
  OPERATIONS_LIFT_CAP,
} from '../../../../src/domain/scoring/constants';
import {
  aggregateRate,
  decayedRate,
  effectiveN,
  type DayCount,
  type RateAggregate,
} from '../../../../src/domain/scoring/decay';
import { happiness, happinessCountsOf } from '../../../../src/domain/scoring/happiness';
import { excludesZero, newcombeDifference } from '../../../../src/domain/scoring/newcombe';
import { priorFor, type PriorSource, type SitePriors } from '../../../../src/domain/scoring/priors';
import {
  confidenceOf,
  groupScore,
  indicatorScore,
  isLiftCapped,
  statusBand,
  xlaScore,
  type StatusBand,
} from '../../../../src/domain/scoring/score';
import { empiricalBayesStrength, smoothedRate } from '../../../../src/domain/scoring/smoothing';
import { watermelon } from '../../../../src/domain/scoring/watermelon';
import { wilsonInterval, type Interval } from '../../../../src/domain/scoring/wilson';
import { currentWindow, daysOf, inRange, previousWindow } from '../../../../src/domain/scoring/window';

interface ScorecardOptions {
  /** Site-wide priors (`sitePriors`); without them every XI smooths toward its configured prior. */
  readonly sitePriors?: SitePriors;
}

interface OutcomeRow extends DayCount {
  readonly segment: string;
}

interface Collected {
  readonly outcomes: Map<IndicatorId, OutcomeRow[]>;
  readonly answers: Map<QuestionKind, Array<{ day: DayKey; counts: number[] }>>;
  readonly lostTime: Array<{ day: DayKey; seconds: number; count: number }>;
}

/**
 * The XLA's cells inside its scope. Cells that cannot be counts (a half-applied or corrupted
 * bucket) are skipped rather than allowed to produce impossible rates.
 */
function collect(xla: XlaDefinition, buckets: ReadonlyArray<RollupBucket>): Collected {
  const collected: Collected = { outcomes: new Map(), answers: new Map(), lostTime: [] };
  for (const bucket of buckets) {
    for (const cell of bucketCells(bucket)) {
      if (cellXla(cell) !== xla.id) continue;
      const segment = cellSegment(cell);
      if (!scopeMatches(xla.scope, segment)) continue;
      const slot = cellSlot(cell);
      const day = cellDay(cell);
      const values = cellValues(cell);
      if (isIndicatorSlot(slot)) {
        const [good = 0, total = 0] = values;
        if (!(total > 0 && good >= 0 && good <= total)) continue;
        const rows = collected.outcomes.get(slot) ?? [];
        rows.push({
          segment: JSON.stringify([segment.projectId, segment.requestTypeId, segment.priority]),
          day,
          good,
          total,
        });
        collected.outcomes.set(slot, rows);
      } else if (slot === LOST_TIME_SLOT) {
        const [seconds = 0, count = 0] = values;
        if (count > 0 && seconds >= 0) collected.lostTime.push({ day, seconds, count });
      } else {
        const kind = questionOfSlot(slot);
        if (kind === null || values.some((v) => v < 0) || values.every((v) => v === 0)) continue;
        const rows = collected.answers.get(kind) ?? [];
        rows.push({ day, counts: values });
        collected.answers.set(kind, rows);
      }
    }
  }
  return collected;
}

interface IndicatorResult {
  readonly spec: IndicatorSpec;
  readonly group: IndicatorGroup;
  readonly agg: RateAggregate;
  readonly rate: number | null;
  readonly nEff: number;
  readonly interval: Interval | null;
  readonly prior: number;
  readonly priorSource: PriorSource;
  readonly strength: number;
  readonly smoothed: number | null;
  readonly score: number | null;
  readonly scoreInterval: Interval | null;
}

function evaluateIndicator(
  spec: IndicatorSpec,
  agg: RateAggregate,
  prior: { mu: number; source: PriorSource },
  strength: number,
): IndicatorResult {
  const rate = decayedRate(agg);
  const nEff = effectiveN(agg);
  const interval = rate === null ? null : wilsonInterval(rate, nEff);
  // No observation: the prior alone is not a measurement, so no smoothed rate and no score.
  const smooth = (r: number): number => smoothedRate(r * agg.weight, agg.weight, prior.mu, strength);
  const smoothed = rate === null ? null : smoothedRate(agg.goodWeight, agg.weight, prior.mu, strength);
  const score = smoothed === null ? null : indicatorScore(smoothed, spec.floor, spec.target);
  // The same monotone maps carry the Wilson bounds, so the score always sits inside its interval.
  const scoreInterval =
    interval === null
      ? null
      : {
          lower: indicatorScore(smooth(interval.lower), spec.floor, spec.target),
          upper: indicatorScore(smooth(interval.upper), spec.floor, spec.target),
        };
  return {
    spec,
    group: groupOf(spec.id),
    agg,
    rate,
    nEff,
    interval,
    prior: prior.mu,
    priorSource: prior.source,
    strength,
    smoothed,
    score,
    scoreInterval,
  };
}

interface Composite {
  readonly experience: number | null;
  readonly operations: number | null;
  readonly xla: number | null;
  readonly interval: Interval | null;
  /** Σ n_eff over the weighted X indicators. */
  readonly sampleSize: number;
  readonly shares: ReadonlyMap<IndicatorId, number>;
}

function counted(r: IndicatorResult): r is IndicatorResult & { score: number; scoreInterval: Interval } {
  return r.score !== null && r.scoreInterval !== null;
}

function composite(results: ReadonlyArray<IndicatorResult>): Composite {
  const byGroup = (group: IndicatorGroup) => results.filter((r) => r.group === group).filter(counted);
  const x = byGroup('X');
  const o = byGroup('O');
  const pick = (items: typeof x, at: (r: (typeof x)[number]) => number) =>
    groupScore(items.map((r) => ({ weight: r.spec.weight, score: at(r) })));
  const experience = pick(x, (r) => r.score);
  const operations = pick(o, (r) => r.score);
  const xla = xlaScore(experience, operations);
  // Bounds move together (the worst case), and the XLA formula is monotone in X and O.
  const lower = xlaScore(
    pick(x, (r) => r.scoreInterval.lower),
    pick(o, (r) => r.scoreInterval.lower),
  );
  const upper = xlaScore(
    pick(x, (r) => r.scoreInterval.upper),
    pick(o, (r) => r.scoreInterval.upper),
  );
  const shares = new Map<IndicatorId, number>();
  for (const items of [x, o]) {
    const total = items.reduce((acc, r) => acc + r.spec.weight, 0);
    for (const r of items) shares.set(r.spec.id, total > 0 ? r.spec.weight / total : 0);
  }
  const sampleSize = results.filter((r) => r.group === 'X' && r.spec.weight > 0).reduce((acc, r) => acc + r.nEff, 0);
  return {
    experience,
    operations,
    xla,
    interval: xla !== null && lower !== null && upper !== null ? { lower, upper } : null,
    sampleSize,
    shares,
  };
}

/** Splits the XLA score into per-indicator points that add up to it. */
function contributions(results: ReadonlyArray<IndicatorResult>, c: Composite): Map<IndicatorId, number> {
  const out = new Map<IndicatorId, number>();
  if (c.xla === null || c.experience === null) return out;
  const { experience, operations } = c;
  const capped = operations !== null && isLiftCapped(experience, operations);
  for (const r of results) {
    const share = c.shares.get(r.spec.id);
    if (share === undefined || r.score === null) continue;
    const points = share * r.score;
    if (r.group === 'X') out.set(r.spec.id, operations === null || capped ? points : EXPERIENCE_SHARE * points);
    else if (operations !== null) {
      out.set(
        r.spec.id,
        capped ? (operations > 0 ? (OPERATIONS_LIFT_CAP * points) / operations : 0) : (1 - EXPERIENCE_SHARE) * points,
      );
    }
  }
  return out;
}

function masked(c: Composite, status: StatusBand): { score: number | null; interval: Interval | null } {
  return status === 'not-enough-data' ? { score: null, interval: null } : { score: c.xla, interval: c.interval };
}

function sign(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/**
 * Evaluates an XLA over its window from rollup buckets (SCORING.md §2–§3). Pass the buckets of
 * the current and the previous window (for the trend); others are ignored. Pure and deterministic.
 */
export function referenceScorecard(
  xla: XlaDefinition,
  buckets: ReadonlyArray<RollupBucket>,
  today: DayKey,
  options: ScorecardOptions = {},
): Scorecard {
  const collected = collect(xla, buckets);
  const range = currentWindow(xla.window, today);
  const previousRange = previousWindow(xla.window, today);
  const halfLife = xla.halfLifeDays;
  const rowsOf = (id: IndicatorId) => collected.outcomes.get(id) ?? [];

  const smoothing = xla.smoothing;
  // m is settled once, on the current window, so the trend and the daily series use the same one.
  const strengthOf = (spec: IndicatorSpec): number => {
    if (smoothing.kind === 'fixed') return smoothing.strength;
    const segments = new Map<string, DayCount[]>();
    for (const row of rowsOf(spec.id)) {
      if (!inRange(row.day, range)) continue;
      const rows = segments.get(row.segment);
      if (rows === undefined) segments.set(row.segment, [row]);
      else rows.push(row);
    }
    const aggregates = [...segments.values()].map((rows) => aggregateRate(rows, range.to, halfLife));
    return empiricalBayesStrength(aggregates) ?? DEFAULT_SMOOTHING_STRENGTH;
  };
  const settings = xla.indicators.map((spec) => ({
    spec,
    prior: priorFor(spec, options.sitePriors),
    strength: strengthOf(spec),
  }));

  const evaluate = (keep: (day: DayKey) => boolean, reference: DayKey): IndicatorResult[] =>
    settings.map(({ spec, prior, strength }) =>
      evaluateIndicator(
        spec,
        aggregateRate(
          rowsOf(spec.id).filter((r) => keep(r.day)),
          reference,
          halfLife,
        ),
        prior,
        strength,
      ),
    );

  const current = evaluate((d) => inRange(d, range), range.to);
  const now = composite(current);
  const status = statusBand(now.xla, now.sampleSize, xla.targetScore, xla.minSample);
  const shown = masked(now, status);
  const points = status === 'not-enough-data' ? new Map<IndicatorId, number>() : contributions(current, now);

  const indicators: IndicatorCard[] = current.map((r) => ({
    id: r.spec.id,
    group: r.group,
    weight: r.spec.weight,
    weightShare: now.shares.get(r.spec.id) ?? null,
    floor: r.spec.floor,
    target: r.spec.target,
    n: r.agg.count,
    good: r.agg.goodCount,
    nEff: r.nEff,
    rate: r.rate,
    smoothedRate: r.smoothed,
    prior: r.prior,
    priorSource: r.priorSource,
    strength: r.strength,
    interval: r.interval,
    score: r.score,
    scoreInterval: r.scoreInterval,
    contribution: points.get(r.spec.id) ?? null,
  }));

  const previous = evaluate((d) => inRange(d, previousRange), previousRange.to);
  const before = composite(previous);
  const previousStatus = statusBand(before.xla, before.sampleSize, xla.targetScore, xla.minSample);
  const previousScore = masked(before, previousStatus).score;
  const indicatorTrends = current.map((r, i) => {
    const p = previous[i];
    const previousRate = p?.rate ?? null;
    const previousNEff = p?.nEff ?? 0;
    const change = r.rate !== null && previousRate !== null ? r.rate - previousRate : null;
    const interval =
      r.rate !== null && previousRate !== null ? newcombeDifference(r.rate, r.nEff, previousRate, previousNEff) : null;
    return {
      id: r.spec.id,
      weight: r.spec.weight,
      previousRate,
      previousNEff,
      change,
      interval,
      real: excludesZero(interval),
    };
  });
  const change = shown.score !== null && previousScore !== null ? shown.score - previousScore : null;
  const trend: Trend = {
    previous: previousRange,
    previousScore,
    previousStatus,
    change,
    direction: change === null ? null : change > 0 ? 'up' : change < 0 ? 'down' : 'flat',
    // Every indicator is a "good" rate, so a real rise in one supports a rise of the score.
    real:
      change !== null &&
      change !== 0 &&
      indicatorTrends.some((t) => t.real && t.weight > 0 && t.change !== null && sign(t.change) === sign(change)),
    indicators: indicatorTrends.map(({ weight: _weight, ...t }) => t),
  };

  const daily: DailyPoint[] = daysOf(range).map((day) => {
    const results = evaluate((d) => d === day, day);
    const c = composite(results);
    return {
      day,
      score: c.xla,
      interval: c.interval,
      sampleSize: results.filter((r) => r.group === 'X' && r.spec.weight > 0).reduce((acc, r) => acc + r.agg.count, 0),
      indicators: results
        .filter((r) => r.agg.count > 0)
        .map((r) => ({ id: r.spec.id, good: r.agg.goodCount, n: r.agg.count, rate: r.agg.goodCount / r.agg.count })),
    };
  });

  const upperOf = (id: IndicatorId): number | null => current.find((r) => r.spec.id === id)?.interval?.upper ?? null;
  const verdict = watermelon({
    operations: now.operations,
    csatUpper: upperOf('csat'),
    sentimentUpper: upperOf('sentiment'),
  });

  const answers = QUESTION_KINDS.flatMap((kind) => {
    const rows = (collected.answers.get(kind) ?? []).filter((r) => inRange(r.day, range));
    if (rows.length === 0) return [];
    const counts = rows.reduce<number[]>((acc, r) => r.counts.map((v, i) => v + (acc[i] ?? 0)), []);
    return [{ kind, counts }];
  });
  const happinessHistogram = answers.find((a) => a.kind === 'happiness10')?.counts;
  const happy = happinessHistogram === undefined ? null : happiness(happinessCountsOf(happinessHistogram));

  const lost = collected.lostTime.filter((r) => inRange(r.day, range));
  const lostCount = lost.reduce((acc, r) => acc + r.count, 0);
  const lostSeconds = lost.reduce((acc, r) => acc + r.seconds, 0);

  return {
    xlaId: xla.id,
    name: xla.name,
    window: xla.window,
    range,
    today,
    targetScore: xla.targetScore,
    score: shown.score,
    interval: shown.interval,
    status,
    confidence: confidenceOf(now.sampleSize),
    sampleSize: now.sampleSize,
    minSample: xla.minSample,
    experience: status === 'not-enough-data' ? null : now.experience,
    operations: now.operations,
    operationalOnly: now.experience === null && now.operations !== null,
    indicators,
    trend,
    daily,
    watermelon: {
      ...verdict,
      operations: now.operations,
      slaRate: current.find((r) => r.spec.id === 'sla')?.rate ?? null,
    },
    happiness: happy,
    lostTime: lostCount > 0 ? { meanMinutes: lostSeconds / 60 / lostCount, n: lostCount } : null,
    answers,
  };
}
