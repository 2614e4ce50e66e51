/**
 * One-click answers from the survey comment's links. Opening a link (a GET) only asks to confirm:
 * mail scanners open links and must record nothing; confirming (the POST) records once. Forged,
 * expired, replayed or mismatched tokens change nothing. The web-trigger handler turns each
 * outcome into a page, in `locale`: the requester's language when the link names their ask, else
 * the browser's.
 */
import { negotiateLocale, type Locale } from '../../domain/i18n';
import { wordQuestion, type QuestionStage } from '../../domain/survey/waypoint-wording';
import { isDone } from '../../domain/ticket';
import type { QuestionKind } from '../../domain/question';
import type { TicketDelivery } from '../delivery/deliver-ticket-change';
import type { AppPorts } from '../ports';
import { requesterLocale } from '../surveys/requester-locale';
import { verifyToken } from '../surveys/one-click-token';
import { saveAnswer } from './save-answer';

export type LinkOutcome = { readonly locale: Locale } & (
  | { readonly kind: 'invalid'; readonly reason: 'malformed' | 'forged' | 'expired' | 'mismatch' }
  /** The link is good: show the question (in `locale`) and the score, and ask to confirm. */
  | {
      readonly kind: 'confirm';
      readonly question: string;
      readonly stage: QuestionStage;
      readonly questionKind: QuestionKind;
      readonly score: number;
    }
  /** This link's answer is already recorded (opened again, or confirmed twice). */
  | { readonly kind: 'already-recorded'; readonly on: 'open' | 'confirm' }
  | { readonly kind: 'recorded'; readonly delivery: TicketDelivery }
);

/**
 * @param step `open` when the link is followed, `confirm` when its page is submitted
 * @param accepted the browser's languages, best first (Accept-Language), for when the profile has none
 * @throws AppError from recording the answer (refused by a survey rule, not found, unavailable)
 */
export async function answerByLink(
  ports: AppPorts,
  token: string,
  step: 'open' | 'confirm',
  accepted: readonly string[] = [],
): Promise<LinkOutcome> {
  const browser = negotiateLocale(...accepted);
  const check = verifyToken(token, await ports.secrets.signingKeys(), ports.clock.now());
  if (!check.ok) return { kind: 'invalid', reason: check.reason, locale: browser };
  const stored = await ports.asks.getAsk(check.claims.a);
  if (stored === null || stored.ask.expiresAt !== check.claims.e)
    return { kind: 'invalid', reason: 'mismatch', locale: browser };
  if (step === 'open') {
    const [locale, ticket] = await Promise.all([
      requesterLocale(ports, stored.ask.requesterId, { alsoAccepted: accepted }),
      ports.tickets.getTicket(stored.ask.ticketId),
    ]);
    if (stored.usedNonces.includes(check.claims.n)) return { kind: 'already-recorded', on: 'open', locale };
    // The question the confirm records an answer to: about the outcome once the request is resolved.
    const resolved = ticket !== null && isDone(ticket.value.experience);
    const worded = wordQuestion(stored.ask, resolved, await ports.messages.forLocale(locale));
    return {
      kind: 'confirm',
      question: worded.text,
      stage: worded.stage,
      questionKind: stored.ask.question.kind,
      score: check.claims.s,
      locale,
    };
  }
  const locale = await requesterLocale(ports, stored.ask.requesterId, { alsoAccepted: accepted });
  const saved = await saveAnswer(ports, {
    askId: check.claims.a,
    input: { score: check.claims.s },
    via: 'one-click',
    channel: check.claims.c ?? 'public-comment',
    nonce: check.claims.n,
  });
  return saved.kind === 'replayed'
    ? { kind: 'already-recorded', on: 'confirm', locale }
    : { kind: 'recorded', delivery: saved.delivery, locale };
}
