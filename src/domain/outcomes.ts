import type { IndicatorId } from './indicator';
import type { QuestionKind } from './question';
import type { DayKey } from './time';

/** The slice of a project a rollup bucket belongs to: dashboards filter and compare by it. */
export interface Segment {
  readonly projectId: string;
  readonly requestTypeId: string | null;
  readonly priority: string | null;
}

/** One ticket's good/bad outcome for one indicator, on the day it counts (SCORING.md §1). */
export interface IndicatorOutcome {
  readonly good: boolean;
  readonly day: DayKey;
}

/**
 * Everything one ticket contributes to one XLA's rollups. Indicators that cannot be observed for
 * the ticket are absent (missing), never counted as good.
 */
export interface TicketOutcomes {
  readonly segment: Segment;
  readonly indicators: Partial<Record<IndicatorId, IndicatorOutcome>>;
  /** The latest satisfaction answer that feeds csat, for happiness and score distributions. */
  readonly answer: { readonly kind: QuestionKind; readonly score: number; readonly day: DayKey } | null;
  /** Answered "time lost", in minutes (bucket midpoint), for the lost-time figure. */
  readonly lostTime: { readonly minutes: number; readonly day: DayKey } | null;
}
