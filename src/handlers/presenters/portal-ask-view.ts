import type { PortalAsk } from '../../app/answers/portal-ask';
import type { PortalAskView } from '../../contracts/portal';
import type { Locale } from '../../domain/i18n';
import { localizeQuestion } from '../../domain/survey/localized-question';

/**
 * What a requester sees of one ask, worded in their language: never another person's data, never
 * internal notes, never the other locales' wording.
 */
export function portalAskView({ ask, editable }: PortalAsk, locale: Locale): PortalAskView {
  const { translations: _others, ...question } = ask.question;
  const wording = localizeQuestion(ask.question, locale);
  return {
    askId: ask.id,
    issueKey: ask.issueKey,
    question: { ...question, text: wording.text },
    wording: {
      locale,
      text: wording.text,
      reasonChips: {
        negative: [...wording.reasonChips.negative],
        neutral: [...wording.reasonChips.neutral],
        positive: [...wording.reasonChips.positive],
      },
    },
    status: ask.status === 'answered' ? 'answered' : 'pending',
    answer:
      ask.answer === null
        ? null
        : {
            score: ask.answer.score,
            reasons: ask.answer.reasons,
            comment: ask.answer.comment,
            lostTimeChoiceId: ask.answer.lostTimeChoiceId,
            answeredAt: ask.answer.answeredAt,
          },
    expiresAt: ask.expiresAt,
    askedAt: ask.createdAt,
    askedWhileOpen: ask.midFlight,
    editable,
  };
}
