/**
 * Rebuilding the rollups after an XLA or plan change. A job builds a fresh rollup generation
 * (named by its job id) while the dashboards keep reading the active one:
 *
 * 1. start: the configuration names the job's generation as `building`; from then on every ticket
 *    write (events, answers, the hourly job) also keeps that generation up to date;
 * 2. chunks on the `sentio-recompute` queue walk every ticket (CHUNK at a time, well inside the
 *    consumer's time limit) and write each ticket's whole contribution, under the current
 *    configuration, into the new generation — wrong or stale buckets are not carried over, and an
 *    XLA that was deleted simply has no rows there;
 * 3. the last chunk switches `active` to the new generation in one checked write.
 *
 * The cursor and counts are saved after every chunk, so a failed chunk resumes where it stopped.
 * A configuration save during a run restarts it with a new generation; the half-built one is
 * abandoned (tickets that hold it are simply written in full into the next one). Both the
 * abandoned generation and the one a finished job replaces are listed in `rollups.retired`, in
 * the same checked write that stops them being live, and the hourly job deletes their buckets
 * (src/app/collect-rollup-generations.ts).
 */
import { effectiveConfig } from './load-config';
import type { RecomputeStatus } from '../contracts/admin';
import { ConflictError, WriteConflict } from './errors';
import { LEGACY_GENERATIONS, type AppPorts, type RollupGenerations, type StoredConfig } from './ports';
import { commitTicketWrite, deriveRecord, withOptimisticRetry } from './ticket-change';

export const RECOMPUTE_CHUNK = 50;

type State = RecomputeStatus & { readonly cursor: string | null; readonly configVersion: number };

export async function recomputeStatus(ports: AppPorts): Promise<RecomputeStatus | null> {
  const stored = await ports.store.getRecompute();
  if (stored === null) return null;
  const { cursor: _c, configVersion: _v, ...status } = stored.value;
  return status;
}

/** Points the configuration's `building` generation at `jobId` (or finishes: `active` := building). */
async function setGenerations(
  ports: AppPorts,
  change: (c: StoredConfig) => StoredConfig | null,
): Promise<StoredConfig | null> {
  return withOptimisticRetry(ports, async () => {
    const config = await effectiveConfig(ports);
    const next = change(config);
    if (next === null) return null;
    // Not an admin edit: the edit version stays, only the document revision moves.
    await ports.store.saveConfig(next, config.rev ?? config.version);
    return { ...next, rev: (config.rev ?? config.version) + 1 };
  });
}

/** The most retired generations kept waiting for clean-up (the hourly job drains them long before). */
const RETIRED_KEPT = 100;

/** `generations.retired` plus `generation` (when there is one and it is not live any more). */
function retire(generations: RollupGenerations, generation: string | null, at: number): RollupGenerations['retired'] {
  const retired = generations.retired ?? [];
  if (generation === null || retired.some((r) => r.generation === generation)) return retired;
  return [...retired, { generation, at }].slice(-RETIRED_KEPT);
}

/** Starts a job; a second start while one runs is refused (or, after a config save, restarts it). */
export async function startRecompute(
  ports: AppPorts,
  actorId: string,
  options: { refuseIfRunning: boolean },
): Promise<RecomputeStatus | null> {
  const stored = await ports.store.getRecompute();
  const running = stored !== null && (stored.value.state === 'queued' || stored.value.state === 'running');
  if (running && options.refuseIfRunning) {
    throw new ConflictError(
      `A recompute is already running (${stored.value.processed} tickets done).`,
      'recompute-running',
    );
  }
  const now = ports.clock.now();
  const jobId = ports.random.id();
  const state: State = {
    jobId,
    state: 'queued',
    processed: 0,
    total: null,
    startedAt: now,
    finishedAt: null,
    message: running ? 'Restarted after a configuration change' : 'Queued',
    cursor: null,
    configVersion: 0,
  };
  try {
    await ports.store.saveRecompute(state, stored?.rev ?? 0);
  } catch (e) {
    if (e instanceof WriteConflict)
      throw new ConflictError('A recompute was just started by someone else.', 'recompute-running');
    throw e;
  }
  // From here on, every ticket write also keeps the new generation up to date; a half-built
  // generation this restart supersedes is retired for the hourly clean-up.
  await setGenerations(ports, (c) => {
    const g = c.rollups ?? LEGACY_GENERATIONS;
    return { ...c, rollups: { active: g.active, building: jobId, retired: retire(g, g.building, now) } };
  });
  await ports.queue.pushRecompute({ jobId });
  if (actorId !== '')
    await ports.store.appendAudit({
      id: `${now}-${ports.random.id()}`,
      at: now,
      actorId,
      action: 'recompute-started',
      target: jobId,
      summary: 'Rollups recompute started',
    });
  const { cursor: _c, configVersion: _v, ...status } = state;
  return status;
}

/** One chunk of the job (the queue consumer). Returns true when another chunk was queued. */
export async function runRecomputeChunk(ports: AppPorts, jobId: string): Promise<boolean> {
  const stored = await ports.store.getRecompute();
  if (
    stored === null ||
    stored.value.jobId !== jobId ||
    stored.value.state === 'done' ||
    stored.value.state === 'failed'
  )
    return false;
  const page = await ports.store.allTickets(stored.value.cursor, RECOMPUTE_CHUNK);
  let done = 0;
  for (const item of page.items) {
    const written = await withOptimisticRetry(ports, async () => {
      // Read per ticket and checked in the transaction: a write under a superseded configuration
      // would put the ticket into the wrong generation.
      const config = await effectiveConfig(ports);
      if (config.rollups?.building !== jobId) return false;
      const fresh = (await ports.store.getTicket(item.value.ticketId)) ?? item;
      const derived = deriveRecord(fresh.value, config, ports.clock.now());
      await commitTicketWrite(ports, config, { before: fresh, after: derived.record }, { checkConfig: true });
      return true;
    });
    if (!written) return false; // superseded by a newer job
    done += 1;
  }
  const processed = stored.value.processed + done;
  const finished = page.cursor === null;
  if (finished) {
    const switched = await setGenerations(ports, (c) => {
      const g = c.rollups ?? LEGACY_GENERATIONS;
      // The generation dashboards read until now is left to the hourly clean-up.
      return g.building === jobId
        ? { ...c, rollups: { active: jobId, building: null, retired: retire(g, g.active, ports.clock.now()) } }
        : null;
    });
    if (switched === null) return false;
  }
  const next: State = {
    ...stored.value,
    state: finished ? 'done' : 'running',
    processed,
    total: finished ? processed : null,
    finishedAt: finished ? ports.clock.now() : null,
    message: finished ? `Recomputed ${processed} tickets` : `Recomputed ${processed} tickets so far`,
    cursor: page.cursor,
  };
  try {
    await ports.store.saveRecompute(next, stored.rev);
  } catch (e) {
    // Restarted meanwhile (a new config save): the restart owns the job now.
    if (e instanceof WriteConflict) return false;
    throw e;
  }
  if (!finished) await ports.queue.pushRecompute({ jobId });
  return !finished;
}
