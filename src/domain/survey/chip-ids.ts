/**
 * Reason chips stored before chips had ids. Then a chip was its English words, a translation was
 * the English list's wording place by place, and an answer recorded the English words it picked.
 * These readers turn such documents into today's shape — ids on every chip, translations keyed by
 * id, answers naming ids — and leave documents already in today's shape as they are, so reading
 * twice is reading once. Pure functions over parsed JSON; the stored shapes run them before zod
 * checks the result (src/platform/stored-shapes.ts), and so does the configuration import.
 */
import type { ScoreBand } from '../question';
import type { AnswerRecord } from '../ticket/experience';
import { scoreBand, QuestionKindSchema } from '../question';
import { SCORE_BANDS, type ChipId } from '../survey-plan';
import { fnv1a64Hex } from './hash';

/**
 * The id a chip stored before ids gets: derived from its band and English words, so the same chip
 * gets the same id in the plan and in every ask's frozen copy of it, whatever place it had in each
 * (a plan reordered between two asks). The `nth` same words within one band (0: the first) are kept
 * apart; an answer's words name the first.
 */
export function legacyChipId(band: ScoreBand, words: string, nth = 0): ChipId {
  const key = nth === 0 ? `${band}\u001f${words.trim()}` : `${band}\u001f${words.trim()}\u001f${nth}`;
  return `r-${fnv1a64Hex(key)}`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One band's chips: strings (before ids) become `{ id, label }`; chips with ids stay as they are. */
function upgradeBand(band: ScoreBand, list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  const seen = new Map<string, number>();
  return list.map((chip: unknown) => {
    if (typeof chip !== 'string') return chip;
    const words = chip.trim();
    const nth = seen.get(words) ?? 0;
    seen.set(words, nth + 1);
    return { id: legacyChipId(band, words, nth), label: chip };
  });
}

function upgradeChips(chips: unknown): unknown {
  if (!isObject(chips)) return chips;
  const out: Json = { ...chips };
  for (const band of SCORE_BANDS) if (band in chips) out[band] = upgradeBand(band, chips[band]);
  return out;
}

/** The English chip ids of a band, place by place, of chips already upgraded. */
function idsOf(chips: unknown, band: ScoreBand): Array<string | null> {
  const list = isObject(chips) ? chips[band] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((c: unknown) => (isObject(c) && typeof c.id === 'string' ? c.id : null));
}

/** A translation's chips before ids: lists per band, place by place with the English ones. */
const isBandLists = (v: unknown): v is Json =>
  isObject(v) && Object.keys(v).length > 0 && Object.values(v).every((x) => Array.isArray(x));

/** Each locale's chips, translated place by place, become translations keyed by the English chip's id. */
function upgradeTranslations(translations: unknown, english: unknown): unknown {
  if (!isObject(translations)) return translations;
  const out: Json = {};
  for (const [locale, t] of Object.entries(translations)) {
    if (!isObject(t) || !isBandLists(t.reasonChips)) {
      out[locale] = t;
      continue;
    }
    const byId: Record<string, unknown> = {};
    for (const band of SCORE_BANDS) {
      const ids = idsOf(english, band);
      const words = t.reasonChips[band];
      if (!Array.isArray(words)) continue;
      words.forEach((w: unknown, i) => {
        const id = ids[i];
        // Blank wording showed the English chip and still does; wording past the English list was
        // refused on save, so never stored.
        if (id !== undefined && id !== null && !(typeof w === 'string' && w.trim() === '')) byId[id] = w;
      });
    }
    out[locale] = { ...t, reasonChips: byId };
  }
  return out;
}

/** A survey plan as stored or exported before chips had ids, in today's shape; today's plans unchanged. */
export function upgradeLegacyPlan(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const followUps = raw.followUps;
  if (!isObject(followUps)) return raw;
  const reasonChips = upgradeChips(followUps.reasonChips);
  return {
    ...raw,
    followUps: { ...followUps, ...(followUps.reasonChips === undefined ? {} : { reasonChips }) },
    ...(raw.translations === undefined ? {} : { translations: upgradeTranslations(raw.translations, reasonChips) }),
  };
}

const hasWordsForChips = (chips: unknown): boolean =>
  isObject(chips) && SCORE_BANDS.some((b) => Array.isArray(chips[b]) && chips[b].some((c) => typeof c === 'string'));

/**
 * An ask as stored before chips had ids: its frozen question like a plan, and its answer's words
 * turned into the ids of the chips they named (the chip of those words in the answer's band).
 */
export function upgradeLegacyAsk(raw: unknown): unknown {
  if (!isObject(raw) || !isObject(raw.question)) return raw;
  const question = raw.question;
  const legacy = hasWordsForChips(question.reasonChips);
  const reasonChips = upgradeChips(question.reasonChips);
  const upgradedQuestion = {
    ...question,
    ...(question.reasonChips === undefined ? {} : { reasonChips }),
    ...(question.translations === undefined
      ? {}
      : { translations: upgradeTranslations(question.translations, reasonChips) }),
  };
  const answer = raw.answer;
  const kind = QuestionKindSchema.safeParse(question.kind);
  if (
    !legacy ||
    !isObject(answer) ||
    !Array.isArray(answer.reasons) ||
    !kind.success ||
    typeof answer.score !== 'number'
  )
    return { ...raw, question: upgradedQuestion };
  const band = scoreBand(kind.data, answer.score);
  const reasons = answer.reasons.map((r: unknown) => (typeof r === 'string' ? legacyChipId(band, r) : r));
  return { ...raw, question: upgradedQuestion, answer: { ...answer, reasons } };
}

/**
 * The chip ids of an answer in a ticket's record: as recorded, or — recorded before ids — the ids
 * its English words had (the first chip of those words in the answer's band, as upgradeLegacyAsk).
 */
export function answerChipIds(a: AnswerRecord): string[] {
  if (a.reasonIds !== undefined) return [...a.reasonIds];
  const band = scoreBand(a.questionKind, a.score);
  return a.reasons.map((words) => legacyChipId(band, words));
}
