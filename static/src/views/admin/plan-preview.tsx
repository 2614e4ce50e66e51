import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { QuestionSnapshot } from '@domain/ask';
import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES, type Translator } from '@domain/i18n';
import type { ScoreBand } from '@domain/question';
import { localizeQuestion } from '@domain/survey/localized-question';
import type { ReasonChip, SurveyPlan } from '@domain/survey-plan';
import { MessagesProvider, useMessages } from '../../i18n/messages';
import { ChoiceInput } from '../../ui/choice-input';
import { SurveyForm } from '../portal/survey-form';
import { type AdminT, languageName, loadCatalogue, useAdminT } from './admin-messages';

/** What the plan's question looks like to a requester reading `locale`, built from the draft as it is typed. */
export function snapshotOf(plan: SurveyPlan, locale: Locale, t: AdminT): QuestionSnapshot {
  const worded = localizeQuestion(
    { text: plan.question.text, reasonChips: plan.followUps.reasonChips, translations: plan.translations },
    locale,
  );
  return {
    kind: plan.question.kind,
    text: worded.text.trim() === '' ? t('planPreview.placeholder') : worded.text,
    reasonChips: plan.followUps.reasonChips,
    comment: plan.followUps.comment,
    lostTime: plan.followUps.lostTime,
    ...(plan.translations !== undefined ? { translations: plan.translations } : {}),
  };
}

/** Which of the plan's words a requester in `locale` reads in English, because none is written for it. */
export function fallbackParts(plan: SurveyPlan, locale: Locale): { question: boolean; chips: number } {
  if (locale === DEFAULT_LOCALE) return { question: false, chips: 0 };
  const own = plan.translations?.[locale];
  const question = (own?.text.trim() ?? '') === '';
  let chips = 0;
  for (const band of ['negative', 'neutral', 'positive'] as const)
    for (const chip of plan.followUps.reasonChips[band])
      if ((own?.reasonChips[chip.id]?.trim() ?? '') === '') chips += 1;
  return { question, chips };
}

/**
 * The portal form itself, live, in the locale chosen: the scale's and the form's words from that
 * locale's message file, the question and chips from the plan's wording for it (English where there
 * is none, and the preview says so). The admin can tap through it; nothing is sent.
 */
export function PlanPreview({
  plan,
  locale,
  onLocale,
}: {
  plan: SurveyPlan;
  locale: Locale;
  onLocale: (l: Locale) => void;
}) {
  const t = useAdminT();
  const reader = useMessages().locale;
  const [tries, setTries] = useState(0);
  const [messages, setMessages] = useState<Translator | null>(null);
  useEffect(() => {
    let live = true;
    void loadCatalogue(locale).then((m) => {
      if (live) setMessages(m);
    });
    return () => {
      live = false;
    };
  }, [locale]);
  const snapshot = snapshotOf(plan, locale, t);
  const worded = localizeQuestion(
    { text: plan.question.text, reasonChips: plan.followUps.reasonChips, translations: plan.translations },
    locale,
  );
  const chipLabel = (band: ScoreBand, chip: ReasonChip) =>
    worded.reasonChips[band].find((c) => c.value === chip.id)?.label ?? chip.label;
  const english = fallbackParts(plan, locale);
  const language = languageName(locale, reader);
  const ready = messages !== null && messages.locale === locale;
  return (
    <aside
      aria-label={t('planPreview.region')}
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large'),
        padding: token('space.150'),
        background: token('elevation.surface.sunken'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
      }}
    >
      <p style={{ margin: 0, color: token('color.text.subtlest'), font: token('font.body.small') }}>
        {t('planPreview.title')}
      </p>
      <ChoiceInput<Locale>
        label={t('planPreview.language')}
        value={locale}
        options={SUPPORTED_LOCALES.map((l) => ({ value: l, label: languageName(l, reader) }))}
        onChange={onLocale}
      />
      {english.question || english.chips > 0 ? (
        <p role="note" style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
          {[
            english.question ? t('planPreview.fallbackQuestion', { language }) : null,
            english.chips > 0 ? t('planPreview.fallbackChips', { n: english.chips }) : null,
          ]
            .filter((x) => x !== null)
            .join(' ')}
        </p>
      ) : null}
      {ready ? (
        <div lang={locale}>
          <MessagesProvider messages={messages}>
            {/* Remounting on every change of the question resets the preview to its first state. */}
            <SurveyForm
              key={`${locale}-${JSON.stringify(snapshot)}-${tries}`}
              question={snapshot}
              initial={null}
              submitting={false}
              submitLabel={t('planPreview.send')}
              chipLabel={chipLabel}
              onSubmit={() => setTries((n) => n + 1)}
            />
          </MessagesProvider>
        </div>
      ) : (
        <span role="status">{t('planPreview.loading', { language })}</span>
      )}
    </aside>
  );
}
