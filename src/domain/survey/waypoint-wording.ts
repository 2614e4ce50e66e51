/**
 * Wording follows the waypoint. A question put while the request was open ("How is it going so
 * far?") can still be waiting when the request is resolved; from then on the requester is asked
 * about the outcome instead. An answer keeps the wording it was given to, so an answer given while
 * the request was open stays tied to the waypoint it was asked at, and an answer to the outcome
 * question counts at the `resolved` waypoint (src/domain/ticket/answers.ts).
 *
 * Which words ask about the outcome, in the requester's locale:
 * 1. the plan's outcome question in that locale (`translations[locale].outcomeText`, or
 *    `question.outcomeText` for English);
 * 2. else Sentio's outcome question for the scale in that locale (`portal.outcome.<kind>` in the
 *    message files): the requester's language wins over an admin's English-only wording.
 * Asks put at the `resolved` waypoint already ask about the outcome in the plan's own words.
 */
import type { Ask, QuestionSnapshot } from '../ask';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import type { MessageKey, Translator } from '../i18n/messages';
import { localizeQuestion, type LocalizedQuestion } from './localized-question';

/** `asked`: the question as the plan put it; `outcome`: the question about the outcome. */
export type QuestionStage = 'asked' | 'outcome';

/**
 * @param resolved whether the request is resolved now (status category done), when the requester
 * reads or answers the question
 */
export function questionStage(ask: Pick<Ask, 'waypoint' | 'answer'>, resolved: boolean): QuestionStage {
  if (ask.answer !== null) return ask.answer.wording === 'outcome' ? 'outcome' : 'asked';
  return resolved && ask.waypoint !== 'resolved' ? 'outcome' : 'asked';
}

/** The plan's own outcome question in one locale, or null when it has none there. */
export function planOutcomeText(q: QuestionSnapshot, locale: Locale): string | null {
  const own = locale === DEFAULT_LOCALE ? q.outcomeText : q.translations?.[locale]?.outcomeText;
  const text = own?.trim();
  return text ? text : null;
}

export interface WordedQuestion extends LocalizedQuestion {
  readonly stage: QuestionStage;
}

/** The question the requester is asked now, in their locale (chips are the plan's either way). */
export function wordQuestion(
  ask: Pick<Ask, 'waypoint' | 'answer' | 'question'>,
  resolved: boolean,
  m: Translator,
): WordedQuestion {
  const localized = localizeQuestion(ask.question, m.locale);
  const stage = questionStage(ask, resolved);
  if (stage === 'asked') return { ...localized, stage };
  const text =
    planOutcomeText(ask.question, m.locale) ?? m.t(`portal.outcome.${ask.question.kind}` satisfies MessageKey);
  return { ...localized, text, stage };
}
