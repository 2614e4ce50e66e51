// @vitest-environment jsdom
/**
 * The portal survey in the requester's language: every word from the message files as Forge
 * resolves them (@forge/i18n over locales/*.json), the question and chips from the resolver's
 * wording, the locale sent with each call. Expected words are written out by hand.
 */
import './support/setup';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { answerAsk, getMyAsk, type PortalAskView } from '@contracts/portal';
import type { Locale } from '@domain/i18n';
import { App } from '../../static/src/app/app';
import { aPendingAsk, aQuestion } from './support/builders';
import { hostFor } from './support/fake-host';
import { forgeTranslator } from '../i18n/forge-translations';

const germanAsk: PortalAskView = aPendingAsk({
  question: aQuestion({ kind: 'csat5', text: 'Wie läuft es bisher?' }),
  wording: {
    locale: 'de-DE',
    text: 'Wie läuft es bisher?',
    stage: 'asked',
    reasonChips: {
      negative: [
        { value: 'Slow', label: 'Langsam' },
        { value: 'Not fixed', label: 'Nicht behoben' },
      ],
      neutral: [{ value: 'Could be faster', label: 'Könnte schneller sein' }],
      positive: [
        { value: 'Fast', label: 'Schnell' },
        { value: 'Friendly', label: 'Freundlich' },
      ],
    },
  },
});

async function renderIn(locale: Locale, ask: PortalAskView) {
  const host = hostFor('sentio-portal-survey', { request: { key: 'HELP-7' } });
  const context = { ...host.context, locale };
  host.answer(getMyAsk, { ask });
  host.answer(answerAsk, (p) => ({
    ask: {
      ...ask,
      status: 'answered' as const,
      answer: {
        score: Number(p.score),
        reasons: p.reasons as string[],
        comment: null,
        lostTimeChoiceId: null,
        answeredAt: 0,
      },
    },
  }));
  render(<App host={host} context={context} messages={await forgeTranslator(locale)} />);
  return host;
}

describe('the portal survey in the requester’s language', () => {
  it('asks a German requester in German and records the English chip', async () => {
    const host = await renderIn('de-DE', germanAsk);
    const group = await screen.findByRole('radiogroup');
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 von 5 Sternen, Sehr unzufrieden',
      '2 von 5 Sternen, Unzufrieden',
      '3 von 5 Sternen, Neutral',
      '4 von 5 Sternen, Zufrieden',
      '5 von 5 Sternen, Sehr zufrieden',
    ]);
    expect(group.closest('form')?.textContent).toContain('Wie läuft es bisher?');
    await userEvent.click(screen.getAllByRole('radio')[1] as HTMLElement);
    expect(screen.getByText('Woran lag es? (optional)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Langsam' }));
    await userEvent.click(screen.getByRole('button', { name: 'Senden' }));
    await screen.findByText('Danke für Ihr Feedback');
    expect(host.callsTo(getMyAsk)[0]).toEqual({ locale: 'de-DE' });
    expect(host.callsTo(answerAsk)[0]).toMatchObject({ reasons: ['Slow'], locale: 'de-DE' });
    expect(screen.getByText('Unzufrieden (2 von 5)')).toBeTruthy();
  });

  it('labels a Japanese requester’s 0–10 scale ends and buttons in Japanese', async () => {
    await renderIn('ja-JP', aPendingAsk({ question: aQuestion({ kind: 'happiness10' }) }));
    await screen.findByRole('radiogroup');
    expect(screen.getAllByText('まったく満足していない').length).toBeGreaterThan(0);
    expect(screen.getAllByText('非常に満足している').length).toBeGreaterThan(0);
    expect(screen.getAllByRole('radio')[10]?.getAttribute('aria-label')).toBe('10、非常に満足している');
    expect(screen.getByRole('button', { name: '送信' })).toBeTruthy();
  });

  it('says there is nothing to answer in French', async () => {
    const host = hostFor('sentio-portal-survey', { request: { key: 'HELP-7' } }).answer(getMyAsk, { ask: null });
    const { container } = render(
      <App host={host} context={{ ...host.context, locale: 'fr-FR' }} messages={await forgeTranslator('fr-FR')} />,
    );
    await waitFor(() =>
      expect(container.textContent).toBe("Aucune question ne vous attend sur cette demande pour l'instant."),
    );
  });

  it('tells a German requester in German that Jira took too long, and keeps the answer to send again', async () => {
    const host = hostFor('sentio-portal-survey', { request: { key: 'HELP-7' } });
    host.answer(getMyAsk, { ask: germanAsk });
    // The bridge's own failure, as Forge words it for developers: the requester must never see it.
    host.invoke = async (name, payload) => {
      host.calls.push({ name, payload });
      if (name === answerAsk.name) throw new Error('FUNCTION_TIME_OUT: the function timed out');
      return { ok: true, data: { ask: germanAsk } };
    };
    render(
      <App host={host} context={{ ...host.context, locale: 'de-DE' }} messages={await forgeTranslator('de-DE')} />,
    );
    await screen.findByRole('radiogroup');
    await userEvent.click(screen.getAllByRole('radio')[3] as HTMLElement);
    await userEvent.click(screen.getByRole('button', { name: 'Senden' }));
    expect(await screen.findByText('Jira ist ausgelastet oder nicht erreichbar')).toBeTruthy();
    expect(
      screen.getByText('Jira hat zu lange für die Antwort gebraucht. Versuchen Sie es gleich noch einmal.'),
    ).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/FUNCTION_TIME_OUT|took too long/);
    expect(screen.getByRole('button', { name: 'Senden' })).toBeTruthy();
  });
});
