/**
 * A Jira issue event: normalise → fold into the ticket's experience → evaluate survey plans →
 * commit ticket + asks + rollup delta in one checked transaction. What the change owes Jira after
 * the commit (the JQL property, the optional survey comment) comes back as a `TicketDelivery` for
 * the handler to deliver. Idempotent: every domain event has a natural key the experience
 * remembers, asks have derived ids, and the rollups get new − stored contributions.
 *
 * Cost: 1 read of the configuration, 1 of the ticket, 1 transaction (+1 conditional read per
 * record it writes); rollup buckets only when an outcome changes; Jira only for the issue when the
 * ticket is first seen (one read, request type included on any site), participants of an unknown
 * commenter, SLA metrics on resolution, and a changed property. An event whose ask is posted in a
 * public comment adds the comment and, once a week per requester, their profile language: e.g.
 * 4 Jira calls (SLA, property, language, comment) — over the budget of 2 per event, as BENCHMARKS.md
 * reports; no documented call carries two of them.
 */
import { isDone } from '../../domain/ticket';
import type { JiraEventPayload } from '../../domain/events';
import { effectiveConfig } from '../configuration/effective-config';
import type { TicketDelivery } from '../delivery/deliver-ticket-change';
import type { AppPorts, ExperienceProperty } from '../ports';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { applyIssueEvent, type IssueEventJiraReads, type LifecycleDeps } from './apply-issue-event';

export type { LifecycleDeps } from './apply-issue-event';

export interface LifecycleResult {
  readonly applied: number;
  readonly askIds: readonly string[];
  readonly propertyWritten: boolean;
}

/**
 * @param options.redelivery the platform is delivering this event again after a failure: storage
 * is idempotent, but a failure after the commit (the property write) must still be made good.
 */
export async function handleIssueEvent(
  ports: AppPorts,
  deps: LifecycleDeps,
  payload: JiraEventPayload,
  options: { readonly redelivery?: boolean } = {},
): Promise<{ readonly result: LifecycleResult; readonly delivery: TicketDelivery | null }> {
  const receivedAt = ports.clock.now();
  // Jira reads are memoised across optimistic retries: a retry re-reads storage, not Jira.
  const reads: IssueEventJiraReads = { participants: null, slaMetrics: null };
  const outcome = await withOptimisticRetry(ports, async () => {
    const [config, before] = await Promise.all([effectiveConfig(ports), ports.tickets.getTicket(payload.issue.id)]);
    return applyIssueEvent(ports, deps, { config, before, payload, receivedAt, reads });
  });

  if (outcome === null) return { result: { applied: 0, askIds: [], propertyWritten: false }, delivery: null };
  if (outcome.kind === 'duplicate') {
    // Nothing new: a duplicate, or a retry of an event whose commit succeeded but whose after-commit
    // work failed. A retry rewrites the stored summary (1 Jira call); any survey comment the
    // ticket still owes is sent, so a failed comment is never lost.
    const stored = outcome.record;
    const property: ExperienceProperty | null = options.redelivery === true ? (stored?.property ?? null) : null;
    return {
      result: { applied: 0, askIds: [], propertyWritten: stored !== null && property !== null },
      delivery:
        stored === null
          ? null
          : {
              config: outcome.config,
              ticketId: stored.ticketId,
              property,
              owed: stored.undelivered,
              resolved: isDone(stored.experience),
              requesterId: stored.experience.reporterId,
            },
    };
  }
  return {
    result: {
      applied: outcome.applied,
      askIds: outcome.newAsks.map((a) => a.id),
      propertyWritten: outcome.writeProperty,
    },
    delivery: {
      config: outcome.config,
      ticketId: outcome.saved.ticketId,
      property: outcome.writeProperty ? outcome.property : null,
      owed: outcome.saved.undelivered,
      resolved: isDone(outcome.saved.experience),
      requesterId: outcome.saved.experience.reporterId,
      committed: { value: outcome.saved, rev: outcome.savedRev },
    },
  };
}
