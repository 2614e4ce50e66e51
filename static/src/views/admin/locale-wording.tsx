import { token } from '@atlaskit/tokens';
import type { TranslatedLocale } from '@domain/i18n';
import { TRANSLATED_LOCALES } from '@domain/i18n';
import type { SurveyPlan, SurveyTextTranslation, SurveyTranslations } from '@domain/survey-plan';
import { useMessages } from '../../i18n/messages';
import { Heading } from '../../ui/heading';
import { ChoiceInput } from '../../ui/choice-input';
import { languageName, useAdminT } from './admin-messages';
import { TextInput } from './inputs';
import type { Problems } from './problems';

const BANDS = ['negative', 'neutral', 'positive'] as const;

const EMPTY: SurveyTextTranslation = { text: '', reasonChips: {} };

/** A locale's wording with nothing in it is left out, so the plan says plainly "English only" for it. */
function isBlank(w: SurveyTextTranslation): boolean {
  return (
    w.text.trim() === '' &&
    (w.outcomeText ?? '').trim() === '' &&
    Object.values(w.reasonChips).every((c) => c.trim() === '')
  );
}

/**
 * The question and the reason chips in one language, beside the English: each chip's wording is
 * kept by the chip's id (it follows the chip when the English list is reordered; an answer records
 * the id), and anything left blank shows in English.
 */
export function LocaleWording({
  plan,
  language,
  problems,
  onLanguage,
  onChange,
}: {
  plan: SurveyPlan;
  language: TranslatedLocale;
  problems: Problems;
  onLanguage: (l: TranslatedLocale) => void;
  onChange: (translations: SurveyTranslations) => void;
}) {
  const t = useAdminT();
  const reader = useMessages().locale;
  const name = languageName(language, reader);
  const own = plan.translations?.[language] ?? EMPTY;
  const english = plan.followUps.reasonChips;
  const at = `translations.${language}`;

  function write(next: SurveyTextTranslation) {
    const rest = { ...plan.translations };
    delete rest[language];
    onChange(isBlank(next) ? rest : { ...rest, [language]: next });
  }
  function writeChip(id: string, value: string) {
    const { [id]: _old, ...others } = own.reasonChips;
    // A blank wording is left out: the chip shows in English.
    write({ ...own, reasonChips: value.trim() === '' ? others : { ...others, [id]: value } });
  }
  const worded = (l: TranslatedLocale) => {
    const w = plan.translations?.[l];
    return w !== undefined && !isBlank(w);
  };

  return (
    <div
      role="group"
      aria-label={t('wording.region', { language: name })}
      style={{ flex: '1 1 240px', display: 'flex', flexDirection: 'column', gap: token('space.150') }}
    >
      <ChoiceInput<TranslatedLocale>
        label={t('wording.beside')}
        value={language}
        options={TRANSLATED_LOCALES.map((l) => ({
          value: l,
          label: worded(l) ? t('wording.worded', { language: languageName(l, reader) }) : languageName(l, reader),
        }))}
        onChange={onLanguage}
      />
      <Heading size="xsmall" as="h4">
        {name}
      </Heading>
      <TextInput
        label={t('wording.question', { language: name })}
        hint={t('wording.questionHint')}
        value={own.text}
        error={problems.get(`${at}.text`)}
        onChange={(text) => write({ ...own, text })}
      />
      {plan.waypoint.kind === 'resolved' ? null : (
        <TextInput
          label={t('wording.outcome', { language: name })}
          hint={t('wording.outcomeHint', { language: name })}
          value={own.outcomeText ?? ''}
          error={problems.get(`${at}.outcomeText`)}
          onChange={(outcomeText) => {
            const { outcomeText: _old, ...rest } = own;
            write(outcomeText.trim() === '' ? rest : { ...rest, outcomeText });
          }}
        />
      )}
      {BANDS.map((band) =>
        english[band].length === 0 ? null : (
          <fieldset key={band} style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend style={{ font: token('font.body.small'), fontWeight: 600, padding: 0 }}>
              {t(`plan.chips.${band}`)}
            </legend>
            {english[band].map((chip, i) => (
              <TextInput
                key={chip.id}
                label={t('wording.chip', {
                  language: name,
                  chip: chip.label.trim() === '' ? t('plan.chipNumber', { n: i + 1 }) : chip.label,
                })}
                value={own.reasonChips[chip.id] ?? ''}
                error={problems.get(`${at}.reasonChips.${chip.id}`)}
                onChange={(value) => writeChip(chip.id, value)}
              />
            ))}
          </fieldset>
        ),
      )}
    </div>
  );
}
