// @vitest-environment jsdom
import './support/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  exportCsv,
  getAtRiskTickets,
  getResponseStats,
  getScorecards,
  getVerbatims,
  getWatermelon,
  getWatermelonTickets,
} from '@contracts/project';
import { aScorecard, aWatermelon, someAtRisk, someResponseStats, someVerbatims } from './support/builders';
import { findInNotice, hostFor, renderApp, renderStarted, type FakeHost } from './support/fake-host';

function projectPage(scorecards = [aScorecard()]): FakeHost {
  return hostFor('sentio-project-page', { project: { id: '100', key: 'HELP' } })
    .answer(getScorecards, { projectId: '100', window: '30d', scorecards })
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
    expect(within(card).getByText(/Target 80 · high confidence/)).toBeInTheDocument();
    expect(within(card).getByText('-8 points vs previous window')).toBeInTheDocument();
    expect(within(card).getByText('Real change')).toBeInTheDocument();
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
    expect(within(card).queryByText('0')).toBeNull();
    expect(within(card).queryByText(/interval/)).toBeNull();
  });

  it('draws the daily series with a gap and lists indicator contributions', async () => {
    renderApp(projectPage());
    expect(await screen.findByRole('img', { name: /over 3 days, 2 days with data, target 80/ })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Indicators of People get back to work fast' });
    expect(within(table).getByText('39.2 pts')).toBeInTheDocument();
    expect(within(table).getByText('31/40')).toBeInTheDocument();
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
    expect(within(table).getByText('97 %')).toBeInTheDocument();
    expect(within(table).getByText('Not enough data')).toBeInTheDocument();
    // Named as JSM names it; a request type Jira did not name falls back to its id.
    expect(within(table).getByText('Get IT help')).toBeInTheDocument();
    expect(within(table).getByText('Request type rt-2')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: /Flagged/ }));
    expect(host.callsTo(getWatermelonTickets)).toEqual([{ requestTypeId: 'rt-1', window: '30d' }]);
    await user.click(await screen.findByRole('button', { name: 'HELP-44' }));
    expect(host.navigations).toEqual([{ kind: 'issue', issueKey: 'HELP-44' }]);
  });

  it('lists at-risk tickets with their reasons and opens them with the router', async () => {
    const user = userEvent.setup();
    const host = projectPage();
    renderApp(host);
    expect(await screen.findByText(/Requester asked for an update twice · last answer/)).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'HELP-3' })[0]!);
    expect(host.navigations).toEqual([{ kind: 'issue', issueKey: 'HELP-3' }]);
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
                requestTypeId: null,
                requestTypeName: null,
              },
            ],
            nextCursor: null,
          }
        : someVerbatims({ nextCursor: 'page-2' }),
    );
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('“Still down”')).toBeInTheDocument();
    expect(screen.getByText('3 of 3 shown')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows response rate and fatigue figures, leaving out rules that held nothing back', async () => {
    renderApp(projectPage());
    expect(await screen.findByText('57 %')).toBeInTheDocument();
    expect(screen.getByText('Held back by fatigue rules: Cooldown 17 · Ask already pending 3')).toBeInTheDocument();
    expect(screen.getByText('1.3')).toBeInTheDocument();
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
    renderApp(projectPage().fail(getScorecards, { code: 'forbidden', message: 'You cannot browse this project.' }));
    expect(await findInNotice('You cannot browse this project.')).toBeInTheDocument();
    expect(await screen.findByText('57 %')).toBeInTheDocument();
  });
});

describe('scorecard gadget', () => {
  it('is prefetched with its project, and only when configured and not editing', async () => {
    const host = hostFor('sentio-scorecard-gadget', { gadgetConfiguration: { projectId: '100' } }).answer(
      getScorecards,
      { projectId: '100', window: '30d', scorecards: [aScorecard()] },
    );
    const { callsBeforeRender } = await renderStarted(host);
    expect(callsBeforeRender).toEqual(['getScorecards']);
    await screen.findByRole('article', { name: /People get back/ });
    expect(host.callsTo(getScorecards)).toEqual([{ window: '30d', projectId: '100' }]);
    const editing = hostFor('sentio-scorecard-gadget', {
      entryPoint: 'edit',
      gadgetConfiguration: { projectId: '100' },
    });
    expect((await renderStarted(editing)).callsBeforeRender).toEqual([]);
  });

  it('asks to be configured when it names no project', async () => {
    renderApp(hostFor('sentio-scorecard-gadget', { gadgetConfiguration: {} }));
    expect(await findInNotice('Choose a project')).toBeInTheDocument();
  });

  it('shows the configured project scorecards, naming the project in its one call', async () => {
    const host = hostFor('sentio-scorecard-gadget', { gadgetConfiguration: { projectId: '100' } }).answer(
      getScorecards,
      { projectId: '100', window: '30d', scorecards: [aScorecard()] },
    );
    renderApp(host);
    expect(await screen.findByRole('article', { name: /People get back to work fast/ })).toBeInTheDocument();
    expect(host.calls.map((c) => c.name)).toEqual(['getScorecards']);
    expect(host.callsTo(getScorecards)).toEqual([{ window: '30d', projectId: '100' }]);
  });

  it('submits its configuration in edit mode, refusing a project key', async () => {
    const user = userEvent.setup();
    const host = hostFor('sentio-scorecard-gadget', { entryPoint: 'edit', gadgetConfiguration: {} });
    renderApp(host);
    const field = await screen.findByLabelText('Service project id');
    await user.type(field, 'HELP');
    expect(screen.getByText('A project id is a number, e.g. 10001.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.clear(field);
    await user.type(field, '100');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(host.submitted).toEqual([{ projectId: '100' }]);
  });
});
