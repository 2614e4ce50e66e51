import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceIsChaser } from '../../../src/domain/sentiment/chaser.js';
import { createSentimentScorer } from '../../../src/domain/sentiment/index.js';
import { getValenceTable } from '../../../src/domain/sentiment/lexicon.js';
import { matchServiceDeskPatterns, TRIGGER_WORDS } from '../../../src/domain/sentiment/service-desk-patterns.js';
import { tokenizeSentence } from '../../../src/domain/sentiment/tokens.js';

// Phrases written for these tests; none comes from the evaluation files.
const scorer = createSentimentScorer();

function s(text: string): number {
  const r = scorer.score(text);
  if (r.kind !== 'scored') throw new Error(`expected a score for ${JSON.stringify(text)}`);
  return r.s;
}

describe('general linguistic rules', () => {
  it('reads "least" as a negator, except in "at least" and "the very least"', () => {
    expect(s('That was the least helpful reply so far.')).toBeLessThanOrEqual(-0.05);
    expect(s('At least the new laptop is nice.')).toBeGreaterThanOrEqual(0.05);
  });

  it('softens a word after "kind of" / "sort of", but keeps "kind" a feeling word on its own', () => {
    expect(s('The new portal is kind of nice.')).toBeLessThan(s('The new portal is nice.'));
    expect(s('The new portal is kind of nice.')).toBeGreaterThanOrEqual(0.05);
    expect(s('Your colleague was very kind.')).toBeGreaterThanOrEqual(0.05);
  });

  it('reads "never so/this" + feeling as praise, not as negation', () => {
    expect(s('I have never been so happy with a helpdesk.')).toBeGreaterThanOrEqual(0.05);
    expect(s('I was never happy with the old printer.')).toBeLessThanOrEqual(-0.05);
  });

  it('does not let a repeated "no" flip back and forth', () => {
    expect(s('No, no, no. Not again.')).toBeLessThan(s('No.'));
  });

  it('lets a sentence that opens with "But" outweigh the one before it', () => {
    expect(s('The technician was friendly. But the laptop is broken again.')).toBeLessThanOrEqual(-0.05);
    expect(s('The first call was awful. But the second agent was wonderful!')).toBeGreaterThanOrEqual(0.05);
  });

  it('scores idioms as a whole, not word by word', () => {
    expect(s('Setting up the new phone was a piece of cake.')).toBeGreaterThanOrEqual(0.05);
    expect(s('The onboarding call was a waste of time.')).toBeLessThanOrEqual(-0.05);
    expect(s('Honestly I am sick and tired of this printer.')).toBeLessThan(s('Honestly I am tired of this printer.'));
    expect(s('Changing the toner was not a piece of cake.')).toBeLessThanOrEqual(-0.05);
  });

  it('treats a drawn-out word as emphasis', () => {
    expect(s('This is sooo goood')).toBeGreaterThan(s('This is so good'));
    expect(s('The new VPN is baaad')).toBeLessThan(s('The new VPN is bad'));
  });
});

describe('trigger-word prefilter (one token pass instead of a regex pass per rule)', () => {
  const lexicon = getValenceTable();
  // Every trigger word, plus the other words the rules are written with, so that random sentences
  // often match a rule.
  const vocab = [
    ...TRIGGER_WORDS,
    ...(
      'still down not no never waiting on hold for 40 30min 2hrs minutes an the took it is been since ago now i you ' +
      'we this my ticket closed but again same people can until works fine error crash has gone more 3 days monday ' +
      'last week a promised by friday and nothing anyone actually working why keep hard great wonderful thanks ' +
      'nobody replied automated replies asked times already sent as said whole team locked out customers waiting'
    ).split(' '),
  ];

  it('gives the same result as trying every phrase and chaser pattern', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocab), { maxLength: 14 }),
        fc.constantFrom(-1, 0, 1),
        fc.boolean(),
        fc.boolean(),
        (ws, lexical, question, fault) => {
          const sentence = tokenizeSentence(ws.join(' '), lexicon, false);
          const words = sentence.tokens.map((t) => t.word);
          expect(matchServiceDeskPatterns(sentence.normalized, lexical, words, question, fault)).toEqual(
            matchServiceDeskPatterns(sentence.normalized, lexical, undefined, question, fault),
          );
          expect(sentenceIsChaser(sentence.normalized, words)).toBe(sentenceIsChaser(sentence.normalized));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
