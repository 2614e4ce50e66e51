import Button from '@atlaskit/button/default/button';
import { Notice } from '../../ui/notice';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { answerAsk, getMyAsk, type PortalAskView } from '@contracts/portal';
import { errorTitle, type CallError } from '../../api/client';
import { useAction, useCall } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { formatDateTime } from '../../ui/format';
import { scaleOptions } from './scale-options';
import { type SurveyAnswer, SurveyForm } from './survey-form';

/** The customer portal panel: the pending ask, or thanks for the answer, or nothing at all. */
export default function PortalSurvey() {
  const { loaded, reload, replace } = useCall(getMyAsk, {});
  if (loaded.state === 'loading') {
    return (
      <div aria-busy="true" style={{ padding: token('space.100') }}>
        <Spinner size="small" label="Loading" />
      </div>
    );
  }
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const ask = loaded.data.ask;
  // No ask for this person on this request: the panel stays empty rather than showing a form.
  if (ask === null) return null;
  return <AskPanel ask={ask} onAnswered={(next) => replace({ ask: next })} />;
}

function AskPanel({ ask, onAnswered }: { ask: PortalAskView; onAnswered: (ask: PortalAskView) => void }) {
  const [editing, setEditing] = useState(ask.status === 'pending');
  const [error, setError] = useState<CallError | null>(null);
  const { run, pending } = useAction(answerAsk);

  async function send(answer: SurveyAnswer) {
    setError(null);
    const result = await run({ askId: ask.askId, ...answer, reasons: [...answer.reasons] });
    if (result === null) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onAnswered(result.data.ask);
    setEditing(false);
  }

  const answer = ask.answer;
  const canChange = ask.editable && ask.expiresAt > Date.now();
  return (
    <section
      aria-label="Feedback on this request"
      style={{ padding: token('space.100'), display: 'flex', flexDirection: 'column', gap: token('space.150') }}
    >
      {error !== null ? (
        <Notice appearance={error.code === 'refused' ? 'warning' : 'error'} title={errorTitle(error)}>
          <p>{error.message}</p>
        </Notice>
      ) : null}
      {editing || answer === null ? (
        <SurveyForm
          question={ask.question}
          initial={answer}
          submitting={pending}
          onSubmit={(a) => void send(a)}
          onCancel={answer !== null ? () => setEditing(false) : undefined}
        />
      ) : (
        <Thanks ask={ask} canChange={canChange} onChange={() => setEditing(true)} />
      )}
    </section>
  );
}

function Thanks({ ask, canChange, onChange }: { ask: PortalAskView; canChange: boolean; onChange: () => void }) {
  const score = ask.answer?.score;
  const option = scaleOptions(ask.question.kind).find((o) => o.score === score);
  return (
    <div role="status" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <p style={{ margin: 0, font: token('font.heading.xsmall') }}>Thanks for your feedback</p>
      {option ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>
          You answered: <span aria-hidden>{option.face} </span>
          {option.label}
        </p>
      ) : null}
      {canChange ? (
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
          <Button appearance="subtle" onClick={onChange}>
            Change my answer
          </Button>
          <span style={{ color: token('color.text.subtlest'), fontSize: 12 }}>
            You can change it until {formatDateTime(ask.expiresAt)}.
          </span>
        </div>
      ) : null}
    </div>
  );
}
