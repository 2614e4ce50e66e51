import { ForbiddenError } from '../errors';
import type { CallerJira } from '../ports';

/** Every admin use case runs after this check (Jira administration, asked as the caller). */
export async function assertAdmin(caller: CallerJira): Promise<void> {
  if (!(await caller.isJiraAdmin())) throw new ForbiddenError('Only Jira administrators can change Sentio.');
}

/**
 * `read` run while the administration check is in flight (one round trip less on the admin
 * views' first calls); its result is only handed back once the check passed, and a refused check
 * wins over any failure of the read. For reads only: a change must wait for the check.
 * @throws ForbiddenError when the caller is not a Jira administrator
 */
export async function readAsAdmin<T>(caller: CallerJira, read: () => Promise<T>): Promise<T> {
  const [allowed, value] = await Promise.allSettled([assertAdmin(caller), read()]);
  if (allowed.status === 'rejected') throw allowed.reason;
  if (value.status === 'rejected') throw value.reason;
  return value.value;
}
