/**
 * Rebuilding rollups after an XLA change: every ticket's contribution is recomputed under the new
 * configuration and the difference applied, in chunks on a Forge queue. Each chunk handles at
 * most CHUNK tickets (well inside the consumer's time limit), saves its cursor, and queues the
 * next: a failed chunk is retried from its cursor, so the job is resumable. Live events keep
 * applying their own deltas meanwhile; both go through the same checked transaction.
 */
import { effectiveConfig } from './load-config';
import type { RecomputeStatus } from '../contracts/admin';
import { ConflictError, WriteConflict } from './errors';
import type { AppPorts } from './ports';
import { commitTicketWrite, deriveRecord, withOptimisticRetry } from './ticket-change';

export const RECOMPUTE_CHUNK = 50;

type State = RecomputeStatus & { readonly cursor: string | null; readonly configVersion: number };

export async function recomputeStatus(ports: AppPorts): Promise<RecomputeStatus | null> {
  const stored = await ports.store.getRecompute();
  if (stored === null) return null;
  const { cursor: _c, configVersion: _v, ...status } = stored.value;
  return status;
}

/** Starts a job; a second start while one runs is refused (or, after a config save, left to the running one). */
export async function startRecompute(ports: AppPorts, actorId: string, options: { refuseIfRunning: boolean }): Promise<RecomputeStatus | null> {
  const stored = await ports.store.getRecompute();
  const running = stored !== null && (stored.value.state === 'queued' || stored.value.state === 'running');
  if (running) {
    if (options.refuseIfRunning) throw new ConflictError(`A recompute is already running (${stored.value.processed} tickets done).`, 'recompute-running');
    // The running job reads the configuration afresh at every chunk; restart it from the top.
    const restarted: State = { ...stored.value, cursor: null, processed: 0, message: 'Restarted after a configuration change' };
    await ports.store.saveRecompute(restarted, stored.rev).catch((e: unknown) => {
      if (!(e instanceof WriteConflict)) throw e;
    });
    return await recomputeStatus(ports);
  }
  const now = ports.clock.now();
  const config = await effectiveConfig(ports);
  const state: State = { jobId: ports.random.id(), state: 'queued', processed: 0, total: null, startedAt: now, finishedAt: null, message: 'Queued', cursor: null, configVersion: config.version };
  try {
    await ports.store.saveRecompute(state, stored?.rev ?? 0);
  } catch (e) {
    if (e instanceof WriteConflict) throw new ConflictError('A recompute was just started by someone else.', 'recompute-running');
    throw e;
  }
  await ports.queue.pushRecompute({ jobId: state.jobId });
  if (actorId !== '') await ports.store.appendAudit({ id: `${now}-${ports.random.id()}`, at: now, actorId, action: 'recompute-started', target: state.jobId, summary: 'Rollups recompute started' });
  const { cursor: _c, configVersion: _v, ...status } = state;
  return status;
}

/** One chunk of the job (the queue consumer). Returns true when another chunk was queued. */
export async function runRecomputeChunk(ports: AppPorts, jobId: string): Promise<boolean> {
  const stored = await ports.store.getRecompute();
  if (stored === null || stored.value.jobId !== jobId || stored.value.state === 'done' || stored.value.state === 'failed') return false;
  const config = await effectiveConfig(ports);
  const page = await ports.store.allTickets(stored.value.cursor, RECOMPUTE_CHUNK);
  let done = 0;
  for (const item of page.items) {
    await withOptimisticRetry(ports, async () => {
      const fresh = (await ports.store.getTicket(item.value.ticketId)) ?? item;
      const now = ports.clock.now();
      const derived = deriveRecord(fresh.value, config, now);
      await commitTicketWrite(ports, config, { before: fresh, after: derived.record });
    });
    done += 1;
  }
  const processed = stored.value.processed + done;
  const finished = page.cursor === null;
  const next: State = {
    ...stored.value,
    state: finished ? 'done' : 'running',
    processed,
    total: finished ? processed : null,
    finishedAt: finished ? ports.clock.now() : null,
    message: finished ? `Recomputed ${processed} tickets` : `Recomputed ${processed} tickets so far`,
    cursor: page.cursor,
    configVersion: config.version,
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
