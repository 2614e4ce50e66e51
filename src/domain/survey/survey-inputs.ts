import type { Ask } from '../ask';
import type { LifecycleEvent } from '../lifecycle-event';
import type { EpochMs } from '../time';
import type { StatusCategory } from '../waypoint';

/** What the rules need to know of an ask already on the ticket (an `Ask` fits as it is). */
export type TicketAsk = Pick<Ask, 'id' | 'planId' | 'waypoint' | 'status' | 'createdAt' | 'expiresAt'>;

/**
 * The ticket as known *before* the triggering event is folded in (for a tick or a manual ask: as
 * it is now). That is what makes "first public agent comment" and "the Nth reassignment" decidable.
 */
export interface TicketSurveyState {
  readonly ticketId: string;
  readonly issueKey: string;
  readonly projectId: string;
  readonly requestTypeId: string | null;
  readonly priority: string | null;
  /** The requester who would be asked; null when Jira does not say (then nobody is asked). */
  readonly reporterId: string | null;
  readonly statusCategory: StatusCategory;
  readonly createdAt: EpochMs;
  /** Last public agent comment or other public agent action; null when there was none yet. */
  readonly lastPublicAgentActivityAt: EpochMs | null;
  readonly hadPublicAgentComment: boolean;
  /** The ticket had an assignee before the triggering event. */
  readonly wasAssigned: boolean;
  /** Reassignments so far, not counting the triggering event. */
  readonly reassignCount: number;
  readonly asks: readonly TicketAsk[];
}

/** The requester's survey history across every ticket (from storage). */
export interface RequesterHistory {
  readonly lastAskedAt: EpochMs | null;
}

export type SurveyTrigger =
  | { readonly kind: 'event'; readonly event: LifecycleEvent }
  /** The hourly scheduled run: time-based waypoints (`idle`, `long-running`). */
  | { readonly kind: 'tick' }
  /**
   * An agent asks now. `requestKey` (e.g. the resolver call's idempotency key) makes a retried
   * request create the same ask; without it each call is a new occurrence.
   */
  | { readonly kind: 'manual'; readonly agentId: string; readonly requestKey?: string };
