import { describe, expect, it } from 'vitest';
import { createSentimentScorer } from '../../../src/domain/sentiment';
import { applyEvent, chaserCount, type ApplyEventDeps } from '../../../src/domain/ticket';
import { ev } from './builders';

describe("the fold with the sentiment module's scorer", () => {
  it('takes createSentimentScorer().score as its comment scorer', () => {
    const scorer = createSentimentScorer();
    const deps: ApplyEventDeps = {
      score: (text) => scorer.score(text),
      waitingForCustomerStatuses: ['Waiting for customer'],
    };
    const at = Date.UTC(2025, 2, 3, 9);
    const { experience } = applyEvent(null, ev.requesterComment('1', at, 'Still waiting. Any update on this?'), deps);
    expect(chaserCount(experience)).toBe(1);
    expect(experience.requesterComments[0]?.s).toBeLessThanOrEqual(-0.05);
  });
});
