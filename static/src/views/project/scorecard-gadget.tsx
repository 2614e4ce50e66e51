import Button from '@atlaskit/button/default/button';
import { Notice } from '../../ui/notice';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import { getScorecards } from '@contracts/project';
import { useCall } from '../../api/client-context';
import { useHost } from '../../app/host-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { useNotify } from '../../ui/flags';
import { Muted } from '../../ui/section';
import { ScorecardSeries } from './scorecard-series';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { configOf, type GadgetConfig, PROJECT_ID } from './gadget-config';
import { ScorecardCard } from './scorecard-card';

/** The dashboard gadget: the scorecards of one project, compact; or its configuration form. */
export default function ScorecardGadget() {
  const { context } = useHost();
  const config = configOf(context.extension.gadgetConfiguration);
  if (context.extension.entryPoint === 'edit') return <GadgetEdit initial={config} />;
  if (config === null) {
    return (
      <Notice appearance="information" title="Choose a project">
        <p>Edit this gadget and name the service project whose XLA scorecards it shows.</p>
      </Notice>
    );
  }
  return <GadgetScorecards projectId={config.projectId} />;
}

function GadgetScorecards({ projectId }: { projectId: string }) {
  // The resolver checks the caller may browse this project: the configuration is not trusted.
  const { loaded, reload } = useCall(getScorecards, { projectId });
  if (loaded.state === 'loading') return <ViewSkeleton lines={3} />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const cards = loaded.data.scorecards;
  if (cards.length === 0) return <Muted>No XLA covers project {loaded.data.projectId}.</Muted>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      {cards.map((c) => (
        <div key={c.xlaId} style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
          <ScorecardCard card={c} compact />
          {c.daily.some((d) => d.score !== null) ? <ScorecardSeries card={c} height={140} /> : null}
        </div>
      ))}
    </div>
  );
}

function GadgetEdit({ initial }: { initial: GadgetConfig | null }) {
  const { host } = useHost();
  const notify = useNotify();
  const id = useId();
  const [projectId, setProjectId] = useState(initial?.projectId ?? '');
  const [saving, setSaving] = useState(false);
  const missing = projectId.trim() === '';
  const invalid = !missing && !PROJECT_ID.test(projectId.trim());

  async function save() {
    setSaving(true);
    try {
      await host.submitGadgetConfig({ projectId: projectId.trim() });
    } catch {
      notify.warned('The gadget could not be saved', 'Try again in a moment.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!missing && !invalid) void save();
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}
    >
      <label htmlFor={id}>Service project id</label>
      <Textfield
        id={id}
        value={projectId}
        isInvalid={missing || invalid}
        aria-describedby={missing || invalid ? `${id}-error` : undefined}
        onChange={(e) => setProjectId(e.currentTarget.value)}
      />
      {missing || invalid ? (
        <span id={`${id}-error`} style={{ color: token('color.text.danger'), font: token('font.body.small') }}>
          {missing ? 'Name a project.' : 'A project id is a number, e.g. 10001.'}
        </span>
      ) : null}
      <div>
        <Button type="submit" appearance="primary" isLoading={saving} isDisabled={missing || invalid}>
          Save
        </Button>
      </div>
    </form>
  );
}
