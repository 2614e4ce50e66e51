// @vitest-environment jsdom
import './support/setup';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  exportCsv,
  getAtRiskTickets,
  getGadgetProjects,
  getResponseStats,
  getScorecards,
  getVerbatims,
  getWatermelon,
  getWatermelonTickets,
} from '@contracts/project';
import { createClient } from '../../static/src/api/client';
import { App } from '../../static/src/app/app';
import { startView } from '../../static/src/app/routes';
import { forgeTranslator } from '../i18n/forge-translations';
import { aScorecard, aWatermelon, someAtRisk, someResponseStats, someVerbatims } from './support/builders';
import { findInNotice, hostFor, renderApp, renderStarted, type FakeHost } from './support/fake-host';

/** Intl, the oracle for how English writes a percentage ("80%"). */
const pct = (x: number) => new Intl.NumberFormat('en-US', { style: 'percent' }).format(x);

function projectPage(scorecards = [aScorecard()]): FakeHost {
  return hostFor('sentio-project-page', { project: { id: '100', key: 'HELP' } })
    .answer(getScorecards, { projectId: '100', projectName: null, window: '30d', scorecards })
    .answer(getWatermelon, aWatermelon())
    .answer(getAtRiskTickets, someAtRisk())
    .answer(getVerbatims, (p) => {
      const all = someVerbatims();
      return { ...all, verbatims: all.verbatims.filter((v) => p['band'] === undefined || v.band === p['band']) };
    })
    .answer(getResponseStats, someResponseStats());
}

describe('project page', () => {
  it('starts every section in one round of calls, all for the default 30-day window', async () => {
    const host = projectPage();
    renderApp(host);
    await screen.findByRole('article', { name: /People get back/ });
    expect(host.calls.map((c) => c.name).sort()).toEqual([
      'getAtRiskTickets',
      'getResponseStats',
      'getScorecards',
      'getVerbatims',
      'getWatermelon',
    ]);
    expect(host.callsTo(getScorecards)).toEqual([{ window: '30d' }]);
  });

  it('is prefetched with exactly its first round: the view reuses those calls and makes none twice', async () => {
    const host = projectPage();
    const { callsBeforeRender } = await renderStarted(host);
    expect(callsBeforeRender).toEqual([
      'getAtRiskTickets',
      'getResponseStats',
      'getScorecards',
      'getVerbatims',
      'getWatermelon',
    ]);
    await screen.findByRole('article', { name: /People get back/ });
    await screen.findByText('“Thanks, super quick!”');
    expect(host.calls.map((c) => c.name).sort()).toEqual(callsBeforeRender);
  });

  it('calls again, not from the prefetch, when the window changes', async () => {
    const user = userEvent.setup();
    const host = projectPage();
    await renderStarted(host);
    await screen.findByRole('article', { name: /People get back/ });
    await user.click(within(screen.getByRole('group', { name: 'Window' })).getByRole('button', { name: '7 days' }));
    await waitFor(() => expect(host.callsTo(getScorecards)).toEqual([{ window: '30d' }, { window: '7d' }]));
  });

  it('shows each scorecard with score, interval, band, confidence, target and a real change', async () => {
    renderApp(projectPage());
    const card = await screen.findByRole('article', { name: 'People get back to work fast: score 72 of 100, At risk' });
    expect(within(card).getByText('72')).toBeInTheDocument();
    expect(within(card).getByText('95 % interval 64–80')).toBeInTheDocument();
    expect(within(card).getByText('Target 80 · last 30 days')).toBeInTheDocument();
    // Confidence stays SCORING.md §3's (Σ n_eff = 41.2 ≥ 30: high), worded as the amount of data; the
    // precision is the interval's width, 79.8 − 64.1 = 15.7 → "moderate interval (16 points)".
    expect(within(card).getByText('Plenty of data (≈ 41 answers) · moderate interval (16 points)')).toBeInTheDocument();
    expect(within(card).getByText('-8 points vs previous window (real change)')).toBeInTheDocument();
    // The band says why: 72.4 is under the target 80 by less than 20.
    expect(within(card).getByText('At risk: 72 is below the target 80, by less than 20 points.')).toBeInTheDocument();
    // The headline's arithmetic, from the builder's X = 70 and O = 90: 0.7 × 70 + 0.3 × 90 = 76.
    expect(within(card).getByText(/Score = 0.7 × 70.0 \+ 0.3 × 90.0 .* = 76.0/)).toBeInTheDocument();
  });

  it('says "Not enough data" and never shows 0 for a scorecard without enough answers', async () => {
    const thin = aScorecard({
      score: null,
      interval: null,
      status: 'not-enough-data',
      confidence: 'low',
      sampleSize: 2,
      operationalOnly: false,
      experience: null,
    });
    renderApp(projectPage([thin]));
    const card = await screen.findByRole('article', { name: 'People get back to work fast: Not enough data' });
    expect(within(card).getAllByText('Not enough data').length).toBeGreaterThan(0);
    // "27 of 200"-style: Σ n_eff 2 of the minimum 5.
    expect(within(card).getAllByText('Not enough data: 2 of 5 answers needed')[0]).toBeVisible();
    expect(within(card).queryByText('0')).toBeNull();
    expect(within(card).queryByText(/95 % interval/)).toBeNull();
    expect(within(card).queryByText(/confidence|Plenty of data/)).toBeNull();
  });

  it('draws the daily series with a gap and lists indicator contributions', async () => {
    renderApp(projectPage());
    expect(
      await screen.findByRole('group', { name: /over 3 days, 2 days with data, target 80, window score 72/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 of 3 days had no answers or scored comments/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Indicators of People get back to work fast' });
    expect(within(table).getByText('39.2')).toBeInTheDocument();
    // The contribution's arithmetic, by hand: 70 × 80 % × 70 % = 39.2.
    expect(
      within(table).getByText(`70.0 × ${pct(0.8)} of experience × ${pct(0.7)} (experience share) = 39.2 points.`),
    ).toBeInTheDocument();
    expect(within(table).getByText('31 good of 40')).toBeInTheDocument();
  });

  it('drills down from a flagged watermelon row to tickets that open with the router', async () => {
    const user = userEvent.setup();
    const host = projectPage().answer(getWatermelonTickets, {
      tickets: [
        { issueKey: 'HELP-44', slaMet: true, lastScore: { kind: 'csat5', score: 2 }, mood: -0.7, at: Date.now() },
      ],
      scanned: 12,
      complete: true,
    });
    renderApp(host);
    const table = await screen.findByRole('table', { name: 'SLA met versus XLA score per request type' });
    expect(within(table).getByText(pct(0.97))).toBeInTheDocument();
    expect(within(table).getByText('Not enough data')).toBeInTheDocument();
    // Named as JSM names it; a request type Jira did not name falls back to its id.
    expect(within(table).getByText('Get IT help')).toBeInTheDocument();
    expect(within(table).getByText('Request type rt-2')).toBeInTheDocument();
    // The verdict says why: operations 95 ≥ 80 while csat's upper bound 55 % < 70 %.
    expect(
      within(table).getByText(
        `Operations score 95 (≥ 80) looks green, yet satisfaction is at best ${pct(0.55)}, under ${pct(0.7)}`,
        { exact: false },
      ),
    ).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Show tickets' }));
    expect(host.callsTo(getWatermelonTickets)).toEqual([{ requestTypeId: 'rt-1', window: '30d' }]);
    // The drill-down says how many of the row's tickets it lists.
    expect(
      await screen.findByText(/^1 ticket met the SLA .* of 22 with experience data in this window\.$/),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('link', { name: 'HELP-44' }));
    expect(host.navigations).toEqual([{ kind: 'issue', issueKey: 'HELP-44', newTab: false }]);
  });

  it('lists at-risk tickets with their reasons and opens them with the router', async () => {
    const user = userEvent.setup();
    const host = projectPage();
    renderApp(host);
    const table = await screen.findByRole('table', { name: /Open tickets at risk/ });
    const keys = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('link')[0]?.textContent);
    expect(within(table).getByText('Requester asked for an update twice')).toBeInTheDocument();
    expect(within(table).getByText('Very dissatisfied (1 of 5)')).toBeInTheDocument();
    expect(within(table).getByText('negative (−0.60)')).toBeInTheDocument();
    // Riskiest first; a click on a header sorts by it, a second click reverses.
    expect(keys()).toEqual(['HELP-12', 'HELP-3']);
    await user.click(within(table).getByRole('button', { name: /Ticket/ }));
    expect(keys()).toEqual(['HELP-3', 'HELP-12'].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    await user.click(within(table).getByRole('button', { name: /Ticket/ }));
    expect(keys()).toEqual(['HELP-12', 'HELP-3']);
    // Assignee by display name, age in the unit people use; sorting by age puts the oldest first.
    const row12 = within(table).getByRole('row', { name: /HELP-12/ });
    expect(within(row12).getByText('Sam Rivera')).toBeInTheDocument();
    expect(within(row12).getByText('3 days')).toBeInTheDocument();
    const row3 = within(table).getByRole('row', { name: /HELP-3/ });
    expect(within(row3).getByText('Unassigned')).toBeInTheDocument();
    expect(within(row3).getByText('5 hr')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: /Age/ }));
    expect(keys()).toEqual(['HELP-12', 'HELP-3']);
    await user.click(within(table).getByRole('button', { name: /Age/ }));
    expect(keys()).toEqual(['HELP-3', 'HELP-12']);
    await user.click(within(table).getByRole('button', { name: /Assignee/ }));
    // A to Z, and a ticket nobody is assigned to last.
    expect(keys()).toEqual(['HELP-12', 'HELP-3']);
    const link = within(table).getByRole('link', { name: 'HELP-3' });
    expect(link).toHaveAttribute('target', '_blank');
    await user.click(link);
    expect(host.navigations).toEqual([{ kind: 'issue', issueKey: 'HELP-3', newTab: true }]);
  });

  it('filters verbatims by tone on the server and by text on the page', async () => {
    const user = userEvent.setup();
    const host = projectPage();
    renderApp(host);
    expect(await screen.findByText('2 of 2 shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Negative' }));
    expect(await screen.findByText('1 of 1 shown')).toBeInTheDocument();
    expect(host.callsTo(getVerbatims)).toEqual([
      { window: '30d', limit: 25 },
      { window: '30d', band: 'negative', limit: 25 },
    ]);
    expect(screen.queryByText('“Thanks, super quick!”')).toBeNull();
    await user.click(screen.getAllByRole('button', { name: 'All' })[0]!);
    await user.type(await screen.findByLabelText('Contains'), 'quick');
    expect(await screen.findByText('“Thanks, super quick!”')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
  });

  it('counts the reason chips requesters picked beside the verbatims; a chip filters the list', async () => {
    const user = userEvent.setup();
    renderApp(projectPage());
    const counts = await screen.findByRole('region', { name: 'Reasons requesters picked' });
    expect(within(counts).getByText('Reasons picked in the 3 survey answers loaded')).toBeInTheDocument();
    const slow = within(counts).getByRole('button', { name: 'Slow: picked 2 times (negative answers)' });
    expect(within(counts).getByRole('button', { name: 'Fast: picked 1 time (positive answers)' })).toBeInTheDocument();
    await user.click(slow);
    expect(slow).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByText('1 of 2 shown')).toBeInTheDocument();
    expect(screen.getByText('“Nobody called me back”')).toBeInTheDocument();
    expect(screen.queryByText('“Thanks, super quick!”')).toBeNull();
    await user.click(slow);
    expect(await screen.findByText('2 of 2 shown')).toBeInTheDocument();
  });

  it("asks for the chips' words in the reader's language, in the prefetch and in the view alike", async () => {
    // Oracle: the getVerbatims contract — the server words each chip in `locale` (absent: English),
    // so a German page that left it out would show every chip in English.
    const host = projectPage();
    const context = { ...host.context, locale: 'de-DE' };
    const client = createClient(host);
    await startView(context, client);
    render(<App host={host} context={context} client={client} messages={await forgeTranslator('de-DE')} />);
    await screen.findByText(/Thanks, super quick!/);
    expect(host.callsTo(getVerbatims)).toEqual([{ window: '30d', locale: 'de-DE' }]);
  });

  it('loads the next page of verbatims with the cursor', async () => {
    const user = userEvent.setup();
    const host = projectPage().answer(getVerbatims, (p) =>
      p['cursor'] === 'page-2'
        ? {
            verbatims: [
              {
                id: 'v9',
                issueKey: 'HELP-9',
                at: 1,
                source: 'comment' as const,
                text: 'Still down',
                band: 'negative' as const,
                score: null,
                reasons: [],
                reasonIds: [],
                requestTypeId: null,
                requestTypeName: null,
              },
            ],
            nextCursor: null,
            reasonCounts: [{ chipId: 'Slow', reason: 'Slow', band: 'negative' as const, count: 1 }],
            answersRead: 1,
          }
        : someVerbatims({ nextCursor: 'page-2' }),
    );
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('“Still down”')).toBeInTheDocument();
    expect(screen.getByText('3 of 3 shown')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    // The pages' chip counts add up: 2 + 1 "Slow" in 3 + 1 answers.
    expect(screen.getByText('Reasons picked in the 4 survey answers loaded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Slow: picked 3 times (negative answers)' })).toBeInTheDocument();
  });

  it('shows response rate and fatigue figures, leaving out rules that held nothing back', async () => {
    renderApp(projectPage());
    expect(await screen.findByText('57%')).toBeInTheDocument();
    // The denominator is said: 54 answered of 54 + 40 closed; 120 − 94 = 26 still waiting.
    expect(
      screen.getByText(
        /Answered ÷ closed asks: 54 answered of 94 that were answered or expired\. 26 still waiting are not counted/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('26')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Held back by fatigue rules: 17 asks (asked the same person too recently) and 3 asks (an earlier ask was still waiting).',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('1.3')).toBeInTheDocument();
    // 1.3 asks per requester is under the fatigue line of 2.
    expect(screen.queryByText(/Survey fatigue:/)).toBeNull();
  });

  it('says what share of requester comments went unscored for their language, with its denominator', async () => {
    renderApp(projectPage());
    // Hand-computed from the figures: 20 of 250 comments = 8 %.
    expect(
      await screen.findByText(
        '8% of requester comments in this window were not scored (language): 20 of 250 comments.',
      ),
    ).toBeInTheDocument();
    const figure = screen.getByText('Not scored (language)').closest('div');
    expect(figure).not.toBeNull();
    expect(within(figure as HTMLElement).getByText('8%')).toBeInTheDocument();
  });

  it('says so when no requester comment was written in the window', async () => {
    const host = projectPage().answer(getResponseStats, {
      ...someResponseStats(),
      requesterComments: 0,
      notScoredLanguage: 0,
    });
    renderApp(host);
    expect(
      await screen.findByText('No requester comments in this window, so none went unscored for their language.'),
    ).toBeInTheDocument();
  });

  it('reloads every section for the chosen window', async () => {
    const user = userEvent.setup();
    const host = projectPage();
    renderApp(host);
    await screen.findByRole('article', { name: /People get back/ });
    await user.click(screen.getByRole('button', { name: '90 days' }));
    await screen.findByRole('article', { name: /People get back/ });
    await waitFor(() => expect(host.callsTo(getResponseStats)).toEqual([{ window: '30d' }, { window: '90d' }]));
    expect(host.callsTo(getScorecards)).toEqual([{ window: '30d' }, { window: '90d' }]);
    expect(host.callsTo(getWatermelon)).toEqual([{ window: '30d' }, { window: '90d' }]);
  });

  it('exports the CSV the server writes', async () => {
    const user = userEvent.setup();
    const host = projectPage().answer(exportCsv, { filename: 'sentio-xla-100-30d.csv', csv: '"xla_id"\r\n' });
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:x';
    };
    URL.revokeObjectURL = () => undefined;
    renderApp(host);
    await screen.findByRole('article', { name: /People get back/ });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(host.callsTo(exportCsv)).toEqual([{ window: '30d' }]));
    await waitFor(() => expect(created).toHaveLength(1));
  });

  it('shows a section failure beside the sections that loaded', async () => {
    renderApp(projectPage().fail(getScorecards, { code: 'unavailable', message: 'Jira is busy. Try again.' }));
    expect(await findInNotice('Jira is busy. Try again.')).toBeInTheDocument();
    expect(await screen.findByText('57%')).toBeInTheDocument();
  });

  it('says "no access" once for the page and disables its controls', async () => {
    const refuse = { code: 'forbidden' as const, message: 'You cannot browse this project.' };
    renderApp(
      projectPage()
        .fail(getScorecards, refuse)
        .fail(getWatermelon, refuse)
        .fail(getAtRiskTickets, refuse)
        .fail(getResponseStats, refuse),
    );
    expect(await findInNotice('You cannot browse this project.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText('You do not have access to this')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '7 days' })).toBeDisabled();
    expect(screen.queryByText('What requesters said')).toBeNull();
  });
});

describe('scorecard gadget', () => {
  const IT = { id: '100', key: 'HELP', name: 'Help desk' };
  const HR = { id: '200', key: 'HR', name: 'People team' };
  const second = aScorecard({ xlaId: 'onboarding', name: 'New starters ready on day one' });

  it('is prefetched with its project and window when configured, and with the projects of its picker when editing', async () => {
    const host = hostFor('sentio-scorecard-gadget', { gadgetConfiguration: { projectId: '100', window: '7d' } }).answer(
      getScorecards,
      { projectId: '100', projectName: 'Help desk', window: '7d', scorecards: [aScorecard()] },
    );
    const { callsBeforeRender } = await renderStarted(host);
    expect(callsBeforeRender).toEqual(['getScorecards']);
    await screen.findByRole('article', { name: /People get back/ });
    // The view asks what the prefetch asked: one call.
    expect(host.callsTo(getScorecards)).toEqual([{ window: '7d', projectId: '100' }]);
    cleanup();
    const editing = hostFor('sentio-scorecard-gadget', {
      entryPoint: 'edit',
      gadgetConfiguration: { projectId: '100' },
    })
      .answer(getGadgetProjects, { projects: [IT], truncated: false })
      .answer(getScorecards, { projectId: '100', projectName: null, window: '30d', scorecards: [aScorecard()] });
    expect((await renderStarted(editing)).callsBeforeRender).toEqual(['getGadgetProjects']);
    expect(await screen.findByLabelText('Service project')).toHaveValue('100');
    expect(editing.callsTo(getGadgetProjects)).toHaveLength(1);
    cleanup();
    const unconfigured = hostFor('sentio-scorecard-gadget', { gadgetConfiguration: {} });
    expect((await renderStarted(unconfigured)).callsBeforeRender).toEqual([]);
  });

  it('asks to be configured when it names no project', async () => {
    renderApp(hostFor('sentio-scorecard-gadget', { gadgetConfiguration: {} }));
    expect(await findInNotice('Choose a project')).toBeInTheDocument();
  });

  it("names its project and window, and shows the chosen XLA's scorecard only", async () => {
    const host = hostFor('sentio-scorecard-gadget', {
      gadgetConfiguration: { projectId: '100', xlaId: 'onboarding' },
    }).answer(getScorecards, {
      projectId: '100',
      projectName: 'Help desk',
      window: '30d',
      scorecards: [aScorecard(), second],
    });
    renderApp(host);
    expect(await screen.findByRole('heading', { name: 'Help desk · last 30 days' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /New starters ready/ })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: /People get back/ })).toBeNull();
    expect(host.calls.map((c) => c.name)).toEqual(['getScorecards']);
    expect(host.callsTo(getScorecards)).toEqual([{ window: '30d', projectId: '100' }]);
  });

  it('says when the chosen XLA no longer covers the project', async () => {
    const host = hostFor('sentio-scorecard-gadget', {
      gadgetConfiguration: { projectId: '100', xlaId: 'retired', window: 'month' },
    }).answer(getScorecards, {
      projectId: '100',
      projectName: 'Help desk',
      window: 'month',
      scorecards: [aScorecard()],
    });
    renderApp(host);
    expect(await screen.findByRole('heading', { name: 'Help desk · this month' })).toBeInTheDocument();
    expect(await findInNotice('The chosen XLA no longer covers this project')).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('edits with pickers: the projects the person may browse by name, that project’s XLAs, the window', async () => {
    const user = userEvent.setup();
    const host = hostFor('sentio-scorecard-gadget', { entryPoint: 'edit', gadgetConfiguration: {} })
      .answer(getGadgetProjects, { projects: [IT, HR], truncated: false })
      .answer(getScorecards, (p) => ({
        projectId: String(p['projectId']),
        projectName: null,
        window: '30d' as const,
        scorecards: p['projectId'] === '200' ? [second] : [aScorecard()],
      }));
    renderApp(host);
    const project = await screen.findByLabelText('Service project');
    expect(
      within(project)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a project', 'Help desk (HELP)', 'People team (HR)']);
    // Nothing to save before a project is chosen; no id to type.
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.selectOptions(project, 'People team (HR)');
    const xla = await screen.findByLabelText('XLA');
    expect(
      within(xla)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Every XLA that covers the project', 'New starters ready on day one']);
    expect(host.callsTo(getScorecards)).toEqual([{ projectId: '200', window: '30d' }]);
    await user.selectOptions(xla, 'New starters ready on day one');
    await user.click(screen.getByRole('button', { name: '90 days' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(host.submitted).toEqual([{ projectId: '200', xlaId: 'onboarding', window: '90d' }]);
  });

  it('keeps a saved configuration, and says when the saved project is no longer offered', async () => {
    const user = userEvent.setup();
    const saved = hostFor('sentio-scorecard-gadget', {
      entryPoint: 'edit',
      gadgetConfiguration: { projectId: '100', xlaId: 'experience', window: '7d' },
    })
      .answer(getGadgetProjects, { projects: [IT], truncated: true })
      .answer(getScorecards, { projectId: '100', projectName: null, window: '7d', scorecards: [aScorecard()] });
    renderApp(saved);
    expect(await screen.findByLabelText('Service project')).toHaveValue('100');
    expect(await screen.findByLabelText('XLA')).toHaveValue('experience');
    expect(screen.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/more service projects than this list shows/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved.submitted).toEqual([{ projectId: '100', xlaId: 'experience', window: '7d' }]);
    cleanup();

    const gone = hostFor('sentio-scorecard-gadget', {
      entryPoint: 'edit',
      gadgetConfiguration: { projectId: '300' },
    }).answer(getGadgetProjects, { projects: [IT], truncated: false });
    renderApp(gone);
    const picker = await screen.findByLabelText('Service project');
    expect(picker).toHaveValue('');
    expect(within(picker).getAllByRole('option')[0]?.textContent).toBe(
      'The saved project is not available to you: choose one',
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});
