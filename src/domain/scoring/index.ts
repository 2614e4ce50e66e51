export * from './constants';
export {
  EMPTY_AGGREGATE,
  aggregateRate,
  decayWeight,
  decayedRate,
  effectiveN,
  mergeAggregates,
  type DayCount,
  type RateAggregate,
} from './decay';
export { wilsonCounts, wilsonInterval, type Interval } from './wilson';
export { excludesZero, newcombeDifference } from './newcombe';
export { empiricalBayesStrength, smoothedRate } from './smoothing';
export {
  CONFIDENCE_LEVELS,
  STATUS_BANDS,
  confidenceOf,
  groupScore,
  indicatorScore,
  isLiftCapped,
  statusBand,
  xlaScore,
  type Confidence,
  type StatusBand,
  type WeightedScore,
} from './score';
export { happiness, happinessCountsOf, type Happiness, type HappinessCounts } from './happiness';
export { watermelon, type WatermelonInput, type WatermelonVerdict } from './watermelon';
export { currentWindow, daysOf, inRange, previousWindow, type DayRange } from './window';
export {
  EMPTY_SITE_AGGREGATES,
  mergeSiteAggregates,
  priorFor,
  priorsFromAggregates,
  siteAggregates,
  sitePriors,
  type SiteAggregates,
  type PriorSource,
  type SitePrior,
  type SitePriorOptions,
  type SitePriors,
} from './priors';
export { buildScorecard, type ScorecardOptions } from './build-scorecard';
