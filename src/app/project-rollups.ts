/**
 * What every project read starts from: the XLAs that cover the project, the window as the domain
 * knows it, and the project's rollup buckets over the current and previous window — O(days ×
 * shards) reads, never O(tickets).
 */
import type { DashboardWindow } from '../contracts/project';
import type { RollupBucket } from '../domain/rollup';
import { currentWindow, previousWindow, type DayRange } from '../domain/scoring';
import { dayKeyOf, type DayKey } from '../domain/time';
import type { XlaDefinition, XlaWindow } from '../domain/xla';
import { AppError } from './errors';
import { effectiveConfig } from './load-config';
import { assertProjectViewer } from './build-scorecards';
import type { AppPorts, CallerJira, StoredConfig } from './ports';

export function dashboardWindow(w: DashboardWindow): XlaWindow {
  return w === 'month' ? { kind: 'calendar-month' } : { kind: 'rolling', days: w === '7d' ? 7 : w === '90d' ? 90 : 30 };
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

export function coversProject(xla: XlaDefinition, projectId: string): boolean {
  return xla.enabled && (xla.scope.projectIds.length === 0 || xla.scope.projectIds.includes(projectId));
}

export interface ProjectRollups {
  readonly config: StoredConfig;
  readonly xlas: readonly XlaDefinition[];
  readonly window: XlaWindow;
  readonly today: DayKey;
  readonly range: DayRange;
  readonly buckets: readonly RollupBucket[];
}

export async function loadProjectRollups(
  ports: AppPorts,
  projectId: string,
  w: DashboardWindow,
): Promise<ProjectRollups> {
  const config = await effectiveConfig(ports);
  const today = dayKeyOf(ports.clock.now());
  const window = dashboardWindow(w);
  const range = currentWindow(window, today);
  const xlas = config.xlas.filter((x) => coversProject(x, projectId)).map((x) => ({ ...x, window }));
  const stored = await ports.store.bucketsIn({
    generation: config.rollups?.active ?? '',
    projectId,
    fromDay: previousWindow(window, today).from,
    toDay: range.to,
  });
  return { config, xlas, window, today, range, buckets: stored.flatMap((b) => (b.bucket === null ? [] : [b.bucket])) };
}
