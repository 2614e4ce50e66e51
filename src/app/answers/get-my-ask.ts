/** The requester's side: the pending (or answered, still editable) ask on the request they are looking at. */
import { isDone } from '../../domain/ticket';
import type { AppPorts, CallerJira } from '../ports';
import { assertRequester } from './assert-requester';
import { portalAskOf, type PortalAsk } from './portal-ask';

export async function getMyAsk(
  ports: AppPorts,
  caller: CallerJira,
  accountId: string,
  issueIdOrKey: string,
): Promise<PortalAsk | null> {
  const issueId = await assertRequester(ports, caller, accountId, issueIdOrKey);
  const ticket = await ports.tickets.getTicket(issueId);
  if (ticket === null) return null;
  const now = ports.clock.now();
  const live = [...ticket.value.asks]
    .reverse()
    .filter((a) => (a.status === 'pending' || a.status === 'answered') && a.expiresAt > now);
  // An ask belongs to the one person it was sent to (DESIGN.md): a participant sees none of them.
  for (const summary of live) {
    const stored = await ports.asks.getAsk(summary.id);
    if (stored !== null && stored.ask.requesterId === accountId)
      return portalAskOf(stored.ask, now, isDone(ticket.value.experience));
  }
  return null;
}
