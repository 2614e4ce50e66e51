import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { QuestionSnapshot } from '@domain/ask';
import type { SurveyPlan } from '@domain/survey-plan';
import { SurveyForm } from '../portal/survey-form';

/** What the plan's question looks like to a requester, built from the draft as it is typed. */
export function snapshotOf(plan: SurveyPlan): QuestionSnapshot {
  return {
    kind: plan.question.kind,
    text: plan.question.text.trim() === '' ? '(Your question)' : plan.question.text,
    reasonChips: plan.followUps.reasonChips,
    comment: plan.followUps.comment,
    lostTime: plan.followUps.lostTime,
  };
}

/** The portal form itself, live: the admin can tap through it; nothing is sent. */
export function PlanPreview({ plan }: { plan: SurveyPlan }) {
  const [tries, setTries] = useState(0);
  const snapshot = snapshotOf(plan);
  return (
    <aside
      aria-label="Preview of what the requester sees"
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large'),
        padding: token('space.150'),
        background: token('elevation.surface.sunken'),
      }}
    >
      <p
        style={{
          margin: `0 0 ${token('space.100')}`,
          color: token('color.text.subtlest'),
          font: token('font.body.small'),
        }}
      >
        Preview: what the requester sees on the portal
      </p>
      {/* Remounting on every change of the question resets the preview to its first state. */}
      <SurveyForm
        key={`${JSON.stringify(snapshot)}-${tries}`}
        question={snapshot}
        initial={null}
        submitting={false}
        submitLabel="Send (preview)"
        onSubmit={() => setTries((n) => n + 1)}
      />
    </aside>
  );
}
