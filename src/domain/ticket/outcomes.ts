import type { IndicatorId } from '../indicator';
import type { IndicatorOutcome, Segment, TicketOutcomes } from '../outcomes';
import { isFavourable } from '../question';
import { scopeMatches } from '../scope';
import { HOUR_MS, dayKeyOf } from '../time';
import type { XlaDefinition } from '../xla';
import {
  chaserCount,
  lastResolvedAt,
  reassignmentCount,
  reopenCount,
  wasAssigned,
  type AnswerRecord,
  type TicketExperience,
} from './experience';
import { NEGATIVE_MOOD, ticketMood } from './mood';
import { knownUntil, waitingForSupportMs } from './waiting';

export function segmentOf(e: TicketExperience): Segment {
  return { projectId: e.projectId, requestTypeId: e.requestTypeId, priority: e.priority };
}

/** Mood of the requester's scorable public comments (SCORING.md §4), with the comment that set it. */
export function moodOf(e: TicketExperience): { readonly mood: number; readonly at: number } | null {
  const scored = e.requesterComments.filter((c) => c.s !== null);
  const newest = scored[scored.length - 1];
  const mood = ticketMood(scored.map((c) => c.s ?? 0));
  return mood === null || newest === undefined ? null : { mood, at: newest.at };
}

/** The latest answer that feeds csat under the XLA's `csatSource`. */
export function csatAnswer(e: TicketExperience, xla: XlaDefinition): AnswerRecord | null {
  const { waypoints, midFlightOnly } = xla.csatSource;
  const eligible = e.answers.filter(
    (a) => (waypoints.length === 0 || waypoints.includes(a.waypoint)) && (!midFlightOnly || a.midFlight),
  );
  return eligible[eligible.length - 1] ?? null;
}

/**
 * One ticket's good/bad outcome for each indicator of the XLA (SCORING.md §1); an indicator that
 * cannot be observed is absent. Null when the ticket is deleted or outside the XLA's scope.
 *
 * Operational outcomes (sla, reopen, reassign, wait, chaser) exist only once the ticket has been
 * resolved at least once, and count on the day of its latest resolution: before that they would
 * be judged half-way (a ticket waiting 2 h today may wait 30 h by tomorrow). A reopened ticket keeps
 * its outcomes on the day of the resolution it was reopened from — so the reopen shows at once —
 * and they move to the new day when it is resolved again (the rollups apply new − stored).
 * Survey outcomes count on the day of the answer, sentiment on the day of the comment that set
 * the mood.
 */
export function ticketOutcomes(e: TicketExperience, xla: XlaDefinition): TicketOutcomes | null {
  const segment = segmentOf(e);
  if (e.deleted || !scopeMatches(xla.scope, segment)) return null;
  const wanted = new Set<IndicatorId>(xla.indicators.map((i) => i.id));
  const indicators: Partial<Record<IndicatorId, IndicatorOutcome>> = {};

  const answer = csatAnswer(e, xla);
  if (answer !== null && wanted.has('csat')) {
    indicators.csat = { good: isFavourable(answer.questionKind, answer.score), day: dayKeyOf(answer.answeredAt) };
  }

  const mood = moodOf(e);
  if (mood !== null && wanted.has('sentiment'))
    indicators.sentiment = { good: mood.mood > NEGATIVE_MOOD, day: dayKeyOf(mood.at) };

  const resolvedAt = lastResolvedAt(e);
  if (resolvedAt !== null) {
    const day = dayKeyOf(resolvedAt);
    const slas = e.slas.filter((s) => s.applies && (xla.slaNames.length === 0 || xla.slaNames.includes(s.name)));
    if (slas.length > 0 && wanted.has('sla')) indicators.sla = { good: !slas.some((s) => s.breached), day };
    if (wanted.has('reopen')) indicators.reopen = { good: reopenCount(e) === 0, day };
    if (wasAssigned(e) && wanted.has('reassign')) indicators.reassign = { good: reassignmentCount(e) <= 1, day };
    if (e.statusTimeline.length > 0 && wanted.has('wait')) {
      indicators.wait = { good: waitingForSupportMs(e, knownUntil(e)) <= xla.waitThresholdHours * HOUR_MS, day };
    }
    if (wanted.has('chaser')) indicators.chaser = { good: chaserCount(e) === 0, day };
  }

  const lost = [...e.answers].reverse().find((a) => a.lostTimeMinutes !== null);
  return {
    segment,
    indicators,
    answer:
      answer === null ? null : { kind: answer.questionKind, score: answer.score, day: dayKeyOf(answer.answeredAt) },
    lostTime: lost?.lostTimeMinutes == null ? null : { minutes: lost.lostTimeMinutes, day: dayKeyOf(lost.answeredAt) },
  };
}
