import Button from '@atlaskit/button/default/button';
import { Notice } from '../../ui/notice';
import { token } from '@atlaskit/tokens';
import { getTicketExperience, markFollowUpDone, type TicketExperienceView } from '@contracts/agent';
import { useAction, useCall } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { useNotify } from '../../ui/flags';
import { formatDateTime } from '../../ui/format';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { useAskNow } from './ask-now';
import { AsksSection } from './asks-section';
import { MoodSection } from './mood-section';
import { RiskSection } from './risk-section';
import { TimelineSection } from './timeline-section';

/** The agent's view of one ticket's experience (jira:issuePanel). */
export default function IssuePanel() {
  const { loaded, reload, replace } = useCall(getTicketExperience, {});
  if (loaded.state === 'loading') return <ViewSkeleton lines={5} />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  return <ExperienceDetail view={loaded.data} onChange={replace} />;
}

function ExperienceDetail({
  view,
  onChange,
}: {
  view: TicketExperienceView;
  onChange: (view: TicketExperienceView) => void;
}) {
  const notify = useNotify();
  const askNow = useAskNow(view, onChange);
  const followUp = useAction(markFollowUpDone);

  async function closeLoop() {
    const result = await followUp.run({});
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    onChange({ ...view, followUp: result.data.followUp });
    notify.succeeded('Follow-up recorded');
  }

  const needsFollowUp = view.followUp !== null && view.followUp.needed && view.followUp.doneAt === null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), padding: token('space.050') }}>
      {needsFollowUp ? (
        <Notice
          appearance="warning"
          title="The requester gave a low score"
          actions={[
            <Button key="done" appearance="primary" isLoading={followUp.pending} onClick={() => void closeLoop()}>
              Follow-up done
            </Button>,
          ]}
        >
          <p>Get in touch to close the loop, then mark the follow-up as done.</p>
        </Notice>
      ) : null}
      {view.followUp?.doneAt != null ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>
          ✅ Followed up {formatDateTime(view.followUp.doneAt)}
        </p>
      ) : null}
      <MoodSection view={view} />
      <RiskSection view={view} />
      <AsksSection view={view} actions={askNow.actions} intro={askNow.intro} />
      <TimelineSection entries={view.timeline} />
    </div>
  );
}
