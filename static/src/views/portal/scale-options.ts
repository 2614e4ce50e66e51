import { type QuestionKind, SCALES } from '@domain/question';
import type { FaceLevel } from '../../ui/face';

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

const FACES = ['Very unhappy', 'Unhappy', 'Neither happy nor unhappy', 'Happy', 'Very happy'] as const;
const CSAT = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'] as const;
const CES = ['Very easy', 'Easy', 'Fairly easy', 'Neither easy nor hard', 'Fairly hard', 'Hard', 'Very hard'] as const;

function range(kind: QuestionKind): number[] {
  const { min, max } = SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The tap targets of a question kind, in the order shown (scale ranges come from the domain). */
export function scaleOptions(kind: QuestionKind): ScaleOption[] {
  switch (kind) {
    case 'emoji5':
      return range(kind).map((score, i) => ({
        score,
        glyph: { kind: 'face', level: (i - 2) as FaceLevel },
        label: FACES[i] ?? String(score),
      }));
    case 'csat5':
      return range(kind).map((score, i) => ({
        score,
        glyph: { kind: 'star' },
        label: `${score} of 5 stars, ${CSAT[i] ?? ''}`.trim(),
      }));
    case 'ces7':
      return range(kind).map((score, i) => ({
        score,
        glyph: { kind: 'number', text: String(score) },
        label: `${score}, ${CES[i] ?? ''}`,
      }));
    case 'happiness10':
      return range(kind).map((score) => ({
        score,
        glyph: { kind: 'number', text: String(score) },
        label: score === 0 ? '0, not at all happy' : score === 10 ? '10, extremely happy' : String(score),
      }));
    case 'thumbs':
      return [
        { score: 0, glyph: { kind: 'thumb', up: false }, label: 'Thumbs down, not good' },
        { score: 1, glyph: { kind: 'thumb', up: true }, label: 'Thumbs up, good' },
      ];
  }
}

/** Words under the two ends of a numeric scale, so "1" and "7" mean something. */
export function scaleEnds(kind: QuestionKind): readonly [string, string] | null {
  switch (kind) {
    case 'ces7':
      return ['Very easy', 'Very hard'];
    case 'happiness10':
      return ['Not at all happy', 'Extremely happy'];
    default:
      return null;
  }
}

/**
 * The narrowest width (px) at which a scale still fits one row with tap targets of at least
 * 36 px and 4 px gaps; below it the scale stacks (score-scale.tsx). Five options fit a 320 px phone.
 */
export function oneRowMinWidth(kind: QuestionKind): number {
  const n = range(kind).length;
  return n * 36 + (n - 1) * 4;
}
