import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useId, useState } from 'react';
import { getGadgetProjects, getScorecards, type DashboardWindow } from '@contracts/project';
import { AreaMessages } from '../../i18n/area-messages';
import type { Translator } from '@domain/i18n';
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

// The gadget's words are the project page's (locales/project), its window choice too.

const column = { display: 'flex', flexDirection: 'column', gap: token('space.100') } as const;
const windowWords = (m: Translator, w: DashboardWindow): string =>
  m.t('projectPage.gadget.window', { window: w === 'month' ? 'month' : 'days', days: w.replace('d', '') });

/** The dashboard gadget: the scorecards of one project, compact; or its configuration form. */
export default function ScorecardGadget() {
  return (
    <AreaMessages area="project" lines={3}>
      <GadgetView />
    </AreaMessages>
  );
}

function GadgetView() {
  const m = useMessages();
  const { context } = useHost();
  const config = configOf(context.extension.gadgetConfiguration);
  if (context.extension.entryPoint === 'edit') return <GadgetEdit initial={config} />;
  if (config === null) {
    return (
      <Notice appearance="information" title={m.t('projectPage.gadget.choose.title')}>
        <p>{m.t('projectPage.gadget.choose.body')}</p>
      </Notice>
    );
  }
  return <GadgetScorecards config={config} />;
}

function GadgetScorecards({ config }: { config: GadgetConfig }) {
  const m = useMessages();
  // The resolver checks the caller may browse this project: the configuration is not trusted.
  const { loaded, reload } = useCall(getScorecards, scorecardsPayload(config));
  if (loaded.state === 'loading') return <ViewSkeleton lines={3} />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const { projectName, window, scorecards } = loaded.data;
  const project = projectName ?? m.t('projectPage.gadget.thisProject');
  const cards = config.xlaId === null ? scorecards : scorecards.filter((c) => c.xlaId === config.xlaId);
  // Jira's gadget title is the app's; the gadget's own heading says which project and window it shows.
  const title = (
    <Heading as="h2" size="xsmall">
      {projectName ?? m.t('projectPage.gadget.title')} <Muted>· {windowWords(m, window)}</Muted>
    </Heading>
  );
  let body: ReactNode;
  if (scorecards.length === 0) body = <Muted>{m.t('projectPage.gadget.noXla', { project })}</Muted>;
  else if (cards.length === 0)
    body = (
      <Notice appearance="warning" title={m.t('projectPage.gadget.stale.title')}>
        <p>{m.t('projectPage.gadget.stale.body', { project })}</p>
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
      notify.warned(m.t('projectPage.gadget.saveFailed.title'), m.t('projectPage.gadget.saveFailed.body'));
    } finally {
      setSaving(false);
    }
  }

  if (list.length === 0 && !known)
    return (
      <Notice appearance="information" title={m.t('projectPage.gadget.noProject.title')}>
        <p>{m.t('projectPage.gadget.noProject.body')}</p>
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
        label={m.t('projectPage.gadget.project')}
        hint={truncated ? <Muted>{m.t('projectPage.gadget.truncated')}</Muted> : undefined}
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
                ? m.t('projectPage.gadget.savedUnavailable')
                : m.t('projectPage.gadget.choose.title')}
            </option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {m.t('projectPage.gadget.projectOption', { name: p.name, key: p.key })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {known ? <XlaField projectId={projectId} window={window} value={xlaId} onChange={setXlaId} /> : null}
      <ChoiceInput<DashboardWindow>
        label={m.t('projectPage.window.label')}
        value={window}
        options={windowOptions(m)}
        onChange={setWindow}
      />
      <div>
        <Button type="submit" appearance="primary" isLoading={saving} isDisabled={!known}>
          {m.t('projectPage.gadget.save')}
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
  const m = useMessages();
  const { loaded, reload } = useCall(getScorecards, { projectId, window });
  if (loaded.state === 'loading') return <ViewSkeleton lines={1} />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const cards = loaded.data.scorecards;
  const stale = value !== null && !cards.some((c) => c.xlaId === value);
  return (
    <Field
      label={m.t('projectPage.xla')}
      hint={cards.length === 0 ? <Muted>{m.t('projectPage.gadget.noXlaHint')}</Muted> : undefined}
    >
      {(id) => (
        <select
          id={id}
          className="sentio-select"
          value={value ?? ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        >
          <option value="">{m.t('projectPage.gadget.everyXla')}</option>
          {stale ? <option value={value}>{m.t('projectPage.gadget.staleOption')}</option> : null}
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
