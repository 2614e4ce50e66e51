import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRANSLATED_LOCALES } from '../../../src/domain/i18n';
import { SurveyPlanSchema } from '../../../src/domain/survey-plan';
import { newAsk } from '../../../src/domain/survey';
import { localizeQuestion, wordedLocales } from '../../../src/domain/survey/localized-question';
import { chips as chipsOf } from '../../support/chips';
import { aPlan } from './builders';

const chips = { negative: chipsOf('Too slow', 'Unclear'), neutral: [], positive: chipsOf('Fast') };
const plan = aPlan({
  followUps: { reasonChips: chips },
  translations: {
    'de-DE': { text: 'Wie läuft es bisher?', reasonChips: { 'Too-slow': 'Zu langsam', Unclear: '' } },
    'ja-JP': { text: '   ', reasonChips: { Fast: '速い' } },
  },
});

describe('a survey plan’s wording per locale', () => {
  it('shows the locale’s wording, English for anything blank or left out, and records the chip id', () => {
    expect(
      localizeQuestion({ ...plan.question, reasonChips: chips, translations: plan.translations }, 'de-DE'),
    ).toEqual({
      locale: 'de-DE',
      text: 'Wie läuft es bisher?',
      reasonChips: {
        negative: [
          { value: 'Too-slow', label: 'Zu langsam' },
          { value: 'Unclear', label: 'Unclear' },
        ],
        neutral: [],
        positive: [{ value: 'Fast', label: 'Fast' }],
      },
    });
    const ja = localizeQuestion({ ...plan.question, reasonChips: chips, translations: plan.translations }, 'ja-JP');
    expect([ja.text, ja.reasonChips.positive]).toEqual([
      'How are we doing so far?',
      [{ value: 'Fast', label: '速い' }],
    ]);
    expect(localizeQuestion({ ...plan.question, reasonChips: chips }, 'fr-FR').text).toBe('How are we doing so far?');
  });

  it('freezes the wording into the ask, so a later plan edit does not change what was asked', () => {
    const ask = newAsk({
      plan,
      ticketId: '1',
      issueKey: 'IT-1',
      projectId: '10000',
      requesterId: 'c-1',
      occurrenceKey: 'created',
      statusCategoryAfter: 'new',
      requestedBy: null,
      now: 0,
    });
    plan.translations!['de-DE']!.reasonChips['Too-slow'] = 'Langsam';
    expect(localizeQuestion(ask.question, 'de-DE').reasonChips.negative[0]?.label).toBe('Zu langsam');
    expect(wordedLocales(ask.question)).toEqual(['en-US', 'de-DE', 'ja-JP']);
    plan.translations!['de-DE']!.reasonChips['Too-slow'] = 'Zu langsam';
  });

  it('refuses wording for a chip the plan does not have, two chips with one id, and a locale Sentio does not ship', () => {
    const input = { ...plan, translations: { 'fr-FR': { reasonChips: { Fast: 'Rapide', Kind: 'Aimable' } } } };
    const r = SurveyPlanSchema.safeParse(input);
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['translations.fr-FR.reasonChips.Kind', 'names chip "Kind", which this plan does not have'],
    ]);
    const twice = { ...plan, followUps: { reasonChips: { ...chips, neutral: chipsOf('Fast') } } };
    const t = SurveyPlanSchema.safeParse(twice);
    expect(t.success ? [] : t.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['followUps.reasonChips.positive.0.id', '"Fast" is used by another chip'],
    ]);
    expect(SurveyPlanSchema.safeParse({ ...plan, translations: { 'ar-EG': { text: 'x' } } }).success).toBe(false);
  });

  it('reads a plan stored before plans had wording per locale as English only', () => {
    const { translations: _omit, ...stored } = plan;
    const read = SurveyPlanSchema.parse(stored);
    expect(read.translations).toBeUndefined();
    expect(localizeQuestion({ ...read.question, reasonChips: read.followUps.reasonChips }, 'de-DE').text).toBe(
      'How are we doing so far?',
    );
  });

  it('always shows a non-blank label for every chip and records its id, whatever is translated', () => {
    const text = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(
        fc.constantFrom(...TRANSLATED_LOCALES),
        fc.array(
          fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
          { maxLength: 8 },
        ),
        fc.array(text, { maxLength: 8 }),
        text,
        (locale, words, translated, question) => {
          const english = words.map((label, i) => ({ id: `c${i}`, label }));
          const q = localizeQuestion(
            {
              text: 'English question',
              reasonChips: { negative: english, neutral: [], positive: [] },
              translations: {
                [locale]: { text: question, reasonChips: Object.fromEntries(translated.map((w, i) => [`c${i}`, w])) },
              },
            },
            locale,
          );
          expect(q.reasonChips.negative.map((c) => c.value)).toEqual(english.map((c) => c.id));
          for (const c of q.reasonChips.negative) expect(c.label.trim()).not.toBe('');
          expect(q.text.trim()).not.toBe('');
        },
      ),
    );
  });
});
