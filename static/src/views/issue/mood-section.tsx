import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { TicketExperienceView } from '@contracts/agent';
import { isFavourable } from '@domain/question';
import { answerFace } from '../../ui/face';
import { FaceIcon } from '../../ui/face-icon';
import { formatRelative } from '@domain/i18n';
import { answerWords } from '../../i18n/answer-words';
import { useMessages } from '../../i18n/messages';
import { MoodChart } from '../../ui/lazy-charts';
import { Muted, Section } from '../../ui/section';
import { MOOD_FACE, MOOD_TEXT } from './mood';
import { formatHundredths, formatMood } from '../../ui/format';

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
  const m = useMessages();
  const now = Date.now();
  // Two decimals in the reader's locale; the value line uses a true minus sign, as before.
  const fixed = (x: number) => formatHundredths(m.locale, x);
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
    <Section title={m.t('issuePanel.mood.title')}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-start' }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100'), minWidth: 200 }}>
          <Row
            label={m.t('issuePanel.mood.answer')}
            face={<FaceIcon level={answer !== null ? answerFace(answer.kind, answer.score) : null} size={24} />}
          >
            {answer !== null ? (
              <>
                <strong>{answerWords(m, answer.kind, answer.score)}</strong>
                {lastAnswer !== null ? (
                  <Muted>{m.t('issuePanel.mood.answered', { when: formatRelative(m.locale, lastAnswer, now) })}</Muted>
                ) : null}
              </>
            ) : (
              <strong>{m.t('issuePanel.mood.noAnswer')}</strong>
            )}
          </Row>
          <Row label={m.t('issuePanel.mood.tone')} face={<FaceIcon level={face} size={24} />}>
            <strong>{m.t(MOOD_TEXT[view.moodLabel])}</strong>
            {view.mood !== null ? (
              <Muted>
                {lastComment !== null
                  ? m.t('issuePanel.mood.valueLast', {
                      value: formatMood(m.locale, view.mood),
                      when: formatRelative(m.locale, lastComment, now),
                    })
                  : m.t('issuePanel.mood.value', { value: formatMood(m.locale, view.mood) })}
              </Muted>
            ) : null}
          </Row>
        </div>
        {values.length > 1 && first !== undefined && last !== undefined ? (
          <MoodChart
            points={view.moodTrajectory}
            label={m.t('issuePanel.mood.chart', { from: fixed(first), to: fixed(last), count: values.length })}
          />
        ) : null}
      </div>
      {disagree ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>
          {m.t('issuePanel.mood.disagree')}
          {lastAnswer !== null && lastComment !== null
            ? ` ${m.t(lastComment > lastAnswer ? 'issuePanel.mood.commentLater' : 'issuePanel.mood.answerLater')}`
            : null}
        </p>
      ) : null}
    </Section>
  );
}
