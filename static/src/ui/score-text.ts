import { type QuestionKind, SCALES } from '@domain/question';

/** An answer as a person reads it: "4/5", "👍", "3/7 (effort)". */
export function scoreText(kind: QuestionKind, score: number): string {
  switch (kind) {
    case 'thumbs':
      return score === 1 ? '👍' : '👎';
    case 'emoji5':
      return ['😠', '🙁', '😐', '🙂', '😄'][score - 1] ?? `${score}/5`;
    case 'ces7':
      return `${score}/7 effort`;
    default:
      return `${score}/${SCALES[kind].max}`;
  }
}
