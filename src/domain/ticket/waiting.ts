import type { StatusRef } from '../lifecycle-event';
import type { EpochMs } from '../time';
import type { StatusEntry, TicketExperience } from './experience';

/**
 * Time in a status counts as waiting for support while the ticket is not done and the status is
 * not one where the team waits for the customer. Names match case-insensitively, ids exactly.
 */
export function isWaitingForSupport(status: StatusRef, waitingForCustomerStatuses: readonly string[]): boolean {
  if (status.category === 'done') return false;
  const name = status.name.trim().toLowerCase();
  return !waitingForCustomerStatuses.some((s) => s === status.id || s.trim().toLowerCase() === name);
}

/** Waiting time of consecutive entries, the last one running until `until`. */
export function waitingOf(entries: readonly StatusEntry[], until: EpochMs): number {
  let total = 0;
  entries.forEach((entry, i) => {
    if (!entry.waitingForSupport) return;
    const end = entries[i + 1]?.at ?? until;
    total += Math.max(0, end - entry.at);
  });
  return total;
}

/**
 * Total time the ticket waited for support up to `until`, recomputed from the sorted status
 * timeline (so late events land in the right place) plus what was folded away for size.
 */
export function waitingForSupportMs(e: TicketExperience, until: EpochMs): number {
  return (e.timelineCarry?.waitingMs ?? 0) + waitingOf(e.statusTimeline, until);
}

/**
 * Where an ongoing wait is measured to when no clock is given (outcomes are pure): the latest fact
 * we know. A done ticket adds nothing after its last transition anyway.
 */
export function knownUntil(e: TicketExperience): EpochMs {
  return e.lastEventAt;
}
