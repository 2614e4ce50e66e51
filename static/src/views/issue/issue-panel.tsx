import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { getTicketExperience, markFollowUpDone, type TicketExperienceView } from '@contracts/agent';
import type { CallError } from '../../api/client';
import { useAction, useCall, useClient } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { useNotify } from '../../ui/flags';
import { AreaMessages } from '../../i18n/area-messages';
import { useMessages } from '../../i18n/messages';
import { CheckCircleIcon } from '../../ui/icons/check-circle';
import { NoAccess } from '../../ui/no-access';
import { Notice } from '../../ui/notice';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { useAskNow } from './ask-now';
import { AsksSection } from './asks-section';
import { MoodSection } from './mood-section';
import { RiskSection } from './risk-section';
import { TimelineSection } from './timeline-section';

/** The agent's view of one ticket's experience (jira:issuePanel), in the agent's words. */
export default function IssuePanel() {
  return (
    <AreaMessages area="issue">
      <TicketExperience />
    </AreaMessages>
  );
}

function TicketExperience() {
  const { loaded, reload, replace } = useCall(getTicketExperience, {});
  if (loaded.state === 'loading') return <ViewSkeleton lines={5} />;
  if (loaded.state === 'error')
    return loaded.error.code === 'forbidden' ? (
      <NoAccess message={loaded.error.message} />
    ) : (
      <CallErrorMessage error={loaded.error} onRetry={reload} />
    );
  return <ExperienceDetail view={loaded.data} onChange={replace} />;
}

function ExperienceDetail({
  view,
  onChange,
}: {
  view: TicketExperienceView;
  onChange: (view: TicketExperienceView) => void;
}) {
  const m = useMessages();
  const notify = useNotify();
  const client = useClient();
  // Access can be taken away while the panel is open: then the page says so once, at the top,
  // and every control is disabled, instead of a flag per click.
  const [denied, setDenied] = useState<CallError | null>(null);
  const failed = (error: CallError) => (error.code === 'forbidden' ? setDenied(error) : notify.failed(error));
  const askNow = useAskNow(view, onChange, { disabled: denied !== null, onFailure: failed });
  const followUp = useAction(markFollowUpDone);

  async function closeLoop() {
    const result = await followUp.run({});
    if (result === null) return;
    if (!result.ok) return failed(result.error);
    onChange({ ...view, followUp: result.data.followUp });
    notify.succeeded(m.t('issuePanel.followUp.recorded'));
    // The follow-up changes the ticket's risk and its reasons: show them as the server now has them.
    const fresh = await client.call(getTicketExperience, {});
    if (fresh.ok) onChange(fresh.data);
    else if (fresh.error.code === 'forbidden') setDenied(fresh.error);
  }

  const needsFollowUp = view.followUp !== null && view.followUp.needed && view.followUp.doneAt === null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), padding: token('space.050') }}>
      {denied !== null ? <NoAccess message={denied.message} /> : null}
      {needsFollowUp ? (
        <Notice
          appearance="warning"
          title={m.t('issuePanel.followUp.title')}
          actions={[
            <Button
              key="done"
              appearance="primary"
              isLoading={followUp.pending}
              isDisabled={denied !== null}
              onClick={() => void closeLoop()}
            >
              {m.t('issuePanel.followUp.done')}
            </Button>,
          ]}
        >
          <p>{m.t('issuePanel.followUp.body')}</p>
        </Notice>
      ) : null}
      {view.followUp?.doneAt != null ? (
        <p
          style={{
            margin: 0,
            display: 'flex',
            alignItems: 'center',
            gap: token('space.075'),
            color: token('color.text.subtle'),
          }}
        >
          <span style={{ color: token('color.icon.success'), display: 'inline-flex' }}>
            <CheckCircleIcon label="" color="currentColor" />
          </span>
          {m.t('issuePanel.followUp.doneAt', { at: view.followUp.doneAt })}
        </p>
      ) : null}
      <MoodSection view={view} />
      <RiskSection view={view} />
      <AsksSection view={view} actions={askNow.actions} intro={askNow.intro} />
      <TimelineSection entries={view.timeline} />
    </div>
  );
}
