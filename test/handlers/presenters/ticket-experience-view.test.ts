/**
 * The agent panel's timeline as the presenter writes it. Oracle: records built by hand from what
 * happened on a ticket (one requester comment that chases and is angry is one event for the agent).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newAsk } from '../../../src/domain/survey';
import { SurveyPlanSchema } from '../../../src/domain/survey-plan';
import { emptyExperience, type TicketExperience } from '../../../src/domain/ticket';
import { askSummary, ticketExperienceView } from '../../../src/handlers/presenters/ticket-experience-view';
import { forgeTranslator } from '../../i18n/forge-translations';

const T0 = Date.UTC(2026, 10, 2, 9);
const english = await forgeTranslator('en-US');

function viewOf(e: TicketExperience) {
  return ticketExperienceView(
    {
      experience: e,
      mood: null,
      moodTrajectory: [],
      risk: { level: 'low', score: 0, reasons: [] },
      asks: [],
      planDecisions: [],
      manualPlans: [],
      followUp: null,
      sla: { read: 'read', slas: [], more: false },
    },
    english,
  );
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

describe('an ask as the agent sees it', () => {
  // Oracle: the English message file (portal.outcome.csat5) and the waypoint rule: an answer to the
  // outcome question counts at resolution, never mid-flight.
  const outcome = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'locales', 'en-US.json'), 'utf8'))
    .portal.outcome.csat5 as string;
  const ask = newAsk({
    plan: SurveyPlanSchema.parse({
      id: 'p',
      name: 'After first response',
      waypoint: { kind: 'first-response' },
      question: { kind: 'csat5', text: 'How is it going so far?' },
    }),
    ticketId: '10001',
    issueKey: 'IT-1',
    projectId: '10000',
    requesterId: 'c',
    occurrenceKey: 'k',
    statusCategoryAfter: 'indeterminate',
    requestedBy: null,
    now: T0,
  });
  const answer = {
    score: 2,
    reasons: [],
    comment: null,
    lostTimeChoiceId: null,
    answeredAt: T0 + 1,
    via: 'portal' as const,
  };

  it('shows the question put while open until the request is resolved, then the outcome question', () => {
    expect(askSummary(ask, 'P', false, english)).toMatchObject({
      questionText: 'How is it going so far?',
      midFlight: true,
    });
    expect(askSummary(ask, 'P', true, english)).toMatchObject({ questionText: outcome, waypoint: 'first-response' });
  });

  it('ties an answer to the waypoint it was given at', () => {
    const whileOpen = { ...ask, status: 'answered' as const, answer };
    expect(askSummary(whileOpen, 'P', true, english)).toMatchObject({
      questionText: 'How is it going so far?',
      waypoint: 'first-response',
      midFlight: true,
    });
    const toOutcome = { ...ask, status: 'answered' as const, answer: { ...answer, wording: 'outcome' as const } };
    expect(askSummary(toOutcome, 'P', true, english)).toMatchObject({
      questionText: outcome,
      waypoint: 'resolved',
      midFlight: false,
    });
  });
});
