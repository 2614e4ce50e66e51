/** Builders for the admin configuration the integration tests save through the admin resolvers. */
import type { SurveyPlanInput } from '../../../src/domain/survey-plan';
import type { XlaDefinitionInput } from '../../../src/domain/xla';

/**
 * An XLA small enough to score by hand: csat alone in X; reopen and reassign share O equally.
 * minSample 1 so one answer gives a number.
 */
export function journeyXla(overrides: Partial<XlaDefinitionInput> = {}): XlaDefinitionInput {
  return {
    id: 'journey',
    name: 'Journey XLA',
    indicators: [
      { id: 'csat', weight: 1, floor: 0.5, target: 0.9, prior: 0.8 },
      { id: 'reopen', weight: 0.5, floor: 0.8, target: 0.97, prior: 0.95 },
      { id: 'reassign', weight: 0.5, floor: 0.6, target: 0.9, prior: 0.9 },
    ],
    targetScore: 80,
    minSample: 1,
    ...overrides,
  };
}

export function plan(
  id: string,
  waypoint: SurveyPlanInput['waypoint'],
  overrides: Partial<SurveyPlanInput> = {},
): SurveyPlanInput {
  return {
    id,
    name: `Plan ${id}`,
    waypoint,
    question: { kind: 'csat5', text: 'How satisfied are you so far?' },
    ...overrides,
  };
}
