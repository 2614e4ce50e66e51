import type { Translator } from '@domain/i18n';
import { type QuestionKind, SCALES } from '@domain/question';
import { scalePointKey } from '@domain/i18n/scale-words';

/**
 * An answer as an agent reads it, in their language and never as a scale key: "Happy (4 of 5)",
 * "Thumbs down, not good", "9 of 10". The point's words are the scale's own (locales `scale`).
 */
export function answerWords(m: Translator, kind: QuestionKind, score: number): string {
  const key = scalePointKey(kind, score);
  const max = SCALES[kind].max;
  if (kind === 'thumbs' && key !== null) return m.t(key);
  if (key === null || kind === 'happiness10') return m.t('ticket.answer.outOf', { score, max });
  return m.t('ticket.answer.of', { label: m.t(key), score, max });
}
