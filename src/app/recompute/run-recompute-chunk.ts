import { effectiveConfig } from '../configuration/effective-config';
import { WriteConflict } from '../errors';
import { LEGACY_GENERATIONS, type AppPorts, type RecomputeState } from '../ports';
import { commitTicketWrite } from '../tickets/commit-ticket-write';
import { deriveRecord } from '../tickets/derive-record';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { retire, setGenerations } from './rollup-generations';
import { writeChunk } from './write-chunk';

/** Tickets per chunk: well inside the consumer's time limit (docs/storage.md). */
export const RECOMPUTE_CHUNK = 50;

/** One chunk of the job (the queue consumer). Returns true when another chunk was queued. */
export async function runRecomputeChunk(ports: AppPorts, jobId: string): Promise<boolean> {
  const [stored, current] = await Promise.all([ports.documents.getRecompute(), effectiveConfig(ports)]);
  if (
    stored === null ||
    stored.value.jobId !== jobId ||
    stored.value.state === 'done' ||
    stored.value.state === 'failed'
  )
    return false;
  // The last chunk switched generations but its state save was lost (the function died between
  // the two): it is delivered again, and only the save is left to do.
  const switched = current.rollups?.active === jobId;
  if (current.rollups?.building !== jobId && !switched) return false;
  const page = await ports.tickets.allTickets(stored.value.cursor, RECOMPUTE_CHUNK);
  // Together in a few transactions (write-chunk.ts); what a race left over, one by one.
  const left = switched ? [] : await writeChunk(ports, current, page.items);
  let done = page.items.length - left.length;
  for (const item of left) {
    const written = await withOptimisticRetry(ports, async () => {
      // Read per ticket and checked in the transaction: a write under a superseded configuration
      // would put the ticket into the wrong generation.
      const config = await effectiveConfig(ports);
      if (config.rollups?.building !== jobId) return false;
      const fresh = (await ports.tickets.getTicket(item.value.ticketId)) ?? item;
      const derived = deriveRecord(fresh.value, config, ports.clock.now());
      await commitTicketWrite(ports, config, { before: fresh, after: derived.record }, { checkConfig: true });
      return true;
    });
    if (!written) return false; // superseded by a newer job
    done += 1;
  }
  const processed = stored.value.processed + done;
  const finished = page.cursor === null;
  if (finished && !switched) {
    const changed = await setGenerations(ports, (c) => {
      const g = c.rollups ?? LEGACY_GENERATIONS;
      // The generation dashboards read until now is left to the hourly clean-up.
      return g.building === jobId
        ? { ...c, rollups: { active: jobId, building: null, retired: retire(g, g.active, ports.clock.now()) } }
        : null;
    });
    if (changed === null) return false;
  }
  const next: RecomputeState = {
    ...stored.value,
    state: finished ? 'done' : 'running',
    processed,
    total: finished ? processed : null,
    finishedAt: finished ? ports.clock.now() : null,
    message: finished ? `Recomputed ${processed} tickets` : `Recomputed ${processed} tickets so far`,
    cursor: page.cursor,
  };
  try {
    await ports.documents.saveRecompute(next, stored.rev);
  } catch (e) {
    // Restarted meanwhile (a new config save): the restart owns the job now.
    if (e instanceof WriteConflict) return false;
    throw e;
  }
  if (!finished) await ports.queue.pushRecompute({ jobId });
  return !finished;
}
