import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { getTicketExperience } from '../../../../src/contracts/agent';
import { useCall } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { scoreText } from '../../ui/score-text';
import { MOOD_FACE, MOOD_TEXT, RISK_APPEARANCE, RISK_TEXT } from './mood';

/** The issue-context glance: mood, risk and last score on one line. */
export default function IssueGlance() {
  const { loaded, reload } = useCall(getTicketExperience, {});
  if (loaded.state === 'loading') return <Spinner size="small" label="Loading experience" />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const view = loaded.data;
  return (
    <p style={{ margin: 0, display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
      <span role="img" aria-label={`Mood: ${MOOD_TEXT[view.moodLabel]}`} title={MOOD_TEXT[view.moodLabel]} style={{ fontSize: 20 }}>
        {MOOD_FACE[view.moodLabel]}
      </span>
      <Lozenge appearance={RISK_APPEARANCE[view.risk.level]}>{RISK_TEXT[view.risk.level]}</Lozenge>
      <span style={{ color: token('color.text.subtle') }}>
        {view.lastScore !== null ? `Last score ${scoreText(view.lastScore.kind, view.lastScore.score)}` : 'No answer yet'}
      </span>
    </p>
  );
}
