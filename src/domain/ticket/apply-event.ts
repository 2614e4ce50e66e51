import type { LifecycleEvent } from '../lifecycle-event';
import type { Signal } from '../signal';
import {
  EXPERIENCE_LIMITS as L,
  emptyExperience,
  type Assignment,
  type Chaser,
  type KeyedFact,
  type RequesterComment,
  type StatusEntry,
  type TicketExperience,
} from './experience';
import { signalsAdded } from './signals';
import { insertBounded, truncate } from './sorted';
import { isWaitingForSupport, waitingOf } from './waiting';

/** What the sentiment scorer says about one comment (`createSentimentScorer().score` fits it). */
export type CommentScore =
  | {
      readonly kind: 'scored';
      readonly s: number;
      readonly negativeSentences: readonly string[];
      readonly chaser: boolean;
      /** Why it reads frustrated, in the agent's words. */
      readonly reasons?: readonly string[];
    }
  /** `non-english`: written in a language the English scorer cannot read (shown as "not scored (language)"). */
  | { readonly kind: 'unscorable'; readonly reason?: 'empty' | 'non-english' };

export interface ApplyEventDeps {
  readonly score: (text: string) => CommentScore;
  /** Status names (case-insensitive) or ids where the team waits for the requester, e.g. "Waiting for customer". */
  readonly waitingForCustomerStatuses: readonly string[];
}

export interface Applied {
  readonly experience: TicketExperience;
  /** Signals this change added or changed (to fold into rollups and the timeline). */
  readonly newSignals: Signal[];
}

/*
 * ORDER TOLERANCE. Forge delivers events at least once, up to minutes late and out of order
 * (DESIGN.md, platform facts). The fold is written so that the record depends on the *set* of
 * events applied, not on their order:
 *
 * - Redelivery: every event carries a natural key; a key already applied is a no-op. Each fact is
 *   also deduplicated on its own key (timeline, resolutions, reopens, assignments) or on the comment
 *   id and version, so it stays idempotent after its key has aged out of `appliedKeys`.
 * - Lists are kept sorted by (Jira time, key), never by arrival, and capped by keeping the newest.
 * - Latest status = the newest timeline entry by Jira time; the current assignee = the newest
 *   assignee event by Jira time (ties broken on the value); issue key and project likewise.
 * - Counts (reopens, reassignments, chasers) are sizes of keyed sets; "first assignment" is the
 *   earliest by Jira time, so a late first assignment turns the previously-first into a reassignment.
 * - First / last public agent activity are min / max of comment creation times.
 * - A comment's score comes from its highest version (edit time); an older version arriving later
 *   is ignored.
 * - Waiting for support is recomputed from the sorted status timeline, so a late status change is
 *   placed where it happened.
 * - Signals are derived from the record (signals.ts), so they follow the same guarantees.
 *
 * Not order-tolerant, by design: facts older than what a full capped list holds are dropped (only
 * after 30+ comments, 50+ reassignments, 100+ status changes), and a status change older than the
 * part of the timeline folded into `timelineCarry` is ignored.
 */
export function applyEvent(experience: TicketExperience | null, event: LifecycleEvent, deps: ApplyEventDeps): Applied {
  const before = experience;
  const e0 = experience ?? emptyExperience(event, event.at);
  if (e0.appliedKeys.some((k) => k.key === event.key)) return { experience: e0, newSignals: [] };

  let e: TicketExperience = {
    ...e0,
    lastEventAt: Math.max(e0.lastEventAt, event.at),
    appliedKeys: insertBounded(e0.appliedKeys, { key: event.key, at: event.at }, L.appliedKeys, keyOfFact).list,
  };
  if (event.at >= e.identityAt)
    e = { ...e, issueKey: event.issueKey, projectId: event.projectId, identityAt: event.at };

  switch (event.type) {
    case 'created':
      // A created event can arrive after others that already told what it leaves out (product
      // events carry no request type or priority): what is known stays.
      e = {
        ...e,
        createdAt: event.at,
        reporterId: event.reporterId ?? e.reporterId,
        requestTypeId: event.requestTypeId ?? e.requestTypeId,
        priority: event.priority ?? e.priority,
      };
      e = enterStatus(e, event.key, event.at, event.status, deps);
      if (event.assigneeId !== null) e = assign(e, event.key, event.at, event.assigneeId);
      break;
    case 'status-changed':
      e = enterStatus(e, event.key, event.at, event.to, deps);
      break;
    case 'resolved':
      e = {
        ...e,
        resolutions: insertBounded(e.resolutions, { key: event.key, at: event.at }, L.resolutions, keyOfFact).list,
      };
      break;
    case 'reopened': {
      const r = insertBounded(e.reopens, { key: event.key, at: event.at }, L.reopens, keyOfFact);
      e = { ...e, reopens: r.list, reopensDropped: e.reopensDropped + r.dropped };
      break;
    }
    case 'reassigned':
      e =
        event.toAssigneeId === null
          ? setCurrentAssignee(e, event.at, null)
          : assign(e, event.key, event.at, event.toAssigneeId);
      break;
    case 'agent-comment':
      if (event.public) {
        e = {
          ...e,
          firstPublicAgentResponseAt: minOf(e.firstPublicAgentResponseAt, event.at),
          lastPublicAgentActivityAt: maxOf(e.lastPublicAgentActivityAt, event.at),
        };
      }
      break;
    case 'requester-comment':
      // Internal notes are not the requester talking to us (SCORING.md §4: public comments only).
      if (event.public) e = applyRequesterComment(e, event.commentId, event.at, event.version, event.text, deps);
      break;
    case 'deleted':
      e = { ...e, deleted: true };
      break;
  }
  return { experience: e, newSignals: signalsAdded(before, e) };
}

/** Folds a whole sequence (tests, recompute). */
export function applyEvents(
  experience: TicketExperience | null,
  events: readonly LifecycleEvent[],
  deps: ApplyEventDeps,
): TicketExperience | null {
  let e = experience;
  for (const event of events) e = applyEvent(e, event, deps).experience;
  return e;
}

function keyOfFact(f: KeyedFact): string {
  return f.key;
}

function minOf(a: number | null, b: number): number {
  return a === null ? b : Math.min(a, b);
}

function maxOf(a: number | null, b: number): number {
  return a === null ? b : Math.max(a, b);
}

function enterStatus(
  e: TicketExperience,
  key: string,
  at: number,
  status: StatusEntry['status'],
  deps: ApplyEventDeps,
): TicketExperience {
  if (e.timelineCarry !== null && at < e.timelineCarry.untilAt) return e;
  const entry: StatusEntry = {
    key,
    at,
    status: { ...status, name: truncate(status.name, L.statusNameChars) },
    waitingForSupport: isWaitingForSupport(status, deps.waitingForCustomerStatuses),
  };
  const inserted = insertBounded(e.statusTimeline, entry, Number.POSITIVE_INFINITY, (x) => x.key);
  let timeline = inserted.list;
  let carry = e.timelineCarry;
  if (timeline.length > L.statusTimeline) {
    // Fold the oldest entries into a running total; their intervals end at the first kept entry.
    const cut = timeline.length - L.statusTimeline;
    const folded = timeline.slice(0, cut);
    timeline = timeline.slice(cut);
    const firstKept = timeline[0];
    const untilAt = firstKept?.at ?? at;
    carry = { untilAt, waitingMs: (carry?.waitingMs ?? 0) + waitingOf(folded, untilAt) };
  }
  const latest = timeline[timeline.length - 1];
  return {
    ...e,
    statusTimeline: timeline,
    timelineCarry: carry,
    status: latest?.status ?? e.status,
    statusAt: latest?.at ?? e.statusAt,
  };
}

function assign(e: TicketExperience, key: string, at: number, assigneeId: string): TicketExperience {
  const entry: Assignment = { key, at, assigneeId };
  const r = insertBounded(e.assignments, entry, L.assignments, (x) => x.key);
  return setCurrentAssignee(
    { ...e, assignments: r.list, assignmentsDropped: e.assignmentsDropped + r.dropped },
    at,
    assigneeId,
  );
}

function setCurrentAssignee(e: TicketExperience, at: number, assigneeId: string | null): TicketExperience {
  const newer =
    e.assigneeAt === null || at > e.assigneeAt || (at === e.assigneeAt && (assigneeId ?? '') > (e.assigneeId ?? ''));
  return newer ? { ...e, assigneeId, assigneeAt: at } : e;
}

function applyRequesterComment(
  e: TicketExperience,
  commentId: string,
  at: number,
  version: number,
  text: string,
  deps: ApplyEventDeps,
): TicketExperience {
  const known = e.requesterComments.find((c) => c.commentId === commentId);
  if (known !== undefined && known.version >= version) return e;
  const knownChaser = e.chasers.find((c) => c.commentId === commentId);
  if (knownChaser !== undefined && knownChaser.version >= version) return e;

  const result = deps.score(text);
  const scored = result.kind === 'scored';
  const comment: RequesterComment = {
    commentId,
    at,
    version,
    s: scored ? Math.max(-1, Math.min(1, result.s)) : null,
    negativeSentences: scored
      ? result.negativeSentences.slice(0, L.negativeSentences).map((s) => truncate(s, L.sentenceChars))
      : [],
    chaser: scored && result.chaser,
    frustrationReasons: scored
      ? (result.reasons ?? []).slice(0, L.frustrationReasons).map((r) => truncate(r, L.reasonChars))
      : [],
    // Only marked when true, so records of comments scored before the mark existed keep their shape.
    ...(result.kind === 'unscorable' && result.reason === 'non-english' ? { notScored: 'language' as const } : {}),
  };
  const comments = insertBounded(
    e.requesterComments,
    comment,
    L.requesterComments,
    (c) => c.commentId,
    (old, next) => next.version > old.version,
  ).list;

  let chasers = e.chasers;
  let chasersDropped = e.chasersDropped;
  if (comment.chaser) {
    const chaser: Chaser = { commentId, at, version, excerpt: truncate(text.trim(), L.excerptChars) };
    const r = insertBounded(
      chasers,
      chaser,
      L.chasers,
      (c) => c.commentId,
      (old, next) => next.version > old.version,
    );
    chasers = r.list;
    chasersDropped += r.dropped;
  } else if (knownChaser !== undefined) {
    // Edited so that it no longer asks for news.
    chasers = chasers.filter((c) => c.commentId !== commentId);
  }
  return { ...e, requesterComments: comments, chasers, chasersDropped };
}
