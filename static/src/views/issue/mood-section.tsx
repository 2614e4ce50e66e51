import { token } from '@atlaskit/tokens';
import type { TicketExperienceView } from '@contracts/agent';
import { Section } from '../../ui/section';
import { MoodChart } from '../../ui/lazy-charts';
import { MOOD_FACE, MOOD_TEXT } from './mood';

/** The requester's mood now, and how it moved over their comments. */
export function MoodSection({ view }: { view: TicketExperienceView }) {
  const values = view.moodTrajectory.map((p) => p.mood);
  const first = values[0];
  const last = values.at(-1);
  return (
    <Section title="Requester mood">
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150'), flexWrap: 'wrap' }}>
        <span aria-hidden style={{ fontSize: 28 }}>
          {MOOD_FACE[view.moodLabel]}
        </span>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <strong>{MOOD_TEXT[view.moodLabel]}</strong>
          {view.mood !== null ? (
            <span style={{ color: token('color.text.subtle') }}>Mood {view.mood.toFixed(2)} on a −1 to +1 scale</span>
          ) : null}
        </div>
        {values.length > 1 && first !== undefined && last !== undefined ? (
          <MoodChart
            points={view.moodTrajectory}
            label={`Comment mood went from ${first.toFixed(2)} to ${last.toFixed(2)} over ${values.length} comments`}
          />
        ) : null}
      </div>
    </Section>
  );
}
