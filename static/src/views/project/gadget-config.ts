import { DashboardWindowSchema, type DashboardWindow } from '@contracts/project';

/** Jira project ids are numeric; the resolver refuses anything else. */
export const PROJECT_ID = /^\d{1,18}$/;

/** What the gadget keeps in its Jira configuration. */
export interface GadgetConfig {
  readonly projectId: string;
  /** One XLA, or null for every XLA that covers the project. */
  readonly xlaId: string | null;
  /** Null: the dashboard's default window. */
  readonly window: DashboardWindow | null;
}

/** The saved configuration, as far as it is usable: Jira stores whatever an editor once submitted. */
export function configOf(raw: Record<string, unknown> | undefined): GadgetConfig | null {
  const projectId = raw?.['projectId'];
  if (typeof projectId !== 'string' || !PROJECT_ID.test(projectId.trim())) return null;
  const xlaId = raw?.['xlaId'];
  const window = DashboardWindowSchema.safeParse(raw?.['window']);
  return {
    projectId: projectId.trim(),
    xlaId: typeof xlaId === 'string' && xlaId !== '' && xlaId.length <= 64 ? xlaId : null,
    window: window.success ? window.data : null,
  };
}

/** The one getScorecards payload of the gadget: the prefetch and the view must ask the same. */
export function scorecardsPayload(config: GadgetConfig): { projectId: string; window?: DashboardWindow } {
  return { projectId: config.projectId, ...(config.window !== null ? { window: config.window } : {}) };
}

/** What the editor submits: absent choices are left out, so an old gadget's configuration still reads. */
export function submittedConfig(config: GadgetConfig): Record<string, string> {
  return {
    projectId: config.projectId,
    ...(config.xlaId !== null ? { xlaId: config.xlaId } : {}),
    ...(config.window !== null ? { window: config.window } : {}),
  };
}
