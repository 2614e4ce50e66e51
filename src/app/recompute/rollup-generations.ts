/**
 * The configuration's rollup generations as a recompute moves them: `building` names the job's
 * generation while it runs, the last chunk makes it `active`, and every generation that stops
 * being live is listed in `retired` in the same checked write (the hourly clean-up deletes it).
 */
import type { AppPorts, RollupGenerations, StoredConfig } from '../ports';
import { effectiveConfig } from '../configuration/effective-config';
import { withOptimisticRetry } from '../tickets/optimistic-retry';

/** Points the configuration's `building` generation at `jobId` (or finishes: `active` := building). */
export async function setGenerations(
  ports: AppPorts,
  change: (c: StoredConfig) => StoredConfig | null,
): Promise<StoredConfig | null> {
  return withOptimisticRetry(ports, async () => {
    const config = await effectiveConfig(ports);
    const next = change(config);
    if (next === null) return null;
    // Not an admin edit: the edit version stays, only the document revision moves.
    await ports.config.saveConfig(next, config.rev ?? config.version);
    return { ...next, rev: (config.rev ?? config.version) + 1 };
  });
}

/** The most retired generations kept waiting for clean-up (the hourly job drains them long before). */
const RETIRED_KEPT = 100;

/** `generations.retired` plus `generation` (when there is one and it is not live any more). */
export function retire(
  generations: RollupGenerations,
  generation: string | null,
  at: number,
): RollupGenerations['retired'] {
  const retired = generations.retired ?? [];
  if (generation === null || retired.some((r) => r.generation === generation)) return retired;
  return [...retired, { generation, at }].slice(-RETIRED_KEPT);
}
