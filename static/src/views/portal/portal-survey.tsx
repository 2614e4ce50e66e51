import Button from '@atlaskit/button/default/button';
import { Notice } from '../../ui/notice';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState } from 'react';
import { answerAsk, getMyAsk, type PortalAskView } from '@contracts/portal';
import type { CallError } from '../../api/client';
import { errorHeading, errorText } from '../../ui/error-words';
import { useAction, useCall } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { useHost } from '../../app/host-context';
import type { ViewContext } from '../../host/host';
import { useMessages } from '../../i18n/messages';
import type { Translator } from '@domain/i18n';
import { answerText, scaleOptions } from './scale-options';
import { ScaleGlyphView } from './score-scale';
import { type SurveyAnswer, SurveyForm } from './survey-form';

/** The customer portal panel: the pending ask, or thanks for the answer, or nothing at all. */
export default function PortalSurvey() {
  const m = useMessages();
  const { context } = useHost();
  const { loaded, reload, replace } = useCall(getMyAsk, localeHint(context));
  if (loaded.state === 'loading') {
    return (
      <div aria-busy="true" style={{ padding: token('space.100') }}>
        <Spinner size="small" label={m.t('portal.loading')} />
      </div>
    );
  }
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const ask = loaded.data.ask;
  // No ask for this person on this request: one quiet line, not an empty box on the request page.
  if (ask === null)
    return (
      <p
        style={{
          margin: 0,
          padding: token('space.100'),
          color: token('color.text.subtlest'),
          font: token('font.body.small'),
        }}
      >
        {m.t('portal.none')}
      </p>
    );
  return <AskPanel ask={ask} onAnswered={(next) => replace({ ask: next })} />;
}

/** The portal's locale, sent so the resolver words the question in it (the prefetch sends the same). */
export function localeHint(context: ViewContext): { locale?: string } {
  return context.locale === undefined ? {} : { locale: context.locale };
}

/**
 * Once the request is resolved, a question put while it was open is asked about the outcome instead
 * (the resolver words it), and the line above says why. An answer given while it was open keeps its
 * question, with the date and the moment that keep "so far" true.
 */
function askedWhen(ask: PortalAskView, m: Translator): string | undefined {
  if (ask.wording.stage === 'outcome') return m.t('portal.resolved');
  return ask.askedWhileOpen ? m.t('portal.askedWhileOpen', { at: ask.askedAt }) : undefined;
}

function AskPanel({ ask, onAnswered }: { ask: PortalAskView; onAnswered: (ask: PortalAskView) => void }) {
  const m = useMessages();
  const { context } = useHost();
  const [editing, setEditing] = useState(ask.status === 'pending');
  const [error, setError] = useState<CallError | null>(null);
  // After Send, focus moves to the thanks, so a keyboard or screen-reader user hears the outcome
  // instead of being left on a button that no longer exists.
  const [justSent, setJustSent] = useState(false);
  const { run, pending } = useAction(answerAsk);

  async function send(answer: SurveyAnswer) {
    setError(null);
    const result = await run({ askId: ask.askId, ...answer, reasons: [...answer.reasons], ...localeHint(context) });
    if (result === null) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onAnswered(result.data.ask);
    setJustSent(true);
    setEditing(false);
  }

  const answer = ask.answer;
  const canChange = ask.editable && ask.expiresAt > Date.now();
  return (
    <section
      aria-label={m.t('portal.region')}
      style={{ padding: token('space.100'), display: 'flex', flexDirection: 'column', gap: token('space.150') }}
    >
      {error !== null ? (
        <Notice appearance={error.code === 'refused' ? 'warning' : 'error'} title={errorHeading(m, error)}>
          <p>{errorText(m, error)}</p>
        </Notice>
      ) : null}
      {editing || answer === null ? (
        <SurveyForm
          question={ask.question}
          askedWhen={askedWhen(ask, m)}
          initial={answer}
          submitting={pending}
          onSubmit={(a) => void send(a)}
          onCancel={answer !== null ? () => setEditing(false) : undefined}
          chipLabel={(band, chip) =>
            ask.wording.reasonChips[band].find((c) => c.value === chip.id)?.label ?? chip.label
          }
        />
      ) : (
        <Thanks ask={ask} canChange={canChange} focusOnShow={justSent} onChange={() => setEditing(true)} />
      )}
    </section>
  );
}

function Thanks({
  ask,
  canChange,
  focusOnShow,
  onChange,
}: {
  ask: PortalAskView;
  canChange: boolean;
  focusOnShow: boolean;
  onChange: () => void;
}) {
  const m = useMessages();
  const score = ask.answer?.score;
  const option = scaleOptions(ask.question.kind, m).find((o) => o.score === score);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  return (
    <div role="status" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <p ref={heading} tabIndex={-1} style={{ margin: 0, font: token('font.heading.xsmall') }}>
        {m.t('portal.thanks')}
      </p>
      {option ? (
        <p
          style={{
            margin: 0,
            color: token('color.text.subtle'),
            display: 'flex',
            alignItems: 'center',
            gap: token('space.075'),
            flexWrap: 'wrap',
          }}
        >
          <span>{m.t('portal.youAnswered')}</span>
          {option.glyph.kind !== 'number' ? (
            <span aria-hidden style={{ display: 'inline-flex', color: token('color.icon') }}>
              <ScaleGlyphView glyph={option.glyph} lit />
            </span>
          ) : null}
          {answerText(ask.question.kind, option.score, m)}
        </p>
      ) : null}
      {canChange ? (
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
          <Button appearance="subtle" onClick={onChange}>
            {m.t('portal.change')}
          </Button>
          <span style={{ color: token('color.text.subtlest'), fontSize: 12 }}>
            {m.t('portal.changeUntil', { until: ask.expiresAt })}
          </span>
        </div>
      ) : null}
    </div>
  );
}
