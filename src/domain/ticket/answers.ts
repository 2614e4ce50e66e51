import type { Ask } from '../ask';
import { isFavourable, isLowScore } from '../question';
import type { EpochMs } from '../time';
import { EXPERIENCE_LIMITS as L, emptyExperience, type AnswerRecord, type TicketExperience } from './experience';
import type { Applied } from './apply-event';
import { signalsAdded } from './signals';
import { truncate } from './sorted';

/** The English words of the ask's chip `id` (the id itself if the ask never had it). */
function chipLabelOf(ask: Ask, id: string): string {
  const q = ask.question.reasonChips;
  return [...q.negative, ...q.neutral, ...q.positive].find((c) => c.id === id)?.label ?? id;
}

/**
 * Records an answered ask. A requester may change the answer until the ask expires, so a newer
 * `answeredAt` replaces the stored one; the same answer twice, or an older one, changes nothing.
 * Asks that are not answered are ignored.
 */
export function applyAnswer(experience: TicketExperience | null, ask: Ask): Applied {
  const e0 =
    experience ??
    emptyExperience({ issueId: ask.ticketId, issueKey: ask.issueKey, projectId: ask.projectId }, ask.createdAt);
  const answer = ask.answer;
  if (ask.status !== 'answered' || answer === null) return { experience: e0, newSignals: [] };
  const known = e0.answers.find((a) => a.askId === ask.id);
  if (known !== undefined && known.answeredAt >= answer.answeredAt) return { experience: e0, newSignals: [] };

  const lostTime =
    answer.lostTimeChoiceId === null
      ? undefined
      : ask.question.lostTime.choices.find((c) => c.id === answer.lostTimeChoiceId);
  const record: AnswerRecord = {
    askId: ask.id,
    questionKind: ask.question.kind,
    score: answer.score,
    favourable: isFavourable(ask.question.kind, answer.score),
    // An answer to the question about the outcome is tied to the resolution, not to the moment the
    // question was first put; one given while the request was open keeps the ask's waypoint.
    waypoint: answer.wording === 'outcome' ? 'resolved' : ask.waypoint,
    midFlight: answer.wording === 'outcome' ? false : ask.midFlight,
    answeredAt: answer.answeredAt,
    comment: answer.comment === null ? null : truncate(answer.comment, L.answerCommentChars),
    reasons: answer.reasons.map((id) => chipLabelOf(ask, id)),
    reasonIds: [...answer.reasons],
    lostTimeMinutes: lostTime?.minutes ?? null,
    // A changed answer that is still low keeps the agent's follow-up; a new low answer needs one.
    followUpDoneAt:
      known !== undefined && isLowScore(ask.question.kind, answer.score) === isLowScore(known.questionKind, known.score)
        ? known.followUpDoneAt
        : null,
  };
  const answers = [...e0.answers.filter((a) => a.askId !== ask.id), record]
    .sort((a, b) => a.answeredAt - b.answeredAt || (a.askId < b.askId ? -1 : a.askId > b.askId ? 1 : 0))
    .slice(-L.answers);
  const next: TicketExperience = { ...e0, answers, lastEventAt: Math.max(e0.lastEventAt, answer.answeredAt) };
  return { experience: next, newSignals: signalsAdded(experience, next) };
}

/**
 * An agent closed the loop on an answer ("follow-up done"); the first time counts. Getting in touch
 * closes the loop on the ticket, so every earlier low answer still waiting for a follow-up is done
 * too: otherwise an older low answer would keep the risk reason after the agent said it was handled.
 */
export function markFollowUpDone(experience: TicketExperience, askId: string, at: EpochMs): TicketExperience {
  const named = experience.answers.find((a) => a.askId === askId && a.followUpDoneAt === null);
  if (named === undefined) return experience;
  const closes = (a: AnswerRecord): boolean =>
    a.followUpDoneAt === null &&
    (a.askId === askId || (isLowScore(a.questionKind, a.score) && a.answeredAt <= named.answeredAt));
  return {
    ...experience,
    answers: experience.answers.map((a) => (closes(a) ? { ...a, followUpDoneAt: at } : a)),
  };
}
