/**
 * Why a fatigue rule held an ask back, in the order a cell's `held` slot counts them (cell.ts). On
 * its own so that the project page's contract names them without loading the rollup's cells.
 */
export const FATIGUE_REASONS = ['cooldown', 'max-asks-reached', 'ask-pending', 'sampled-out'] as const;
