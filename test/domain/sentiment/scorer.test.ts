import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSentimentScorer, isChaser, type CommentScore } from '../../../src/domain/sentiment/index.js';

const scorer = createSentimentScorer();

function s(text: string): number {
  const r = scorer.score(text);
  if (r.kind !== 'scored') throw new Error(`expected a score for ${JSON.stringify(text)}, got ${r.reason}`);
  return r.s;
}

describe('SentimentScorer', () => {
  it('reads "not happy" as negative and "not bad" as positive, whatever the capitals', () => {
    expect(s('I am not happy with this.')).toBeLessThanOrEqual(-0.05);
    expect(s('Not happy.')).toBeLessThanOrEqual(-0.05);
    expect(s('NOT happy at all')).toBeLessThanOrEqual(-0.05);
    expect(s('The new laptop is not bad.')).toBeGreaterThanOrEqual(0.05);
  });

  it('makes an intensified feeling stronger than the plain one', () => {
    expect(s('The answer was very helpful.')).toBeGreaterThan(s('The answer was helpful.'));
    expect(s('This is extremely frustrating.')).toBeLessThan(s('This is frustrating.'));
  });

  it('weighs what follows "but" more than what precedes it', () => {
    expect(s('The agent was nice but the problem is not fixed.')).toBeLessThanOrEqual(-0.05);
  });

  it('reads plain-fact service-desk complaints as negative', () => {
    for (const text of [
      'The VPN is still down.',
      'I have been on hold for 40 minutes.',
      'This is the third time I ask about this.',
      'The printer still does not work.',
      'My laptop still will not start after the update.',
      'No response since Monday.',
      'Please escalate, this is urgent.',
      'It is broken again.',
    ]) {
      expect(s(text), text).toBeLessThanOrEqual(-0.05);
    }
  });

  it('reads thanks and a fixed problem as positive', () => {
    for (const text of [
      'Thanks, it works now!',
      'All good, you can close the ticket.',
      'That did the trick, thank you so much.',
    ]) {
      expect(s(text), text).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('does not let a polite "thanks" turn a chaser positive', () => {
    expect(s('Any update on this? Thanks.')).toBeLessThanOrEqual(-0.05);
  });

  it('flags chasers and lists the sentences that drove a negative score', () => {
    const r: CommentScore = scorer.score('Hi team. Any update on this? The shared drive is still not reachable.');
    expect(r.kind).toBe('scored');
    if (r.kind !== 'scored') return;
    expect(r.chaser).toBe(true);
    expect(r.s).toBeLessThanOrEqual(-0.05);
    expect(r.negativeSentences).toContain('The shared drive is still not reachable.');
    expect(r.negativeSentences).not.toContain('Hi team.');
  });

  it('returns no explaining sentences for a positive comment', () => {
    const r = scorer.score('Great, thanks for the quick help!');
    expect(r).toMatchObject({ kind: 'scored', negativeSentences: [], chaser: false });
  });

  it('calls empty and punctuation-only comments unscorable, never neutral', () => {
    expect(scorer.score('')).toEqual({ kind: 'unscorable', reason: 'empty' });
    expect(scorer.score('   \n\t ')).toEqual({ kind: 'unscorable', reason: 'empty' });
    expect(scorer.score('...')).toEqual({ kind: 'unscorable', reason: 'empty' });
  });

  it('scores a lone emoticon', () => {
    expect(s(':)')).toBeGreaterThanOrEqual(0.05);
  });

  it('calls non-English comments unscorable', () => {
    expect(scorer.score('Das Problem ist immer noch nicht gelöst, bitte um Rückmeldung.')).toEqual({
      kind: 'unscorable',
      reason: 'non-english',
    });
    expect(scorer.score("Le problème n'est pas résolu, merci de me répondre.")).toEqual({
      kind: 'unscorable',
      reason: 'non-english',
    });
    expect(scorer.score('El sistema no funciona y necesito ayuda con la impresora.')).toEqual({
      kind: 'unscorable',
      reason: 'non-english',
    });
    expect(scorer.score('プリンターが動きません')).toEqual({ kind: 'unscorable', reason: 'non-english' });
  });

  it('keeps short English and jargon scorable', () => {
    expect(scorer.score('VPN down').kind).toBe('scored');
    expect(scorer.score('ok').kind).toBe('scored');
  });

  it('always returns s within [−1, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = scorer.score(text);
        return r.kind === 'unscorable' || (r.s >= -1 && r.s <= 1 && Number.isFinite(r.s));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        (text) => JSON.stringify(scorer.score(text)) === JSON.stringify(scorer.score(text)),
      ),
    );
  });
});

describe('isChaser', () => {
  it('recognises requests for progress', () => {
    for (const text of [
      'Any update?',
      'Still waiting for a reply.',
      'Please respond.',
      'Is there an ETA for this?',
      'Just following up on my ticket.',
      "What's the status?",
      'Hello?',
    ]) {
      expect(isChaser(text), text).toBe(true);
    }
  });

  it('does not call ordinary requests chasers', () => {
    for (const text of [
      'Please reset my password.',
      'The printer on floor 3 is jammed.',
      'Thanks, that fixed it.',
      'Let me know if you need anything else.',
    ]) {
      expect(isChaser(text), text).toBe(false);
    }
  });
});
