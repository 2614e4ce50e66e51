import { type QuestionKind, SCALES } from '@domain/question';

export interface ScaleOption {
  readonly score: number;
  /** What is drawn on the tap target. */
  readonly face: string;
  /** What a screen reader says for it. */
  readonly label: string;
}

const EMOJI = [
  ['😠', 'Very unhappy'],
  ['🙁', 'Unhappy'],
  ['😐', 'Neither happy nor unhappy'],
  ['🙂', 'Happy'],
  ['😄', 'Very happy'],
] as const;

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
        face: EMOJI[i]?.[0] ?? String(score),
        label: EMOJI[i]?.[1] ?? String(score),
      }));
    case 'csat5':
      return range(kind).map((score, i) => ({
        score,
        face: '★',
        label: `${score} of 5 stars, ${CSAT[i] ?? ''}`.trim(),
      }));
    case 'ces7':
      return range(kind).map((score, i) => ({ score, face: String(score), label: `${score}, ${CES[i] ?? ''}` }));
    case 'happiness10':
      return range(kind).map((score) => ({
        score,
        face: String(score),
        label: score === 0 ? '0, not at all happy' : score === 10 ? '10, extremely happy' : String(score),
      }));
    case 'thumbs':
      return [
        { score: 0, face: '👎', label: 'Thumbs down, not good' },
        { score: 1, face: '👍', label: 'Thumbs up, good' },
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
