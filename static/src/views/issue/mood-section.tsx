import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { TicketExperienceView } from '@contracts/agent';
import { isFavourable } from '@domain/question';
import { answerFace } from '../../ui/face';
import { FaceIcon } from '../../ui/face-icon';
import { formatRelative } from '../../ui/format';
import { MoodChart } from '../../ui/lazy-charts';
import { scoreText } from '../../ui/score-text';
import { Muted, Section } from '../../ui/section';
import { MOOD_FACE, MOOD_TEXT } from './mood';

function Row({ face, label, children }: { face: ReactNode; label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'flex-start', gap: token('space.100') }}>
      <span style={{ color: token('color.icon'), paddingTop: 2 }}>{face}</span>
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{label}</span>
        {children}
      </div>
    </div>
  );
}

/**
 * How the requester feels, from both sources, each named: what they answered in a survey (their
 * own rating) and the tone Sentio reads in their comments. When the two disagree the panel says
 * so and which came last, instead of showing one beside the other as if they agreed.
 */
export function MoodSection({ view }: { view: TicketExperienceView }) {
  const values = view.moodTrajectory.map((p) => p.mood);
  const first = values[0];
  const last = values.at(-1);
  const lastComment = view.moodTrajectory.at(-1)?.at ?? null;
  const lastAnswer = view.timeline
    .filter((e) => e.kind === 'answer')
    .reduce<number | null>((latest, e) => (latest === null || e.at > latest ? e.at : latest), null);
  const answer = view.lastScore;
  const face = MOOD_FACE[view.moodLabel];
  const favourable = answer !== null ? isFavourable(answer.kind, answer.score) : null;
  const disagree =
    favourable !== null &&
    ((favourable && view.moodLabel === 'negative') || (!favourable && view.moodLabel === 'positive'));
  return (
    <Section title="Requester mood">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-start' }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100'), minWidth: 200 }}>
          <Row
            label="Survey answer"
            face={<FaceIcon level={answer !== null ? answerFace(answer.kind, answer.score) : null} size={24} />}
          >
            {answer !== null ? (
              <>
                <strong>{scoreText(answer.kind, answer.score)}</strong>
                {lastAnswer !== null ? <Muted>Answered {formatRelative(lastAnswer)}</Muted> : null}
              </>
            ) : (
              <strong>No answer yet</strong>
            )}
          </Row>
          <Row label="Tone of their comments" face={<FaceIcon level={face} size={24} />}>
            <strong>{MOOD_TEXT[view.moodLabel]}</strong>
            {view.mood !== null ? (
              <Muted>
                {view.mood.toFixed(2).replace('-', '−')} on a −1 to +1 scale
                {lastComment !== null ? `, last comment ${formatRelative(lastComment)}` : ''}
              </Muted>
            ) : null}
          </Row>
        </div>
        {values.length > 1 && first !== undefined && last !== undefined ? (
          <MoodChart
            points={view.moodTrajectory}
            label={`Comment tone went from ${first.toFixed(2)} to ${last.toFixed(2)} over ${values.length} comments`}
          />
        ) : null}
      </div>
      {disagree ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>
          The two disagree. The answer is the requester’s own rating; the tone is Sentio’s reading of their words
          {lastAnswer !== null && lastComment !== null
            ? lastComment > lastAnswer
              ? ', and their latest comment came after the answer.'
              : ', and the answer came after their latest comment.'
            : '.'}
        </p>
      ) : null}
    </Section>
  );
}
