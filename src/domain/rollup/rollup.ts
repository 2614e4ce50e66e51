import { canonicalCells, cellKey, cellValues, withValues, type Cell } from './cell';
import { invertDelta, type Contribution, type RollupDelta } from './contribution';

/** Summed cells keyed by `cellKey`. Never mutated: every operation returns a new rollup. */
export type Rollup = ReadonlyMap<string, Cell>;

export function emptyRollup(): Rollup {
  return new Map();
}

export function rollupFromCells(cells: Iterable<Cell>): Rollup {
  return new Map(canonicalCells(cells).map((cell) => [cellKey(cell), cell]));
}

/**
 * Adds a delta; cells that reach all-zero are removed so a rollup has one representation.
 * Costs O(size of the rollup) for the copy plus O(size of the delta).
 */
export function applyDelta(rollup: Rollup, delta: RollupDelta): Rollup {
  if (delta.length === 0) return rollup;
  const next = new Map(rollup);
  for (const cell of delta) {
    const key = cellKey(cell);
    const current = next.get(key);
    const added = cellValues(cell);
    const values = current === undefined ? added : cellValues(current).map((v, i) => v + (added[i] ?? 0));
    if (values.every((v) => v === 0)) next.delete(key);
    else next.set(key, withValues(cell, values));
  }
  return next;
}

/** The inverse of applyDelta: unapplyDelta(applyDelta(r, d), d) equals r. */
export function unapplyDelta(rollup: Rollup, delta: RollupDelta): Rollup {
  return applyDelta(rollup, invertDelta(delta));
}

/** Folds contributions of distinct tickets into one rollup (a recompute). */
export function rollupOf(contributions: Iterable<Contribution>): Rollup {
  // One pass over all cells instead of a copy per ticket: a recompute folds thousands.
  return rollupFromCells([...contributions].flat());
}

/** The cells of a rollup in key order, for comparing and storing. */
export function rollupCells(rollup: Rollup): Cell[] {
  return [...rollup.keys()].sort().flatMap((key) => {
    const cell = rollup.get(key);
    return cell === undefined ? [] : [cell];
  });
}
