import type { PortalAsk } from '../../app/answers/portal-ask';
import type { PortalAskView } from '../../contracts/portal';

/** What a requester sees of one ask: never another person's data, never internal notes. */
export function portalAskView({ ask, editable }: PortalAsk): PortalAskView {
  return {
    askId: ask.id,
    issueKey: ask.issueKey,
    question: ask.question,
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
