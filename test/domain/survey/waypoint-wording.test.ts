/**
 * Wording follows the waypoint (issue: "after resolution, ask about the outcome"). Oracles: the
 * message files as Forge resolves them (`portal.outcome.<kind>`, read straight from locales/*.json
 * for the expected text), and the waypoint rule of DESIGN.md (an ask is put at one waypoint; an
 * answer given while the request was open stays tied to it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, Ask } from '../../../src/domain/ask';
import { SUPPORTED_LOCALES, type Locale } from '../../../src/domain/i18n';
import { QUESTION_KINDS, type QuestionKind } from '../../../src/domain/question';
import { newAsk } from '../../../src/domain/survey';
import { questionStage, wordQuestion } from '../../../src/domain/survey/waypoint-wording';
import type { SurveyPlanInput } from '../../../src/domain/survey-plan';
import { applyAnswer, csatAnswer } from '../../../src/domain/ticket';
import { defaultIndicatorSpec } from '../../../src/domain/indicator';
import { XlaDefinitionSchema } from '../../../src/domain/xla';
import { forgeTranslator } from '../../i18n/forge-translations';
import { T0, aPlan, hours } from './builders';

const root = join(import.meta.dirname, '..', '..', '..');
const fileOutcome = (locale: Locale, kind: QuestionKind): string => {
  const file = JSON.parse(readFileSync(join(root, 'locales', `${locale}.json`), 'utf8')) as {
    portal: { outcome: Record<string, string> };
  };
  const text = file.portal.outcome[kind];
  if (text === undefined) throw new Error(`${locale} has no outcome question for ${kind}`);
  return text;
};

function anAsk(plan: Partial<SurveyPlanInput> = {}, openWhenAsked = true): Ask {
  return newAsk({
    plan: aPlan(plan),
    ticketId: '10001',
    issueKey: 'HELP-1',
    projectId: '10000',
    requesterId: 'customer-1',
    occurrenceKey: 'k',
    statusCategoryAfter: openWhenAsked ? 'indeterminate' : 'done',
    requestedBy: null,
    now: T0,
  });
}

const answered = (ask: Ask, wording?: 'outcome'): Ask => {
  const answer: Answer = {
    score: 2,
    reasons: [],
    comment: null,
    lostTimeChoiceId: null,
    answeredAt: T0 + hours(1),
    via: 'portal',
    channel: 'portal',
    ...(wording ? { wording } : {}),
  };
  return { ...ask, status: 'answered', answer };
};

describe('the question a requester is asked, by where the request is now', () => {
  it('asks the plan’s question while the request is open', async () => {
    const ask = anAsk({ translations: { 'de-DE': { text: 'Wie läuft es bisher?' } } });
    expect(wordQuestion(ask, false, await forgeTranslator('en-US'))).toMatchObject({
      stage: 'asked',
      text: 'How are we doing so far?',
    });
    expect(wordQuestion(ask, false, await forgeTranslator('de-DE'))).toMatchObject({
      stage: 'asked',
      text: 'Wie läuft es bisher?',
    });
  });

  it('asks about the outcome, in each of the six locales and for each scale, once it is resolved', async () => {
    for (const locale of SUPPORTED_LOCALES) {
      const m = await forgeTranslator(locale);
      for (const kind of QUESTION_KINDS) {
        const ask = anAsk({ question: { kind, text: 'How is it going so far?' } });
        const worded = wordQuestion(ask, true, m);
        expect(worded.stage).toBe('outcome');
        expect(worded.text, `${locale} ${kind}`).toBe(fileOutcome(locale, kind));
      }
    }
  });

  it('takes the plan’s own outcome question in a locale where it has one, Sentio’s in that locale elsewhere', async () => {
    const ask = anAsk({
      question: { kind: 'csat5', text: 'How is it going so far?', outcomeText: 'Is your laptop working now?' },
      translations: {
        'de-DE': { text: 'Wie läuft es bisher?', outcomeText: 'Funktioniert Ihr Laptop jetzt?' },
        'fr-FR': { text: 'Comment ça se passe ?', outcomeText: '   ' },
      },
    });
    const text = async (locale: Locale) => wordQuestion(ask, true, await forgeTranslator(locale)).text;
    expect(await text('en-US')).toBe('Is your laptop working now?');
    expect(await text('de-DE')).toBe('Funktioniert Ihr Laptop jetzt?');
    // Blank, or not worded in that locale: the requester's language wins over the admin's English.
    expect(await text('fr-FR')).toBe(fileOutcome('fr-FR', 'csat5'));
    expect(await text('ja-JP')).toBe(fileOutcome('ja-JP', 'csat5'));
  });

  it('keeps the plan’s words on an ask put at resolution: they already ask about the outcome', async () => {
    const ask = anAsk({ waypoint: { kind: 'resolved' }, question: { kind: 'csat5', text: 'How did we do?' } }, false);
    expect(questionStage(ask, true)).toBe('asked');
    expect(wordQuestion(ask, true, await forgeTranslator('es-ES')).text).toBe('How did we do?');
  });

  it('keeps an answer given while the request was open tied to the question it answered', async () => {
    const ask = answered(anAsk());
    expect(questionStage(ask, true)).toBe('asked');
    expect(wordQuestion(ask, true, await forgeTranslator('en-US')).text).toBe('How are we doing so far?');
  });

  it('keeps an answer to the outcome question on that question, even if the request is reopened', async () => {
    const ask = answered(anAsk(), 'outcome');
    expect(questionStage(ask, false)).toBe('outcome');
    expect(wordQuestion(ask, false, await forgeTranslator('pt-BR')).text).toBe(fileOutcome('pt-BR', 'csat5'));
  });

  it('goes back to the plan’s question when the request is reopened before it is answered', () => {
    expect(questionStage(anAsk(), true)).toBe('outcome');
    expect(questionStage(anAsk(), false)).toBe('asked');
  });
});

describe('the waypoint an answer counts at', () => {
  const midFlightOnly = XlaDefinitionSchema.parse({
    id: 'mid',
    name: 'Mid-flight',
    indicators: [defaultIndicatorSpec('csat')],
    csatSource: { waypoints: [], midFlightOnly: true },
  });
  const atResolution = XlaDefinitionSchema.parse({
    id: 'end',
    name: 'At resolution',
    indicators: [defaultIndicatorSpec('csat')],
    csatSource: { waypoints: ['resolved'], midFlightOnly: false },
  });

  it('counts an answer given while the request was open at the ask’s waypoint, mid-flight', () => {
    const record = applyAnswer(null, answered(anAsk())).experience.answers[0];
    expect(record).toMatchObject({ waypoint: 'first-response', midFlight: true });
    const e = applyAnswer(null, answered(anAsk())).experience;
    expect(csatAnswer(e, midFlightOnly)?.askId).toBe(record?.askId);
    expect(csatAnswer(e, atResolution)).toBeNull();
  });

  it('counts an answer to the outcome question at resolution, never as mid-flight', () => {
    const e = applyAnswer(null, answered(anAsk(), 'outcome')).experience;
    expect(e.answers[0]).toMatchObject({ waypoint: 'resolved', midFlight: false });
    expect(csatAnswer(e, midFlightOnly)).toBeNull();
    expect(csatAnswer(e, atResolution)?.score).toBe(2);
  });
});
