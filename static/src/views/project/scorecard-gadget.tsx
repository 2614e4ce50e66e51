import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useId, useState } from 'react';
import { getGadgetProjects, getScorecards, type DashboardWindow } from '@contracts/project';
import { AreaMessages } from '../../i18n/area-messages';
import { useMessages } from '../../i18n/messages';
import { useCall } from '../../api/client-context';
import { useHost } from '../../app/host-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { ChoiceInput } from '../../ui/choice-input';
import { useNotify } from '../../ui/flags';
import { Heading } from '../../ui/heading';
import { Notice } from '../../ui/notice';
import { Muted } from '../../ui/section';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { configOf, type GadgetConfig, scorecardsPayload, submittedConfig } from './gadget-config';
import { ScorecardCard } from './scorecard-card';
import { ScorecardSeries } from './scorecard-series';
import { DEFAULT_WINDOW, windowOptions } from './window-choice';

// The gadget's own words are not in the message files yet (their combined size limit, see README);
// its window choice shares the project page's.

const column = { display: 'flex', flexDirection: 'column', gap: token('space.100') } as const;
const windowWords = (w: DashboardWindow): string => (w === 'month' ? 'this month' : `last ${w.replace('d', ' days')}`);

/** The dashboard gadget: the scorecards of one project, compact; or its configuration form. */
export default function ScorecardGadget() {
  return (
    <AreaMessages area="project" lines={3}>
      <GadgetView />
    </AreaMessages>
  );
}

function GadgetView() {
  const { context } = useHost();
  const config = configOf(context.extension.gadgetConfiguration);
  if (context.extension.entryPoint === 'edit') return <GadgetEdit initial={config} />;
  if (config === null) {
    return (
      <Notice appearance="information" title="Choose a project">
        <p>Edit this gadget and choose the service project whose XLA scorecards it shows.</p>
      </Notice>
    );
  }
  return <GadgetScorecards config={config} />;
}

function GadgetScorecards({ config }: { config: GadgetConfig }) {
  // The resolver checks the caller may browse this project: the configuration is not trusted.
  const { loaded, reload } = useCall(getScorecards, scorecardsPayload(config));
  if (loaded.state === 'loading') return <ViewSkeleton lines={3} />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const { projectName, window, scorecards } = loaded.data;
  const project = projectName ?? 'this project';
  const cards = config.xlaId === null ? scorecards : scorecards.filter((c) => c.xlaId === config.xlaId);
  // Jira's gadget title is the app's; the gadget's own heading says which project and window it shows.
  const title = (
    <Heading as="h2" size="xsmall">
      {projectName ?? 'XLA scorecards'} <Muted>· {windowWords(window)}</Muted>
    </Heading>
  );
  let body: ReactNode;
  if (scorecards.length === 0) body = <Muted>No XLA covers {project} yet.</Muted>;
  else if (cards.length === 0)
    body = (
      <Notice appearance="warning" title="The chosen XLA no longer covers this project">
        <p>Edit this gadget to choose another XLA of {project}, or every XLA that covers it.</p>
      </Notice>
    );
  else
    body = cards.map((c) => (
      <div key={c.xlaId} style={{ ...column, gap: token('space.050') }}>
        <ScorecardCard card={c} compact />
        {c.daily.some((d) => d.score !== null) ? <ScorecardSeries card={c} height={140} /> : null}
      </div>
    ));
  return (
    <div style={column}>
      {title}
      {body}
    </div>
  );
}

function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div style={{ ...column, gap: token('space.050') }}>
      <label
        htmlFor={id}
        style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle') }}
      >
        {label}
      </label>
      {children(id)}
      {hint !== undefined ? <span style={{ font: token('font.body.small') }}>{hint}</span> : null}
    </div>
  );
}

function GadgetEdit({ initial }: { initial: GadgetConfig | null }) {
  const m = useMessages();
  const { host } = useHost();
  const notify = useNotify();
  const projects = useCall(getGadgetProjects, {});
  const [projectId, setProjectId] = useState(initial?.projectId ?? '');
  const [xlaId, setXlaId] = useState<string | null>(initial?.xlaId ?? null);
  const [window, setWindow] = useState<DashboardWindow>(initial?.window ?? DEFAULT_WINDOW);
  const [saving, setSaving] = useState(false);

  if (projects.loaded.state === 'loading') return <ViewSkeleton lines={3} />;
  if (projects.loaded.state === 'error')
    return <CallErrorMessage error={projects.loaded.error} onRetry={projects.reload} />;
  const { projects: list, truncated } = projects.loaded.data;
  const known = list.some((p) => p.id === projectId);

  async function save() {
    setSaving(true);
    try {
      await host.submitGadgetConfig(submittedConfig({ projectId, xlaId, window }));
    } catch {
      notify.warned('The gadget could not be saved', 'Try again in a moment.');
    } finally {
      setSaving(false);
    }
  }

  if (list.length === 0 && !known)
    return (
      <Notice appearance="information" title="No service project to show">
        <p>You cannot browse any service project on this site. Ask a Jira admin for access to one.</p>
      </Notice>
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (known) void save();
      }}
      style={{ ...column, gap: token('space.200') }}
    >
      <Field
        label="Service project"
        hint={
          truncated ? (
            <Muted>The site has more service projects than this list shows; the first by name are offered.</Muted>
          ) : undefined
        }
      >
        {(id) => (
          <select
            id={id}
            className="sentio-select"
            value={known ? projectId : ''}
            required
            onChange={(e) => {
              setProjectId(e.currentTarget.value);
              setXlaId(null);
            }}
          >
            <option value="" disabled>
              {projectId !== '' && !known
                ? 'The saved project is not available to you: choose one'
                : 'Choose a project'}
            </option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.key})
              </option>
            ))}
          </select>
        )}
      </Field>
      {known ? <XlaField projectId={projectId} window={window} value={xlaId} onChange={setXlaId} /> : null}
      <ChoiceInput<DashboardWindow> label="Window" value={window} options={windowOptions(m)} onChange={setWindow} />
      <div>
        <Button type="submit" appearance="primary" isLoading={saving} isDisabled={!known}>
          Save
        </Button>
      </div>
    </form>
  );
}

/** The XLAs that cover the chosen project, as its scorecards list them (the resolver checks access). */
function XlaField({
  projectId,
  window,
  value,
  onChange,
}: {
  projectId: string;
  window: DashboardWindow;
  value: string | null;
  onChange: (xlaId: string | null) => void;
}) {
  const { loaded, reload } = useCall(getScorecards, { projectId, window });
  if (loaded.state === 'loading') return <ViewSkeleton lines={1} />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const cards = loaded.data.scorecards;
  const stale = value !== null && !cards.some((c) => c.xlaId === value);
  return (
    <Field
      label="XLA"
      hint={cards.length === 0 ? <Muted>No XLA covers this project yet; the gadget will say so.</Muted> : undefined}
    >
      {(id) => (
        <select
          id={id}
          className="sentio-select"
          value={value ?? ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        >
          <option value="">Every XLA that covers the project</option>
          {stale ? <option value={value}>An XLA that no longer covers this project</option> : null}
          {cards.map((c) => (
            <option key={c.xlaId} value={c.xlaId}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
