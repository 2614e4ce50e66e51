// @vitest-environment jsdom
import './support/setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getTicketExperience } from '@contracts/agent';
import { startGlance } from '../../static/src/glance/glance';
import { anExperience } from './support/builders';
import { mouthBend } from './support/face';
import { FakeHost } from './support/fake-host';
import { forgeTranslator } from '../i18n/forge-translations';

// The glance is its own resource (static/src/glance, plain DOM): rendered here without React.
function glanceHost(): FakeHost {
  return new FakeHost({ moduleKey: 'sentio-issue-context', extension: { issue: { key: 'HELP-7' } } });
}

function mount(host: FakeHost): { root: HTMLElement; started: Promise<void> } {
  const root = document.createElement('div');
  document.body.append(root);
  return { root, started: startGlance(root, host) };
}

afterEach(() => document.body.replaceChildren());

describe('issue context glance (resource glance)', () => {
  it('shows mood, risk and last score on one line, from one call', async () => {
    const host = glanceHost().answer(getTicketExperience, anExperience());
    await mount(host).started;
    const face = screen.getByRole('img', { name: 'Mood: Negative tone detected' });
    // A drawn face, not an emoji glyph that needs an emoji font: no text, an SVG whose mouth frowns.
    expect(face.textContent).toBe('');
    expect(mouthBend(face)).toBeLessThan(0);
    expect(screen.getByText('High risk')).toHaveClass('g-lozenge', 'g-removed');
    expect(screen.getByText('Last answer Dissatisfied (2 of 5)')).toBeInTheDocument();
    expect(host.calls).toEqual([{ name: 'getTicketExperience', payload: {} }]);
  });

  it('says there is no answer yet', async () => {
    await mount(
      glanceHost().answer(
        getTicketExperience,
        anExperience({ lastScore: null, risk: { level: 'low', score: 0.1, reasons: [] } }),
      ),
    ).started;
    expect(screen.getByText('No answer yet')).toBeInTheDocument();
    expect(screen.getByText('Low risk')).toHaveClass('g-success');
  });

  it('says it is loading until the answer comes', () => {
    mount(glanceHost().hang(getTicketExperience));
    expect(screen.getByRole('status')).toHaveTextContent('Loading experience');
  });

  it('shows a short message when the invoke fails, and tries again', async () => {
    const user = userEvent.setup();
    const host = glanceHost();
    await mount(host).started;
    expect(screen.getByRole('alert')).toHaveTextContent('Jira is busy or unreachable');
    expect(screen.getByRole('alert')).toHaveTextContent(/Sentio could not reach Jira/);
    host.answer(getTicketExperience, anExperience());
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Last answer Dissatisfied (2 of 5)')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('checks the answer with the contract', async () => {
    const host = glanceHost();
    host.answer(getTicketExperience, { issueKey: 'HELP-7' } as never);
    await mount(host).started;
    expect(screen.getByRole('alert')).toHaveTextContent(/got an answer it did not understand/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('passes on a refusal from the resolver without a retry', async () => {
    await mount(glanceHost().fail(getTicketExperience, { code: 'forbidden', message: 'You cannot see this ticket.' }))
      .started;
    expect(screen.getByRole('status')).toHaveTextContent('You do not have access to this');
    expect(screen.getByRole('status')).toHaveTextContent('You cannot see this ticket.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says a failed call in the agent’s language', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await startGlance(root, glanceHost(), await forgeTranslator('de-DE'));
    expect(screen.getByRole('alert')).toHaveTextContent('Jira ist ausgelastet oder nicht erreichbar');
    expect(screen.getByRole('alert')).toHaveTextContent(/Sentio konnte Jira nicht erreichen/);
  });
});
