import Button from '@atlaskit/button/default/button';
import { Heading } from '../../ui/heading';
import { token } from '@atlaskit/tokens';
import { INDICATOR_IDS, type IndicatorSpec, defaultIndicatorSpec } from '@domain/indicator';
import { type XlaDefinition, XlaDefinitionSchema, type XlaWindow } from '@domain/xla';
import { GroupError } from '../../ui/field';
import { ChoiceInput, FormRow, ListInput, NumberInput, TextInput, ToggleInput } from './inputs';
import type { Problems } from './problems';
import { ScopeFields } from './scope-fields';
import { windowWords } from './config-lists';
import { DraftProblemsNotice, useDraft } from './use-draft';
import { XlaPreview } from './xla-preview';
import { useAdminT } from './admin-messages';

type WindowChoice = '7' | '30' | '90' | 'month';
function windowChoice(w: XlaWindow): WindowChoice {
  return w.kind === 'calendar-month' ? 'month' : (String(w.days) as WindowChoice);
}
function windowOf(choice: WindowChoice): XlaWindow {
  return choice === 'month' ? { kind: 'calendar-month' } : { kind: 'rolling', days: Number(choice) as 7 | 30 | 90 };
}

interface XlaEditorProps {
  readonly initial: XlaDefinition;
  readonly isNew: boolean;
  readonly saving: boolean;
  readonly serverProblems: Problems;
  readonly lockedProjectId?: string | undefined;
  readonly onSave: (xla: XlaDefinition) => void;
  readonly onCancel: () => void;
}

/** Edits one XLA; every message comes from XlaDefinitionSchema, the one the server uses. */
export function XlaEditor({
  initial,
  isNew,
  saving,
  serverProblems,
  lockedProjectId,
  onSave,
  onCancel,
}: XlaEditorProps) {
  const t = useAdminT();
  const { draft, update, submit, problems, err, blocked, refusals, formRef } = useDraft(
    XlaDefinitionSchema,
    initial,
    serverProblems,
  );
  function updateIndicator(index: number, patch: Partial<IndicatorSpec>) {
    update({ indicators: draft.indicators.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  }
  const unused = INDICATOR_IDS.filter((id) => !draft.indicators.some((s) => s.id === id));

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={isNew ? t('newXla') : t('xla.editLabel', { name: initial.name })}
      onSubmit={(e) => {
        e.preventDefault();
        submit(onSave);
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}
    >
      <Heading size="small" as="h2">
        {isNew ? t('newXla') : t('xla.editHeading', { name: initial.name })}
      </Heading>
      <FormRow>
        {/* The id is the admin's key for import files, chosen once: a saved XLA is known by its name. */}
        {isNew ? (
          <TextInput
            label={t('xla.id')}
            value={draft.id}
            error={err('id')}
            hint={t('xla.idHint')}
            onChange={(id) => update({ id })}
          />
        ) : null}
        <TextInput label={t('xla.name')} value={draft.name} error={err('name')} onChange={(name) => update({ name })} />
        <ToggleInput label={t('xla.enabled')} value={draft.enabled} onChange={(enabled) => update({ enabled })} />
      </FormRow>
      <TextInput
        label={t('xla.description')}
        value={draft.description}
        error={err('description')}
        onChange={(description) => update({ description })}
      />
      <ScopeFields
        scope={draft.scope}
        problems={problems}
        lockedProjectId={lockedProjectId}
        onChange={(scope) => update({ scope })}
      />
      <FormRow>
        <NumberInput
          label={t('xla.targetScore')}
          help={t('help.targetScore')}
          suffix={t('xla.outOf100')}
          value={draft.targetScore}
          error={err('targetScore')}
          onChange={(targetScore) => update({ targetScore })}
        />
        <NumberInput
          label={t('xla.minSample')}
          help={t('help.minSample')}
          hint={t('xla.minSampleHint')}
          value={draft.minSample}
          error={err('minSample')}
          onChange={(minSample) => update({ minSample })}
        />
        <ChoiceInput<WindowChoice>
          label={t('xla.window')}
          value={windowChoice(draft.window)}
          error={err('window')}
          options={[
            { value: '7', label: windowWords(t, windowOf('7')) },
            { value: '30', label: windowWords(t, windowOf('30')) },
            { value: '90', label: windowWords(t, windowOf('90')) },
            { value: 'month', label: windowWords(t, windowOf('month')) },
          ]}
          onChange={(c) => update({ window: windowOf(c) })}
        />
      </FormRow>

      <fieldset
        style={{
          border: 'none',
          padding: 0,
          margin: 0,
          display: 'flex',
          flexDirection: 'column',
          gap: token('space.100'),
        }}
      >
        <legend style={{ font: token('font.heading.xsmall'), padding: 0, marginBottom: token('space.100') }}>
          {t('xla.indicators')}
        </legend>
        <GroupError message={err('indicators')} />
        {draft.indicators.map((spec, i) => (
          <div
            key={spec.id}
            role="group"
            aria-label={t(`indicatorLong.${spec.id}`)}
            style={{ borderBottom: `1px solid ${token('color.border')}`, paddingBottom: token('space.100') }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
              <strong>{t(`indicatorLong.${spec.id}`)}</strong>
              <Button
                appearance="subtle"
                aria-label={t('xla.removeNamed', { name: t(`indicatorLong.${spec.id}`) })}
                onClick={() => update({ indicators: draft.indicators.filter((_, j) => j !== i) })}
              >
                {t('xla.remove')}
              </Button>
            </div>
            <GroupError message={err(`indicators[${i}].id`)} />
            <FormRow>
              <NumberInput
                label={t('xla.weight')}
                value={spec.weight}
                error={err(`indicators[${i}].weight`)}
                help={t('help.weight')}
                onChange={(weight) => updateIndicator(i, { weight })}
              />
              <NumberInput
                label={t('xla.floor')}
                value={spec.floor}
                error={err(`indicators[${i}].floor`)}
                help={t('help.floor')}
                onChange={(floor) => updateIndicator(i, { floor })}
              />
              <NumberInput
                label={t('xla.target')}
                value={spec.target}
                error={err(`indicators[${i}].target`)}
                help={t('help.target')}
                onChange={(target) => updateIndicator(i, { target })}
              />
              <NumberInput
                label={t('xla.prior')}
                value={spec.prior}
                error={err(`indicators[${i}].prior`)}
                help={t('help.prior')}
                onChange={(prior) => updateIndicator(i, { prior })}
              />
            </FormRow>
          </div>
        ))}
        {unused.length > 0 ? (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050'), alignItems: 'center' }}>
            <span style={{ color: token('color.text.subtle') }}>{t('xla.add')}</span>
            {unused.map((id) => (
              <Button
                key={id}
                appearance="subtle"
                onClick={() => update({ indicators: [...draft.indicators, defaultIndicatorSpec(id)] })}
              >
                {t(`indicatorLong.${id}`)}
              </Button>
            ))}
          </div>
        ) : null}
      </fieldset>
      <XlaPreview draft={draft} />

      <details>
        <summary style={{ cursor: 'pointer' }}>{t('xla.advanced')}</summary>
        <div
          style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), marginTop: token('space.100') }}
        >
          <FormRow>
            <NumberInput
              label={t('xla.halfLife')}
              suffix={t('unit.days')}
              value={draft.halfLifeDays}
              error={err('halfLifeDays')}
              onChange={(halfLifeDays) => update({ halfLifeDays })}
            />
            <NumberInput
              label={t('xla.waitThreshold')}
              suffix={t('unit.hours')}
              value={draft.waitThresholdHours}
              error={err('waitThresholdHours')}
              onChange={(waitThresholdHours) => update({ waitThresholdHours })}
            />
            {draft.smoothing.kind === 'fixed' ? (
              <NumberInput
                label={t('xla.strength')}
                value={draft.smoothing.strength}
                error={err('smoothing.strength') ?? err('smoothing')}
                onChange={(strength) => update({ smoothing: { kind: 'fixed', strength } })}
              />
            ) : null}
          </FormRow>
          <ToggleInput
            label={t('xla.empiricalBayes')}
            value={draft.smoothing.kind === 'empirical-bayes'}
            onChange={(on) => update({ smoothing: on ? { kind: 'empirical-bayes' } : { kind: 'fixed', strength: 10 } })}
          />
          <ToggleInput
            label={t('xla.midFlightOnly')}
            value={draft.csatSource.midFlightOnly}
            onChange={(midFlightOnly) => update({ csatSource: { ...draft.csatSource, midFlightOnly } })}
          />
          <ListInput
            label={t('xla.slaNames')}
            hint={t('xla.slaHint')}
            value={draft.slaNames}
            error={err('slaNames')}
            onChange={(slaNames) => update({ slaNames })}
          />
        </div>
      </details>

      <DraftProblemsNotice count={blocked} refusals={refusals} />
      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button type="submit" appearance="primary" isLoading={saving}>
          {t('xla.save')}
        </Button>
        <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
