/** Φ⁻¹(0.975): every interval in SCORING.md is a 95% one. */
export const Z95 = 1.959963984540054;

/** SCORING.md §2.1: observations older than this no longer count at all. */
export const MAX_AGE_DAYS = 180;
export const DEFAULT_HALF_LIFE_DAYS = 30;

/** SCORING.md §2.2: smoothing strength m, and the range empirical Bayes may pick it from. */
export const DEFAULT_SMOOTHING_STRENGTH = 10;
export const MIN_EMPIRICAL_STRENGTH = 2;
export const MAX_EMPIRICAL_STRENGTH = 100;

/** The site-wide rate becomes the prior μ only when it rests on at least this effective n. */
export const SITE_PRIOR_MIN_EFFECTIVE_N = 30;

/** SCORING.md §3. */
export const EXPERIENCE_SHARE = 0.7;
export const OPERATIONS_LIFT_CAP = 10;
export const AT_RISK_MARGIN = 20;
export const WATERMELON_OPERATIONS_MIN = 80;
export const WATERMELON_CSAT_UPPER = 0.7;
export const WATERMELON_SENTIMENT_UPPER = 0.75;

/**
 * Kish's n_eff of k equally weighted tickets is k only up to rounding ((k·w)²/(k·w²) may give
 * 29.999999999999996), so thresholds on n_eff allow this much slack.
 */
export const EFFECTIVE_N_SLACK = 1e-9;
