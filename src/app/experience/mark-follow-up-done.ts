/** "Follow-up done": the agent closed the loop on the ticket's low score. */
import { markFollowUpDone as withFollowUpDone } from '../../domain/ticket';
import { effectiveConfig } from '../configuration/effective-config';
import { deliveryOf, type TicketDelivery } from '../delivery/deliver-ticket-change';
import { NotFoundError, RefusedError } from '../errors';
import type { AppPorts, CallerJira } from '../ports';
import { commitTicketWrite } from '../tickets/commit-ticket-write';
import { derivedWithProperty, followUpOf } from '../tickets/derive-record';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { assertAgent } from './assert-agent';

export interface FollowUpState {
  readonly needed: boolean;
  readonly doneAt: number | null;
  readonly doneBy: string | null;
}

export async function markFollowUpDone(
  ports: AppPorts,
  caller: CallerJira,
  agentId: string,
  issueId: string,
): Promise<{ readonly followUp: FollowUpState; readonly delivery: TicketDelivery }> {
  await assertAgent(caller, issueId);
  const saved = await withOptimisticRetry(ports, async () => {
    const [config, ticket] = await Promise.all([effectiveConfig(ports), ports.tickets.getTicket(issueId)]);
    if (ticket === null) throw new NotFoundError('Sentio has not seen this ticket yet.');
    const pending = followUpOf(ticket.value.experience);
    if (pending === null || pending.askId === null)
      throw new RefusedError('no-low-score', 'There is no low score to follow up on this ticket.');
    if (!pending.needed) return { record: ticket.value, delivery: deliveryOf(config, ticket.value, null) };
    const now = ports.clock.now();
    const experience = withFollowUpDone(ticket.value.experience, pending.askId, now);
    const next = derivedWithProperty({ ...ticket.value, experience }, config, now);
    const record = await commitTicketWrite(ports, config, { before: ticket, after: next.record });
    return { record, delivery: deliveryOf(config, record, next.property) };
  });
  const done = followUpOf(saved.record.experience);
  return {
    followUp: {
      needed: done?.needed ?? false,
      doneAt: done?.doneAt ?? null,
      doneBy: done?.doneAt === null ? null : agentId,
    },
    delivery: saved.delivery,
  };
}
