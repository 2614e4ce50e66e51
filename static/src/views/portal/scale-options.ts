import { type QuestionKind, SCALES } from '@domain/question';
import type { Translator } from '@domain/i18n';
import { scalePointKey } from '@domain/survey/localized-question';
import type { FaceLevel } from '../../ui/face';
import { numberFormat } from '@domain/i18n/formatters';

/** What a tap target shows: a drawn face, a star, a thumb, or the number itself. */
export type ScaleGlyph =
  | { readonly kind: 'face'; readonly level: FaceLevel }
  | { readonly kind: 'star' }
  | { readonly kind: 'thumb'; readonly up: boolean }
  | { readonly kind: 'number'; readonly text: string };

export interface ScaleOption {
  readonly score: number;
  /** What is drawn on the tap target (never an emoji glyph: those need an emoji font). */
  readonly glyph: ScaleGlyph;
  /** What a screen reader says for it, and the word shown in the thanks. */
  readonly label: string;
}

function range(kind: QuestionKind): number[] {
  const { min, max } = SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The words for one point, as a screen reader says it ("4 of 5 stars, Satisfied", "7, Very hard"). */
function pointLabel(m: Translator, kind: QuestionKind, score: number): string {
  const key = scalePointKey(kind, score);
  const words = key === null ? null : m.t(key);
  if (kind === 'csat5') return m.t('scale.csat5.option', { score, label: words ?? '' });
  if (kind === 'emoji5' || kind === 'thumbs') return words ?? String(score);
  return words === null ? numberFormat(m.locale).format(score) : m.t('scale.numbered', { score, label: words });
}

/** The tap targets of a question kind, in the order shown (scale ranges come from the domain). */
export function scaleOptions(kind: QuestionKind, m: Translator): ScaleOption[] {
  return range(kind).map((score, i) => ({
    score,
    glyph:
      kind === 'emoji5'
        ? { kind: 'face', level: (i - 2) as FaceLevel }
        : kind === 'csat5'
          ? { kind: 'star' }
          : kind === 'thumbs'
            ? { kind: 'thumb', up: score === 1 }
            : { kind: 'number', text: numberFormat(m.locale).format(score) },
    label: pointLabel(m, kind, score),
  }));
}

/** Words under the two ends of a numeric scale, so "1" and "7" mean something. */
export function scaleEnds(kind: QuestionKind, m: Translator): readonly [string, string] | null {
  switch (kind) {
    case 'ces7':
      return [m.t('scale.ces7.1'), m.t('scale.ces7.7')];
    case 'happiness10':
      return [m.t('scale.happiness10.low'), m.t('scale.happiness10.high')];
    default:
      return null;
  }
}

/** An answer as a person reads it: "Happy (4 of 5)", "Thumbs down, not good", "9 of 10". */
export function answerText(kind: QuestionKind, score: number, m: Translator): string {
  const key = scalePointKey(kind, score);
  if (kind === 'thumbs' && key !== null) return m.t(key);
  if (key === null || kind === 'happiness10') return m.t('portal.scoreOutOf', { score, max: SCALES[kind].max });
  return m.t('portal.scoreOf', { label: m.t(key), score, max: SCALES[kind].max });
}

/**
 * The narrowest width (px) at which a scale still fits one row with tap targets of at least
 * 36 px and 4 px gaps; below it the scale stacks (score-scale.tsx). Five options fit a 320 px phone.
 */
export function oneRowMinWidth(kind: QuestionKind): number {
  const n = range(kind).length;
  return n * 36 + (n - 1) * 4;
}
