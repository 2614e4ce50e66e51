import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useState } from 'react';
import type { CallError } from '../../api/client';
import { askNow, getTicketExperience, type ManualPlanView, type TicketExperienceView } from '@contracts/agent';
import { useAction, useClient } from '../../api/client-context';
import { ChoiceInput } from '../../ui/choice-input';
import { useNotify } from '../../ui/flags';
import { useMessages } from '../../i18n/messages';
import { Muted } from '../../ui/section';
import { refusalSentence } from './refusal-text';

function firstAskable(plans: readonly ManualPlanView[]): string | null {
  return (plans.find((p) => p.refusal === null) ?? plans[0])?.planId ?? null;
}

/**
 * "Ask for feedback now" with the plan to ask: the button (for the section header) and, above the
 * asks, the plan choice and why the chosen plan cannot ask right now.
 */
export function useAskNow(
  view: TicketExperienceView,
  onChange: (view: TicketExperienceView) => void,
  { disabled, onFailure }: { disabled: boolean; onFailure: (error: CallError) => void },
): { actions: ReactNode; intro: ReactNode } {
  const m = useMessages();
  const notify = useNotify();
  const client = useClient();
  const ask = useAction(askNow);
  const plans = view.manualPlans;
  const [chosen, setChosen] = useState<string | null>(() => firstAskable(plans));
  const plan = plans.find((p) => p.planId === chosen) ?? plans.find((p) => p.planId === firstAskable(plans));

  async function requestFeedback(planId: string) {
    const result = await ask.run({ planId });
    if (result === null) return;
    if (!result.ok) return onFailure(result.error);
    if (result.data.outcome === 'refused') {
      const { outcome: _, ...refusal } = result.data;
      onChange({ ...view, manualPlans: plans.map((p) => (p.planId === planId ? { ...p, refusal } : p)) });
      notify.warned(m.t('issuePanel.ask.notSent'), refusalSentence(m, refusal));
      return;
    }
    const next = { ...view, asks: [result.data.ask, ...view.asks] };
    onChange(next);
    notify.succeeded(m.t('issuePanel.ask.sent'), m.t('issuePanel.ask.sentDetail'));
    // The new ask changes what the fatigue rules allow next: refresh the plans' state quietly.
    const fresh = await client.call(getTicketExperience, {});
    if (fresh.ok) onChange({ ...next, manualPlans: fresh.data.manualPlans });
    else if (fresh.error.code === 'forbidden') onFailure(fresh.error);
  }

  const actions = (
    <Button
      appearance="default"
      isLoading={ask.pending}
      isDisabled={disabled || plan === undefined || plan.refusal !== null}
      onClick={() => plan !== undefined && void requestFeedback(plan.planId)}
    >
      {m.t('issuePanel.ask.now')}
    </Button>
  );
  // Shown disabled rather than hidden, so the agent learns why they cannot ask here, and who can change it.
  if (plan === undefined)
    return {
      actions,
      intro: <Muted>{m.t('issuePanel.ask.noPlan')}</Muted>,
    };
  // Right after this agent's own ask, the plan waits for that answer: a success, not a warning.
  const justAsked = plan.refusal?.reason === 'ask-pending' && view.asks.some((a) => a.status === 'pending');
  const intro = (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      {plans.length > 1 ? (
        <ChoiceInput
          label={m.t('issuePanel.ask.plan')}
          value={plan.planId}
          options={plans.map((p) => ({ value: p.planId, label: p.planName }))}
          onChange={setChosen}
          disabled={disabled}
        />
      ) : null}
      {plan.refusal !== null && justAsked ? (
        <span role="status" style={{ color: token('color.text.subtle') }}>
          {m.t('issuePanel.ask.waiting')}
        </span>
      ) : plan.refusal !== null ? (
        <span role="status" style={{ color: token('color.text.warning') }}>
          {m.t('issuePanel.ask.cannotAsk', {
            plan: plan.planName,
            reason: refusalSentence(m, plan.refusal),
          })}
        </span>
      ) : null}
    </div>
  );
  return { actions, intro };
}
