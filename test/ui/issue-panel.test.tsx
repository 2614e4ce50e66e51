// @vitest-environment jsdom
import './support/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { askNow, getTicketExperience, markFollowUpDone, type TicketExperienceView } from '@contracts/agent';
import { anExperience, NOW } from './support/builders';
import { findInNotice, hostFor, renderApp, renderStarted } from './support/fake-host';

function panel() {
  return hostFor('sentio-issue-panel', { issue: { key: 'HELP-7', id: '10007' } });
}

describe('agent issue panel', () => {
  it('shows a skeleton while the experience loads', async () => {
    renderApp(panel().hang(getTicketExperience));
    expect(await screen.findByRole('status', { name: 'Loading' })).toHaveAttribute('aria-busy', 'true');
  });

  it('shows mood with its trajectory, risk with reasons, asks and the timeline with verbatims', async () => {
    renderApp(panel().answer(getTicketExperience, anExperience()));
    expect(await screen.findByText('Negative tone detected')).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'Comment tone went from 0.20 to -0.42 over 3 comments' }),
    ).toBeInTheDocument();
    // Both sources of mood, each named: the answer the requester gave and the tone of their comments.
    const mood = screen.getByRole('region', { name: 'Requester mood' });
    expect(within(mood).getByText('Survey answer')).toBeInTheDocument();
    expect(within(mood).getByText('Dissatisfied (2 of 5)')).toBeInTheDocument();
    expect(within(mood).getByText('Tone of their comments')).toBeInTheDocument();
    // Indicator chips state what happened, in words.
    const chips = screen.getByRole('list', { name: 'Experience indicators' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.sentio-lozenge')?.textContent),
    ).toEqual(['SLA breached', 'Not resolved yet']);
    expect(screen.getByText('High risk')).toBeInTheDocument();
    expect(screen.getByText('Time to first response breached')).toBeInTheDocument();
    expect(screen.getByText('“This is still broken and nobody answers.”')).toBeInTheDocument();
    expect(screen.getByText('SLA breached: Time to first response')).toBeInTheDocument();
    expect(screen.getByText('Mid-flight check')).toBeInTheDocument();
    expect(screen.getByText(/answered Dissatisfied \(2 of 5\)/)).toBeInTheDocument();
    expect(screen.getByText('1 plan did not ask')).toBeInTheDocument();
    expect(screen.getByText(/The requester was asked less than 72 hours ago/)).toBeInTheDocument();
  });

  it('asks for feedback now and lists the new ask', async () => {
    const user = userEvent.setup();
    const host = panel()
      .answer(getTicketExperience, anExperience({ asks: [] }))
      .answer(askNow, {
        outcome: 'asked',
        ask: {
          id: 'ask-9',
          planId: 'manual',
          planName: 'Agent request',
          waypoint: 'manual',
          status: 'pending',
          questionKind: 'emoji5',
          questionText: 'How are we doing?',
          createdAt: NOW,
          expiresAt: NOW + 3_600_000,
          score: null,
          midFlight: true,
        },
      });
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Ask for feedback now' }));
    expect(await screen.findByText('Agent request')).toBeInTheDocument();
    expect(host.callsTo(askNow)).toEqual([{ planId: 'quick-check' }]);
    expect(host.flags).toEqual([
      { appearance: 'success', title: 'Survey sent', description: 'The requester sees it on the portal request page.' },
    ]);
  });

  it('explains a refused ask in a flag', async () => {
    const user = userEvent.setup();
    const host = panel()
      .answer(getTicketExperience, anExperience())
      .answer(askNow, { outcome: 'refused', reason: 'pending', message: 'A survey is already waiting for an answer.' });
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Ask for feedback now' }));
    await waitFor(() =>
      expect(host.flags).toEqual([
        { appearance: 'warning', title: 'No survey sent', description: 'A survey is already waiting for an answer.' },
      ]),
    );
  });

  it('lets the agent pick among the manual plans and asks with the chosen one', async () => {
    const user = userEvent.setup();
    const host = panel()
      .answer(
        getTicketExperience,
        anExperience({
          manualPlans: [
            { planId: 'quick-check', planName: 'Quick check', refusal: null },
            { planId: 'effort', planName: 'Effort check', refusal: null },
          ],
        }),
      )
      .answer(askNow, { outcome: 'refused', reason: 'sampled-out', message: 'not in the 50 % sample this time' });
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Effort check' }));
    await user.click(screen.getByRole('button', { name: 'Ask for feedback now' }));
    await waitFor(() => expect(host.callsTo(askNow)).toEqual([{ planId: 'effort' }]));
    // The refusal stays beside the choice, not only in a passing flag.
    expect(
      await screen.findByText('“Effort check” cannot ask now. Not in the 50 % sample this time.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ask for feedback now' })).toBeDisabled();
  });

  it('shows why a plan cannot ask before the agent tries, and picks one that can', async () => {
    const user = userEvent.setup();
    const host = panel().answer(
      getTicketExperience,
      anExperience({
        manualPlans: [
          {
            planId: 'quick-check',
            planName: 'Quick check',
            refusal: {
              reason: 'cooldown',
              message: 'the requester was last asked 2 h ago; the plan waits 72 h between asks',
            },
          },
          { planId: 'effort', planName: 'Effort check', refusal: null },
        ],
      }),
    );
    renderApp(host);
    expect(await screen.findByRole('button', { name: 'Effort check' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Ask for feedback now' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Quick check' }));
    expect(
      screen.getByText(
        '“Quick check” cannot ask now. The requester was last asked 2 h ago; the plan waits 72 h between asks.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ask for feedback now' })).toBeDisabled();
  });

  it('says so when no plan lets agents ask on this ticket', async () => {
    renderApp(panel().answer(getTicketExperience, anExperience({ manualPlans: [] })));
    expect(
      await screen.findByText(/No survey plan lets agents ask on this ticket\. A Jira admin can add one/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ask for feedback now' })).toBeDisabled();
  });

  it('marks the follow-up done, drops the banner and shows the risk as the server now has it', async () => {
    const user = userEvent.setup();
    const lowScore = { code: 'low-score', text: 'Low survey answer with no follow-up yet' };
    const before = anExperience({ risk: { level: 'high', score: 80, reasons: [lowScore] } });
    const after = anExperience({
      followUp: { needed: true, doneAt: NOW, doneBy: 'agent-1' },
      risk: { level: 'medium', score: 40, reasons: [] },
    });
    let loads = 0;
    const host = panel()
      .answer(getTicketExperience, () => (loads++ === 0 ? before : after))
      .answer(markFollowUpDone, { followUp: { needed: true, doneAt: NOW, doneBy: 'agent-1' } });
    renderApp(host);
    expect(await screen.findByText('Low survey answer with no follow-up yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Follow-up done' }));
    expect(await screen.findByText(/Followed up/)).toBeInTheDocument();
    expect(screen.queryByText('The requester gave a low score')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Follow-up done' })).toBeNull();
    expect(await screen.findByText('Medium risk')).toBeInTheDocument();
    expect(screen.queryByText('Low survey answer with no follow-up yet')).toBeNull();
  });

  it('shows an action error from the server as an error flag', async () => {
    const user = userEvent.setup();
    const host = panel()
      .answer(getTicketExperience, anExperience())
      .fail(markFollowUpDone, { code: 'unavailable', message: 'Jira is busy; try again in a moment.' });
    renderApp(host);
    await screen.findByText('The requester gave a low score');
    await user.click(screen.getByRole('button', { name: 'Follow-up done' }));
    await waitFor(() =>
      expect(host.flags).toEqual([
        {
          appearance: 'error',
          title: 'Jira is busy or unreachable',
          description: 'Jira is busy; try again in a moment.',
        },
      ]),
    );
  });

  it('says once, at the top, that access was taken away, and disables every control', async () => {
    const user = userEvent.setup();
    const host = panel()
      .answer(getTicketExperience, anExperience())
      .fail(markFollowUpDone, { code: 'forbidden', message: 'You need permission to browse this issue.' });
    renderApp(host);
    await screen.findByText('The requester gave a low score');
    await user.click(screen.getByRole('button', { name: 'Follow-up done' }));
    expect(await findInNotice('You need permission to browse this issue.')).toBeInTheDocument();
    expect(screen.getAllByText('You do not have access to this')).toHaveLength(1);
    expect(host.flags).toEqual([]);
    expect(screen.getByRole('button', { name: 'Follow-up done' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Ask for feedback now' })).toBeDisabled();
  });

  it('shows a refused load as the one no-access message, with nothing to click', async () => {
    renderApp(
      panel().fail(getTicketExperience, { code: 'forbidden', message: 'You need permission to browse this issue.' }),
    );
    expect(await findInNotice('You need permission to browse this issue.')).toBeInTheDocument();
    expect(screen.getAllByText('You do not have access to this')).toHaveLength(1);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('says when nothing is known yet', async () => {
    renderApp(
      panel().answer(
        getTicketExperience,
        anExperience({
          mood: null,
          moodLabel: 'unknown',
          moodTrajectory: [],
          timeline: [],
          asks: [],
          planDecisions: [],
          followUp: null,
          risk: { level: 'low', score: 0, reasons: [] },
        }),
      ),
    );
    expect(await screen.findByText('No requester comments scored yet')).toBeInTheDocument();
    expect(screen.getByText(/No signals yet/)).toBeInTheDocument();
    expect(screen.getByText('No survey has been sent on this ticket.')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /tone went/ })).toBeNull();
  });

  it('shows a failed load with a retry', async () => {
    renderApp(
      panel().fail(getTicketExperience, { code: 'internal', message: 'Sentio hit an unexpected error (ref 42).' }),
    );
    expect(await findInNotice('Sentio hit an unexpected error (ref 42).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says the answer did not match the contract instead of rendering garbage', async () => {
    const host = panel();
    host.answer(getTicketExperience, { issueKey: 'HELP-7' } as never);
    renderApp(host);
    expect(await findInNotice(/got an answer it did not understand/)).toBeInTheDocument();
  });
});

describe('the SLA chip', () => {
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  type Sla = NonNullable<Extract<TicketExperienceView['sla'], { read: 'read' }>['slas'][number]>;
  const sla = (patch: Partial<Sla>): Sla => ({
    name: 'Time to resolution',
    state: 'on-track',
    remainingMs: 5 * HOUR,
    breachedBefore: false,
    ...patch,
  });

  async function chipFor(reading: TicketExperienceView['sla']) {
    renderApp(panel().answer(getTicketExperience, anExperience({ sla: reading })));
    const chips = await screen.findByRole('list', { name: 'Experience indicators' });
    const item = within(chips).getAllByRole('listitem')[0];
    return {
      text: item?.querySelector('.sentio-explain-term')?.textContent,
      explained: within(item as HTMLElement).getByRole('tooltip').textContent,
    };
  }

  // Oracle: the words worked out by hand from each SLA's milliseconds (JSM's remainingTime).
  it.each([
    [
      'SLA breached Time to resolution, 2 hours 5 minutes overdue',
      sla({ state: 'breached', remainingMs: -(2 * HOUR + 5 * MINUTE) }),
    ],
    ['SLA at risk Time to resolution, 20 minutes left', sla({ state: 'at-risk', remainingMs: 20 * MINUTE })],
    ['SLA paused Time to resolution, 3 hours left', sla({ state: 'paused', remainingMs: 3 * HOUR })],
    [
      'SLA on track Time to resolution, 2 days 2 hours left',
      sla({ state: 'on-track', remainingMs: 50 * HOUR + 30 * MINUTE }),
    ],
    ['SLA met Time to resolution, 40 minutes to spare', sla({ state: 'met', remainingMs: 40 * MINUTE })],
    ['SLA breached Time to resolution', sla({ state: 'breached', remainingMs: null })],
    [
      'SLA on track Time to resolution, 5 hours left (an earlier cycle breached)',
      sla({ state: 'on-track', breachedBefore: true }),
    ],
  ])('says “%s”', async (words, one) => {
    expect((await chipFor({ read: 'read', slas: [one] })).text).toBe(words);
  });

  it('leads with the worst SLA and explains every one', async () => {
    const { text, explained } = await chipFor({
      read: 'read',
      slas: [
        sla({ name: 'Time to first response', state: 'breached', remainingMs: -90 * MINUTE }),
        sla({ name: 'Time to resolution', state: 'paused', remainingMs: 6 * HOUR }),
      ],
    });
    expect(text).toBe('SLA breached Time to first response, 1 hour 30 minutes overdue');
    expect(explained).toMatch(
      /^Time to first response: breached, 1 hour 30 minutes overdue\.Time to resolution: paused, 6 hours left\./,
    );
  });

  it('says the SLA could not be read when Jira did not answer', async () => {
    expect((await chipFor({ read: 'failed' })).text).toBe('SLA could not be read');
  });

  it('says when no SLA runs on the request', async () => {
    expect((await chipFor({ read: 'read', slas: [] })).text).toBe('No SLA running');
  });
});

describe('issue panel prefetch', () => {
  it('is prefetched with its one call, which the panel then uses', async () => {
    const host = panel().answer(getTicketExperience, anExperience());
    const { callsBeforeRender } = await renderStarted(host);
    expect(callsBeforeRender).toEqual(['getTicketExperience']);
    expect(await screen.findByText('Feedback asks')).toBeInTheDocument();
    expect(host.calls.map((c) => c.name)).toEqual(['getTicketExperience']);
  });
});
