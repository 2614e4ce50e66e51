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
 * (src/app/recompute/collect-retired-generations.ts).
 */
import { ConflictError, TransientError } from '../errors';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { LEGACY_GENERATIONS, type AppPorts, type RecomputeJob, type RecomputeState } from '../ports';
import { retire, setGenerations } from './rollup-generations';

/** Starts a job; a second start while one runs is refused (or, after a config save, restarts it). */
export async function startRecompute(
  ports: AppPorts,
  actorId: string,
  options: { refuseIfRunning: boolean },
): Promise<RecomputeJob | null> {
  const now = ports.clock.now();
  const jobId = ports.random.id();
  // A running job saves its progress after every chunk, so the state's revision moves under a
  // start: re-read and decide again rather than call a moving job "someone else's start".
  const state = await withOptimisticRetry(ports, async () => {
    const stored = await ports.documents.getRecompute();
    const running = stored !== null && (stored.value.state === 'queued' || stored.value.state === 'running');
    if (running && options.refuseIfRunning) {
      throw new ConflictError(
        `A recompute is already running (${stored.value.processed} tickets done).`,
        'recompute-running',
      );
    }
    const next: RecomputeState = {
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
    await ports.documents.saveRecompute(next, stored?.rev ?? 0);
    return next;
  }).catch((e: unknown) => {
    if (e instanceof TransientError)
      throw new ConflictError('A recompute was just started by someone else.', 'recompute-running');
    throw e;
  });
  // From here on, every ticket write also keeps the new generation up to date; a half-built
  // generation this restart supersedes is retired for the hourly clean-up.
  await setGenerations(ports, (c) => {
    const g = c.rollups ?? LEGACY_GENERATIONS;
    return { ...c, rollups: { active: g.active, building: jobId, retired: retire(g, g.building, now) } };
  });
  await ports.queue.pushRecompute({ jobId });
  if (actorId !== '')
    await ports.audit.appendAudit({
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
