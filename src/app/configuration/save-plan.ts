import { SurveyPlanSchema } from '../../domain/survey-plan';
import { parseWith } from '../../domain/validation';
import { ValidationError } from '../errors';
import type { AppPorts, StoredConfig } from '../ports';
import { changeConfig, describeDiff } from './change-config';

/** Creates or replaces a survey plan. Plans decide when to ask, not how outcomes count: no recompute. */
export async function savePlan(
  ports: AppPorts,
  actorId: string,
  input: unknown,
  expectedVersion?: number,
): Promise<StoredConfig> {
  const parsed = parseWith(SurveyPlanSchema, input);
  if (!parsed.ok)
    throw new ValidationError(
      'The survey plan is not valid.',
      parsed.problems.map((p) => ({ field: `plan.${p.field}`, message: p.message })),
    );
  const plan = parsed.value;
  return changeConfig(ports, actorId, expectedVersion, (c) => {
    const before = c.plans.find((p) => p.id === plan.id);
    const plans = before === undefined ? [...c.plans, plan] : c.plans.map((p) => (p.id === plan.id ? plan : p));
    return {
      next: { ...c, plans },
      action: 'plan-saved',
      target: plan.id,
      summary: `Plan "${plan.name}" ${describeDiff(before, plan)}`,
    };
  });
}
