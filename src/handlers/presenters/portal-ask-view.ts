import type { PortalAsk } from '../../app/answers/portal-ask';
import type { PortalAskView } from '../../contracts/portal';
import type { Translator } from '../../domain/i18n';
import { wordQuestion } from '../../domain/survey/waypoint-wording';

/**
 * What a requester sees of one ask, worded in their language and for where the request is now
 * (asked about the outcome once it is resolved): never another person's data, never internal
 * notes, never the other locales' wording.
 */
export function portalAskView({ ask, editable, resolved }: PortalAsk, m: Translator): PortalAskView {
  const { translations: _others, outcomeText: _outcome, ...question } = ask.question;
  const wording = wordQuestion(ask, resolved, m);
  const locale = m.locale;
  return {
    askId: ask.id,
    issueKey: ask.issueKey,
    question: { ...question, text: wording.text },
    wording: {
      locale,
      text: wording.text,
      stage: wording.stage,
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
