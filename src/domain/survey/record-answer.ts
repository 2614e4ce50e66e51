import type { Answer, Ask } from '../ask';
import { SCALES, isValidScore, scoreBand } from '../question';
import { SCORE_BANDS } from '../survey-plan';
import type { EpochMs } from '../time';
import { refused, type AskResult } from './ask-lifecycle';

/** What the requester sent; the shape of the portal payload and the one-click form. */
export interface AnswerInput {
  readonly score: number;
  /** The ids of the chips picked. */
  readonly reasons?: readonly string[];
  readonly comment?: string | null;
  readonly lostTimeChoiceId?: string | null;
}

export type AnswerChannel = Answer['via'];
export type LinkChannel = NonNullable<Answer['channel']>;

/**
 * Records (or replaces) the requester's answer, checked against what was asked — the ask's snapshot,
 * never the plan as it is today. Answers stay editable until the ask expires.
 */
export function recordAnswer(
  ask: Ask,
  input: AnswerInput,
  now: EpochMs,
  via: AnswerChannel,
  channel: LinkChannel = via === 'portal' ? 'portal' : 'public-comment',
): AskResult {
  if (ask.status === 'withdrawn') return refused('ask-withdrawn', 'the ask was withdrawn and no longer takes answers');
  if (ask.status === 'expired' || now >= ask.expiresAt)
    return refused('ask-expired', 'the ask has expired and no longer takes answers');

  const q = ask.question;
  if (!isValidScore(q.kind, input.score)) {
    const { min, max } = SCALES[q.kind];
    return refused('invalid-score', `the score must be a whole number from ${min} to ${max}`);
  }

  const band = scoreBand(q.kind, input.score);
  // Chips are named by id: one a requester cannot have been shown is refused, never recorded.
  const offered = new Set(q.reasonChips[band].map((c) => c.id));
  const reasons = [...new Set(input.reasons ?? [])];
  const unknown = reasons.find((r) => !offered.has(r));
  if (unknown !== undefined) {
    const elsewhere = SCORE_BANDS.some((b) => q.reasonChips[b].some((c) => c.id === unknown));
    return refused(
      'unknown-reason',
      elsewhere
        ? `reason chip "${unknown}" is not offered for a ${band} score`
        : `reason chip "${unknown}" is not one of this survey's chips`,
    );
  }

  const text = input.comment?.trim() ?? '';
  const comment = text === '' ? null : text;
  if (comment !== null && !q.comment.enabled)
    return refused('comment-not-allowed', 'this survey does not take a comment');
  if (comment !== null && comment.length > q.comment.maxLength) {
    return refused('comment-too-long', `the comment must be at most ${q.comment.maxLength} characters`);
  }

  const lostTimeChoiceId = input.lostTimeChoiceId ?? null;
  if (lostTimeChoiceId !== null) {
    if (!q.lostTime.enabled) return refused('lost-time-not-allowed', 'this survey does not ask about time lost');
    if (!q.lostTime.choices.some((c) => c.id === lostTimeChoiceId)) {
      return refused('unknown-lost-time-choice', `"${lostTimeChoiceId}" is not one of the time-lost choices`);
    }
  }

  const answer: Answer = { score: input.score, reasons, comment, lostTimeChoiceId, answeredAt: now, via, channel };
  return { ok: true, ask: { ...ask, status: 'answered', answer } };
}
