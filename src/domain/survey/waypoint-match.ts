import type { LifecycleEvent, StatusRef } from '../lifecycle-event';
import { HOUR_MS, type EpochMs } from '../time';
import type { StatusCategory, Waypoint, WaypointKind } from '../waypoint';
import type { RefusalFacts, TriggerKind, WaypointMissCode } from './decision-summary';
import type { SurveyTrigger, TicketSurveyState } from './survey-inputs';

/** A trigger that reached a plan's waypoint: which occurrence it is, and what the ticket is now. */
export interface WaypointHit {
  readonly matched: true;
  /**
   * Names this occurrence of the waypoint on the ticket; with the ticket and plan it derives the
   * ask id, so the same occurrence seen twice yields the same ask.
   */
  readonly occurrenceKey: string;
  /**
   * An earlier ask by the same plan at this waypoint created at or after this moment already
   * covers the occurrence (`-Infinity`: once per ticket). Null: only the ask id tells.
   */
  readonly coveredSince: EpochMs | null;
  /** The ticket's status category once the trigger is applied (for `midFlight`). */
  readonly statusCategoryAfter: StatusCategory;
}

export interface WaypointMiss {
  readonly matched: false;
  readonly reason: 'waypoint-mismatch' | 'ticket-closed';
  /** English, for logs and for views that read a decision stored before the figures were kept. */
  readonly message: string;
  /** The miss's code and figures, for a view to word it in the reader's language. */
  readonly facts: RefusalFacts & { readonly miss: WaypointMissCode };
}

export type WaypointMatch = WaypointHit | WaypointMiss;

const ONCE_PER_TICKET = Number.NEGATIVE_INFINITY;

function miss(
  code: WaypointMissCode,
  message: string,
  figures: Omit<RefusalFacts, 'miss'> = {},
  reason: WaypointMiss['reason'] = 'waypoint-mismatch',
): WaypointMiss {
  return { matched: false, reason, message, facts: { miss: code, ...figures } };
}

function hit(occurrenceKey: string, coveredSince: EpochMs | null, statusCategoryAfter: StatusCategory): WaypointHit {
  return { matched: true, occurrenceKey, coveredSince, statusCategoryAfter };
}

/** The status category after an event; events that do not move the status leave it as it was. */
export function statusCategoryAfter(event: LifecycleEvent, before: StatusCategory): StatusCategory {
  switch (event.type) {
    case 'created':
      return event.status.category;
    case 'status-changed':
    case 'reopened':
      return event.to.category;
    case 'resolved':
      return 'done';
    default:
      return before;
  }
}

/** What happened, in the words an agent reads in "why a plan did not ask" (never an event type). */
const EVENT_WORDS: Readonly<Record<LifecycleEvent['type'], string>> = {
  created: 'the request being raised',
  'status-changed': 'a status change',
  reassigned: 'a reassignment',
  resolved: 'the resolution',
  reopened: 'a reopen',
  'agent-comment': 'an agent comment',
  'requester-comment': 'a comment from the requester',
  deleted: 'the ticket being deleted',
};

/** The moment a waypoint waits for, in the same words. */
export const WAYPOINT_MOMENT: Readonly<Record<WaypointKind, string>> = {
  created: 'the request being raised',
  'first-response': 'the first public reply',
  'status-changed': 'a status change',
  reassigned: 'a reassignment',
  idle: 'the scheduled check',
  'long-running': 'the scheduled check',
  reopened: 'a reopen',
  resolved: 'the resolution',
  manual: 'an agent to ask',
};

function triggerKind(trigger: SurveyTrigger): TriggerKind {
  return trigger.kind === 'event' ? trigger.event.type : trigger.kind;
}

function describeTrigger(trigger: SurveyTrigger): string {
  if (trigger.kind === 'event') return EVENT_WORDS[trigger.event.type];
  return trigger.kind === 'tick' ? 'the scheduled check' : 'a manual request';
}

function statusListed(toStatuses: readonly string[], to: StatusRef): boolean {
  const name = to.name.trim().toLowerCase();
  return toStatuses.some((s) => s === to.id || s.trim().toLowerCase() === name);
}

function hours(h: number): string {
  return `${h} hour${h === 1 ? '' : 's'}`;
}

/** A time-based waypoint at the scheduled check: reached once its hours have passed on an open ticket. */
function matchTimed(
  waypoint: Extract<Waypoint, { kind: 'idle' | 'long-running' }>,
  ticket: TicketSurveyState,
  now: EpochMs,
): WaypointMatch {
  if (ticket.statusCategory === 'done')
    return miss(
      'ticket-done',
      'the ticket is done; time-based waypoints apply only while it is open',
      { waypoint: waypoint.kind },
      'ticket-closed',
    );
  if (waypoint.kind === 'long-running') {
    if (now - ticket.createdAt < waypoint.hours * HOUR_MS)
      return miss('open-less-than', `the ticket has been open less than ${hours(waypoint.hours)}`, {
        hours: waypoint.hours,
      });
    return hit('long-running', ONCE_PER_TICKET, ticket.statusCategory);
  }
  // One idle stretch runs from the last public agent activity (or creation) until the next one.
  const stretchStart = ticket.lastPublicAgentActivityAt ?? ticket.createdAt;
  if (now - stretchStart < waypoint.hours * HOUR_MS)
    return miss('agent-active-within', `an agent was publicly active within the last ${hours(waypoint.hours)}`, {
      hours: waypoint.hours,
    });
  return hit(`idle@${stretchStart}`, stretchStart, ticket.statusCategory);
}

/** Does this trigger reach this waypoint on this ticket at `now`? */
export function matchWaypoint(
  waypoint: Waypoint,
  trigger: SurveyTrigger,
  ticket: TicketSurveyState,
  now: EpochMs,
): WaypointMatch {
  const wrongTrigger = () =>
    miss('wrong-trigger', `waits for ${WAYPOINT_MOMENT[waypoint.kind]}, not ${describeTrigger(trigger)}`, {
      waypoint: waypoint.kind,
      trigger: triggerKind(trigger),
    });

  switch (waypoint.kind) {
    case 'idle':
    case 'long-running':
      return trigger.kind === 'tick' ? matchTimed(waypoint, ticket, now) : wrongTrigger();
    case 'manual': {
      if (trigger.kind !== 'manual') return wrongTrigger();
      // Without a request key each manual request is its own occurrence.
      return hit(`manual@${trigger.agentId}@${trigger.requestKey ?? String(now)}`, null, ticket.statusCategory);
    }
    default:
      break;
  }

  if (trigger.kind !== 'event') return wrongTrigger();
  const event = trigger.event;
  const after = statusCategoryAfter(event, ticket.statusCategory);

  switch (waypoint.kind) {
    case 'created':
      return event.type === 'created' ? hit('created', ONCE_PER_TICKET, after) : wrongTrigger();
    case 'first-response':
      if (event.type !== 'agent-comment') return wrongTrigger();
      if (!event.public) return miss('internal-comment', 'an internal comment is not a response the requester sees');
      if (ticket.hadPublicAgentComment)
        return miss('already-responded', 'the ticket already had a public agent comment');
      return hit('first-response', ONCE_PER_TICKET, after);
    case 'status-changed': {
      if (event.type !== 'status-changed') return wrongTrigger();
      const listed = statusListed(waypoint.toStatuses, event.to) || waypoint.toCategories.includes(event.to.category);
      if (!listed)
        return miss('status-not-listed', `the new status "${event.to.name}" is not one the plan asks at`, {
          status: event.to.name,
        });
      return hit(`event:${event.key}`, null, after);
    }
    case 'reassigned': {
      if (event.type !== 'reassigned') return wrongTrigger();
      // SCORING.md §1: reassignments are assignee changes after the first assignment.
      if (!ticket.wasAssigned) return miss('first-assignment', 'the first assignment is not a reassignment');
      if (event.toAssigneeId === null) return miss('unassigned', 'unassigning is not a reassignment');
      const nth = ticket.reassignCount + 1;
      if (nth < waypoint.fromNth)
        return miss(
          'before-nth-reassignment',
          `this is reassignment ${nth}; the plan asks from reassignment ${waypoint.fromNth} on`,
          { nth, fromNth: waypoint.fromNth },
        );
      return hit(`event:${event.key}`, null, after);
    }
    case 'reopened':
      return event.type === 'reopened' ? hit(`event:${event.key}`, null, after) : wrongTrigger();
    case 'resolved':
      return event.type === 'resolved' ? hit(`event:${event.key}`, null, after) : wrongTrigger();
  }
}
