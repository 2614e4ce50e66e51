/**
 * Deleting the buckets of retired rollup generations (a rebuild that was superseded, or the
 * generation a finished rebuild replaced: see start-recompute.ts). Nothing reads them, but they
 * would otherwise stay in storage forever.
 *
 * Bounded per run: at most GC_KEYS_PER_RUN deletes and GC_QUERIES_PER_RUN queries; the project
 * cursor is saved in the `rollup-gc` document, so the next hour carries on where this one stopped.
 * A generation is only touched RETIRED_GRACE_MS after it stopped being live: an event that read the
 * configuration just before the switch may still commit into it for a few seconds, and would
 * otherwise re-create a bucket behind the clean-up.
 */
import { HOUR_MS } from '../../domain/time';
import { WriteConflict } from '../errors';
import { effectiveConfig } from '../configuration/effective-config';
import { LEGACY_GENERATIONS, type AppPorts, type RollupGcState } from '../ports';
import { withOptimisticRetry } from '../tickets/optimistic-retry';

export const GC_KEYS_PER_RUN = 200;
export const GC_QUERIES_PER_RUN = 100;
export const RETIRED_GRACE_MS = HOUR_MS;

export interface GcResult {
  readonly deleted: number;
  /** Generations whose every bucket is gone (dropped from `rollups.retired`). */
  readonly finished: readonly string[];
}

/** Deletes one project's buckets of `generation` within the budget; false when the budget ran out first. */
async function clearProject(
  ports: AppPorts,
  generation: string,
  projectId: string,
  budget: { keys: number; queries: number; deleted: number },
): Promise<boolean> {
  for (;;) {
    if (budget.keys <= 0 || budget.queries <= 0) return false;
    budget.queries -= 1;
    const limit = Math.min(100, budget.keys);
    const keys = await ports.rollups.bucketsOfGeneration(generation, projectId, limit);
    if (keys.length > 0) {
      await ports.rollups.deleteBuckets(keys);
      budget.keys -= keys.length;
      budget.deleted += keys.length;
    }
    if (keys.length < limit) return true;
  }
}

export async function collectRetiredGenerations(
  ports: AppPorts,
  options: { readonly maxKeys?: number; readonly maxQueries?: number } = {},
): Promise<GcResult> {
  const config = await effectiveConfig(ports);
  const now = ports.clock.now();
  const gens = config.rollups ?? LEGACY_GENERATIONS;
  const ripe = (gens.retired ?? [])
    .filter((r) => now - r.at >= RETIRED_GRACE_MS && r.generation !== gens.active && r.generation !== gens.building)
    .map((r) => r.generation);
  if (ripe.length === 0) return { deleted: 0, finished: [] };

  const stored = await ports.documents.getDoc('rollup-gc');
  let state: RollupGcState = stored?.value ?? { generation: null, cursor: null };
  // Carry on with the generation a previous run was in the middle of.
  const order =
    state.generation !== null && ripe.includes(state.generation)
      ? [state.generation, ...ripe.filter((g) => g !== state.generation)]
      : ripe;
  const budget = {
    keys: options.maxKeys ?? GC_KEYS_PER_RUN,
    queries: options.maxQueries ?? GC_QUERIES_PER_RUN,
    deleted: 0,
  };
  const finished: string[] = [];

  outer: for (const generation of order) {
    if (state.generation !== generation) state = { generation, cursor: null };
    for (;;) {
      if (budget.queries <= 0) break outer;
      budget.queries -= 1;
      const page = await ports.rollups.projectsSeen(state.cursor, 100);
      for (const projectId of page.items) {
        // Out of budget mid-page: the cursor stays before this page; cleared projects cost one query next time.
        if (!(await clearProject(ports, generation, projectId, budget))) break outer;
      }
      if (page.cursor === null) break;
      state = { generation, cursor: page.cursor };
    }
    finished.push(generation);
    state = { generation: null, cursor: null };
  }

  try {
    await ports.documents.putDoc('rollup-gc', state, stored?.rev ?? 0);
  } catch (e) {
    // Two runs overlapped; both only deleted dead keys, and the next run re-reads the cursor.
    if (!(e instanceof WriteConflict)) throw e;
  }
  if (finished.length > 0) {
    await withOptimisticRetry(ports, async () => {
      const c = await effectiveConfig(ports);
      const g = c.rollups ?? LEGACY_GENERATIONS;
      // Not an admin edit: the edit version stays, only the document revision moves.
      await ports.config.saveConfig(
        { ...c, rollups: { ...g, retired: (g.retired ?? []).filter((r) => !finished.includes(r.generation)) } },
        c.rev ?? c.version,
      );
    });
  }
  return { deleted: budget.deleted, finished };
}
