import { AppError, ForbiddenError } from '../errors';
import type { CallerJira } from '../ports';

export async function assertProjectViewer(caller: CallerJira, projectId: string): Promise<void> {
  if (!(await caller.canBrowseProject(projectId)))
    throw new ForbiddenError('You need permission to browse this project.');
}

/**
 * `read` of the project a project-surface call names, run while the browse-permission check is in
 * flight (one round trip less on every project resolver); its result is only handed back once the
 * check passed, and a refused check wins over any failure of the read.
 * @throws AppError `validation` when neither names a project; `forbidden` when the caller may not browse it
 */
export async function readViewableProject<T>(
  caller: CallerJira,
  fromContext: string | null,
  fromPayload: string | undefined,
  read: (projectId: string) => Promise<T>,
): Promise<{ readonly projectId: string; readonly value: T }> {
  const projectId = fromContext ?? fromPayload ?? null;
  if (projectId === null)
    throw new AppError('validation', 'Open Sentio from a project, or name a project in the gadget settings.');
  const [allowed, value] = await Promise.allSettled([assertProjectViewer(caller, projectId), read(projectId)]);
  if (allowed.status === 'rejected') throw allowed.reason;
  if (value.status === 'rejected') throw value.reason;
  return { projectId, value: value.value };
}
