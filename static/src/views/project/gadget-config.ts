/** Jira project ids are numeric; the resolver refuses anything else. */
export const PROJECT_ID = /^\d{1,18}$/;

/** What the gadget keeps in its Jira configuration. */
export interface GadgetConfig {
  readonly projectId: string;
}

export function configOf(raw: Record<string, unknown> | undefined): GadgetConfig | null {
  const projectId = raw?.['projectId'];
  return typeof projectId === 'string' && PROJECT_ID.test(projectId.trim()) ? { projectId: projectId.trim() } : null;
}
