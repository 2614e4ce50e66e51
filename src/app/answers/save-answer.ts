/**
 * Recording a requester's answer, from the portal or a one-click link: the ask, the ticket's
 * experience and the rollup delta commit together (an answer moves csat on the answer's day).
 */
import type { Ask } from '../../domain/ask';
import { recordAnswer, type AnswerChannel, type AnswerInput, type LinkChannel } from '../../domain/survey';
import { questionStage } from '../../domain/survey/waypoint-wording';
import { applyAnswer, isDone } from '../../domain/ticket';
import { effectiveConfig } from '../configuration/effective-config';
import { deliveryOf, type TicketDelivery } from '../delivery/deliver-ticket-change';
import { NotFoundError, RefusedError } from '../errors';
import type { AppPorts } from '../ports';
import { commitTicketWrite } from '../tickets/commit-ticket-write';
import { derivedWithProperty } from '../tickets/derive-record';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { upsertAskSummaries } from '../tickets/ticket-record';

export interface AnswerCommand {
  readonly askId: string;
  readonly input: AnswerInput;
  readonly via: AnswerChannel;
  /** The channel a one-click link came by (from its signed token). */
  readonly channel?: LinkChannel;
  /** A one-click token's nonce: recorded with the ask so the same link cannot be replayed. */
  readonly nonce?: string;
}

export type SavedAnswer =
  | { readonly kind: 'recorded'; readonly ask: Ask; readonly delivery: TicketDelivery; readonly resolved: boolean }
  | { readonly kind: 'replayed'; readonly ask: Ask; readonly delivery: null; readonly resolved: boolean };

/**
 * @throws NotFoundError when the ask or its ticket is gone; RefusedError when the survey rules say
 * no (expired, a score the question does not have, …)
 */
export async function saveAnswer(ports: AppPorts, command: AnswerCommand): Promise<SavedAnswer> {
  return withOptimisticRetry(ports, async (): Promise<SavedAnswer> => {
    const [config, stored] = await Promise.all([effectiveConfig(ports), ports.asks.getAsk(command.askId)]);
    if (stored === null) throw new NotFoundError('This survey does not exist.');
    if (command.nonce !== undefined && stored.usedNonces.includes(command.nonce))
      return { kind: 'replayed', ask: stored.ask, delivery: null, resolved: false };
    const now = ports.clock.now();
    const recorded = recordAnswer(stored.ask, command.input, now, command.via, command.channel);
    if (!recorded.ok) throw new RefusedError(recorded.code, recorded.message);
    const ticket = await ports.tickets.getTicket(stored.ask.ticketId);
    if (ticket === null) throw new NotFoundError('The request of this survey is gone.');
    const resolved = isDone(ticket.value.experience);
    const result = { ...recorded, ask: answeredTo(stored.ask, recorded.ask, resolved) };
    const experience = applyAnswer(ticket.value.experience, result.ask).experience;
    const asks = upsertAskSummaries(ticket.value.asks, [result.ask]);
    const next = derivedWithProperty({ ...ticket.value, experience, asks }, config, now);
    const nonces = command.nonce === undefined ? stored.usedNonces : [...stored.usedNonces, command.nonce].slice(-50);
    const saved = await commitTicketWrite(ports, config, {
      before: ticket,
      after: next.record,
      asks: [result.ask],
      askNonces: new Map([[result.ask.id, nonces]]),
    });
    return { kind: 'recorded', ask: result.ask, delivery: deliveryOf(config, saved, next.property), resolved };
  });
}

/**
 * Marks an answer given to the question about the outcome: the wording the requester saw when
 * they first answered (a changed answer keeps it), so the answer counts at the waypoint it was given at.
 */
function answeredTo(before: Ask, after: Ask, resolved: boolean): Ask {
  if (after.answer === null || questionStage(before, resolved) !== 'outcome') return after;
  return { ...after, answer: { ...after.answer, wording: 'outcome' } };
}
