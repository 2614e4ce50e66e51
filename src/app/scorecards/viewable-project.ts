import { AppError, ForbiddenError } from '../errors';
import type { CallerJira } from '../ports';

export async function assertProjectViewer(caller: CallerJira, projectId: string): Promise<void> {
  if (!(await caller.canBrowseProject(projectId)))
    throw new ForbiddenError('You need permission to browse this project.');
}

/**
 * The project a project-surface call reads, after checking the caller may browse it. The Forge
 * context names it on the project page; only the gadget (no project context) names one in its
 * payload, from its saved configuration — checked like any other, never trusted.
 * @throws AppError `validation` when neither names a project; `forbidden` when the caller may not browse it
 */
export async function viewableProject(
  caller: CallerJira,
  fromContext: string | null,
  fromPayload: string | undefined,
): Promise<string> {
  const projectId = fromContext ?? fromPayload ?? null;
  if (projectId === null)
    throw new AppError('validation', 'Open Sentio from a project, or name a project in the gadget settings.');
  await assertProjectViewer(caller, projectId);
  return projectId;
}
