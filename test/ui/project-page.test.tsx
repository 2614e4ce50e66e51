// @vitest-environment jsdom
import './support/setup';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getProjectDashboard, getWatermelonTickets } from '../../static/src/api/project-contract';
import { scorecardsToCsv } from '../../static/src/views/project/scorecard-csv';
import { aDashboard, aScorecard } from './support/builders';
import { hostFor, renderApp } from './support/fake-host';

function projectPage() {
  return hostFor('sentio-project-page', { project: { id: '100', key: 'HELP' } });
}

describe('project page', () => {
  it('shows each scorecard with score, interval, band, confidence, target and a real change', async () => {
    renderApp(projectPage().answer(getProjectDashboard, aDashboard()));
    const card = await screen.findByRole('article', { name: 'People get back to work fast: score 72 of 100, At risk' });
    expect(within(card).getByText('72')).toBeInTheDocument();
    expect(within(card).getByText('95 % interval 64–80')).toBeInTheDocument();
    expect(within(card).getByText(/Target 80 · high confidence/)).toBeInTheDocument();
    expect(within(card).getByText('-8 points vs previous window')).toBeInTheDocument();
    expect(within(card).getByText('Real change')).toBeInTheDocument();
  });

  it('says "Not enough data" and never shows 0 for a scorecard without enough answers', async () => {
    const thin = aScorecard({ score: null, interval: null, status: 'not-enough-data', confidence: 'low', sampleSize: 2, operationalOnly: false, experience: null });
    renderApp(projectPage().answer(getProjectDashboard, aDashboard({ scorecards: [thin] })));
    const card = await screen.findByRole('article', { name: 'People get back to work fast: Not enough data' });
    expect(within(card).getAllByText('Not enough data').length).toBeGreaterThan(0);
    expect(within(card).queryByText('0')).toBeNull();
    expect(within(card).queryByText(/interval/)).toBeNull();
  });

  it('draws the daily series with a gap and lists indicator contributions', async () => {
    renderApp(projectPage().answer(getProjectDashboard, aDashboard()));
    expect(await screen.findByRole('img', { name: /over 3 days, 2 days with data, target 80/ })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Indicators of People get back to work fast' });
    expect(within(table).getByText('39.2 pts')).toBeInTheDocument();
    expect(within(table).getByText('31/40')).toBeInTheDocument();
  });

  it('drills down from a flagged watermelon row to tickets that open with the router', async () => {
    const user = userEvent.setup();
    const host = projectPage()
      .answer(getProjectDashboard, aDashboard())
      .answer(getWatermelonTickets, { tickets: [{ issueKey: 'HELP-44', summary: 'Screen flickers', slaMet: true, lastScore: { kind: 'csat5', score: 2 }, mood: -0.7 }] });
    renderApp(host);
    const table = await screen.findByRole('table', { name: 'SLA met versus XLA score per request type' });
    expect(within(table).getByText('97 %')).toBeInTheDocument();
    expect(within(table).getByText('Not enough data')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: /Flagged/ }));
    expect(host.callsTo(getWatermelonTickets)).toEqual([{ requestTypeId: 'rt-1', window: { kind: 'rolling', days: 30 } }]);
    await user.click(await screen.findByRole('button', { name: 'HELP-44' }));
    expect(host.navigations).toEqual([{ kind: 'issue', issueKey: 'HELP-44' }]);
  });

  it('links at-risk tickets and filters verbatims by tone and text', async () => {
    const user = userEvent.setup();
    const host = projectPage().answer(getProjectDashboard, aDashboard());
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'HELP-3' }));
    expect(host.navigations).toEqual([{ kind: 'issue', issueKey: 'HELP-3' }]);
    expect(screen.getByText('2 of 2 shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Negative' }));
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
    expect(screen.queryByText('“Thanks, super quick!”')).toBeNull();
    await user.click(screen.getAllByRole('button', { name: 'All' })[0]!);
    await user.type(screen.getByLabelText('Contains'), 'quick');
    expect(screen.getByText('“Thanks, super quick!”')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
  });

  it('shows response rate and fatigue figures', async () => {
    renderApp(projectPage().answer(getProjectDashboard, aDashboard()));
    expect(await screen.findByText('57 %')).toBeInTheDocument();
    expect(screen.getByText(/Held back by fatigue rules: Cooldown 17/)).toBeInTheDocument();
  });

  it('reloads for the chosen window', async () => {
    const user = userEvent.setup();
    const host = projectPage().answer(getProjectDashboard, aDashboard());
    renderApp(host);
    await screen.findByText('Scorecards');
    await user.click(screen.getByRole('button', { name: '90 days' }));
    await screen.findByRole('article', { name: /People get back/ });
    expect(host.callsTo(getProjectDashboard)).toEqual([{}, { window: { kind: 'rolling', days: 90 } }]);
  });

  it('shows a load failure', async () => {
    renderApp(projectPage().fail(getProjectDashboard, { code: 'forbidden', message: 'You cannot browse this project.' }));
    expect(await screen.findByText('You cannot browse this project.')).toBeInTheDocument();
  });
});

describe('scorecard CSV', () => {
  it('writes one row per day, leaves days without data empty, and quotes names', () => {
    const csv = scorecardsToCsv([aScorecard({ name: 'Fast, friendly' })]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('xla,day,score,sample,status,target,window_score,window_lower,window_upper,confidence');
    expect(lines[1]).toBe('"Fast, friendly",2026-11-21,70,3,at-risk,80,72.4,64.1,79.8,high');
    expect(lines[2]).toBe('"Fast, friendly",2026-11-22,,0,at-risk,80,72.4,64.1,79.8,high');
  });

  it('defuses spreadsheet formulas in names', () => {
    expect(scorecardsToCsv([aScorecard({ name: '=HYPERLINK("x")', daily: [{ day: '2026-11-21', score: 1, sampleSize: 1, indicators: [] }] })])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('scorecard gadget', () => {
  it('asks to be configured when it names no project', async () => {
    renderApp(hostFor('sentio-scorecard-gadget', { gadgetConfiguration: {} }));
    expect(await screen.findByText('Choose a project')).toBeInTheDocument();
  });

  it('shows the configured project scorecards', async () => {
    const host = hostFor('sentio-scorecard-gadget', { gadgetConfiguration: { projectId: '100' } }).answer(getProjectDashboard, aDashboard());
    renderApp(host);
    expect(await screen.findByRole('article', { name: /People get back to work fast/ })).toBeInTheDocument();
    expect(host.callsTo(getProjectDashboard)).toEqual([{ projectId: '100' }]);
  });

  it('submits its configuration in edit mode', async () => {
    const user = userEvent.setup();
    const host = hostFor('sentio-scorecard-gadget', { entryPoint: 'edit', gadgetConfiguration: {} });
    renderApp(host);
    await user.type(await screen.findByLabelText('Service project id'), '100');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(host.submitted).toEqual([{ projectId: '100' }]);
  });
});
