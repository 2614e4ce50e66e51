// @vitest-environment jsdom
import './support/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { answerAsk, getMyAsk } from '@contracts/portal';
import { aPendingAsk, aQuestion, NOW } from './support/builders';
import { findInNotice, hostFor, renderApp, renderStarted } from './support/fake-host';

function portal() {
  return hostFor('sentio-portal-survey', { request: { key: 'HELP-7' } });
}

describe('portal micro-survey', () => {
  it('renders nothing when there is no ask for this requester', async () => {
    const host = portal().answer(getMyAsk, { ask: null });
    const { container } = renderApp(host);
    await waitFor(() => expect(host.callsTo(getMyAsk)).toHaveLength(1));
    await waitFor(() => expect(container.querySelector('[aria-busy]')).toBeNull());
    expect(container.textContent).toBe('');
  });

  it('shows the question as a radio group of five emoji and no follow-ups before a score', async () => {
    renderApp(portal().answer(getMyAsk, { ask: aPendingAsk() }));
    const group = await screen.findByRole('radiogroup', { name: 'How is it going with your request so far?' });
    expect(group.querySelectorAll('[role="radio"]')).toHaveLength(5);
    expect(screen.getByRole('radio', { name: 'Very happy' })).toHaveAttribute('aria-checked', 'false');
    expect(screen.queryByRole('button', { name: 'Slow' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it.each([
    ['csat5', 5],
    ['ces7', 7],
    ['happiness10', 11],
    ['thumbs', 2],
  ] as const)('draws %s as %i tap targets', async (kind, count) => {
    renderApp(portal().answer(getMyAsk, { ask: aPendingAsk({ question: aQuestion({ kind }) }) }));
    await screen.findByRole('radiogroup');
    expect(screen.getAllByRole('radio')).toHaveLength(count);
  });

  it('moves and chooses with the arrow keys, with one tab stop for the group', async () => {
    const user = userEvent.setup();
    renderApp(portal().answer(getMyAsk, { ask: aPendingAsk() }));
    await screen.findByRole('radiogroup');
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Very unhappy' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    const neutral = screen.getByRole('radio', { name: 'Neither happy nor unhappy' });
    expect(neutral).toHaveFocus();
    expect(neutral).toHaveAttribute('aria-checked', 'true');
    expect(
      within(screen.getByRole('radiogroup'))
        .getAllByRole('radio')
        .filter((r) => r.tabIndex === 0),
    ).toEqual([neutral]);
    await user.keyboard('{End}');
    expect(screen.getByRole('radio', { name: 'Very happy' })).toHaveAttribute('aria-checked', 'true');
  });

  it('shows the reason chips of the chosen score band and drops chips of another band', async () => {
    const user = userEvent.setup();
    renderApp(portal().answer(getMyAsk, { ask: aPendingAsk() }));
    await user.click(await screen.findByRole('radio', { name: 'Unhappy' }));
    await user.click(screen.getByRole('button', { name: 'Slow' }));
    expect(screen.getByRole('button', { name: 'Slow' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: 'Fast' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Very happy' }));
    expect(screen.queryByRole('button', { name: 'Slow' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Fast' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('sends score, chips, comment and lost time, then thanks with "change my answer"', async () => {
    const user = userEvent.setup();
    const host = portal()
      .answer(getMyAsk, { ask: aPendingAsk() })
      .answer(answerAsk, (p) => ({
        ask: aPendingAsk({
          status: 'answered',
          answer: {
            score: Number(p.score),
            reasons: ['Slow'],
            comment: 'Took ages',
            lostTimeChoiceId: 'under-1h',
            answeredAt: NOW,
          },
        }),
      }));
    renderApp(host);
    await user.click(await screen.findByRole('radio', { name: 'Unhappy' }));
    await user.click(screen.getByRole('button', { name: 'Slow' }));
    await user.type(screen.getByLabelText('Anything else? (optional)'), '  Took ages ');
    await user.click(screen.getByRole('radio', { name: 'Less than an hour' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByText('Thanks for your feedback')).toBeInTheDocument();
    expect(host.callsTo(answerAsk)).toEqual([
      { askId: 'ask-1', score: 2, reasons: ['Slow'], comment: 'Took ages', lostTimeChoiceId: 'under-1h' },
    ]);
    expect(screen.getByText(/You answered/)).toHaveTextContent('Unhappy');

    await user.click(screen.getByRole('button', { name: 'Change my answer' }));
    expect(screen.getByRole('radio', { name: 'Unhappy' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('button', { name: 'Slow' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('offers no change once the ask is no longer editable', async () => {
    const answered = aPendingAsk({
      status: 'answered',
      editable: false,
      answer: { score: 5, reasons: [], comment: null, lostTimeChoiceId: null, answeredAt: NOW },
    });
    renderApp(portal().answer(getMyAsk, { ask: answered }));
    expect(await screen.findByText('Thanks for your feedback')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change my answer' })).toBeNull();
  });

  it('says why an answer was refused, and keeps the form', async () => {
    const user = userEvent.setup();
    const host = portal()
      .answer(getMyAsk, { ask: aPendingAsk() })
      .fail(answerAsk, { code: 'refused', message: 'This survey has expired.', reason: 'expired' });
    renderApp(host);
    await user.click(await screen.findByRole('radio', { name: 'Happy' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await findInNotice('This survey has expired.')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup')).toBeInTheDocument();
  });

  it('shows a message with a retry when loading fails', async () => {
    const user = userEvent.setup();
    const host = portal().fail(getMyAsk, { code: 'unavailable', message: 'Jira is rate-limiting requests.' });
    renderApp(host);
    expect(await findInNotice('Jira is rate-limiting requests.')).toBeInTheDocument();
    host.answer(getMyAsk, { ask: aPendingAsk() });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('radiogroup')).toBeInTheDocument();
  });

  it('reuses the prefetched ask, and calls again on "Try again" after a prefetched failure', async () => {
    const user = userEvent.setup();
    const host = portal().fail(getMyAsk, { code: 'unavailable', message: 'Jira is rate-limiting requests.' });
    const { callsBeforeRender } = await renderStarted(host);
    expect(callsBeforeRender).toEqual(['getMyAsk']);
    expect(await findInNotice('Jira is rate-limiting requests.')).toBeInTheDocument();
    expect(host.callsTo(getMyAsk)).toHaveLength(1);
    host.answer(getMyAsk, { ask: aPendingAsk() });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('radiogroup')).toBeInTheDocument();
    expect(host.callsTo(getMyAsk)).toHaveLength(2);
  });
});
