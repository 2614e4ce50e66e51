import Button from '@atlaskit/button/default/button';
import { Heading } from '../../ui/heading';
import { token } from '@atlaskit/tokens';
import type { QuestionKind } from '@domain/question';
import { type SurveyPlan, SurveyPlanSchema } from '@domain/survey-plan';
import { ChoiceInput, FormRow, ListInput, NumberInput, TextInput, ToggleInput } from './inputs';
import { ONE_CLICK_AUDIENCE, ONE_CLICK_LABEL } from './plan-delivery-text';
import { PlanPreview } from './plan-preview';
import type { Problems } from './problems';
import { ScopeFields } from './scope-fields';
import { DraftProblemsNotice, useDraft } from './use-draft';
import { WaypointFields } from './waypoint-fields';

const KIND_OPTIONS: ReadonlyArray<{ value: QuestionKind; label: string }> = [
  { value: 'emoji5', label: 'Emoji (5)' },
  { value: 'csat5', label: 'Stars (5)' },
  { value: 'thumbs', label: 'Thumbs' },
  { value: 'ces7', label: 'Effort (1–7)' },
  { value: 'happiness10', label: 'Happiness (0–10)' },
];

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
  const { draft, update, submit, problems, err, blocked } = useDraft(SurveyPlanSchema, initial, serverProblems);
  const { followUps, fatigue } = draft;
  const chips = followUps.reasonChips;

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300'), alignItems: 'flex-start' }}>
      <form
        aria-label={isNew ? 'New survey plan' : `Edit survey plan ${initial.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          submit(onSave);
        }}
        style={{ flex: '2 1 420px', display: 'flex', flexDirection: 'column', gap: token('space.200') }}
      >
        <Heading size="small" as="h2">
          {isNew ? 'New survey plan' : `Edit “${initial.name}”`}
        </Heading>
        <FormRow>
          {/* The id is the admin's key for import files, chosen once: a saved plan is known by its name. */}
          {isNew ? <TextInput label="Id" value={draft.id} error={err('id')} onChange={(id) => update({ id })} /> : null}
          <TextInput label="Name" value={draft.name} error={err('name')} onChange={(name) => update({ name })} />
          <ToggleInput label="Enabled" value={draft.enabled} onChange={(enabled) => update({ enabled })} />
        </FormRow>
        <ScopeFields
          scope={draft.scope}
          problems={problems}
          lockedProjectId={lockedProjectId}
          onChange={(scope) => update({ scope })}
        />
        <WaypointFields waypoint={draft.waypoint} problems={problems} onChange={(waypoint) => update({ waypoint })} />

        <Heading size="xsmall" as="h3">
          Question
        </Heading>
        <ChoiceInput<QuestionKind>
          label="Scale"
          value={draft.question.kind}
          error={err('question.kind')}
          options={KIND_OPTIONS}
          onChange={(kind) => update({ question: { ...draft.question, kind } })}
        />
        <TextInput
          label="Question"
          value={draft.question.text}
          error={err('question.text')}
          onChange={(text) => update({ question: { ...draft.question, text } })}
        />
        <FormRow>
          {(['negative', 'neutral', 'positive'] as const).map((band) => (
            <ListInput
              key={band}
              separator="line"
              label={`Reason chips for a ${band} answer`}
              hint="One per line, at most 8."
              value={chips[band]}
              error={err(`followUps.reasonChips.${band}`) ?? firstChipError(problems, band)}
              onChange={(list) => update({ followUps: { ...followUps, reasonChips: { ...chips, [band]: list } } })}
            />
          ))}
        </FormRow>
        <FormRow>
          <ToggleInput
            label="Ask for a comment"
            value={followUps.comment.enabled}
            onChange={(enabled) => update({ followUps: { ...followUps, comment: { ...followUps.comment, enabled } } })}
          />
          <NumberInput
            label="Comment length limit"
            value={followUps.comment.maxLength}
            error={err('followUps.comment.maxLength')}
            onChange={(maxLength) =>
              update({ followUps: { ...followUps, comment: { ...followUps.comment, maxLength } } })
            }
          />
          <ToggleInput
            label="Ask how much time was lost"
            value={followUps.lostTime.enabled}
            onChange={(enabled) =>
              update({ followUps: { ...followUps, lostTime: { ...followUps.lostTime, enabled } } })
            }
          />
        </FormRow>

        <Heading size="xsmall" as="h3">
          Delivery and fatigue
        </Heading>
        <ToggleInput
          label={ONE_CLICK_LABEL}
          value={draft.delivery.publicComment}
          onChange={(publicComment) => update({ delivery: { ...draft.delivery, publicComment } })}
        />
        <p style={{ margin: 0, color: token('color.text.subtle') }}>{ONE_CLICK_AUDIENCE}</p>
        <FormRow>
          <NumberInput
            label="Sampling"
            suffix="%"
            value={fatigue.samplingPercent}
            error={err('fatigue.samplingPercent')}
            onChange={(samplingPercent) => update({ fatigue: { ...fatigue, samplingPercent } })}
          />
          <NumberInput
            label="Cooldown per requester"
            suffix="hours"
            value={fatigue.cooldownHours}
            error={err('fatigue.cooldownHours')}
            onChange={(cooldownHours) => update({ fatigue: { ...fatigue, cooldownHours } })}
          />
          <NumberInput
            label="Max asks per ticket"
            value={fatigue.maxAsksPerTicket}
            error={err('fatigue.maxAsksPerTicket')}
            onChange={(maxAsksPerTicket) => update({ fatigue: { ...fatigue, maxAsksPerTicket } })}
          />
          <NumberInput
            label="Expires after"
            suffix="hours"
            value={fatigue.expiryHours}
            error={err('fatigue.expiryHours')}
            onChange={(expiryHours) => update({ fatigue: { ...fatigue, expiryHours } })}
          />
        </FormRow>
        <FormRow>
          <ToggleInput
            label="No new ask while one is pending"
            value={fatigue.noNewAskWhilePending}
            onChange={(noNewAskWhilePending) => update({ fatigue: { ...fatigue, noNewAskWhilePending } })}
          />
          <ToggleInput
            label="Send one reminder"
            value={fatigue.reminder.enabled}
            onChange={(enabled) => update({ fatigue: { ...fatigue, reminder: { ...fatigue.reminder, enabled } } })}
          />
          {fatigue.reminder.enabled ? (
            <NumberInput
              label="Remind after"
              suffix="hours"
              value={fatigue.reminder.afterHours}
              error={err('fatigue.reminder.afterHours')}
              onChange={(afterHours) =>
                update({ fatigue: { ...fatigue, reminder: { ...fatigue.reminder, afterHours } } })
              }
            />
          ) : null}
        </FormRow>

        <DraftProblemsNotice count={blocked} />
        <div style={{ display: 'flex', gap: token('space.100') }}>
          <Button type="submit" appearance="primary" isLoading={saving}>
            Save plan
          </Button>
          <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
            Cancel
          </Button>
          <span style={{ alignSelf: 'center', font: token('font.body.small'), color: token('color.text.subtlest') }}>
            Saving a plan starts no recompute.
          </span>
        </div>
      </form>
      <div style={{ flex: '1 1 300px', position: 'sticky', top: 0 }}>
        <PlanPreview plan={draft} />
      </div>
    </div>
  );
}

/** A chip's own message (`followUps.reasonChips.negative[2]`) shown on its list. */
function firstChipError(problems: Problems, band: string): string | undefined {
  for (const [field, message] of problems) {
    if (field.startsWith(`followUps.reasonChips.${band}[`))
      return `${message} (chip ${Number(field.slice(field.lastIndexOf('[') + 1, -1)) + 1})`;
  }
  return undefined;
}
