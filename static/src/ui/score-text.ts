import { type QuestionKind, SCALES } from '@domain/question';

const EMOJI_WORDS = ['Very unhappy', 'Unhappy', 'Neither happy nor unhappy', 'Happy', 'Very happy'] as const;
const CSAT_WORDS = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'] as const;
const CES_WORDS = [
  'Very easy',
  'Easy',
  'Fairly easy',
  'Neither easy nor hard',
  'Fairly hard',
  'Hard',
  'Very hard',
] as const;

/**
 * An answer as a person reads it, never a scale key: "Happy (4 of 5)", "Thumbs down",
 * "3 of 7, fairly easy", "9 of 10". Words, not emoji: they read the same without an emoji font.
 */
export function scoreText(kind: QuestionKind, score: number): string {
  switch (kind) {
    case 'thumbs':
      return score === 1 ? 'Thumbs up' : 'Thumbs down';
    case 'emoji5':
      return `${EMOJI_WORDS[score - 1] ?? score} (${score} of 5)`;
    case 'csat5':
      return `${CSAT_WORDS[score - 1] ?? score} (${score} of 5)`;
    case 'ces7':
      return `${score} of 7, ${(CES_WORDS[score - 1] ?? 'effort').toLowerCase()}`;
    default:
      return `${score} of ${SCALES[kind].max}`;
  }
}

/** The question kind in words, for lists that mix kinds. */
export const QUESTION_KIND_NAME: Readonly<Record<QuestionKind, string>> = {
  csat5: 'Satisfaction, 1–5 stars',
  emoji5: 'Faces, very unhappy to very happy',
  ces7: 'Effort, 1–7',
  happiness10: 'Happiness, 0–10',
  thumbs: 'Thumbs up or down',
};

/** A comment mood (−1..+1) in words with its value: "negative (−0.54)". */
export function formatMood(mood: number): string {
  const word = mood <= -0.05 ? 'negative' : mood >= 0.05 ? 'positive' : 'neutral';
  const value = mood.toFixed(2).replace('-', '−');
  return `${word} (${value})`;
}
