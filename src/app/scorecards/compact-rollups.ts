/**
 * The hourly compaction of rollups into day summaries (docs/storage.md, "Day summaries"): each
 * day whose shard buckets changed since it was last compacted is summed into one summary row, and
 * its shards are marked compacted, in one transaction checked on every revision read. A dashboard
 * then reads one row per day instead of eight shards: ~1/8 of the bytes at any ticket count.
 *
 * Exact at any lag: a shard written after the compaction read it fails the transaction (the day
 * stays live and is summed again next time), and a shard written after the transaction is live
 * again, so readers take that day's shards, not its summary. A replayed event changes nothing
 * (its contribution is already in the shard); a recompute writes a new generation, whose days are
 * all live until compacted.
 *
 * Bounded per run: at most COMPACT_DAYS_PER_RUN days, COMPACT_PARALLEL at a time (each two round
 * trips: the day's 9 rows in one batch read, then the transaction).
 */
import { summedBucket, type RollupBucket } from '../../domain/rollup';
import { WriteConflict } from '../errors';
import { effectiveConfig } from '../configuration/effective-config';
import { LEGACY_GENERATIONS, type AppPorts, type DayRows } from '../ports';

export const COMPACT_DAYS_PER_RUN = 400;
const COMPACT_PARALLEL = 8;

export interface CompactionResult {
  /** Days whose summary was written this run. */
  readonly compacted: number;
  /** Days a concurrent write moved meanwhile: still live, compacted on a later run. */
  readonly conflicts: number;
  /** Whether days were left for the next run. */
  readonly more: boolean;
}

/** The summary of a day's rows: their buckets summed. */
export function summaryOf(rows: DayRows): RollupBucket | null {
  const buckets = rows.shards.flatMap((s) => (s.value.bucket === null ? [] : [s.value.bucket]));
  return buckets.length === 0 ? null : summedBucket({ projectId: rows.projectId, period: rows.day }, buckets);
}

async function compactDay(ports: AppPorts, generation: string, projectId: string, day: string): Promise<boolean> {
  const rows = await ports.rollups.dayRows(generation, projectId, day);
  try {
    await ports.rollups.saveDaySummary(rows, summaryOf(rows));
    return true;
  } catch (e) {
    if (e instanceof WriteConflict) return false;
    throw e;
  }
}

export async function compactRollups(
  ports: AppPorts,
  options: { readonly maxDays?: number } = {},
): Promise<CompactionResult> {
  const config = await effectiveConfig(ports);
  const gens = config.rollups ?? LEGACY_GENERATIONS;
  // The generation dashboards read first; then one being rebuilt, so it is compact when it goes live.
  const generations = [gens.active, ...(gens.building !== null ? [gens.building] : [])];
  let budget = options.maxDays ?? COMPACT_DAYS_PER_RUN;
  let compacted = 0;
  let conflicts = 0;
  let more = false;
  for (const generation of generations) {
    // Days that conflicted stay live; skipping them lets this run reach the days after them.
    const tried = new Set<string>();
    for (;;) {
      const todo = (await ports.rollups.daysToCompact(generation, budget + tried.size)).filter(
        (d) => !tried.has(`${d.projectId}/${d.day}`),
      );
      if (todo.length === 0) break;
      if (budget <= 0) {
        more = true;
        break;
      }
      const batch = todo.slice(0, Math.min(budget, COMPACT_PARALLEL));
      const done = await Promise.all(batch.map((d) => compactDay(ports, generation, d.projectId, d.day)));
      batch.forEach((d, i) => {
        if (done[i] === true) compacted += 1;
        else {
          conflicts += 1;
          tried.add(`${d.projectId}/${d.day}`);
        }
      });
      budget -= batch.length;
    }
  }
  return { compacted, conflicts, more };
}
