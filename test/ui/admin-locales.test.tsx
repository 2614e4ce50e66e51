// @vitest-environment jsdom
/**
 * The admin page in the admin's language, and a survey plan worded per language beside English.
 * The page's words come from locales/admin/*.json for the context's locale; the preview's from the
 * requester's files as Forge resolves them (@forge/i18n). Expected words are written out by hand,
 * from the German, Japanese and English a reader would expect — not computed from the files.
 */
import './support/setup';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type ConfigView, getConfig, getRecomputeStatus, listScopeOptions, savePlan, saveXla } from '@contracts/admin';
import type { Locale } from '@domain/i18n';
import { SurveyPlanSchema } from '@domain/survey-plan';
import { defaultXla } from '@domain/xla';
import { App } from '../../static/src/app/app';
import { forgeTranslator } from '../i18n/forge-translations';
import { chips } from '../support/chips';
import { hostFor } from './support/fake-host';

const plan = SurveyPlanSchema.parse({
  id: 'mid-flight',
  name: 'Mid-flight check',
  waypoint: { kind: 'first-response' },
  question: { kind: 'emoji5', text: 'How is it going so far?' },
  followUps: { reasonChips: { negative: chips('Slow', 'Not fixed'), neutral: [], positive: chips('Fast') } },
  translations: { 'de-DE': { text: '', reasonChips: { Slow: 'Langsam' } } },
});
const config: ConfigView = { xlas: [defaultXla()], plans: [plan], version: 3 };

function adminHost() {
  return hostFor('sentio-admin-page')
    .answer(getConfig, config)
    .answer(getRecomputeStatus, { status: null })
    .answer(listScopeOptions, { projects: [], requestTypes: [], priorities: [] });
}

async function renderIn(locale: Locale, host = adminHost()) {
  render(<App host={host} context={{ ...host.context, locale }} messages={await forgeTranslator(locale)} />);
  return host;
}

async function openPlan(user: ReturnType<typeof userEvent.setup>, tab: string, edit: string, save: string) {
  await user.click(await screen.findByRole('tab', { name: tab }));
  await user.click(screen.getByRole('button', { name: edit }));
  await screen.findByRole('button', { name: save });
}

describe('the admin page in the admin’s language', () => {
  it('reads in German and in Japanese: tabs, lists, recompute', async () => {
    await renderIn('de-DE');
    expect(await screen.findByRole('tab', { name: 'Umfragepläne' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Werte neu berechnen' })).toBeInTheDocument();
    expect(screen.getByText('Noch keine Neuberechnung gelaufen.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neues XLA' })).toBeInTheDocument();
    document.body.innerHTML = '';

    await renderIn('ja-JP');
    expect(await screen.findByRole('tab', { name: 'アンケート計画' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'スコアを再計算' })).toBeInTheDocument();
  });

  it('edits the German question and chips beside the English, and previews each language, English shown as the fallback', async () => {
    const user = userEvent.setup();
    await renderIn('en-US');
    await openPlan(user, 'Survey plans', 'Edit Mid-flight check', 'Save plan');
    const german = screen.getByRole('group', { name: 'Wording in German' });
    // One field per English chip, in its place; the first is already worded.
    expect(within(german).getByLabelText('German for “Slow”')).toHaveValue('Langsam');
    expect(within(german).getByLabelText('German for “Not fixed”')).toHaveValue('');

    const preview = screen.getByRole('complementary', { name: 'Preview of what the requester sees' });
    // The preview starts in the admin's language; in German the scale speaks German, the question
    // falls back to English and says so.
    expect(await within(preview).findByRole('radio', { name: 'Very happy' })).toBeInTheDocument();
    await user.click(within(preview).getByRole('button', { name: 'German' }));
    expect(await within(preview).findByRole('radio', { name: 'Sehr glücklich' })).toBeInTheDocument();
    expect(within(preview).getByText('How is it going so far?')).toBeInTheDocument();
    expect(
      within(preview).getByText(
        'No German question yet: it shows in English (the fallback). 2 reason chips show in English (the fallback).',
      ),
    ).toBeInTheDocument();

    await user.click(within(german).getByLabelText('German question'));
    await user.paste('Wie läuft es bisher?');
    expect(within(preview).getByText('Wie läuft es bisher?')).toBeInTheDocument();
    expect(within(preview).getByText('2 reason chips show in English (the fallback).')).toBeInTheDocument();
    // A low answer offers the German chip where there is one, the English one where there is not.
    await user.click(within(preview).getByRole('radio', { name: 'Sehr unglücklich' }));
    expect(within(preview).getByRole('button', { name: 'Langsam' })).toBeInTheDocument();
    expect(within(preview).getByRole('button', { name: 'Not fixed' })).toBeInTheDocument();

    // Another language for the preview: Japanese, nothing worded, all English.
    await user.click(within(preview).getByRole('button', { name: 'Japanese' }));
    expect(await within(preview).findByRole('radio', { name: 'とてもうれしい' })).toBeInTheDocument();
    expect(within(preview).getByText('How is it going so far?')).toBeInTheDocument();
  });

  it('says which language a message is about, in the admin’s words', async () => {
    const user = userEvent.setup();
    await renderIn('en-US');
    await openPlan(user, 'Survey plans', 'Edit Mid-flight check', 'Save plan');
    const field = screen.getByLabelText('German question');
    await user.click(field);
    await user.paste('x'.repeat(201));
    expect(field).toHaveAccessibleDescription(/^German question: too long \(max 200 characters\)/);
  });

  it('says it in German to a German admin', async () => {
    const user = userEvent.setup();
    await renderIn('de-DE');
    await openPlan(user, 'Umfragepläne', 'Mid-flight check bearbeiten', 'Plan speichern');
    const field = screen.getByLabelText('Frage auf Deutsch');
    await user.click(field);
    await user.paste('x'.repeat(201));
    expect(field).toHaveAccessibleDescription(/^Frage auf Deutsch: zu lang \(max\. 200 Zeichen\)/);
  });

  it('starts a new plan worded in every language', async () => {
    const user = userEvent.setup();
    await renderIn('en-US');
    await user.click(await screen.findByRole('tab', { name: 'Survey plans' }));
    await user.click(screen.getByRole('button', { name: 'New survey plan' }));
    await screen.findByRole('button', { name: 'Save plan' });
    expect(screen.getByLabelText('Question')).toHaveValue('How is it going with your request so far?');
    expect(screen.getByLabelText('German question')).toHaveValue('Wie läuft es bisher mit Ihrer Anfrage?');
    expect(screen.getByLabelText('German for “Slow”')).toHaveValue('Langsam');
  });
});

/** The English column's chips of one band (the German column has a group of the same name). */
function englishChips(german: HTMLElement, band: string): HTMLElement {
  const group = screen
    .getAllByRole('group', { name: `Reason chips for a ${band} answer` })
    .find((g) => !german.contains(g));
  if (group === undefined) throw new Error(`no English ${band} chips`);
  return group;
}

describe('reason chips keep their identity', () => {
  // Oracle: the German wording the admin typed for a chip, written out here; after the English
  // chips are moved and one removed, each German wording must sit beside the same English words.
  it('keeps each German wording with its chip when the admin reorders and removes English chips', async () => {
    const user = userEvent.setup();
    const host = adminHost().answer(savePlan, { config: { ...config, version: 4 }, recompute: null });
    await renderIn('en-US', host);
    await openPlan(user, 'Survey plans', 'Edit Mid-flight check', 'Save plan');
    const german = screen.getByRole('group', { name: 'Wording in German' });
    await user.click(within(german).getByLabelText('German for “Not fixed”'));
    await user.paste('Nicht behoben');

    const negative = englishChips(german, 'negative');
    await user.click(within(negative).getByRole('button', { name: 'Move “Not fixed” up' }));
    expect(within(negative).getByLabelText('Chip 1')).toHaveValue('Not fixed');
    expect(within(negative).getByLabelText('Chip 2')).toHaveValue('Slow');
    // The German fields follow the English order, each with its own chip's wording.
    const germanChips = within(german)
      .getAllByLabelText(/^German for “/)
      .map((f) => [f.getAttribute('aria-label') ?? f.id, (f as HTMLInputElement).value]);
    expect(germanChips.map(([, v]) => v)).toEqual(['Nicht behoben', 'Langsam', '']);
    expect(within(german).getByLabelText('German for “Not fixed”')).toHaveValue('Nicht behoben');
    expect(within(german).getByLabelText('German for “Slow”')).toHaveValue('Langsam');

    // The live preview in German offers the moved chip in German, first.
    const preview = screen.getByRole('complementary', { name: 'Preview of what the requester sees' });
    await user.click(within(preview).getByRole('button', { name: 'German' }));
    await user.click(await within(preview).findByRole('radio', { name: 'Sehr unglücklich' }));
    const offered = within(preview)
      .getAllByRole('button', { pressed: false })
      .map((b) => b.textContent);
    expect(offered.slice(offered.indexOf('Nicht behoben'), offered.indexOf('Nicht behoben') + 2)).toEqual([
      'Nicht behoben',
      'Langsam',
    ]);

    // Removing an English chip takes its German wording with it; the other keeps its own.
    await user.click(within(negative).getByRole('button', { name: 'Remove “Slow”' }));
    expect(within(german).queryByLabelText('German for “Slow”')).toBeNull();
    expect(within(german).getByLabelText('German for “Not fixed”')).toHaveValue('Nicht behoben');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(host.callsTo(savePlan)).toHaveLength(1));
    const saved = SurveyPlanSchema.parse(host.callsTo(savePlan)[0]?.['plan']);
    expect(saved.followUps.reasonChips.negative).toEqual([{ id: 'Not-fixed', label: 'Not fixed' }]);
    expect(saved.translations?.['de-DE']?.reasonChips).toEqual({ 'Not-fixed': 'Nicht behoben' });
  });

  it('gives a chip the admin adds a new id of its own, and its words a German field', async () => {
    const user = userEvent.setup();
    const host = adminHost().answer(savePlan, { config: { ...config, version: 4 }, recompute: null });
    await renderIn('en-US', host);
    await openPlan(user, 'Survey plans', 'Edit Mid-flight check', 'Save plan');
    const german = screen.getByRole('group', { name: 'Wording in German' });
    const positive = englishChips(german, 'positive');
    await user.click(within(positive).getByRole('button', { name: 'Add a chip' }));
    await waitFor(() => expect(within(positive).getByLabelText('Chip 2')).toHaveFocus());
    await user.paste('Friendly');
    await user.click(within(german).getByLabelText('German for “Friendly”'));
    await user.paste('Freundlich');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(host.callsTo(savePlan)).toHaveLength(1));
    const saved = SurveyPlanSchema.parse(host.callsTo(savePlan)[0]?.['plan']);
    const added = saved.followUps.reasonChips.positive[1];
    expect(added?.label).toBe('Friendly');
    expect(['Slow', 'Not-fixed', 'Fast']).not.toContain(added?.id);
    expect(saved.translations?.['de-DE']?.reasonChips[added?.id ?? '']).toBe('Freundlich');
  });
});

describe('the question after resolution', () => {
  it('is worded in English and beside it in German, and saved with the plan', async () => {
    const user = userEvent.setup();
    const host = adminHost().answer(savePlan, { config: { ...config, version: 4 }, recompute: null });
    await renderIn('en-US', host);
    await openPlan(user, 'Survey plans', 'Edit Mid-flight check', 'Save plan');
    const english = screen.getByLabelText('Question after resolution (optional)');
    expect(english).toHaveValue('');
    expect(english).toHaveAccessibleDescription(/Left blank, Sentio asks its own question about the outcome/);
    await user.click(english);
    await user.paste('Did we fix it for you?');
    const german = screen.getByRole('group', { name: 'Wording in German' });
    await user.click(within(german).getByLabelText('German question after resolution'));
    await user.paste('Haben wir es für Sie gelöst?');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(host.callsTo(savePlan)).toHaveLength(1));
    // The saved plan is what the domain's own schema reads as the outcome wording.
    const saved = SurveyPlanSchema.parse(host.callsTo(savePlan)[0]?.['plan']);
    expect(saved.question.outcomeText).toBe('Did we fix it for you?');
    expect(saved.translations?.['de-DE']?.outcomeText).toBe('Haben wir es für Sie gelöst?');
    expect(saved.translations?.['de-DE']?.reasonChips).toEqual({ Slow: 'Langsam' });
  });

  it('leaves a blank English outcome question out of the plan rather than saving it empty', async () => {
    const user = userEvent.setup();
    const worded = SurveyPlanSchema.parse({ ...plan, question: { ...plan.question, outcomeText: 'Fixed?' } });
    const host = hostFor('sentio-admin-page')
      .answer(getConfig, { ...config, plans: [worded] })
      .answer(getRecomputeStatus, { status: null })
      .answer(listScopeOptions, { projects: [], requestTypes: [], priorities: [] })
      .answer(savePlan, { config: { ...config, version: 4 }, recompute: null });
    await renderIn('en-US', host);
    await openPlan(user, 'Survey plans', 'Edit Mid-flight check', 'Save plan');
    await user.clear(screen.getByLabelText('Question after resolution (optional)'));
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(host.callsTo(savePlan)).toHaveLength(1));
    const sent = host.callsTo(savePlan)[0]?.['plan'] as { question: Record<string, unknown> };
    expect(Object.keys(sent.question)).not.toContain('outcomeText');
  });

  it('is not offered on a plan that asks at resolution, whose own question is about the outcome', async () => {
    const user = userEvent.setup();
    const atResolution = SurveyPlanSchema.parse({ ...plan, waypoint: { kind: 'resolved' } });
    const host = hostFor('sentio-admin-page')
      .answer(getConfig, { ...config, plans: [atResolution] })
      .answer(getRecomputeStatus, { status: null })
      .answer(listScopeOptions, { projects: [], requestTypes: [], priorities: [] });
    await renderIn('en-US', host);
    await openPlan(user, 'Survey plans', 'Edit Mid-flight check', 'Save plan');
    expect(screen.queryByLabelText('Question after resolution (optional)')).toBeNull();
    expect(screen.queryByLabelText('German question after resolution')).toBeNull();
  });

  it('reads in German to a German admin', async () => {
    const user = userEvent.setup();
    await renderIn('de-DE');
    await openPlan(user, 'Umfragepläne', 'Mid-flight check bearbeiten', 'Plan speichern');
    expect(screen.getByLabelText('Frage nach der Lösung (optional)')).toHaveValue('');
  });
});

describe('a refused save', () => {
  it('moves focus to the first field in error and announces why', async () => {
    const user = userEvent.setup();
    const host = await renderIn('en-US');
    await openPlan(user, 'Survey plans', 'Edit Mid-flight check', 'Save plan');
    await user.clear(screen.getByLabelText('Name'));
    await user.clear(screen.getByLabelText('Question'));
    screen.getByRole('button', { name: 'Save plan' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('is required');
    expect(screen.getByRole('alert')).toHaveTextContent('Fix the highlighted fields to save2 fields need attention.');
    expect(host.callsTo(savePlan)).toEqual([]);
  });

  it('moves focus to the field the server refused', async () => {
    const user = userEvent.setup();
    const host = adminHost().fail(saveXla, {
      code: 'validation',
      message: 'The XLA is not valid.',
      fields: [{ field: 'description', message: 'an XLA with this description exists' }],
    });
    await renderIn('en-US', host);
    await user.click(await screen.findByRole('button', { name: 'Edit People get back to work fast' }));
    await user.click(await screen.findByRole('button', { name: 'Save XLA' }));
    await waitFor(() => expect(screen.getByLabelText('Description')).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('1 field needs attention.');
  });
});
