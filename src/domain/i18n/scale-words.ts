import type { QuestionKind } from '../question';
import type { MessageKey } from './messages';

/** The points of each scale that have words of their own in the message files (`scale.<kind>.<n>`). */
const SCALE_WORDS: Readonly<Record<QuestionKind, ReadonlyArray<number>>> = {
  csat5: [1, 2, 3, 4, 5],
  emoji5: [1, 2, 3, 4, 5],
  ces7: [1, 2, 3, 4, 5, 6, 7],
  happiness10: [],
  thumbs: [0, 1],
};

/** The words for one point of a scale ("Very satisfied"), or null where a scale names only its ends. */
export function scalePointKey(kind: QuestionKind, score: number): MessageKey | null {
  if (kind === 'happiness10')
    return score === 0 ? 'scale.happiness10.low' : score === 10 ? 'scale.happiness10.high' : null;
  return SCALE_WORDS[kind].includes(score) ? (`scale.${kind}.${score}` as MessageKey) : null;
}
