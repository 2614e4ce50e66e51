import Button from '@atlaskit/button/default/button';
import { Heading } from '../../ui/heading';
import { token } from '@atlaskit/tokens';
import type { QuestionKind } from '@domain/question';
import { type Locale, TRANSLATED_LOCALES, type TranslatedLocale } from '@domain/i18n';
import { type SurveyPlan, SurveyPlanSchema } from '@domain/survey-plan';
import { useState } from 'react';
import { useMessages } from '../../i18n/messages';
import { useAdminT } from './admin-messages';
import { ChipList } from './chip-list';
import { withBandChips } from './chip-edits';
import { LocaleWording } from './locale-wording';
import { ChoiceInput, FormRow, NumberInput, TextInput, ToggleInput } from './inputs';
import { PlanPreview } from './plan-preview';
import type { Problems } from './problems';
import { ScopeFields } from './scope-fields';
import { DraftProblemsNotice, useDraft } from './use-draft';
import { WaypointFields } from './waypoint-fields';

const KINDS: readonly QuestionKind[] = ['emoji5', 'csat5', 'thumbs', 'ces7', 'happiness10'];
const BANDS = ['negative', 'neutral', 'positive'] as const;

interface PlanEditorProps {
  readonly initial: SurveyPlan;
  readonly isNew: boolean;
  readonly saving: boolean;
  readonly serverProblems: Problems;
  readonly lockedProjectId?: string | undefined;
  readonly onSave: (plan: SurveyPlan) => void;
  readonly onCancel: () => void;
}

/** Edits one survey plan beside a live preview; messages come from SurveyPlanSchema. */
export function PlanEditor({
  initial,
  isNew,
  saving,
  serverProblems,
  lockedProjectId,
  onSave,
  onCancel,
}: PlanEditorProps) {
  const t = useAdminT();
  const reader = useMessages().locale;
  const { draft, update, submit, problems, err, blocked, refusals, formRef } = useDraft(
    SurveyPlanSchema,
    initial,
    serverProblems,
  );
  const { followUps, fatigue } = draft;
  const chips = followUps.reasonChips;
  // The language edited beside English: the admin's own where Sentio ships it, else the first.
  const [language, setLanguage] = useState<TranslatedLocale>(
    TRANSLATED_LOCALES.find((l) => l === reader) ?? TRANSLATED_LOCALES[0],
  );
  // The preview starts in the admin's own language and follows the language chosen for editing.
  const [previewLocale, setPreviewLocale] = useState<Locale>(reader);

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300'), alignItems: 'flex-start' }}>
      <form
        ref={formRef}
        noValidate
        aria-label={isNew ? t('newPlan') : t('plan.editLabel', { name: initial.name })}
        onSubmit={(e) => {
          e.preventDefault();
          submit(onSave);
        }}
        style={{ flex: '2 1 420px', display: 'flex', flexDirection: 'column', gap: token('space.200') }}
      >
        <Heading size="small" as="h2">
          {isNew ? t('newPlan') : t('xla.editHeading', { name: initial.name })}
        </Heading>
        <FormRow>
          {/* The id is the admin's key for import files, chosen once: a saved plan is known by its name. */}
          {isNew ? (
            <TextInput label={t('xla.id')} value={draft.id} error={err('id')} onChange={(id) => update({ id })} />
          ) : null}
          <TextInput
            label={t('xla.name')}
            value={draft.name}
            error={err('name')}
            onChange={(name) => update({ name })}
          />
          <ToggleInput label={t('xla.enabled')} value={draft.enabled} onChange={(enabled) => update({ enabled })} />
        </FormRow>
        <ScopeFields
          scope={draft.scope}
          problems={problems}
          lockedProjectId={lockedProjectId}
          onChange={(scope) => update({ scope })}
        />
        <WaypointFields waypoint={draft.waypoint} problems={problems} onChange={(waypoint) => update({ waypoint })} />

        <Heading size="xsmall" as="h3">
          {t('plan.question')}
        </Heading>
        <ChoiceInput<QuestionKind>
          label={t('plan.scale')}
          value={draft.question.kind}
          error={err('question.kind')}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onChange={(kind) => update({ question: { ...draft.question, kind } })}
        />
        <div className="sentio-side-by-side" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300') }}>
          <div style={{ flex: '1 1 240px', display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
            <Heading size="xsmall" as="h4">
              {t('plan.englishColumn')}
            </Heading>
            <TextInput
              label={t('plan.questionText')}
              value={draft.question.text}
              error={err('question.text')}
              onChange={(text) => update({ question: { ...draft.question, text } })}
            />
            {/* A plan that asks at resolution already asks about the outcome: its own question stands. */}
            {draft.waypoint.kind === 'resolved' ? null : (
              <TextInput
                label={t('plan.outcomeText')}
                hint={t('plan.outcomeHint')}
                value={draft.question.outcomeText ?? ''}
                error={err('question.outcomeText')}
                onChange={(outcomeText) => update({ question: withOutcomeText(draft.question, outcomeText) })}
              />
            )}
            {BANDS.map((band) => (
              <ChipList
                key={band}
                legend={t(`plan.chips.${band}`)}
                band={band}
                chips={chips[band]}
                problems={problems}
                onChange={(list) => update(withBandChips(draft, band, list))}
              />
            ))}
          </div>
          <LocaleWording
            plan={draft}
            language={language}
            problems={problems}
            onLanguage={(l) => {
              setLanguage(l);
              setPreviewLocale(l);
            }}
            onChange={(translations) => update({ translations })}
          />
        </div>
        <FormRow>
          <ToggleInput
            label={t('plan.askComment')}
            value={followUps.comment.enabled}
            onChange={(enabled) => update({ followUps: { ...followUps, comment: { ...followUps.comment, enabled } } })}
          />
          <NumberInput
            label={t('plan.commentLimit')}
            value={followUps.comment.maxLength}
            error={err('followUps.comment.maxLength')}
            onChange={(maxLength) =>
              update({ followUps: { ...followUps, comment: { ...followUps.comment, maxLength } } })
            }
          />
          <ToggleInput
            label={t('plan.askLostTime')}
            value={followUps.lostTime.enabled}
            onChange={(enabled) =>
              update({ followUps: { ...followUps, lostTime: { ...followUps.lostTime, enabled } } })
            }
          />
        </FormRow>

        <Heading size="xsmall" as="h3">
          {t('plan.delivery')}
        </Heading>
        <ToggleInput
          label={t('plan.publicComment')}
          value={draft.delivery.publicComment}
          onChange={(publicComment) => update({ delivery: { ...draft.delivery, publicComment } })}
        />
        {/* No documented Jira or JSM channel reaches only the requester: the admin turns this on knowing who can use the links. */}
        <p style={{ margin: 0, color: token('color.text.subtle') }}>{t('plan.oneClickAudience')}</p>
        <FormRow>
          <NumberInput
            label={t('plan.sampling')}
            suffix="%"
            value={fatigue.samplingPercent}
            error={err('fatigue.samplingPercent')}
            onChange={(samplingPercent) => update({ fatigue: { ...fatigue, samplingPercent } })}
          />
          <NumberInput
            label={t('plan.cooldown')}
            suffix={t('unit.hours')}
            value={fatigue.cooldownHours}
            error={err('fatigue.cooldownHours')}
            onChange={(cooldownHours) => update({ fatigue: { ...fatigue, cooldownHours } })}
          />
          <NumberInput
            label={t('plan.maxAsks')}
            value={fatigue.maxAsksPerTicket}
            error={err('fatigue.maxAsksPerTicket')}
            onChange={(maxAsksPerTicket) => update({ fatigue: { ...fatigue, maxAsksPerTicket } })}
          />
          <NumberInput
            label={t('plan.expires')}
            suffix={t('unit.hours')}
            value={fatigue.expiryHours}
            error={err('fatigue.expiryHours')}
            onChange={(expiryHours) => update({ fatigue: { ...fatigue, expiryHours } })}
          />
        </FormRow>
        <FormRow>
          <ToggleInput
            label={t('plan.noNewAsk')}
            value={fatigue.noNewAskWhilePending}
            onChange={(noNewAskWhilePending) => update({ fatigue: { ...fatigue, noNewAskWhilePending } })}
          />
          <ToggleInput
            label={t('plan.reminder')}
            value={fatigue.reminder.enabled}
            onChange={(enabled) => update({ fatigue: { ...fatigue, reminder: { ...fatigue.reminder, enabled } } })}
          />
          {fatigue.reminder.enabled ? (
            <NumberInput
              label={t('plan.remindAfter')}
              suffix={t('unit.hours')}
              value={fatigue.reminder.afterHours}
              error={err('fatigue.reminder.afterHours')}
              onChange={(afterHours) =>
                update({ fatigue: { ...fatigue, reminder: { ...fatigue.reminder, afterHours } } })
              }
            />
          ) : null}
        </FormRow>

        <DraftProblemsNotice count={blocked} refusals={refusals} />
        <div style={{ display: 'flex', gap: token('space.100') }}>
          <Button type="submit" appearance="primary" isLoading={saving}>
            {t('plan.save')}
          </Button>
          <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
            {t('cancel')}
          </Button>
          <span style={{ alignSelf: 'center', font: token('font.body.small'), color: token('color.text.subtlest') }}>
            {t('plan.noRecompute')}
          </span>
        </div>
      </form>
      <div style={{ flex: '1 1 300px', position: 'sticky', top: 0 }}>
        <PlanPreview plan={draft} locale={previewLocale} onLocale={setPreviewLocale} />
      </div>
    </div>
  );
}

/** Blank means "Sentio's own question": the field is left out rather than saved empty. */
function withOutcomeText(question: SurveyPlan['question'], outcomeText: string): SurveyPlan['question'] {
  const { outcomeText: _old, ...rest } = question;
  return outcomeText.trim() === '' ? rest : { ...rest, outcomeText };
}
