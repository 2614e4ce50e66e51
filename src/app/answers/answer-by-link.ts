/**
 * One-click answers from the survey comment's links. Opening a link (a GET) only asks to confirm:
 * mail scanners open links and must record nothing; confirming (the POST) records once. Forged,
 * expired, replayed or mismatched tokens change nothing. The web-trigger handler turns each
 * outcome into a page, in `locale`: the requester's language when the link names their ask, else
 * the browser's.
 */
import { negotiateLocale, type Locale } from '../../domain/i18n';
import { localizeQuestion } from '../../domain/survey/localized-question';
import type { QuestionKind } from '../../domain/question';
import type { TicketDelivery } from '../delivery/deliver-ticket-change';
import type { AppPorts } from '../ports';
import { requesterLocale } from '../surveys/requester-locale';
import { verifyToken } from '../surveys/one-click-token';
import { saveAnswer } from './save-answer';

export type LinkOutcome = { readonly locale: Locale } & (
  | { readonly kind: 'invalid'; readonly reason: 'malformed' | 'forged' | 'expired' | 'mismatch' }
  /** The link is good: show the question (in `locale`) and the score, and ask to confirm. */
  | { readonly kind: 'confirm'; readonly question: string; readonly questionKind: QuestionKind; readonly score: number }
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
  const locale = await requesterLocale(ports, stored.ask.requesterId, accepted);
  if (step === 'open') {
    return stored.usedNonces.includes(check.claims.n)
      ? { kind: 'already-recorded', on: 'open', locale }
      : {
          kind: 'confirm',
          question: localizeQuestion(stored.ask.question, locale).text,
          questionKind: stored.ask.question.kind,
          score: check.claims.s,
          locale,
        };
  }
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
