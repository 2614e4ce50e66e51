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
import { SurveyPlanSchema, type SurveyPlan } from '@domain/survey-plan';
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
  return hostFor('sentio-admin-page')
    .answer(getConfig, config)
    .answer(getRecomputeStatus, { status: null })
    .answer(listScopeOptions, site);
}

describe('admin page', () => {
  it('loads config, recompute status and scope names in one round and lists XLAs by name', async () => {
    const scoped = { ...defaultXla(), scope: { projectIds: ['100'], requestTypeIds: ['rt-1'], priorities: ['1'] } };
    const host = admin().answer(getConfig, { ...config, xlas: [scoped] });
    renderApp(host);
    expect(await screen.findByText('People get back to work fast')).toBeInTheDocument();
    expect(host.calls.map((c) => c.name).sort()).toEqual(['getConfig', 'getRecomputeStatus', 'listScopeOptions']);
    expect(screen.getByText('No recompute has run yet.')).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /People get back to work fast/ });
    expect(await within(row).findByText('Help desk (HELP) · Get IT help · priority Highest')).toBeInTheDocument();
    // Indicators by name, never by id; a weight of 0 says it does not count.
    expect(row).toHaveTextContent(
      'Satisfaction, Comment tone, SLAs met, Not reopened, Few reassignments, Short waits, No chasers (shown, not counted)',
    );
    expect(row.textContent).not.toMatch(/\bcsat\b|\bsentiment\b|\breassign\b/);
  });

  it('explains weight, floor, target and prior beside their fields, and previews the score live', async () => {
    const user = userEvent.setup();
    renderApp(admin());
    await user.click(await screen.findByRole('button', { name: 'Edit People get back to work fast' }));
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
    const group = screen.getByRole('group', { name: 'Satisfaction (survey answers)' });
    expect(within(group).getByLabelText('Weight')).toHaveAccessibleDescription(/counts within its group/);
    expect(within(group).getByLabelText('Floor (0–1)')).toHaveAccessibleDescription(/scores 0/);
    expect(within(group).getByLabelText('Target (0–1)')).toHaveAccessibleDescription(/scores 100/);
    expect(within(group).getByLabelText('Prior (0–1)')).toHaveAccessibleDescription(/assumed before there is data/);

    const preview = screen.getByRole('complementary', { name: 'Preview of the score' });
    // Oracle, by hand (SCORING.md §2–3, default XLA): every rate at its prior scores
    // csat 100·(0.8−0.5)/0.4 = 75, sentiment 100·(0.85−0.6)/0.3 = 83.33, X = 0.8·75 + 0.2·83.33 = 76.67;
    // sla 80, reopen 88.24, reassign 100, wait 87.5 (chaser weight 0), O = 0.4·80 + 0.2·(88.24+100+87.5) = 87.15;
    // XLA = min(0.7·76.67 + 0.3·87.15, 76.67 + 10) = 79.8 → at risk (target 80).
    expect(within(preview).getByRole('status')).toHaveTextContent('Experience 76.7. Operations 87.1.');
    expect(preview).toHaveTextContent('79.8At risk');
    // Satisfaction at 90 % reaches its target: X = 0.8·100 + 0.2·83.33 = 96.67, XLA = 0.7·96.67 + 0.3·87.15 = 93.8.
    const rate = within(preview).getByLabelText('Example rate of Satisfaction');
    await user.clear(rate);
    await user.type(rate, '90');
    expect(preview).toHaveTextContent('93.8Met');
    // A lower target score moves the band, not the score.
    const target = screen.getByLabelText('Target score');
    await user.clear(target);
    await user.type(target, '95');
    expect(preview).toHaveTextContent('93.8At risk');
  });

  it('shows the schema message next to the field it is about, and does not save', async () => {
    const user = userEvent.setup();
    const host = admin();
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Edit People get back to work fast' }));
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
    const target = screen.getByLabelText('Target score');
    await user.clear(target);
    await user.type(target, '120');
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(target).toHaveAccessibleDescription(/^must be between 0 and 100 The XLA score that counts as met/);

    const group = screen.getByRole('group', { name: 'Satisfaction (survey answers)' });
    const floor = within(group).getByLabelText('Floor (0–1)');
    await user.clear(floor);
    await user.type(floor, '0.95');
    expect(floor).toHaveAccessibleDescription(
      /^must be below the target \(0.9\) The rate of good tickets that scores 0/,
    );

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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
    const preview = screen.getByRole('complementary', { name: 'Preview of what the requester sees' });
    expect(await within(preview).findAllByRole('radio')).toHaveLength(2);
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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
    const remind = screen.getByLabelText('Remind after');
    await user.clear(remind);
    await user.type(remind, '100');
    expect(remind).toHaveAccessibleDescription('must be before the expiry (72 h)');
  });

  it('refuses an import file that does not match the export schema, naming the XLA and the setting in words', async () => {
    const user = userEvent.setup();
    const host = admin();
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Import / export' }));
    await screen.findByLabelText('Configuration to import');
    const box = screen.getByLabelText('Configuration to import');
    await user.click(box);
    const { targetScore: _t, ...rest } = defaultXla();
    await user.paste(
      JSON.stringify({
        format: 'sentio-config',
        version: 1,
        xlas: [{ ...rest, target: 80, halfLifeDays: 'thirty' }],
        plans: [],
      }),
    );
    const notice = await screen.findByText('This file cannot be imported');
    const problems = within(notice.closest('section') ?? document.body).getAllByRole('listitem');
    expect(problems.map((p) => p.textContent)).toEqual([
      'XLA “People get back to work fast” › half-life: should be a number',
      'XLA “People get back to work fast”: has a setting Sentio does not know: “target”. Remove it, or export the configuration again from the site it came from.',
    ]);
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(host.callsTo(importConfig)).toEqual([]);
  });

  it('says plainly when the file is not JSON or not a Sentio export', async () => {
    const user = userEvent.setup();
    renderApp(admin());
    await user.click(await screen.findByRole('tab', { name: 'Import / export' }));
    await screen.findByLabelText('Configuration to import');
    const box = screen.getByLabelText('Configuration to import');
    await user.click(box);
    await user.paste('{ "xlas": [ }');
    expect(await screen.findByText(/it is not valid JSON/)).toBeInTheDocument();
    await user.clear(box);
    await user.paste('{ "xlas": [] }');
    expect(await screen.findByText(/This is not a file exported by Sentio/)).toBeInTheDocument();
  });

  it('previews an import as differences, and asks before "replace everything" removes anything', async () => {
    const user = userEvent.setup();
    const edited = {
      ...defaultXla(),
      targetScore: 75,
      scope: { projectIds: ['100'], requestTypeIds: [], priorities: [] },
    };
    const added = SurveyPlanSchema.parse({ ...plan, id: 'at-resolution', name: 'At resolution' });
    const host = admin().answer(importConfig, {
      config: { xlas: [edited], plans: [added], version: 4 },
      recompute: null,
    });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Import / export' }));
    await screen.findByLabelText('Configuration to import');
    await user.click(screen.getByLabelText('Configuration to import'));
    await user.paste(JSON.stringify({ format: 'sentio-config', version: 1, xlas: [edited], plans: [added] }));
    const preview = await screen.findByRole('region', { name: 'What the import changes' });
    expect(preview).toHaveTextContent('Importing adds 1, changes 1; 0 stay as they are.');
    expect(preview).toHaveTextContent('Plan “At resolution”');
    expect(preview).toHaveTextContent('Scope › projects: every project → Help desk (HELP)');
    expect(preview).toHaveTextContent('Target score: 80 → 75');
    expect(preview).toHaveTextContent('Kept (not in the file)Plan “Waiting check”');

    await user.click(screen.getByRole('button', { name: 'Replace everything' }));
    expect(preview).toHaveTextContent('Importing adds 1, changes 1 and removes 1; 0 stay as they are.');
    expect(preview).toHaveTextContent('Removed (not in the file)Plan “Waiting check”');
    await user.click(screen.getByRole('button', { name: 'Replace everything…' }));
    // Nothing is written until the admin confirms what will be removed.
    expect(host.callsTo(importConfig)).toEqual([]);
    await user.click(await screen.findByRole('button', { name: 'Replace and remove 1 item' }));
    await waitFor(() => expect(host.callsTo(importConfig)).toHaveLength(1));
    expect(host.callsTo(importConfig)[0]).toMatchObject({ mode: 'replace', expectedVersion: 3 });
  });

  // Oracle: a file in the format before chip ids (version 1: chips as words, translated place by
  // place), written out here; the ids expected are FNV-1a 64 of "<band>\u001f<words>", computed in
  // Python, as in test/platform/chip-ids-migration.test.ts.
  it('imports a file exported before chip ids: the preview names chips by their words, and ids are kept', async () => {
    const user = userEvent.setup();
    const host = admin().answer(importConfig, { config, recompute: null });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Import / export' }));
    await user.click(await screen.findByLabelText('Configuration to import'));
    const before = {
      ...plan,
      followUps: { ...plan.followUps, reasonChips: { negative: ['Slow'], neutral: [], positive: ['Fast'] } },
      translations: { 'de-DE': { text: '', reasonChips: { negative: ['Langsam'], neutral: [], positive: [''] } } },
    };
    await user.paste(JSON.stringify({ format: 'sentio-config', version: 1, xlas: [], plans: [before] }));
    const preview = await screen.findByRole('region', { name: 'What the import changes' });
    expect(preview).toHaveTextContent('chip “Slow”');
    expect(preview).toHaveTextContent('chip “Fast”');
    expect(preview).toHaveTextContent(/chip “Slow”: none → “Langsam”/);
    expect(preview.textContent).not.toMatch(/r-[0-9a-f]{16}/);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(host.callsTo(importConfig)).toHaveLength(1));
    const sent = host.callsTo(importConfig)[0]?.['config'] as { plans: SurveyPlan[] };
    expect(sent.plans[0]?.followUps.reasonChips).toEqual({
      negative: [{ id: 'r-0aa5ca0d5d10a646', label: 'Slow' }],
      neutral: [],
      positive: [{ id: 'r-f378bf599ade3c09', label: 'Fast' }],
    });
    expect(sent.plans[0]?.translations).toEqual({
      'de-DE': { text: '', reasonChips: { 'r-0aa5ca0d5d10a646': 'Langsam' } },
    });
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

  it('filters the audit log by kind and by person or name', async () => {
    const user = userEvent.setup();
    const entry = (
      id: string,
      actorName: string,
      action: 'plan-saved' | 'xla-saved',
      target: string,
      summary: string,
    ) => ({
      id,
      at: NOW,
      actorId: `${id}-actor`,
      actorName,
      action,
      target,
      summary,
    });
    const host = admin().answer(getAuditLog, {
      entries: [
        entry('a1', 'Ada Admin', 'plan-saved', 'waiting-check', 'Plan "Waiting check" changed fatigue, question'),
        entry('a2', 'Ben Boss', 'xla-saved', 'experience', 'XLA "People get back to work fast" changed targetScore'),
      ],
      nextCursor: null,
    });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Audit log' }));
    expect(await screen.findByText('Changed fatigue rules, question.')).toBeInTheDocument();
    expect(screen.getByText('Changed target score.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'XLAs' }));
    expect(screen.getByText(/loaded entries shown/)).toHaveTextContent('1 of 2 loaded entries shown.');
    expect(screen.queryByText('Ada Admin')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Everything' }));
    await user.type(screen.getByLabelText('Person or name contains'), 'ada');
    expect(screen.getByText('Ada Admin')).toBeInTheDocument();
    expect(screen.queryByText('Ben Boss')).toBeNull();
  });

  it('shows each actor by display name, never by account id, and names what changed', async () => {
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
    const cells = (i: number) =>
      within(rows[i] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(1).slice(1)).toEqual(['Ada Admin', 'Plan saved', 'Waiting check', 'Changed the question']);
    expect(cells(2).slice(1)).toEqual(['Someone Jira no longer lists', 'XLA deleted', 'A deleted XLA', 'Deleted.']);
    expect(screen.queryByText(/admin-1|gone-7/)).toBeNull();
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
      .answer(getRecomputeStatus, { status: null })
      .fail(listScopeOptions, { code: 'unavailable', message: 'Jira is busy.' });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    expect(screen.getByText('Waiting check')).toBeInTheDocument();
    expect(screen.queryByText('Other project plan')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'New survey plan' }));
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
    expect(screen.getByLabelText('Projects (ids)')).toHaveValue('100');
  });

  it("offers the site's projects, request types and priorities as pickers, and saves their ids", async () => {
    const user = userEvent.setup();
    const host = admin()
      .answer(listScopeOptions, site)
      .answer(savePlan, { config: { ...config, version: 4 }, recompute: null });
    renderApp(host);
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    expect(host.callsTo(listScopeOptions)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Edit Waiting check' }));
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
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
    await screen.findByRole('button', { name: /^Save (XLA|plan)$/ });
    await user.click(screen.getByRole('button', { name: 'Save XLA' }));
    expect(await screen.findByText('Recomputing: 10 of 50 tickets done.')).toBeInTheDocument();
    expect(host.flags).toEqual([
      { appearance: 'success', title: 'XLA saved', description: 'Scores are being recomputed.' },
    ]);
  });

  it('is prefetched with the configuration, the recompute status and the scope names, each called once', async () => {
    const host = admin();
    const { callsBeforeRender } = await renderStarted(host);
    expect(callsBeforeRender).toEqual(['getConfig', 'getRecomputeStatus', 'listScopeOptions']);
    expect(await screen.findByRole('tab', { name: 'Survey plans' })).toBeInTheDocument();
    expect(host.calls.map((c) => c.name).sort()).toEqual(['getConfig', 'getRecomputeStatus', 'listScopeOptions']);
  });

  it('counts a running recompute as "x of N" and says when the total is not known yet', async () => {
    const base = { jobId: 'j3', startedAt: NOW, finishedAt: null, message: '' };
    renderApp(admin().answer(getRecomputeStatus, { status: { ...base, state: 'running', processed: 7, total: null } }));
    expect(await screen.findByText('Recomputing: 7 tickets done so far.')).toBeInTheDocument();
  });

  it('tells someone who is not an admin once, without the editors', async () => {
    renderApp(
      hostFor('sentio-admin-page')
        .fail(getConfig, { code: 'forbidden', message: 'Only Jira administrators can change Sentio.' })
        .answer(getRecomputeStatus, { status: null })
        .answer(listScopeOptions, site),
    );
    expect(await screen.findByText('Only Jira administrators can change Sentio.')).toBeInTheDocument();
    expect(screen.getAllByText('You do not have access to this')).toHaveLength(1);
    expect(screen.queryByRole('tab')).toBeNull();
  });
});
