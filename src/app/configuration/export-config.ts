import type { SurveyPlan } from '../../domain/survey-plan';
import type { XlaDefinition } from '../../domain/xla';
import type { AppPorts } from '../ports';
import { effectiveConfig } from './effective-config';

/** The XLAs and plans in force, for a file another site (or this one, later) can import. */
export async function exportConfig(
  ports: AppPorts,
): Promise<{ readonly xlas: readonly XlaDefinition[]; readonly plans: readonly SurveyPlan[] }> {
  const c = await effectiveConfig(ports);
  return { xlas: c.xlas, plans: c.plans };
}
