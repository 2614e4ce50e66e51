/** A requester answers (or changes their answer to) an ask on the portal request they are looking at. */
import type { AnswerInput } from '../../domain/survey';
import type { TicketDelivery } from '../delivery/deliver-ticket-change';
import { NotFoundError } from '../errors';
import type { AppPorts, CallerJira } from '../ports';
import { assertRequester } from './assert-requester';
import { portalAskOf, type PortalAsk } from './portal-ask';
import { saveAnswer } from './save-answer';

export async function answerAsk(
  ports: AppPorts,
  caller: CallerJira,
  accountId: string,
  issueIdOrKey: string,
  askId: string,
  input: AnswerInput,
): Promise<{ readonly answered: PortalAsk; readonly delivery: TicketDelivery | null }> {
  const issueId = await assertRequester(ports, caller, accountId, issueIdOrKey);
  const stored = await ports.asks.getAsk(askId);
  // An ask of another request is "not found" for this caller: the context's issue decides.
  // Another person's ask is "not found" too: nobody learns whether it exists.
  if (stored === null || stored.ask.ticketId !== issueId || stored.ask.requesterId !== accountId)
    throw new NotFoundError('There is no such survey on this request.');
  const saved = await saveAnswer(ports, { askId, input, via: 'portal' });
  return { answered: portalAskOf(saved.ask, ports.clock.now(), saved.resolved), delivery: saved.delivery };
}
