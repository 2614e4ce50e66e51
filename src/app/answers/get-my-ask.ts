/** The requester's side: the pending (or answered, still editable) ask on the request they are looking at. */
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
    .find((a) => (a.status === 'pending' || a.status === 'answered') && a.expiresAt > now);
  if (live === undefined) return null;
  const stored = await ports.asks.getAsk(live.id);
  return stored === null ? null : portalAskOf(stored.ask, now);
}
