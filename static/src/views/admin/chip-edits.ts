import {
  SCORE_BANDS,
  type ReasonChip,
  type ReasonChips,
  type SurveyPlan,
  type SurveyTranslations,
} from '@domain/survey-plan';

/**
 * A chip's id: made once, when the admin adds the chip, and kept through every rewording and move,
 * so the chip's translations and the answers that picked it stay with it.
 */
export function newChipId(): string {
  return `c-${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** The list with the chip at `from` one place up (-1) or down (+1); chips keep their ids. */
export function moveChip(list: readonly ReasonChip[], from: number, by: -1 | 1): ReasonChip[] {
  const to = from + by;
  const next = [...list];
  const chip = next[from];
  if (chip === undefined || to < 0 || to >= next.length) return next;
  next.splice(from, 1);
  next.splice(to, 0, chip);
  return next;
}

/**
 * The plan with one band's chips replaced. Translations are keyed by chip id, so a moved or
 * reworded chip keeps its wording in every locale; a removed chip's wording goes with it.
 */
export function withBandChips(
  plan: SurveyPlan,
  band: keyof ReasonChips,
  chips: readonly ReasonChip[],
): Pick<SurveyPlan, 'followUps' | 'translations'> {
  const reasonChips = { ...plan.followUps.reasonChips, [band]: [...chips] };
  const ids = new Set(SCORE_BANDS.flatMap((b) => reasonChips[b].map((c) => c.id)));
  let translations: SurveyTranslations | undefined;
  if (plan.translations !== undefined) {
    translations = {};
    for (const [locale, t] of Object.entries(plan.translations) as Array<
      [keyof SurveyTranslations, SurveyTranslations[keyof SurveyTranslations]]
    >) {
      if (t === undefined) continue;
      translations[locale] = {
        ...t,
        reasonChips: Object.fromEntries(Object.entries(t.reasonChips).filter(([id]) => ids.has(id))),
      };
    }
  }
  return {
    followUps: { ...plan.followUps, reasonChips },
    ...(translations === undefined ? {} : { translations }),
  };
}
