import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainNegativeTone, moodLabel, ticketMood, type CommentScore } from '../../../src/domain/sentiment/index.js';

describe('ticketMood', () => {
  it('matches the SCORING.md §5 reference values', () => {
    expect(ticketMood([-0.8, 0.6])).toBeCloseTo(0.0201010127, 9);
    expect(ticketMood([0.5, -0.6])).toBeCloseTo(-0.1443650814, 9);
    expect(ticketMood([])).toBeNull();
  });

  it('labels the reference moods neutral and negative', () => {
    expect(moodLabel(ticketMood([-0.8, 0.6]))).toBe('neutral');
    expect(moodLabel(ticketMood([0.5, -0.6]))).toBe('negative');
  });

  it('is a weighted mean, so it lies between the smallest and largest score', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (scores) => {
        const m = ticketMood(scores);
        return m !== null && m >= Math.min(...scores) - 1e-12 && m <= Math.max(...scores) + 1e-12;
      }),
    );
  });

  it('weighs the newest comment most', () => {
    expect(ticketMood([1, -1])).toBeLessThan(0);
    expect(ticketMood([-1, 1])).toBeGreaterThan(0);
  });
});

describe('moodLabel', () => {
  it('uses the ±0.05 thresholds and never says "happy"', () => {
    expect(moodLabel(-0.05)).toBe('negative');
    expect(moodLabel(-0.049)).toBe('neutral');
    expect(moodLabel(0.049)).toBe('neutral');
    expect(moodLabel(0.05)).toBe('positive');
    expect(moodLabel(null)).toBe('unknown');
  });
});

describe('explainNegativeTone', () => {
  const scored = (
    s: number,
    negativeSentences: string[] = [],
    chaser = false,
    reasons: string[] = [],
  ): CommentScore => ({
    kind: 'scored',
    s,
    negativeSentences,
    chaser,
    reasons,
  });

  it('detects negative tone and shows the newest driving sentences first, skipping unscorable comments', () => {
    const tone = explainNegativeTone([
      scored(-0.6, ['Still down.'], false, ['says it is down']),
      { kind: 'unscorable', reason: 'non-english' },
      scored(-0.4, ['No response since Monday.'], false, ['says nobody has replied', 'says it is down']),
    ]);
    expect(tone.detected).toBe(true);
    expect(tone.label).toBe('negative');
    expect(tone.sentences).toEqual(['No response since Monday.', 'Still down.']);
    expect(tone.reasons).toEqual(['says nobody has replied', 'says it is down']);
  });

  it('detects a chase even when the words are polite', () => {
    expect(explainNegativeTone([scored(0.2, [], true)])).toMatchObject({
      detected: true,
      chased: true,
      label: 'positive',
    });
  });

  it('reports unknown, not neutral, when nothing was scorable', () => {
    expect(explainNegativeTone([{ kind: 'unscorable', reason: 'empty' }])).toEqual({
      mood: null,
      label: 'unknown',
      detected: false,
      sentences: [],
      reasons: [],
      chased: false,
    });
  });
});
