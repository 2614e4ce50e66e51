import Button from '@atlaskit/button/default/button';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import type { QuestionSnapshot } from '@domain/ask';
import { type ScoreBand, scoreBand } from '@domain/question';
import { lostTimeLabel } from '@domain/survey/localized-question';
import type { ReasonChip } from '@domain/survey-plan';
import { useMessages } from '../../i18n/messages';
import { ScoreScale } from './score-scale';

export interface SurveyAnswer {
  readonly score: number;
  /** The ids of the chips picked. */
  readonly reasons: readonly string[];
  readonly comment: string | null;
  readonly lostTimeChoiceId: string | null;
}

interface SurveyFormProps {
  readonly question: QuestionSnapshot;
  readonly initial: SurveyAnswer | null;
  readonly submitting: boolean;
  readonly onSubmit: (answer: SurveyAnswer) => void;
  readonly onCancel?: () => void;
  /** The admin preview renders the same form; its button says it sends nothing. */
  readonly submitLabel?: string;
  /** The chips' words in the requester's language (the portal resolver's `wording`); the English words otherwise. */
  readonly chipLabel?: (band: ScoreBand, chip: ReasonChip) => string;
  /** A line under the question saying when it was asked (the portal's; the preview has none). */
  readonly askedWhen?: string | undefined;
}

/** The requester's micro-survey: the scale, then the follow-ups the plan asks for. */
export function SurveyForm({
  question,
  initial,
  submitting,
  onSubmit,
  onCancel,
  submitLabel,
  chipLabel = (_band, chip) => chip.label,
  askedWhen,
}: SurveyFormProps) {
  const m = useMessages();
  const ids = useId();
  const questionId = `${ids}-question`;
  const [score, setScore] = useState<number | null>(initial?.score ?? null);
  const [reasons, setReasons] = useState<readonly string[]>(initial?.reasons ?? []);
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [lostTime, setLostTime] = useState<string | null>(initial?.lostTimeChoiceId ?? null);

  // The band the comment was written for; while it differs from the chosen band, the requester
  // is asked whether the comment still fits (an angry comment must not end up under a happy score).
  const [commentBand, setCommentBand] = useState<ScoreBand | null>(
    initial !== null && initial.comment !== null ? scoreBand(question.kind, initial.score) : null,
  );

  const band = score === null ? null : scoreBand(question.kind, score);
  const chips = band === null ? [] : question.reasonChips[band];
  const hasComment = question.comment.enabled && comment.trim() !== '';
  const commentMismatch = hasComment && band !== null && commentBand !== null && commentBand !== band;

  function changeScore(next: number) {
    setScore(next);
    // Chips belong to a band: a reason picked for a low score makes no sense on a high one.
    const nextChips = question.reasonChips[scoreBand(question.kind, next)];
    setReasons((current) => current.filter((r) => nextChips.some((c) => c.id === r)));
  }

  function changeComment(text: string) {
    setComment(text);
    setCommentBand(text.trim() === '' ? null : band);
  }

  // Answers name chips by id: the same reason whatever language it was picked in.
  function toggleReason(id: string) {
    setReasons((current) => (current.includes(id) ? current.filter((r) => r !== id) : [...current, id]));
  }

  function submit() {
    if (score === null || commentMismatch) return;
    const text = comment.trim();
    onSubmit({
      score,
      reasons,
      comment: question.comment.enabled && text !== '' ? text : null,
      lostTimeChoiceId: question.lostTime.enabled ? lostTime : null,
    });
  }

  return (
    <form
      aria-labelledby={questionId}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), maxWidth: 560 }}
    >
      <p id={questionId} style={{ margin: 0, font: token('font.heading.xsmall') }}>
        {question.text}
      </p>
      {askedWhen !== undefined ? (
        <p style={{ margin: 0, marginTop: `calc(-1 * ${token('space.100')})`, color: token('color.text.subtlest') }}>
          {askedWhen}
        </p>
      ) : null}
      <ScoreScale
        kind={question.kind}
        value={score}
        onChange={changeScore}
        labelledBy={questionId}
        disabled={submitting}
      />

      {score !== null && chips.length > 0 ? (
        <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
          <legend style={{ padding: 0, marginBottom: token('space.075'), color: token('color.text.subtle') }}>
            {m.t('portal.reasons')}
          </legend>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075') }}>
            {chips.map((chip) => (
              <button
                key={chip.id}
                type="button"
                className="sentio-tap"
                aria-pressed={reasons.includes(chip.id)}
                disabled={submitting}
                onClick={() => toggleReason(chip.id)}
                style={{ minHeight: 36, padding: `0 ${token('space.150')}`, borderRadius: 18 }}
              >
                {band === null ? chip.label : chipLabel(band, chip)}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}

      {score !== null && question.comment.enabled ? (
        <div>
          <label
            htmlFor={`${ids}-comment`}
            style={{ display: 'block', marginBottom: token('space.050'), color: token('color.text.subtle') }}
          >
            {m.t('portal.comment')}
          </label>
          <TextArea
            id={`${ids}-comment`}
            value={comment}
            maxLength={question.comment.maxLength}
            minimumRows={2}
            isDisabled={submitting}
            onChange={(e) => changeComment(e.currentTarget.value)}
          />
          {commentMismatch && commentBand !== null ? (
            <div
              role="group"
              aria-labelledby={`${ids}-mismatch`}
              style={{
                marginTop: token('space.100'),
                padding: token('space.100'),
                borderRadius: token('radius.small'),
                background: token('color.background.warning'),
                display: 'flex',
                flexDirection: 'column',
                gap: token('space.075'),
              }}
            >
              <span id={`${ids}-mismatch`}>{m.t('portal.commentMismatch', { band: commentBand })}</span>
              <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap' }}>
                <Button onClick={() => setCommentBand(band)} isDisabled={submitting}>
                  {m.t('portal.keepComment')}
                </Button>
                <Button
                  appearance="subtle"
                  onClick={() => {
                    setComment('');
                    setCommentBand(null);
                  }}
                  isDisabled={submitting}
                >
                  {m.t('portal.removeComment')}
                </Button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}

      {score !== null && question.lostTime.enabled && question.lostTime.choices.length > 0 ? (
        <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
          <legend style={{ padding: 0, marginBottom: token('space.075'), color: token('color.text.subtle') }}>
            {m.t('portal.lostTime')}
          </legend>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075') }}>
            {question.lostTime.choices.map((choice) => (
              <label
                key={choice.id}
                className="sentio-tap"
                style={{
                  display: 'inline-flex',
                  alignItems: 'center',
                  gap: token('space.050'),
                  minHeight: 36,
                  padding: `0 ${token('space.100')}`,
                }}
              >
                <input
                  type="radio"
                  name={`${ids}-lost-time`}
                  value={choice.id}
                  checked={lostTime === choice.id}
                  disabled={submitting}
                  onChange={() => setLostTime(choice.id)}
                />
                {lostTimeLabel(m, choice)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button
          type="submit"
          appearance="primary"
          isDisabled={score === null || commentMismatch}
          isLoading={submitting}
        >
          {submitLabel ?? m.t('portal.send')}
        </Button>
        {onCancel ? (
          <Button appearance="subtle" onClick={onCancel} isDisabled={submitting}>
            {m.t('portal.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
