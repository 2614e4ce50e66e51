// @vitest-environment jsdom
import './support/setup';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { answerAsk, getMyAsk } from '@contracts/portal';
import { aPendingAsk, aQuestion, NOW } from './support/builders';
import { findInNotice, hostFor, renderApp, renderStarted } from './support/fake-host';
import { mouthBend } from './support/face';

function portal() {
  return hostFor('sentio-portal-survey', { request: { key: 'HELP-7' } });
}

describe('portal micro-survey', () => {
  it('says in one quiet line that there is nothing to answer, instead of an empty panel', async () => {
    const host = portal().answer(getMyAsk, { ask: null });
    const { container } = renderApp(host);
    await waitFor(() => expect(host.callsTo(getMyAsk)).toHaveLength(1));
    await waitFor(() => expect(container.querySelector('[aria-busy]')).toBeNull());
    expect(container.textContent).toBe('No feedback question for you on this request right now.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('draws the five faces as shapes, from a frown to a smile, never as emoji glyphs', async () => {
    renderApp(portal().answer(getMyAsk, { ask: aPendingAsk() }));
    await screen.findByRole('radiogroup');
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.textContent)).toEqual(['', '', '', '', '']);
    const bends = radios.map((r) => mouthBend(r));
    expect(bends[0]).toBeLessThan(0);
    expect(bends[1]).toBeLessThan(0);
    expect(bends[2]).toBe(0);
    expect(bends[3]).toBeGreaterThan(0);
    expect(bends[4]).toBeGreaterThan(0);
    // Stronger feelings bend further.
    expect(bends[0]).toBeLessThan(bends[1] ?? 0);
    expect(bends[4]).toBeGreaterThan(bends[3] ?? 0);
  });

  it('shows the question as a radio group of five emoji and no follow-ups before a score', async () => {
    renderApp(portal().answer(getMyAsk, { ask: aPendingAsk() }));
    const group = await screen.findByRole('radiogroup', { name: 'How is it going with your request so far?' });
    expect(group.querySelectorAll('[role="radio"]')).toHaveLength(5);
    expect(screen.getByRole('radio', { name: 'Very happy' })).toHaveAttribute('aria-checked', 'false');
    expect(screen.queryByRole('button', { name: 'Slow' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('says when a question asked while the request was open was asked, so "so far" stays true after resolution', async () => {
    renderApp(portal().answer(getMyAsk, { ask: aPendingAsk() }));
    await screen.findByRole('radiogroup');
    const asked = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(
      new Date(Date.UTC(2026, 10, 21, 9)),
    );
    expect(screen.getByText(`Asked on ${asked}, while your request was open.`)).toBeInTheDocument();
    cleanup();
    // A question asked at resolution needs no such line.
    renderApp(portal().answer(getMyAsk, { ask: aPendingAsk({ askedWhileOpen: false }) }));
    await screen.findByRole('radiogroup');
    expect(screen.queryByText(/^Asked on /)).toBeNull();
  });

  it('says the request was resolved above the outcome question, instead of when the first question was asked', async () => {
    const outcome = 'How satisfied are you with how your request was resolved?';
    const base = aPendingAsk({ question: aQuestion({ text: outcome }) });
    renderApp(
      portal().answer(getMyAsk, { ask: { ...base, wording: { ...base.wording, text: outcome, stage: 'outcome' } } }),
    );
    expect(await screen.findByRole('radiogroup', { name: outcome })).toBeInTheDocument();
    // The English message file's portal.resolved.
    expect(screen.getByText('Your request has been resolved.')).toBeInTheDocument();
    expect(screen.queryByText(/^Asked on /)).toBeNull();
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
    expect(screen.getByText(/You answered/).parentElement).toHaveTextContent('You answered:Unhappy (2 of 5)');
    // Focus moved to the thanks, so a keyboard or screen-reader user hears how it went.
    expect(screen.getByText('Thanks for your feedback')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Change my answer' }));
    expect(screen.getByRole('radio', { name: 'Unhappy' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('button', { name: 'Slow' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('asks whether the old comment still fits when the answer moves to another band, and sends only once settled', async () => {
    const user = userEvent.setup();
    const answered = aPendingAsk({
      status: 'answered',
      answer: {
        score: 1,
        reasons: ['Slow'],
        comment: 'Nobody answers, this is awful',
        lostTimeChoiceId: null,
        answeredAt: NOW,
      },
    });
    const host = portal()
      .answer(getMyAsk, { ask: answered })
      .answer(answerAsk, (p) => ({
        ask: aPendingAsk({
          status: 'answered',
          answer: { score: Number(p.score), reasons: [], comment: null, lostTimeChoiceId: null, answeredAt: NOW },
        }),
      }));
    renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Change my answer' }));
    await user.click(screen.getByRole('radio', { name: 'Happy' }));
    expect(screen.getByText(/You wrote this comment with a low answer/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Remove it' }));
    expect(screen.getByLabelText('Anything else? (optional)')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(host.callsTo(answerAsk)).toHaveLength(1));
    expect(host.callsTo(answerAsk)[0]).toMatchObject({ score: 4, comment: null, reasons: [] });
  });

  it('keeps the comment when the requester says it still fits', async () => {
    const user = userEvent.setup();
    const host = portal()
      .answer(getMyAsk, { ask: aPendingAsk() })
      .answer(answerAsk, () => ({ ask: aPendingAsk({ status: 'answered' }) }));
    renderApp(host);
    await user.click(await screen.findByRole('radio', { name: 'Neither happy nor unhappy' }));
    await user.type(screen.getByLabelText('Anything else? (optional)'), 'It took a while');
    await user.click(screen.getByRole('radio', { name: 'Very unhappy' }));
    expect(screen.getByText(/You wrote this comment with a middling answer/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep my comment' }));
    expect(screen.queryByText(/You wrote this comment/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(host.callsTo(answerAsk)[0]).toMatchObject({ score: 1, comment: 'It took a while' }));
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
