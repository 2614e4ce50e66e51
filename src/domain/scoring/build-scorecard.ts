import { groupOf, type IndicatorGroup, type IndicatorId, type IndicatorSpec } from '../indicator';
import { QUESTION_KINDS, type QuestionKind } from '../question';
import { dayOf, forEachEntry, isIndicatorSlot, LOST_TIME_SLOT, questionOfSlot, type RollupBucket } from '../rollup';
import type { Slot } from '../rollup/cell';
import type { DailyPoint, IndicatorCard, Scorecard, Trend } from '../scorecard';
import { scopeMatches } from '../scope';
import { ageInDays, type DayKey } from '../time';
import type { XlaDefinition } from '../xla';
import { DEFAULT_SMOOTHING_STRENGTH, EXPERIENCE_SHARE, MAX_AGE_DAYS, OPERATIONS_LIFT_CAP } from './constants';
import { decayWeight, decayedRate, effectiveN, EMPTY_AGGREGATE, type RateAggregate } from './decay';
import { happiness, happinessCountsOf } from './happiness';
import { excludesZero, newcombeDifference } from './newcombe';
import { priorFor, type PriorSource, type SitePriors } from './priors';
import { confidenceOf, groupScore, indicatorScore, isLiftCapped, statusBand, xlaScore, type StatusBand } from './score';
import { empiricalBayesStrength, smoothedRate } from './smoothing';
import { watermelon } from './watermelon';
import { wilsonInterval, type Interval } from './wilson';
import { currentWindow, daysOf, inRange, previousWindow, type DayRange } from './window';

export interface ScorecardOptions {
  /** Site-wide priors (`sitePriors`); without them every XI smooths toward its configured prior. */
  readonly sitePriors?: SitePriors;
}

/** Decayed sums being folded; the same operations, in the same order, as `aggregateRate`. */
interface Accumulator {
  count: number;
  goodCount: number;
  weight: number;
  goodWeight: number;
  squaredWeight: number;
}

function accumulator(): Accumulator {
  return { count: 0, goodCount: 0, weight: 0, goodWeight: 0, squaredWeight: 0 };
}

function accumulate(acc: Accumulator, w: number, good: number, total: number): void {
  acc.count += total;
  acc.goodCount += good;
  acc.weight += w * total;
  acc.goodWeight += w * good;
  acc.squaredWeight += w * w * total;
}

/** Raw counts of one indicator on one day (the daily series weighs each day as "today"). */
interface DayTally {
  good: number;
  total: number;
}

/** What one pass over the buckets keeps of one indicator. */
interface IndicatorTally {
  readonly current: Accumulator;
  readonly previous: Accumulator;
  readonly byDay: Map<DayKey, DayTally>;
  /** Per segment over the current window, first-seen order; only for empirical-Bayes smoothing. */
  readonly bySegment: Map<string, Accumulator> | null;
}

interface Collected {
  readonly indicators: Map<IndicatorId, IndicatorTally>;
  /** Summed answer histograms per question kind over the current window. */
  readonly answers: Map<QuestionKind, number[]>;
  /** Summed lost time over the current window (filled while collecting). */
  lostSeconds: number;
  lostCount: number;
}

/**
 * Where a day of a bucket falls: in the current window or not, and its decay weight as seen from
 * each window's end (null: not in that window, or older than MAX_AGE_DAYS from its end).
 */
interface DayPlace {
  readonly day: DayKey;
  readonly inCurrent: boolean;
  readonly current: number | null;
  readonly previous: number | null;
}

/** The decay weight of a day within a range, seen from the range's last day; null outside it or too old. */
function weightIn(day: DayKey, r: DayRange, halfLife: number): number | null {
  if (!inRange(day, r)) return null;
  const age = ageInDays(day, r.to);
  return age > MAX_AGE_DAYS ? null : decayWeight(age, halfLife);
}

/** Where a bucket's day falls, computed once per period and day: the shards of one day share it. */
function placeFinder(
  range: DayRange,
  previousRange: DayRange,
  halfLife: number,
): (period: string, dayOfMonth: number) => DayPlace | null {
  const placesByPeriod = new Map<string, Array<DayPlace | null>>();
  return (period, dayOfMonth) => {
    let places = placesByPeriod.get(period);
    if (places === undefined) {
      places = [];
      placesByPeriod.set(period, places);
    }
    const known = places[dayOfMonth];
    if (known !== undefined) return known;
    const day = dayOf(period, dayOfMonth);
    const place =
      day === null
        ? null
        : {
            day,
            inCurrent: inRange(day, range),
            current: weightIn(day, range, halfLife),
            previous: weightIn(day, previousRange, halfLife),
          };
    places[dayOfMonth] = place;
    return place;
  };
}

function emptyTallies(xla: XlaDefinition): Map<IndicatorId, IndicatorTally> {
  const perSegment = xla.smoothing.kind !== 'fixed';
  const indicators = new Map<IndicatorId, IndicatorTally>();
  for (const spec of xla.indicators) {
    if (!indicators.has(spec.id)) {
      indicators.set(spec.id, {
        current: accumulator(),
        previous: accumulator(),
        byDay: new Map(),
        bySegment: perSegment ? new Map() : null,
      });
    }
  }
  return indicators;
}

/** One indicator cell (`good, total`) into the windows, the day and the segment it counts in. */
function addIndicatorCell(
  tally: IndicatorTally,
  place: DayPlace,
  good: number,
  total: number,
  segmentKey: () => string,
): void {
  if (!(total > 0 && good >= 0 && good <= total)) return;
  if (place.previous !== null) accumulate(tally.previous, place.previous, good, total);
  if (!place.inCurrent) return;
  const day = tally.byDay.get(place.day);
  if (day === undefined) tally.byDay.set(place.day, { good, total });
  else {
    day.good += good;
    day.total += total;
  }
  let segment: Accumulator | undefined;
  if (tally.bySegment !== null) {
    const key = segmentKey();
    segment = tally.bySegment.get(key);
    if (segment === undefined) {
      segment = accumulator();
      tally.bySegment.set(key, segment);
    }
  }
  if (place.current === null) return;
  accumulate(tally.current, place.current, good, total);
  if (segment !== undefined) accumulate(segment, place.current, good, total);
}

/** A cell of the current window that is not an indicator: lost time, or an answer histogram. */
function addOtherCell(into: Collected, slot: Slot, values: readonly number[], at: number, width: number): void {
  if (slot === LOST_TIME_SLOT) {
    const seconds = values[at] ?? 0;
    const count = values[at + 1] ?? 0;
    if (count > 0 && seconds >= 0) {
      into.lostSeconds += seconds;
      into.lostCount += count;
    }
    return;
  }
  const kind = questionOfSlot(slot);
  const counts = values.slice(at, at + width);
  if (kind === null || counts.some((v) => v < 0) || counts.every((v) => v === 0)) return;
  const sum = into.answers.get(kind) ?? [];
  into.answers.set(
    kind,
    counts.map((v, i) => v + (sum[i] ?? 0)),
  );
}

/**
 * One pass over the XLA's own rows of the buckets, in scope, folding each count straight into the
 * window, previous window, per-day and per-segment sums the scorecard needs. Each decayed sum sees
 * the same rows in the same order as `aggregateRate` over the filtered rows would, so results are
 * identical to the bit; weights are computed once per day instead of once per row. Cells that
 * cannot be counts (a half-applied or corrupted bucket) are skipped rather than allowed to produce
 * impossible rates.
 */
function collect(
  xla: XlaDefinition,
  buckets: ReadonlyArray<RollupBucket>,
  range: DayRange,
  previousRange: DayRange,
): Collected {
  const into: Collected = { indicators: emptyTallies(xla), answers: new Map(), lostSeconds: 0, lostCount: 0 };
  const placeOf = placeFinder(range, previousRange, xla.halfLifeDays);
  for (const bucket of buckets) {
    const segments = Object.prototype.hasOwnProperty.call(bucket.x, xla.id) ? bucket.x[xla.id] : undefined;
    if (segments === undefined) continue;
    for (const [requestTypeId, priority, entries] of segments) {
      if (!scopeMatches(xla.scope, { projectId: bucket.p, requestTypeId, priority })) continue;
      let segmentKey: string | null = null;
      const segmentKeyOf = () => (segmentKey ??= JSON.stringify([bucket.p, requestTypeId, priority]));
      forEachEntry(entries, (dayOfMonth, slot, values, at, width) => {
        const place = placeOf(bucket.k, dayOfMonth);
        if (place === null || (!place.inCurrent && place.previous === null)) return;
        const tally = into.indicators.get(slot as IndicatorId);
        if (tally !== undefined) addIndicatorCell(tally, place, values[at] ?? 0, values[at + 1] ?? 0, segmentKeyOf);
        else if (place.inCurrent && !isIndicatorSlot(slot)) addOtherCell(into, slot, values, at, width);
      });
    }
  }
  return into;
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

function snapshot(acc: Accumulator | undefined): RateAggregate {
  return acc === undefined ? EMPTY_AGGREGATE : { ...acc };
}

/** What `aggregateRate` gives for one day's counts seen from that day (weight 2^0 = 1). */
function dayAggregate(tally: DayTally | undefined): RateAggregate {
  if (tally === undefined) return EMPTY_AGGREGATE;
  return {
    count: tally.total,
    goodCount: tally.good,
    weight: tally.total,
    goodWeight: tally.good,
    squaredWeight: tally.total,
  };
}

function indicatorCards(
  current: readonly IndicatorResult[],
  now: Composite,
  points: ReadonlyMap<IndicatorId, number>,
): IndicatorCard[] {
  return current.map((r) => ({
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
}

/** The previous window against the current one: score change, and which indicators really moved (Newcombe). */
function trendOf(
  xla: XlaDefinition,
  previousRange: DayRange,
  previous: readonly IndicatorResult[],
  current: readonly IndicatorResult[],
  shownScore: number | null,
): Trend {
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
  const change = shownScore !== null && previousScore !== null ? shownScore - previousScore : null;
  return {
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
}

/** One point per day of the window; each day seen from itself weighs 1, so its sums are its counts. */
function dailySeries(range: DayRange, evaluateDay: (day: DayKey) => IndicatorResult[]): DailyPoint[] {
  return daysOf(range).map((day) => {
    const results = evaluateDay(day);
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
}

/** The answer histograms per question kind, and the happiness score of the happiness10 one. */
function answersOf(collected: Collected) {
  const answers = QUESTION_KINDS.flatMap((kind) => {
    const counts = collected.answers.get(kind);
    return counts === undefined ? [] : [{ kind, counts }];
  });
  const happinessHistogram = answers.find((a) => a.kind === 'happiness10')?.counts;
  const happy = happinessHistogram === undefined ? null : happiness(happinessCountsOf(happinessHistogram));
  return { answers, happy };
}

/** Each indicator's prior and smoothing strength m, settled once on the current window. */
function indicatorSettings(
  xla: XlaDefinition,
  tallyOf: (id: IndicatorId) => IndicatorTally | undefined,
  options: ScorecardOptions,
): Array<{ spec: IndicatorSpec; prior: ReturnType<typeof priorFor>; strength: number }> {
  const smoothing = xla.smoothing;
  // m is settled once, on the current window, so the trend and the daily series use the same one.
  const strengthOf = (spec: IndicatorSpec): number => {
    if (smoothing.kind === 'fixed') return smoothing.strength;
    const aggregates = [...(tallyOf(spec.id)?.bySegment?.values() ?? [])].map(snapshot);
    return empiricalBayesStrength(aggregates) ?? DEFAULT_SMOOTHING_STRENGTH;
  };
  return xla.indicators.map((spec) => ({
    spec,
    prior: priorFor(spec, options.sitePriors),
    strength: strengthOf(spec),
  }));
}

/**
 * Evaluates an XLA over its window from rollup buckets (SCORING.md §2–§3). Pass the buckets of
 * the current and the previous window (for the trend); others are ignored. Pure and deterministic.
 */
export function buildScorecard(
  xla: XlaDefinition,
  buckets: ReadonlyArray<RollupBucket>,
  today: DayKey,
  options: ScorecardOptions = {},
): Scorecard {
  const range = currentWindow(xla.window, today);
  const previousRange = previousWindow(xla.window, today);
  const collected = collect(xla, buckets, range, previousRange);
  const tallyOf = (id: IndicatorId): IndicatorTally | undefined => collected.indicators.get(id);

  const settings = indicatorSettings(xla, tallyOf, options);

  const evaluate = (aggregateOf: (id: IndicatorId) => RateAggregate): IndicatorResult[] =>
    settings.map(({ spec, prior, strength }) => evaluateIndicator(spec, aggregateOf(spec.id), prior, strength));

  const current = evaluate((id) => snapshot(tallyOf(id)?.current));
  const now = composite(current);
  const status = statusBand(now.xla, now.sampleSize, xla.targetScore, xla.minSample);
  const shown = masked(now, status);
  const points = status === 'not-enough-data' ? new Map<IndicatorId, number>() : contributions(current, now);

  const indicators = indicatorCards(current, now, points);

  const previous = evaluate((id) => snapshot(tallyOf(id)?.previous));
  const trend = trendOf(xla, previousRange, previous, current, shown.score);

  const daily = dailySeries(range, (day) => evaluate((id) => dayAggregate(tallyOf(id)?.byDay.get(day))));

  const upperOf = (id: IndicatorId): number | null => current.find((r) => r.spec.id === id)?.interval?.upper ?? null;
  const verdict = watermelon({
    operations: now.operations,
    csatUpper: upperOf('csat'),
    sentimentUpper: upperOf('sentiment'),
  });

  const { answers, happy } = answersOf(collected);
  const { lostCount, lostSeconds } = collected;

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
