/** The requester's side: the pending (or answered, still editable) ask on the request they are looking at. */
import type { Ask } from '../domain/ask';
import type { PortalAskView } from '../contracts/portal';
import { NotFoundError } from './errors';
import type { AppPorts, CallerJira } from './ports';
import { applyAnswerCommand, assertRequester } from './record-answer';
import type { AnswerInput } from '../domain/survey';

export function portalView(ask: Ask, now: number): PortalAskView {
  const open = ask.status === 'pending' || ask.status === 'answered';
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
    editable: open && now < ask.expiresAt,
  };
}

export async function getMyAsk(
  ports: AppPorts,
  caller: CallerJira,
  accountId: string,
  issueIdOrKey: string,
): Promise<PortalAskView | null> {
  const issueId = await assertRequester(ports, caller, accountId, issueIdOrKey);
  const ticket = await ports.store.getTicket(issueId);
  if (ticket === null) return null;
  const now = ports.clock.now();
  const live = [...ticket.value.asks]
    .reverse()
    .find((a) => (a.status === 'pending' || a.status === 'answered') && a.expiresAt > now);
  if (live === undefined) return null;
  const stored = await ports.store.getAsk(live.id);
  return stored === null ? null : portalView(stored.ask, now);
}

export async function answerMyAsk(
  ports: AppPorts,
  caller: CallerJira,
  accountId: string,
  issueIdOrKey: string,
  askId: string,
  input: AnswerInput,
): Promise<PortalAskView> {
  const issueId = await assertRequester(ports, caller, accountId, issueIdOrKey);
  const stored = await ports.store.getAsk(askId);
  // An ask of another request is "not found" for this caller: the context's issue decides.
  if (stored === null || stored.ask.ticketId !== issueId)
    throw new NotFoundError('There is no such survey on this request.');
  const outcome = await applyAnswerCommand(ports, { askId, input, via: 'portal' });
  return portalView(outcome.ask, ports.clock.now());
}
