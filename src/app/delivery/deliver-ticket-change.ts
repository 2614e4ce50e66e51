/**
 * Post-commit delivery: what a committed ticket change still owes Jira. Side effects outside KVS
 * run after the commit: the JQL property (idempotent; the next change of the ticket rewrites it)
 * and the survey comments the ticket still owes (`undelivered`, confirmed once sent). Both are
 * attempted; the first failure is rethrown so the platform redelivers the event, and the
 * redelivery — a no-op for storage — makes both good.
 *
 * Use cases return a `TicketDelivery`; the handlers (and the hourly job, through the function the
 * handler gives it) call `deliverTicketChange` with it.
 */
import { isDone } from '../../domain/ticket';
import type { AppPorts, ExperienceProperty, StoredConfig, Versioned } from '../ports';
import type { TicketRecord } from '../tickets/ticket-record';
import { deliverOwedComments } from './deliver-owed-comments';

export interface TicketDelivery {
  /** The configuration the change was made under (which plans deliver by comment). */
  readonly config: StoredConfig;
  readonly ticketId: string;
  /** The JQL-searchable summary to write; null when it did not change. */
  readonly property: ExperienceProperty | null;
  /** Pending asks whose public survey comment is not confirmed sent. */
  readonly owed: readonly string[];
  /** Whether the request is resolved: a comment sent now asks about the outcome. */
  readonly resolved: boolean;
  /** The ticket's requester, whose cached language is read beside the owed asks (one round trip). */
  readonly requesterId?: string | null;
  /**
   * The ticket as this invocation just committed it: confirming a sent comment writes on top of it
   * without reading it again (a conflict, when someone wrote meanwhile, falls back to reading).
   */
  readonly committed?: Versioned<TicketRecord>;
}

export type Deliver = (delivery: TicketDelivery | null) => Promise<number>;

/** What a just-committed record owes: its property when it changed, its undelivered comments. */
export function deliveryOf(
  config: StoredConfig,
  record: TicketRecord,
  property: ExperienceProperty | null,
): TicketDelivery {
  return {
    config,
    ticketId: record.ticketId,
    property,
    owed: record.undelivered,
    resolved: isDone(record.experience),
    requesterId: record.experience.reporterId,
  };
}

/**
 * Writes the property and sends the owed comments side by side: neither waits for the other, so
 * the event's critical path is the longer of the two, not their sum. Returns how many comments
 * were sent; a failure is rethrown once both have been attempted.
 */
export async function deliverTicketChange(ports: AppPorts, delivery: TicketDelivery | null): Promise<number> {
  if (delivery === null) return 0;
  const [property, comments] = await Promise.allSettled([
    delivery.property === null ? null : ports.jira.setExperienceProperty(delivery.ticketId, delivery.property),
    delivery.owed.length > 0 ? deliverOwedComments(ports, delivery.config, delivery) : 0,
  ]);
  if (property.status === 'rejected') throw property.reason;
  if (comments.status === 'rejected') throw comments.reason;
  return comments.value;
}
