/**
 * Reason chips stored before chips had ids read into today's shape, nothing lost or re-worded.
 *
 * Oracles: fixtures/stored-chips-before-ids.json, rows the code before ids stored on the local host
 * (support/record-chips-before-ids.ts, commit 38a8e23); the expected shapes below are written out
 * by hand, and the expected ids were computed outside this code base — FNV-1a 64 (the published
 * offset basis and prime) of `<band>\u001f<English words>` over UTF-16 code units, in Python — so
 * a change of the derivation shows here as a changed id. The laws (reading twice is reading once;
 * a plan round-trips; today's documents are left alone) are checked with fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countReasons } from '../../src/app/scorecards/verbatims';
import type { ReasonCount } from '../../src/app/scorecards/read-models';
import { AskSchema } from '../../src/domain/ask';
import { TRANSLATED_LOCALES } from '../../src/domain/i18n';
import { answerChipIds, upgradeLegacyAsk, upgradeLegacyPlan } from '../../src/domain/survey/chip-ids';
import { chipWordsIn, localizeQuestion } from '../../src/domain/survey/localized-question';
import { SurveyPlanSchema, type SurveyPlan } from '../../src/domain/survey-plan';
import { TicketExperienceSchema } from '../../src/domain/ticket';
import { AskEntityV1, StoredConfigV1 } from '../../src/platform/stored-shapes';
import { hostWithStoredRows, readFixture, type Row } from './support/stored-rows';

const FIXTURE =
  readFixture<Record<'configBeforeMove' | 'configAfterMove' | 'ask' | 'ticket', Row>>('stored-chips-before-ids.json');

// FNV-1a 64 of "<band>\u001f<words>", computed in Python (see the header).
const ID = {
  tooSlow: 'r-4bbb16caedb4c710',
  notFixed: 'r-a25fa893757e50aa',
  ok: 'r-e0dbc710f1110f4f',
  friendly: 'r-57dc779457e43a8c',
  fast: 'r-f378bf599ade3c09',
} as const;

const NEUTRAL_AND_POSITIVE = {
  neutral: [{ id: ID.ok, label: 'OK' }],
  positive: [
    { id: ID.friendly, label: 'Friendly' },
    { id: ID.fast, label: 'Fast' },
  ],
};
// The blank German wording for "Friendly" showed English and still does: it is left out.
const GERMAN = {
  'de-DE': {
    text: 'Wie zufrieden sind Sie bisher?',
    reasonChips: { [ID.tooSlow]: 'Zu langsam', [ID.notFixed]: 'Nicht behoben', [ID.fast]: 'Schnell' },
  },
};

const body = (row: Row) => (row.value as { body: { plans: unknown[] } }).body;
const storedPlan = (row: Row) => StoredConfigV1.parse(body(row)).plans[0];

describe('stored documents from before chip ids', () => {
  it('reads a stored plan with an id on every chip and each translation keyed by its chip', () => {
    expect(storedPlan(FIXTURE.configBeforeMove)?.followUps.reasonChips).toEqual({
      negative: [
        { id: ID.tooSlow, label: 'Too slow' },
        { id: ID.notFixed, label: 'Not fixed' },
      ],
      ...NEUTRAL_AND_POSITIVE,
    });
    expect(storedPlan(FIXTURE.configBeforeMove)?.translations).toEqual(GERMAN);
  });

  it('gives a chip the same id whatever its place: the plan saved after a move, and the ask asked before it', () => {
    const moved = storedPlan(FIXTURE.configAfterMove);
    expect(moved?.followUps.reasonChips.negative).toEqual([
      { id: ID.notFixed, label: 'Not fixed' },
      { id: ID.tooSlow, label: 'Too slow' },
    ]);
    expect(moved?.translations).toEqual(GERMAN);
    const ask = AskEntityV1.parse(FIXTURE.ask.value).record;
    expect(ask.question.reasonChips).toEqual({
      negative: [
        { id: ID.tooSlow, label: 'Too slow' },
        { id: ID.notFixed, label: 'Not fixed' },
      ],
      ...NEUTRAL_AND_POSITIVE,
    });
    expect(ask.question.translations).toEqual(GERMAN);
  });

  it('reads the answer’s English words as the id of the chip picked, worded as the requester saw it', () => {
    const ask = AskEntityV1.parse(FIXTURE.ask.value).record;
    expect(ask.answer?.reasons).toEqual([ID.notFixed]);
    const german = localizeQuestion(ask.question, 'de-DE').reasonChips.negative;
    expect(german.find((c) => c.value === ask.answer?.reasons[0])?.label).toBe('Nicht behoben');
  });

  it('counts the ticket’s recorded answer under that chip, in the viewer’s words', () => {
    const record = FIXTURE.ticket.value.record as { experience: unknown };
    const experience = TicketExperienceSchema.parse(record.experience);
    expect(experience.answers.map(answerChipIds)).toEqual([[ID.notFixed]]);
    const plans = [storedPlan(FIXTURE.configAfterMove) as SurveyPlan];
    const count = (locale: 'en-US' | 'de-DE') => {
      const counts = new Map<string, ReasonCount>();
      countReasons(experience, () => true, counts, chipWordsIn(plans, locale));
      return [...counts.values()];
    };
    expect(count('en-US')).toEqual([{ chipId: ID.notFixed, reason: 'Not fixed', band: 'negative', count: 1 }]);
    expect(count('de-DE')).toEqual([{ chipId: ID.notFixed, reason: 'Nicht behoben', band: 'negative', count: 1 }]);
  });

  describe('through the app’s storage adapters on the local host', () => {
    const { as, stored } = hostWithStoredRows(() => [
      { entity: 'doc', key: 'config', value: FIXTURE.configBeforeMove.value },
      { entity: 'ask', ...FIXTURE.ask },
    ]);

    it('reads the stored plan and ask in today’s shape, and writes back what it read', async () => {
      const read = await as(async (store) => ({
        config: await store.config.getConfig(),
        ask: await store.asks.getAsk(FIXTURE.ask.key),
      }));
      expect(read.config.plans[0]?.translations).toEqual(GERMAN);
      expect(read.ask?.ask.answer?.reasons).toEqual([ID.notFixed]);
      // The next save writes today's shape; reading that back gives the same plan.
      await as((store) => store.config.saveConfig(read.config, read.config.rev ?? 0));
      const again = await as((store) => store.config.getConfig());
      expect(again.plans).toEqual(read.config.plans);
      const written = stored('doc', 'config') as Row['value'];
      expect(body({ key: 'config', value: written }).plans).toEqual(read.config.plans);
    });
  });
});

// Laws ---------------------------------------------------------------------------------------

const words = fc.constantFrom('Slow', 'Too slow', 'Not fixed', ' Rude ', 'OK', 'Fast', 'Schnell', '速い');
const legacyBand = fc.array(words, { maxLength: 8 });
const legacyPlan = fc
  .record({
    negative: legacyBand,
    neutral: legacyBand,
    positive: legacyBand,
    locales: fc.subarray([...TRANSLATED_LOCALES]),
    translated: fc.array(fc.constantFrom('Langsam', '', 'Lent', '遅い', ' '), { maxLength: 8 }),
  })
  .map(({ negative, neutral, positive, locales, translated }) => ({
    id: 'p',
    name: 'Plan',
    waypoint: { kind: 'created' },
    question: { kind: 'csat5', text: 'How was it?' },
    followUps: { reasonChips: { negative, neutral, positive } },
    translations: Object.fromEntries(
      locales.map((l) => [
        l,
        {
          text: '',
          reasonChips: {
            negative: translated.slice(0, negative.length),
            positive: translated.slice(0, positive.length),
          },
        },
      ]),
    ),
  }));

describe('reading documents from before chip ids, as laws', () => {
  it('reads twice as once, for plans and for asks', () => {
    fc.assert(
      fc.property(legacyPlan, fc.integer({ min: 1, max: 5 }), fc.nat(), (plan, score, pick) => {
        const once = upgradeLegacyPlan(plan);
        expect(upgradeLegacyPlan(once)).toEqual(once);
        const { negative, neutral, positive } = plan.followUps.reasonChips;
        const band = score <= 2 ? negative : score === 3 ? neutral : positive;
        const ask = {
          question: { kind: 'csat5', text: 'How was it?', ...plan.followUps, translations: plan.translations },
          answer: { score, reasons: band.length > 0 ? [band[pick % band.length]] : [] },
        };
        const askOnce = upgradeLegacyAsk(ask);
        expect(upgradeLegacyAsk(askOnce)).toEqual(askOnce);
      }),
    );
  });

  it('keeps every chip and every non-blank translation, each with the chip it was written for', () => {
    fc.assert(
      fc.property(legacyPlan, (legacy) => {
        // Plans with the same words twice in a band were never refused; each still gets its own id.
        const plan = SurveyPlanSchema.parse(upgradeLegacyPlan(legacy));
        for (const band of ['negative', 'neutral', 'positive'] as const)
          expect(plan.followUps.reasonChips[band].map((c) => c.label)).toEqual(
            legacy.followUps.reasonChips[band].map((w) => w.trim()),
          );
        for (const [locale, t] of Object.entries(legacy.translations))
          for (const band of ['negative', 'positive'] as const)
            t.reasonChips[band].forEach((w, i) => {
              const id = plan.followUps.reasonChips[band][i]?.id ?? '';
              const stored = plan.translations?.[locale as keyof typeof plan.translations]?.reasonChips[id];
              expect(stored).toBe(w.trim() === '' ? undefined : w.trim());
            });
      }),
    );
  });

  it('round-trips a plan: read, stored as JSON, read again gives the same plan, and today’s plans are left alone', () => {
    fc.assert(
      fc.property(legacyPlan, (legacy) => {
        const plan = SurveyPlanSchema.parse(upgradeLegacyPlan(legacy));
        const stored: unknown = JSON.parse(JSON.stringify(plan));
        expect(upgradeLegacyPlan(stored)).toEqual(stored);
        expect(SurveyPlanSchema.parse(upgradeLegacyPlan(stored))).toEqual(plan);
      }),
    );
  });

  it('leaves an ask in today’s shape as it is', () => {
    const ask = AskEntityV1.parse(FIXTURE.ask.value).record;
    const stored: unknown = JSON.parse(JSON.stringify(ask));
    expect(upgradeLegacyAsk(stored)).toEqual(stored);
    expect(AskSchema.parse(stored)).toEqual(ask);
  });
});
