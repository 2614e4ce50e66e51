import { ForbiddenError } from '../errors';
import type { CallerJira } from '../ports';

/** Every admin use case runs after this check (Jira administration, asked as the caller). */
export async function assertAdmin(caller: CallerJira): Promise<void> {
  if (!(await caller.isJiraAdmin())) throw new ForbiddenError('Only Jira administrators can change Sentio.');
}
