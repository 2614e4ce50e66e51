import Button from '@atlaskit/button/default/button';
import { Heading } from '../../ui/heading';
import { token } from '@atlaskit/tokens';
import { INDICATOR_IDS, type IndicatorSpec, defaultIndicatorSpec } from '@domain/indicator';
import { type XlaDefinition, XlaDefinitionSchema, type XlaWindow } from '@domain/xla';
import { GroupError } from '../../ui/field';
import { INDICATOR_LONG_NAME } from '../../ui/indicator-names';
import { ChoiceInput, FormRow, ListInput, NumberInput, TextInput, ToggleInput } from './inputs';
import type { Problems } from './problems';
import { ScopeFields } from './scope-fields';
import { DraftProblemsNotice, useDraft } from './use-draft';
import { XLA_HELP } from './xla-help';
import { XlaPreview } from './xla-preview';

const INDICATOR_LABEL = INDICATOR_LONG_NAME;

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
  const { draft, update, submit, problems, err, blocked } = useDraft(XlaDefinitionSchema, initial, serverProblems);
  function updateIndicator(index: number, patch: Partial<IndicatorSpec>) {
    update({ indicators: draft.indicators.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  }
  const unused = INDICATOR_IDS.filter((id) => !draft.indicators.some((s) => s.id === id));

  return (
    <form
      aria-label={isNew ? 'New XLA' : `Edit XLA ${initial.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit(onSave);
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}
    >
      <Heading size="small" as="h2">
        {isNew ? 'New XLA' : `Edit “${initial.name}”`}
      </Heading>
      <FormRow>
        {/* The id is the admin's key for import files, chosen once: a saved XLA is known by its name. */}
        {isNew ? (
          <TextInput
            label="Id"
            value={draft.id}
            error={err('id')}
            hint="Lower-case letters, digits and dashes; fixed once saved."
            onChange={(id) => update({ id })}
          />
        ) : null}
        <TextInput label="Name" value={draft.name} error={err('name')} onChange={(name) => update({ name })} />
        <ToggleInput label="Enabled" value={draft.enabled} onChange={(enabled) => update({ enabled })} />
      </FormRow>
      <TextInput
        label="Description"
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
          label="Target score"
          help={XLA_HELP.targetScore}
          suffix="/ 100"
          value={draft.targetScore}
          error={err('targetScore')}
          onChange={(targetScore) => update({ targetScore })}
        />
        <NumberInput
          label="Minimum sample"
          help={XLA_HELP.minSample}
          hint="Below it the scorecard says “not enough data”."
          value={draft.minSample}
          error={err('minSample')}
          onChange={(minSample) => update({ minSample })}
        />
        <ChoiceInput<WindowChoice>
          label="Window"
          value={windowChoice(draft.window)}
          error={err('window')}
          options={[
            { value: '7', label: '7 days' },
            { value: '30', label: '30 days' },
            { value: '90', label: '90 days' },
            { value: 'month', label: 'Calendar month' },
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
          Indicators
        </legend>
        <GroupError message={err('indicators')} />
        {draft.indicators.map((spec, i) => (
          <div
            key={spec.id}
            role="group"
            aria-label={INDICATOR_LABEL[spec.id]}
            style={{ borderBottom: `1px solid ${token('color.border')}`, paddingBottom: token('space.100') }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
              <strong>{INDICATOR_LABEL[spec.id]}</strong>
              <Button
                appearance="subtle"
                onClick={() => update({ indicators: draft.indicators.filter((_, j) => j !== i) })}
              >
                Remove
              </Button>
            </div>
            <GroupError message={err(`indicators[${i}].id`)} />
            <FormRow>
              <NumberInput
                label="Weight"
                value={spec.weight}
                error={err(`indicators[${i}].weight`)}
                help={XLA_HELP.weight}
                onChange={(weight) => updateIndicator(i, { weight })}
              />
              <NumberInput
                label="Floor (0–1)"
                value={spec.floor}
                error={err(`indicators[${i}].floor`)}
                help={XLA_HELP.floor}
                onChange={(floor) => updateIndicator(i, { floor })}
              />
              <NumberInput
                label="Target (0–1)"
                value={spec.target}
                error={err(`indicators[${i}].target`)}
                help={XLA_HELP.target}
                onChange={(target) => updateIndicator(i, { target })}
              />
              <NumberInput
                label="Prior (0–1)"
                value={spec.prior}
                error={err(`indicators[${i}].prior`)}
                help={XLA_HELP.prior}
                onChange={(prior) => updateIndicator(i, { prior })}
              />
            </FormRow>
          </div>
        ))}
        {unused.length > 0 ? (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050'), alignItems: 'center' }}>
            <span style={{ color: token('color.text.subtle') }}>Add:</span>
            {unused.map((id) => (
              <Button
                key={id}
                appearance="subtle"
                onClick={() => update({ indicators: [...draft.indicators, defaultIndicatorSpec(id)] })}
              >
                {INDICATOR_LABEL[id]}
              </Button>
            ))}
          </div>
        ) : null}
      </fieldset>
      <XlaPreview draft={draft} />

      <details>
        <summary style={{ cursor: 'pointer' }}>Advanced</summary>
        <div
          style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), marginTop: token('space.100') }}
        >
          <FormRow>
            <NumberInput
              label="Half-life"
              suffix="days"
              value={draft.halfLifeDays}
              error={err('halfLifeDays')}
              onChange={(halfLifeDays) => update({ halfLifeDays })}
            />
            <NumberInput
              label="Wait threshold"
              suffix="hours"
              value={draft.waitThresholdHours}
              error={err('waitThresholdHours')}
              onChange={(waitThresholdHours) => update({ waitThresholdHours })}
            />
            {draft.smoothing.kind === 'fixed' ? (
              <NumberInput
                label="Smoothing strength"
                value={draft.smoothing.strength}
                error={err('smoothing.strength') ?? err('smoothing')}
                onChange={(strength) => update({ smoothing: { kind: 'fixed', strength } })}
              />
            ) : null}
          </FormRow>
          <ToggleInput
            label="Estimate smoothing across segments (empirical Bayes)"
            value={draft.smoothing.kind === 'empirical-bayes'}
            onChange={(on) => update({ smoothing: on ? { kind: 'empirical-bayes' } : { kind: 'fixed', strength: 10 } })}
          />
          <ToggleInput
            label="Count only answers given while the ticket was open"
            value={draft.csatSource.midFlightOnly}
            onChange={(midFlightOnly) => update({ csatSource: { ...draft.csatSource, midFlightOnly } })}
          />
          <ListInput
            label="Compared SLAs (names)"
            hint="Empty = every SLA."
            value={draft.slaNames}
            error={err('slaNames')}
            onChange={(slaNames) => update({ slaNames })}
          />
        </div>
      </details>

      <DraftProblemsNotice count={blocked} />
      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button type="submit" appearance="primary" isLoading={saving}>
          Save XLA
        </Button>
        <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
