/**
 * One-click answers from the survey comment's links. Opening a link (a GET) only asks to confirm:
 * mail scanners open links and must record nothing; confirming (the POST) records once. Forged,
 * expired, replayed or mismatched tokens change nothing. The web-trigger handler turns each
 * outcome into a page.
 */
import type { TicketDelivery } from '../delivery/deliver-ticket-change';
import type { AppPorts } from '../ports';
import { verifyToken } from '../surveys/one-click-token';
import { saveAnswer } from './save-answer';

export type LinkOutcome =
  | { readonly kind: 'invalid'; readonly reason: 'malformed' | 'forged' | 'expired' | 'mismatch' }
  /** The link is good: show the question and the score, and ask to confirm. */
  | { readonly kind: 'confirm'; readonly question: string; readonly score: number }
  /** This link's answer is already recorded (opened again, or confirmed twice). */
  | { readonly kind: 'already-recorded'; readonly on: 'open' | 'confirm' }
  | { readonly kind: 'recorded'; readonly delivery: TicketDelivery };

/**
 * @param step `open` when the link is followed, `confirm` when its page is submitted
 * @throws AppError from recording the answer (refused by a survey rule, not found, unavailable)
 */
export async function answerByLink(ports: AppPorts, token: string, step: 'open' | 'confirm'): Promise<LinkOutcome> {
  const check = verifyToken(token, await ports.secrets.signingKeys(), ports.clock.now());
  if (!check.ok) return { kind: 'invalid', reason: check.reason };
  const stored = await ports.asks.getAsk(check.claims.a);
  if (stored === null || stored.ask.expiresAt !== check.claims.e) return { kind: 'invalid', reason: 'mismatch' };
  if (step === 'open') {
    return stored.usedNonces.includes(check.claims.n)
      ? { kind: 'already-recorded', on: 'open' }
      : { kind: 'confirm', question: stored.ask.question.text, score: check.claims.s };
  }
  const saved = await saveAnswer(ports, {
    askId: check.claims.a,
    input: { score: check.claims.s },
    via: 'one-click',
    channel: check.claims.c ?? 'public-comment',
    nonce: check.claims.n,
  });
  return saved.kind === 'replayed'
    ? { kind: 'already-recorded', on: 'confirm' }
    : { kind: 'recorded', delivery: saved.delivery };
}
