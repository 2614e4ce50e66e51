import type { QuestionSnapshot } from '../ask';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import type { MessageKey, Translator } from '../i18n/messages';
import { scalePointKey } from '../i18n/scale-words';
import type { QuestionKind, ScoreBand } from '../question';
import {
  DEFAULT_LOST_TIME_CHOICES,
  type LostTimeChoice,
  type ReasonChip,
  type ReasonChips,
  type SurveyTextTranslation,
  type SurveyTranslations,
} from '../survey-plan';
import { numberFormat } from '../i18n/formatters';

/** A reason chip as shown: `value` is what an answer records (the chip's id), `label` what is read. */
export interface LocalizedChip {
  readonly value: string;
  readonly label: string;
}

export interface LocalizedQuestion {
  readonly locale: Locale;
  readonly text: string;
  readonly reasonChips: Readonly<Record<ScoreBand, readonly LocalizedChip[]>>;
}

interface WordedQuestion {
  readonly text: string;
  readonly reasonChips: ReasonChips;
  readonly translations?: SurveyTranslations | undefined;
}

/** A chip's words in one locale's translation; its English words where that has none. */
export function chipWords(chip: ReasonChip, t: SurveyTextTranslation | undefined): string {
  const words = t?.reasonChips[chip.id]?.trim();
  return words ? words : chip.label;
}

/** Each chip's words in one locale, by chip id. */
export type ChipWords = ReadonlyMap<string, string>;

/**
 * The words of every chip of `plans` in `locale`, by id. A chip stored before ids existed has the
 * same id in every plan that has the same words in the same band; the first plan words it.
 */
export function chipWordsIn(plans: readonly WordedPlan[], locale: Locale): ChipWords {
  const out = new Map<string, string>();
  for (const plan of plans) {
    const t = locale === DEFAULT_LOCALE ? undefined : plan.translations?.[locale];
    const { negative, neutral, positive } = plan.followUps.reasonChips;
    for (const chip of [...negative, ...neutral, ...positive])
      if (!out.has(chip.id)) out.set(chip.id, chipWords(chip, t));
  }
  return out;
}

interface WordedPlan {
  readonly followUps: { readonly reasonChips: ReasonChips };
  readonly translations?: SurveyTranslations | undefined;
}

/**
 * The question and chips in one locale, English wherever the plan has no wording for it: a blank
 * or missing translation never shows an empty label.
 */
export function localizeQuestion(q: WordedQuestion, locale: Locale): LocalizedQuestion {
  const t = locale === DEFAULT_LOCALE ? undefined : q.translations?.[locale];
  const chips = (band: ScoreBand): LocalizedChip[] =>
    q.reasonChips[band].map((chip) => ({ value: chip.id, label: chipWords(chip, t) }));
  const text = t?.text.trim();
  return {
    locale,
    text: text ? text : q.text,
    reasonChips: { negative: chips('negative'), neutral: chips('neutral'), positive: chips('positive') },
  };
}

/** Which locales a snapshot or plan has any wording for (besides English, always). */
export function wordedLocales(q: Pick<QuestionSnapshot, 'translations'>): Locale[] {
  const translations = q.translations ?? {};
  return [
    DEFAULT_LOCALE,
    ...(Object.keys(translations) as Array<keyof SurveyTranslations>).filter((l) => {
      const t = translations[l];
      return t !== undefined && (t.text.trim() !== '' || Object.values(t.reasonChips).some((x) => x.trim() !== ''));
    }),
  ];
}

// Kept with the message keys (src/domain/i18n) so a view can word an answer without the survey plan module.
export { scalePointKey };

/** How a score reads in a sentence: "4, Satisfied", "7", "Thumbs up, good". */
export function scorePhrase(t: Translator, kind: QuestionKind, score: number): string {
  const key = scalePointKey(kind, score);
  if (key === null) return numberFormat(t.locale).format(score);
  if (kind === 'thumbs') return t.t(key);
  return t.t('scale.numbered', { score, label: t.t(key) });
}

/**
 * A lost-time choice's label in the reader's locale: the shipped defaults have catalogue wording;
 * an admin's own choice keeps the admin's label.
 */
export function lostTimeLabel(t: Translator, choice: LostTimeChoice): string {
  const standard = DEFAULT_LOST_TIME_CHOICES.find((c) => c.id === choice.id && c.label === choice.label);
  return standard ? t.t(`lostTime.${standard.id}` as MessageKey) : choice.label;
}
