import type { Signal } from '../signal';
import { EXPERIENCE_LIMITS, assigneeChanges, type TicketExperience } from './experience';

/**
 * The ticket's signals (DESIGN.md "Signal"), derived from the record rather than stored beside it:
 * one source of truth, so a signal can never disagree with the facts, and the list is the same
 * whatever order the facts arrived in. Oldest first, the newest `EXPERIENCE_LIMITS.signals` kept.
 */
export function ticketSignals(e: TicketExperience): Signal[] {
  const out: Signal[] = [];
  for (const c of e.requesterComments) {
    if (c.s === null) {
      if (c.notScored === 'language')
        out.push({
          id: `${e.issueId}:not-scored:${c.commentId}`,
          at: c.at,
          kind: 'comment-not-scored',
          commentId: c.commentId,
          reason: 'language',
        });
      continue;
    }
    out.push({
      id: `${e.issueId}:sentiment:${c.commentId}`,
      at: c.at,
      kind: 'comment-sentiment',
      commentId: c.commentId,
      s: c.s,
      negativeSentences: [...c.negativeSentences],
      frustrationReasons: [...c.frustrationReasons],
    });
  }
  for (const c of e.chasers) {
    out.push({
      id: `${e.issueId}:chaser:${c.commentId}`,
      at: c.at,
      kind: 'chaser',
      commentId: c.commentId,
      excerpt: c.excerpt,
    });
  }
  for (const sla of e.slas) {
    if (!sla.breached) continue;
    out.push({
      id: `${e.issueId}:sla:${sla.name}`,
      at: sla.breachedAt ?? e.slaCheckedAt ?? e.lastEventAt,
      kind: 'sla-breached',
      slaName: sla.name,
    });
  }
  for (const r of e.reopens) out.push({ id: `reopened:${r.key}`, at: r.at, kind: 'reopened' });
  for (const change of assigneeChanges(e)) {
    const a = change.assignment;
    out.push({
      id: `reassigned:${a.key}`,
      at: a.at,
      kind: 'reassigned',
      fromAssigneeId: change.fromAssigneeId,
      toAssigneeId: a.assigneeId,
      count: change.count,
    });
  }
  for (const a of e.answers) {
    out.push({
      id: `${e.issueId}:answer:${a.askId}`,
      at: a.answeredAt,
      kind: 'answer',
      askId: a.askId,
      questionKind: a.questionKind,
      score: a.score,
      favourable: a.favourable,
      waypoint: a.waypoint,
      midFlight: a.midFlight,
      comment: a.comment,
      reasons: [...a.reasons],
    });
  }
  out.sort((a, b) => (a.at !== b.at ? a.at - b.at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.slice(Math.max(0, out.length - EXPERIENCE_LIMITS.signals));
}

/** Signals that are new or changed in `after` compared with `before`. */
export function signalsAdded(before: TicketExperience | null, after: TicketExperience): Signal[] {
  const previous = new Map((before === null ? [] : ticketSignals(before)).map((s) => [s.id, JSON.stringify(s)]));
  return ticketSignals(after).filter((s) => previous.get(s.id) !== JSON.stringify(s));
}
