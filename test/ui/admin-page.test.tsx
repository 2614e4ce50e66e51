// @vitest-environment jsdom
import './support/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  type ConfigView,
  getAuditLog,
  getConfig,
  getRecomputeStatus,
  importConfig,
  listScopeOptions,
  savePlan,
  saveXla,
  type ScopeOptions,
  startRecompute,
} from '@contracts/admin';
import { SurveyPlanSchema } from '@domain/survey-plan';
import { defaultXla } from '@domain/xla';
import { NOW } from './support/builders';
import { hostFor, renderApp, renderStarted } from './support/fake-host';

const plan = SurveyPlanSchema.parse({
  id: 'waiting-check',
  name: 'Waiting check',
  waypoint: { kind: 'status-changed', toStatuses: ['Waiting for customer'] },
  question: { kind: 'thumbs', text: 'Are we on the right track?' },
});
const config: ConfigView = { xlas: [defaultXla()], plans: [plan], version: 3 };

const site: ScopeOptions = {
  projects: [
    { id: '100', key: 'HELP', name: 'Help desk' },
    { id: '200', key: 'HR', name: 'People team' },
  ],
  requestTypes: [
    { id: 'rt-1', name: 'Get IT help', projectId: '100' },
    { id: 'rt-2', name: 'New starter', projectId: '200' },
  ],
  priorities: [
    { id: '1', name: 'Highest' },
    { id: '3', name: 'Medium' },
  ],
};

function admin() {
  return hostFor('sentio-admin-page').answer(getConfig, config).answer(getRecomputeStatus, { status: null });
}

describe('admin page', () => {
  it('loads config and recompute status in one round and lists XLAs', async () => {
    const host = admin();
    renderApp(host);
    expect(await screen.findByText('People get back to work fast')).toBeInTheDocument();
    expect(host.calls.map((c) => c.name).sort()).toEqual(['getConfig', 'getRecomputeStatus']);
    expect(screen.getByText('No recompute has run yet.')).toBeInTheDocument();
  });

  it('shows the schema message next to the field it is about, and does not save', async () => {
    const user = userEvent.setup();
    const host = admin();
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Edit People get back to work fast' }));
    const target = screen.getByLabelText('Target score');
    await user.clear(target);
    await user.type(target, '120');
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(target).toHaveAccessibleDescription('must be between 0 and 100');

    const group = screen.getByRole('group', { name: 'Satisfaction (survey answers)' });
    const floor = within(group).getByLabelText('Floor (0–1)');
    await user.clear(floor);
    await user.type(floor, '0.95');
    expect(floor).toHaveAccessibleDescription('must be below the target (0.9)');

    await user.click(screen.getByRole('button', { name: 'Save XLA' }));
    expect(host.callsTo(saveXla)).toEqual([]);
    expect(screen.getByText('Fix the highlighted fields to save')).toBeInTheDocument();
  });

  it('saves a valid XLA with the config version and returns to the list', async () => {
    const user = userEvent.setup();
    const renamed = { ...defaultXla(), name: 'Back to work fast' };
    const host = admin().answer(saveXla, { config: { ...config, xlas: [renamed], version: 4 }, recompute: null });
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Edit People get back to work fast' }));
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Back to work fast');
    await user.click(screen.getByRole('button', { name: 'Save XLA' }));
    expect(await screen.findByText('Back to work fast')).toBeInTheDocument();
    const sent = host.callsTo(saveXla)[0];
    expect(sent?.['expectedVersion']).toBe(3);
    expect((sent?.['xla'] as { name: string }).name).toBe('Back to work fast');
  });

  it('puts server validation messages next to their fields', async () => {
    const user = userEvent.setup();
    const host = admin().fail(saveXla, {
      code: 'validation',
      message: 'The XLA is not valid.',
      fields: [{ field: 'name', message: 'an XLA with this name exists' }],
    });
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Edit People get back to work fast' }));
    await user.click(screen.getByRole('button', { name: 'Save XLA' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('an XLA with this name exists'),
    );
    expect(host.flags[0]).toEqual({
      appearance: 'error',
      title: 'Some fields need attention',
      description: 'The XLA is not valid.',
    });
  });

  it('previews the plan question live as the admin edits it', async () => {
    const user = userEvent.setup();
    const host = admin().answer(savePlan, { config: { ...config, version: 4 }, recompute: null });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    await user.click(screen.getByRole('button', { name: 'Edit Waiting check' }));
    const preview = screen.getByRole('complementary', { name: 'Preview of what the requester sees' });
    expect(within(preview).getAllByRole('radio')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Stars (5)' }));
    const question = screen.getByLabelText('Question');
    await user.clear(question);
    await user.type(question, 'How satisfied are you?');
    expect(within(preview).getByRole('radiogroup', { name: 'How satisfied are you?' })).toBeInTheDocument();
    expect(within(preview).getAllByRole('radio')).toHaveLength(5);
  });

  it('validates plan fields with the plan schema (reminder before expiry)', async () => {
    const user = userEvent.setup();
    renderApp(admin());
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    await user.click(screen.getByRole('button', { name: 'Edit Waiting check' }));
    const remind = screen.getByLabelText('Remind after');
    await user.clear(remind);
    await user.type(remind, '100');
    expect(remind).toHaveAccessibleDescription('must be before the expiry (72 h)');
  });

  it('refuses an import file that does not match the export schema, naming the field', async () => {
    const user = userEvent.setup();
    const host = admin();
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Import / export' }));
    const box = screen.getByLabelText('Configuration to import');
    await user.click(box);
    await user.paste(
      JSON.stringify({ format: 'sentio-config', version: 1, xlas: [{ ...defaultXla(), targetScore: 500 }], plans: [] }),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('xlas[0].targetScore')).toBeInTheDocument();
    expect(host.callsTo(importConfig)).toEqual([]);
  });

  it('starts a recompute and shows its progress', async () => {
    const user = userEvent.setup();
    const host = admin().answer(startRecompute, {
      jobId: 'j1',
      state: 'running',
      processed: 40,
      total: 200,
      startedAt: NOW,
      finishedAt: null,
      message: '',
    });
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Recompute scores' }));
    expect(await screen.findByText('Recomputing: 40 of 200 tickets done.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Recompute progress' })).toHaveAttribute('aria-valuenow', '0.2');
  });

  it('loads the audit log only when its tab opens', async () => {
    const user = userEvent.setup();
    const host = admin().answer(getAuditLog, {
      entries: [
        {
          id: 'a1',
          at: NOW,
          actorId: 'admin-1',
          actorName: 'Ada Admin',
          action: 'plan-saved',
          target: 'waiting-check',
          summary: 'Changed the question',
        },
      ],
      nextCursor: null,
    });
    renderApp(host);
    await screen.findByText('People get back to work fast');
    expect(host.callsTo(getAuditLog)).toEqual([]);
    await user.click(screen.getByRole('tab', { name: 'Audit log' }));
    expect(await screen.findByText('Changed the question')).toBeInTheDocument();
  });

  it('shows each actor by display name beside the account id, and the id alone when Jira had no name', async () => {
    const user = userEvent.setup();
    const host = admin().answer(getAuditLog, {
      entries: [
        {
          id: 'a1',
          at: NOW,
          actorId: 'admin-1',
          actorName: 'Ada Admin',
          action: 'plan-saved',
          target: 'waiting-check',
          summary: 'Changed the question',
        },
        {
          id: 'a2',
          at: NOW,
          actorId: 'gone-7',
          actorName: 'gone-7',
          action: 'xla-deleted',
          target: 'old',
          summary: 'XLA old deleted',
        },
      ],
      nextCursor: null,
    });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Audit log' }));
    const rows = await screen.findAllByRole('row');
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('cell')
        .at(-1),
    ).toHaveTextContent('Ada Admin (admin-1)');
    expect(
      within(rows[2] as HTMLElement)
        .getAllByRole('cell')
        .at(-1),
    ).toHaveTextContent(/^gone-7$/);
  });

  it('narrows project settings to the project and scopes new plans to it', async () => {
    const user = userEvent.setup();
    const other = SurveyPlanSchema.parse({
      ...plan,
      id: 'other',
      name: 'Other project plan',
      scope: { projectIds: ['999'] },
    });
    const host = hostFor('sentio-project-settings', { project: { id: '100', key: 'HELP' } })
      .answer(getConfig, { ...config, plans: [plan, other] })
      .answer(getRecomputeStatus, { status: null });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    expect(screen.getByText('Waiting check')).toBeInTheDocument();
    expect(screen.queryByText('Other project plan')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'New survey plan' }));
    expect(screen.getByLabelText('Projects (ids)')).toHaveValue('100');
  });

  it("offers the site's projects, request types and priorities as pickers once an editor opens, and saves their ids", async () => {
    const user = userEvent.setup();
    const host = admin()
      .answer(listScopeOptions, site)
      .answer(savePlan, { config: { ...config, version: 4 }, recompute: null });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    expect(host.callsTo(listScopeOptions)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Edit Waiting check' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Help desk (HELP)' }));
    // Only the chosen project's request types remain on offer.
    expect(screen.getByRole('checkbox', { name: 'Get IT help (HELP)' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'New starter (HR)' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Get IT help (HELP)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Highest' }));
    expect(screen.getAllByText('1 selected.')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(host.callsTo(savePlan)).toHaveLength(1));
    expect((host.callsTo(savePlan)[0]?.['plan'] as { scope: unknown }).scope).toEqual({
      projectIds: ['100'],
      requestTypeIds: ['rt-1'],
      priorities: ['1'],
    });
  });

  it('keeps a scope id Jira no longer lists visible so it can be removed', async () => {
    const user = userEvent.setup();
    const scoped = SurveyPlanSchema.parse({ ...plan, scope: { projectIds: ['999'] } });
    const host = admin()
      .answer(getConfig, { ...config, plans: [scoped] })
      .answer(listScopeOptions, site);
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    await user.click(screen.getByRole('button', { name: 'Edit Waiting check' }));
    const gone = await screen.findByRole('checkbox', { name: '999 (not found in Jira)' });
    expect(gone).toBeChecked();
    await user.click(gone);
    expect(screen.queryByRole('checkbox', { name: '999 (not found in Jira)' })).toBeNull();
    expect(screen.getByText('None ticked: every project.')).toBeInTheDocument();
  });

  it('falls back to typed ids when Jira cannot list the scope options', async () => {
    const user = userEvent.setup();
    const host = admin().fail(listScopeOptions, { code: 'unavailable', message: 'Jira is busy.' });
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Edit People get back to work fast' }));
    expect(await screen.findByText(/type their ids/)).toBeInTheDocument();
    expect(screen.getByLabelText('Request types (ids)')).toHaveValue('');
  });

  it('locks the project picker to the project on project settings', async () => {
    const user = userEvent.setup();
    const host = hostFor('sentio-project-settings', { project: { id: '100', key: 'HELP' } })
      .answer(getConfig, config)
      .answer(getRecomputeStatus, { status: null })
      .answer(listScopeOptions, site);
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    await user.click(screen.getByRole('button', { name: 'New survey plan' }));
    const project = await screen.findByRole('checkbox', { name: 'Help desk (HELP)' });
    expect(project).toBeChecked();
    expect(project).toBeDisabled();
    expect(screen.queryByRole('checkbox', { name: 'People team (HR)' })).toBeNull();
  });

  it('says plainly that a saved plan starts no recompute', async () => {
    const user = userEvent.setup();
    const host = admin().answer(savePlan, { config: { ...config, version: 4 }, recompute: null });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    await user.click(screen.getByRole('button', { name: 'Edit Waiting check' }));
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() =>
      expect(host.flags).toEqual([
        {
          appearance: 'success',
          title: 'Survey plan saved',
          description:
            'No recompute is needed: plans change when Sentio asks, not how answers already given are scored.',
        },
      ]),
    );
    expect(screen.getByText('No recompute has run yet.')).toBeInTheDocument();
  });

  it('shows the recompute a saved XLA started', async () => {
    const user = userEvent.setup();
    const running = {
      jobId: 'j2',
      state: 'running' as const,
      processed: 10,
      total: 50,
      startedAt: NOW,
      finishedAt: null,
      message: '',
    };
    const host = admin().answer(saveXla, { config: { ...config, version: 4 }, recompute: running });
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Edit People get back to work fast' }));
    await user.click(screen.getByRole('button', { name: 'Save XLA' }));
    expect(await screen.findByText('Recomputing: 10 of 50 tickets done.')).toBeInTheDocument();
    expect(host.flags).toEqual([
      { appearance: 'success', title: 'XLA saved', description: 'Scores are being recomputed.' },
    ]);
  });

  it('is prefetched with the configuration and the recompute status, each called once', async () => {
    const host = admin();
    const { callsBeforeRender } = await renderStarted(host);
    expect(callsBeforeRender).toEqual(['getConfig', 'getRecomputeStatus']);
    expect(await screen.findByRole('tab', { name: 'Survey plans' })).toBeInTheDocument();
    expect(host.calls.map((c) => c.name).sort()).toEqual(['getConfig', 'getRecomputeStatus']);
  });
});
