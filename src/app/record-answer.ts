/**
 * Recording a requester's answer, from the portal or a one-click link: the ask, the ticket's
 * experience and the rollup delta commit together (an answer moves csat on the answer's day).
 */
import { effectiveConfig } from './load-config';
import type { Ask } from '../domain/ask';
import { recordAnswer, type AnswerChannel, type AnswerInput } from '../domain/survey';
import { applyAnswer } from '../domain/ticket';
import { ForbiddenError, NotFoundError, RefusedError } from './errors';
import { afterCommit } from './handle-lifecycle-event';
import type { AppPorts, CallerJira } from './ports';
import { commitTicketWrite, deriveRecord, propertyOf, upsertAskSummaries, withOptimisticRetry } from './ticket-change';

export interface AnswerCommand {
  readonly askId: string;
  readonly input: AnswerInput;
  readonly via: AnswerChannel;
  /** A one-click token's nonce: recorded with the ask so the same link cannot be replayed. */
  readonly nonce?: string;
}

export type AnswerOutcome =
  { readonly kind: 'recorded'; readonly ask: Ask } | { readonly kind: 'replayed'; readonly ask: Ask };

export async function applyAnswerCommand(ports: AppPorts, command: AnswerCommand): Promise<AnswerOutcome> {
  const outcome = await withOptimisticRetry(ports, async () => {
    const [config, stored] = await Promise.all([effectiveConfig(ports), ports.store.getAsk(command.askId)]);
    if (stored === null) throw new NotFoundError('This survey does not exist.');
    if (command.nonce !== undefined && stored.usedNonces.includes(command.nonce))
      return { kind: 'replayed' as const, ask: stored.ask };
    const now = ports.clock.now();
    const result = recordAnswer(stored.ask, command.input, now, command.via);
    if (!result.ok) throw new RefusedError(result.code, result.message);
    const ticket = await ports.store.getTicket(stored.ask.ticketId);
    if (ticket === null) throw new NotFoundError('The request of this survey is gone.');
    const experience = applyAnswer(ticket.value.experience, result.ask).experience;
    const asks = upsertAskSummaries(ticket.value.asks, [result.ask]);
    const derived = deriveRecord({ ...ticket.value, experience, asks }, config, now);
    const property = propertyOf(experience, derived.risk, asks, now);
    const nonces = command.nonce === undefined ? stored.usedNonces : [...stored.usedNonces, command.nonce].slice(-50);
    const saved = await commitTicketWrite(ports, config, {
      before: ticket,
      after: { ...derived.record, property },
      asks: [result.ask],
      askNonces: new Map([[result.ask.id, nonces]]),
    });
    return { kind: 'recorded' as const, ask: result.ask, saved, property, config };
  });
  if (outcome.kind === 'recorded') await afterCommit(ports, outcome.config, outcome.saved, outcome.property);
  return { kind: outcome.kind, ask: outcome.ask };
}

/**
 * May this portal caller answer surveys on this request? They must see the request as themselves
 * (asUser) and be its reporter or a participant. Identity is the Forge context's, never the payload's.
 * Returns the request's issue id (the portal context names it by key).
 */
export async function assertRequester(
  ports: AppPorts,
  caller: CallerJira,
  accountId: string,
  issueIdOrKey: string,
): Promise<string> {
  const visible = await caller.visibleRequest(issueIdOrKey);
  if (visible === null) throw new ForbiddenError('You cannot see this request.');
  if (visible.reporterId === accountId) return visible.issueId;
  const ticket = await ports.store.getTicket(visible.issueId);
  const participants = ticket?.value.participantIds.includes(accountId)
    ? [accountId]
    : await ports.jira.getParticipants(visible.issueId);
  if (!participants.includes(accountId))
    throw new ForbiddenError('Only the requester or a participant can answer this survey.');
  return visible.issueId;
}
