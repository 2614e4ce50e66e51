import { DEFAULT_LOCALE, type Locale, TRANSLATED_LOCALES } from '@domain/i18n';
import { type SurveyPlan, SurveyPlanSchema, type SurveyTranslations } from '@domain/survey-plan';
import { type AdminT, adminT, loadAdminCatalogue } from './admin-messages';
import { newChipId } from './chip-edits';

export function uniqueId(base: string, taken: readonly string[]): string {
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

const CHIPS = {
  negative: ['slow', 'notUnderstood', 'notFixed'],
  neutral: ['couldBeFaster'],
  positive: ['fast', 'friendly', 'clear'],
} as const;

/** The starter chips' ids: made for this plan, shared by every locale's wording of the chip. */
type StarterIds = Readonly<Record<(typeof CHIPS)[keyof typeof CHIPS][number], string>>;

function englishChips(t: AdminT, ids: StarterIds) {
  const chips = (band: keyof typeof CHIPS) => CHIPS[band].map((c) => ({ id: ids[c], label: t(`starter.${c}`) }));
  return { negative: chips('negative'), neutral: chips('neutral'), positive: chips('positive') };
}

function wording(t: AdminT, ids: StarterIds) {
  const all = [...CHIPS.negative, ...CHIPS.neutral, ...CHIPS.positive];
  return { text: t('starter.question'), reasonChips: Object.fromEntries(all.map((c) => [ids[c], t(`starter.${c}`)])) };
}

/**
 * A new plan starts with a question and reason chips worded in every shipped locale (each from its
 * message file), so a requester reads their own language from the first save on; the name is in
 * the admin's language.
 */
export async function newPlan(taken: readonly string[], projectId: string | null, reader: AdminT): Promise<SurveyPlan> {
  const locales: readonly Locale[] = [DEFAULT_LOCALE, ...TRANSLATED_LOCALES];
  const [english, ...others] = await Promise.all(locales.map(async (l) => adminT(await loadAdminCatalogue(l))));
  if (english === undefined) throw new Error('no English wording');
  const ids = Object.fromEntries(
    [...CHIPS.negative, ...CHIPS.neutral, ...CHIPS.positive].map((c) => [c, newChipId()]),
  ) as unknown as StarterIds;
  const translations: SurveyTranslations = {};
  TRANSLATED_LOCALES.forEach((locale, i) => {
    const t = others[i];
    if (t !== undefined) translations[locale] = wording(t, ids);
  });
  return SurveyPlanSchema.parse({
    id: uniqueId('mid-flight-check', taken),
    name: reader('starter.name'),
    scope: { projectIds: projectId !== null ? [projectId] : [], requestTypeIds: [], priorities: [] },
    waypoint: { kind: 'first-response' },
    question: { kind: 'emoji5', text: english('starter.question') },
    followUps: { reasonChips: englishChips(english, ids) },
    translations,
  });
}
