/**
 * The agent panel's timeline as the presenter writes it. Oracle: records built by hand from what
 * happened on a ticket (one requester comment that chases and is angry is one event for the agent).
 */
import { describe, expect, it } from 'vitest';
import { emptyExperience, type TicketExperience } from '../../../src/domain/ticket';
import { ticketExperienceView } from '../../../src/handlers/presenters/ticket-experience-view';

const T0 = Date.UTC(2026, 10, 2, 9);

function viewOf(e: TicketExperience) {
  return ticketExperienceView({
    experience: e,
    mood: null,
    moodTrajectory: [],
    risk: { level: 'low', score: 0, reasons: [] },
    asks: [],
    planDecisions: [],
    manualPlans: [],
    followUp: null,
  });
}

const base = emptyExperience({ issueId: '10001', issueKey: 'IT-1', projectId: '10000' }, T0);

describe('the agent timeline', () => {
  it('shows a comment that chases an update once, with its tone, not as a chaser and a comment', () => {
    const e: TicketExperience = {
      ...base,
      requesterComments: [
        {
          commentId: 'c1',
          at: T0 + 1000,
          version: T0,
          s: -0.8,
          negativeSentences: ['Still broken, this is awful.'],
          chaser: true,
          frustrationReasons: [],
        },
        {
          commentId: 'c2',
          at: T0 + 2000,
          version: T0,
          s: 0.6,
          negativeSentences: [],
          chaser: false,
          frustrationReasons: [],
        },
      ],
      chasers: [{ commentId: 'c1', at: T0 + 1000, version: T0, excerpt: 'Any news? Still broken, this is awful.' }],
    };
    const timeline = viewOf(e).timeline;
    expect(timeline.map((t) => [t.kind, t.title, t.detail])).toEqual([
      ['chaser', 'Requester asked for an update, in a negative tone', 'Still broken, this is awful.'],
      ['comment-sentiment', 'Requester comment', null],
    ]);
  });

  it('keeps a calm chaser as a plain request for an update', () => {
    const e: TicketExperience = {
      ...base,
      requesterComments: [
        { commentId: 'c1', at: T0, version: T0, s: 0.1, negativeSentences: [], chaser: true, frustrationReasons: [] },
      ],
      chasers: [{ commentId: 'c1', at: T0, version: T0, excerpt: 'Any update on this?' }],
    };
    expect(viewOf(e).timeline.map((t) => [t.kind, t.title, t.detail])).toEqual([
      ['chaser', 'Requester asked for an update', 'Any update on this?'],
    ]);
  });
});
