/** Builders for the admin configuration the integration tests save through the admin resolvers. */
import type { SurveyPlanInput } from '../../../src/domain/survey-plan';
import type { XlaDefinitionInput } from '../../../src/domain/xla';
import { MODULE, unwrap, type TestHost } from './host';

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

/** The German words an admin gives the question of a plan saved by `saveGermanPlan`. */
export const GERMAN_QUESTION = 'Wie zufrieden sind Sie bisher?';

export interface GermanPlan {
  id: string;
  /** The plan's settings beyond its question and its German words (the waypoint defaults to `created`). */
  overrides?: Omit<Partial<SurveyPlanInput>, 'id' | 'translations'>;
  /** German words for the plan's reason chips, by chip id. */
  chips?: Record<string, string>;
  /** The configuration version the admin read, when the save replaces a plan. */
  expectedVersion?: number;
}

/**
 * Saves, as the site's admin and through the admin page's resolver, a plan whose question is also
 * worded in German (`GERMAN_QUESTION`, and the given chip words). Fails the test when refused.
 */
export async function saveGermanPlan(h: TestHost, p: GermanPlan): Promise<void> {
  const { waypoint = { kind: 'created' }, ...rest } = p.overrides ?? {};
  const german = { text: GERMAN_QUESTION, ...(p.chips ? { reasonChips: p.chips } : {}) };
  const saved = plan(p.id, waypoint, { ...rest, translations: { 'de-DE': german } });
  await savePlanAsAdmin(h, saved, p.expectedVersion);
}

/**
 * Saves a plan as the site's admin, through the admin page's resolver as the admin page does.
 * Fails the test when refused.
 */
export async function savePlanAsAdmin(h: TestHost, saved: SurveyPlanInput, expectedVersion?: number): Promise<void> {
  const version = expectedVersion === undefined ? {} : { expectedVersion };
  unwrap(await h.call(MODULE.admin, 'savePlan', { plan: saved, ...version }, h.users.admins[0] ?? ''));
}
