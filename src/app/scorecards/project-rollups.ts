/**
 * What every project read starts from: the XLAs that cover the project, the window as the domain
 * knows it, and the project's rollup buckets over the current and previous window — O(days ×
 * shards) reads, never O(tickets).
 */
import type { DashboardWindow } from './read-models';
import { bucketPerPeriod, type RollupBucket } from '../../domain/rollup';
import { currentWindow, previousWindow, type DayRange } from '../../domain/scoring';
import { dayKeyOf, type DayKey } from '../../domain/time';
import type { XlaDefinition, XlaWindow } from '../../domain/xla';
import { effectiveConfig } from '../configuration/effective-config';
import type { AppPorts, StoredConfig } from '../ports';

export function dashboardWindow(w: DashboardWindow): XlaWindow {
  return w === 'month' ? { kind: 'calendar-month' } : { kind: 'rolling', days: w === '7d' ? 7 : w === '90d' ? 90 : 30 };
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
  const stored = await ports.rollups.bucketsIn({
    generation: config.rollups?.active ?? '',
    projectId,
    fromDay: previousWindow(window, today).from,
    toDay: range.to,
  });
  const buckets = bucketPerPeriod(stored.flatMap((b) => (b.bucket === null ? [] : [b.bucket])));
  return { config, xlas, window, today, range, buckets };
}
