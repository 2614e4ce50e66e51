import type { SiteAggregates, SitePriors } from '../../domain/scoring';

/** The daily site-priors computation (refresh-site-priors.ts): the finished priors and a run in progress. */
export interface SitePriorsState {
  /** The day the finished priors were computed for; null before the first run finished. */
  readonly day: string | null;
  /** The rollup generation they were computed from. */
  readonly generation: string;
  readonly computedAt: number | null;
  readonly projects: number;
  /** Finished priors per XLA: each XLA's own outcome definitions, counting each ticket once. */
  readonly byXla: Readonly<Record<string, SitePriors>>;
  /** A run in progress (the finished priors above stay in use meanwhile). */
  readonly run: {
    readonly day: string;
    readonly generation: string;
    readonly cursor: string | null;
    readonly projects: number;
    readonly sums: Readonly<Record<string, SiteAggregates>>;
  } | null;
}
