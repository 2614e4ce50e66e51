import { ForbiddenError } from '../errors';
import type { AppPorts, CallerJira } from '../ports';

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
  const ticket = await ports.tickets.getTicket(visible.issueId);
  const participants = ticket?.value.participantIds.includes(accountId)
    ? [accountId]
    : await ports.jira.getParticipants(visible.issueId);
  if (!participants.includes(accountId))
    throw new ForbiddenError('Only the requester or a participant can answer this survey.');
  return visible.issueId;
}
