import { ForbiddenError } from '../errors';
import type { CallerJira } from '../ports';

/** Agents act on a ticket only when Jira says they may browse it (asked as the caller). */
export async function assertAgent(caller: CallerJira, issueId: string): Promise<void> {
  if (!(await caller.canBrowseIssue(issueId))) throw new ForbiddenError('You need permission to browse this issue.');
}
