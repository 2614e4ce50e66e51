import { describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/domain/ask';
import { HOUR_MS } from '../../../src/domain/time';
import { DEFAULT_LOST_TIME_CHOICES } from '../../../src/domain/survey-plan';
import { XlaDefinitionSchema, defaultXla } from '../../../src/domain/xla';
import {
  TicketExperienceSchema,
  applyAnswer,
  applyEvent,
  applyEvents,
  applySlaState,
  assessRisk,
  chaserCount,
  isDone,
  lastResolvedAt,
  markFollowUpDone,
  reassignmentCount,
  reopenCount,
  ticketOutcomes,
  ticketSignals,
  waitingForSupportMs,
  type TicketExperience,
} from '../../../src/domain/ticket';
import { ISSUE, STATUS, deps, ev } from './builders';
import { chips } from '../../support/chips';

const at = (day: number, hour: number, minute = 0): number => Date.UTC(2025, 2, day, hour, minute);

/**
 * created (assigned to Bo) → Bo replies publicly → waiting for customer → requester chases →
 * back in progress → reassigned to Cy, then Di → resolved → reopened → requester thanks → resolved.
 */
const JOURNEY = [
  ev.created(at(3, 8), STATUS.waitingForSupport, 'qm:agent-bo'),
  ev.agentComment('30001', at(3, 9, 30)),
  ev.agentComment('30002', at(3, 9, 35), false),
  ev.status('20001', at(3, 10), STATUS.waitingForSupport, STATUS.waitingForCustomer),
  ev.requesterComment('30003', at(3, 11), 'Still dropping. Any update?'),
  ev.status('20002', at(3, 11, 5), STATUS.waitingForCustomer, STATUS.inProgress),
  ev.assigned('20003', at(4, 9), 'qm:agent-bo', 'qm:agent-cy'),
  ev.assigned('20004', at(4, 10), 'qm:agent-cy', 'qm:agent-di'),
  ev.status('20005', at(4, 15), STATUS.inProgress, STATUS.resolved),
  ev.resolved('20005', at(4, 15)),
  ev.status('20006', at(5, 7), STATUS.resolved, STATUS.inProgress),
  ev.reopened('20006', at(5, 7), STATUS.inProgress),
  ev.requesterComment('30004', at(5, 9), 'Thanks, works now'),
  ev.status('20007', at(5, 10), STATUS.inProgress, STATUS.resolved),
  ev.resolved('20007', at(5, 10)),
];

function fold(): TicketExperience {
  const e = applyEvents(null, JOURNEY, deps);
  if (e === null) throw new Error('no experience');
  return e;
}

function answeredAsk(score: number, answeredAt: number, overrides: Partial<Ask> = {}): Ask {
  return {
    id: 'ask-1',
    planId: 'plan-resolved',
    ticketId: ISSUE.issueId,
    issueKey: ISSUE.issueKey,
    projectId: ISSUE.projectId,
    requesterId: 'qm:requester-ada',
    waypoint: 'resolved',
    midFlight: false,
    status: 'answered',
    createdAt: at(5, 10),
    expiresAt: at(12, 10),
    reminderDueAt: null,
    remindedAt: null,
    question: {
      kind: 'csat5',
      text: 'How satisfied are you?',
      reasonChips: { negative: chips('Too slow'), neutral: [], positive: [] },
      comment: { enabled: true, maxLength: 1000 },
      lostTime: { enabled: true, choices: [...DEFAULT_LOST_TIME_CHOICES] },
    },
    answer: {
      score,
      reasons: ['Too-slow'],
      comment: 'Took two days',
      lostTimeChoiceId: '1-4h',
      answeredAt,
      via: 'portal',
    },
    requestedBy: null,
    ...overrides,
  };
}

// Hand-computed: 08:00–10:00 (2 h) + 11:05 on the 3rd to 15:00 on the 4th (27 h 55 min) + 07:00–10:00 on the 5th (3 h).
const WAITED_MS = 32 * HOUR_MS + 55 * 60_000;
// (−0.4·2^(−1/2) + 0.6·1) / (2^(−1/2) + 1)
const MOOD = (-0.4 * Math.SQRT1_2 + 0.6) / (Math.SQRT1_2 + 1);

describe('a ticket journey folded into its experience', () => {
  it("records status, resolution, reopen, assignments, agent activity and the requester's comments", () => {
    const e = fold();
    expect(TicketExperienceSchema.safeParse(e).success).toBe(true);
    expect(e.status).toEqual(STATUS.resolved);
    expect(e.statusAt).toBe(at(5, 10));
    expect(isDone(e)).toBe(true);
    expect(lastResolvedAt(e)).toBe(at(5, 10));
    expect(reopenCount(e)).toBe(1);
    expect(e.assignments.map((a) => a.assigneeId)).toEqual(['qm:agent-bo', 'qm:agent-cy', 'qm:agent-di']);
    expect(reassignmentCount(e)).toBe(2);
    expect(e.assigneeId).toBe('qm:agent-di');
    expect(e.firstPublicAgentResponseAt).toBe(at(3, 9, 30));
    expect(e.lastPublicAgentActivityAt).toBe(at(3, 9, 30));
    expect(e.requesterComments.map((c) => [c.commentId, c.s, c.chaser])).toEqual([
      ['30003', -0.4, true],
      ['30004', 0.6, false],
    ]);
    expect(chaserCount(e)).toBe(1);
    expect(waitingForSupportMs(e, e.lastEventAt)).toBe(WAITED_MS);
    expect(e.requestTypeId).toBe('17');
    expect(e.priority).toBe('3');
  });

  it('derives the signals an agent sees on the timeline', () => {
    expect(ticketSignals(fold()).map((s) => [s.kind, s.at])).toEqual([
      ['chaser', at(3, 11)],
      ['comment-sentiment', at(3, 11)],
      ['reassigned', at(4, 9)],
      ['reassigned', at(4, 10)],
      ['reopened', at(5, 7)],
      ['comment-sentiment', at(5, 9)],
    ]);
    const reassigned = ticketSignals(fold()).filter((s) => s.kind === 'reassigned');
    expect(
      reassigned.map((s) => (s.kind === 'reassigned' ? [s.fromAssigneeId, s.toAssigneeId, s.count] : null)),
    ).toEqual([
      ['qm:agent-bo', 'qm:agent-cy', 1],
      ['qm:agent-cy', 'qm:agent-di', 2],
    ]);
  });

  it('returns the signals each event adds, and none for a redelivery', () => {
    let e: TicketExperience | null = null;
    const added: string[][] = [];
    for (const event of JOURNEY) {
      const applied = applyEvent(e, event, deps);
      e = applied.experience;
      added.push(applied.newSignals.map((s) => s.kind));
    }
    expect(added[4]).toEqual(['chaser', 'comment-sentiment']);
    expect(added[6]).toEqual(['reassigned']);
    expect(added[11]).toEqual(['reopened']);
    expect(applyEvent(e, JOURNEY[4]!, deps)).toEqual({ experience: e, newSignals: [] });
  });

  it('gives the outcomes of SCORING.md §1 on the day of the last resolution', () => {
    const outcomes = ticketOutcomes(fold(), defaultXla());
    expect(outcomes).toEqual({
      segment: { projectId: '10001', requestTypeId: '17', priority: '3' },
      indicators: {
        sentiment: { good: true, day: '2025-03-05' },
        reopen: { good: false, day: '2025-03-05' },
        reassign: { good: false, day: '2025-03-05' },
        wait: { good: false, day: '2025-03-05' },
        chaser: { good: false, day: '2025-03-05' },
      },
      answer: null,
      lostTime: null,
    });
  });

  it("computes the ticket mood from the requester's two comments", async () => {
    const { moodOf } = await import('../../../src/domain/ticket');
    expect(moodOf(fold())?.mood).toBeCloseTo(MOOD, 9);
  });

  it("judges wait against the XLA's threshold", () => {
    const lenient = XlaDefinitionSchema.parse({ ...defaultXla(), waitThresholdHours: 33 });
    expect(ticketOutcomes(fold(), lenient)?.indicators.wait).toEqual({ good: true, day: '2025-03-05' });
  });

  it('adds sla and csat once the SLA state and an answer are known', () => {
    const withSla = applySlaState(
      fold(),
      [
        { name: 'Time to first response', completedCycles: [{ breached: false }] },
        {
          name: 'Time to resolution',
          completedCycles: [{ breached: true, breachTime: { epochMillis: at(4, 12) } }],
          ongoingCycle: null,
        },
        { name: 'Time to close', completedCycles: [] },
      ],
      at(5, 11),
    );
    expect(withSla.newSignals).toEqual([
      { id: '10042:sla:Time to resolution', at: at(4, 12), kind: 'sla-breached', slaName: 'Time to resolution' },
    ]);
    const answered = applyAnswer(withSla.experience, answeredAsk(2, at(5, 12)));
    expect(answered.newSignals.map((s) => s.kind)).toEqual(['answer']);
    const outcomes = ticketOutcomes(answered.experience, defaultXla());
    expect(outcomes?.indicators.sla).toEqual({ good: false, day: '2025-03-05' });
    expect(outcomes?.indicators.csat).toEqual({ good: false, day: '2025-03-05' });
    expect(outcomes?.answer).toEqual({ kind: 'csat5', score: 2, day: '2025-03-05' });
    expect(outcomes?.lostTime).toEqual({ minutes: 150, day: '2025-03-05' });

    const onlyFirstResponse = XlaDefinitionSchema.parse({ ...defaultXla(), slaNames: ['Time to first response'] });
    expect(ticketOutcomes(answered.experience, onlyFirstResponse)?.indicators.sla).toEqual({
      good: true,
      day: '2025-03-05',
    });
    const midFlight = XlaDefinitionSchema.parse({
      ...defaultXla(),
      csatSource: { waypoints: [], midFlightOnly: true },
    });
    expect(ticketOutcomes(answered.experience, midFlight)?.indicators.csat).toBeUndefined();
  });

  it('lets the requester change an answer and ignores an older one', () => {
    const first = applyAnswer(fold(), answeredAsk(2, at(5, 12))).experience;
    const changed = applyAnswer(first, answeredAsk(5, at(5, 13))).experience;
    expect(changed.answers.map((a) => [a.score, a.favourable])).toEqual([[5, true]]);
    expect(applyAnswer(changed, answeredAsk(2, at(5, 12))).experience).toBe(changed);
    expect(applyAnswer(changed, answeredAsk(3, at(5, 14), { status: 'expired' })).experience).toBe(changed);
  });

  it('gives no operational outcomes before the first resolution', () => {
    const open = applyEvents(null, JOURNEY.slice(0, 8), deps)!;
    expect(ticketOutcomes(open, defaultXla())?.indicators).toEqual({ sentiment: { good: false, day: '2025-03-03' } });
  });

  it('keeps the outcomes of the last resolution while reopened, with the reopen already bad', () => {
    const reopened = applyEvents(null, JOURNEY.slice(0, 12), deps)!;
    expect(isDone(reopened)).toBe(false);
    expect(ticketOutcomes(reopened, defaultXla())?.indicators.reopen).toEqual({ good: false, day: '2025-03-04' });
  });

  it("gives nothing for a deleted ticket or one outside the XLA's scope", () => {
    expect(ticketOutcomes(applyEvent(fold(), ev.deleted(at(6, 8)), deps).experience, defaultXla())).toBeNull();
    const otherProject = XlaDefinitionSchema.parse({
      ...defaultXla(),
      scope: { projectIds: ['99999'], requestTypeIds: [], priorities: [] },
    });
    expect(ticketOutcomes(fold(), otherProject)).toBeNull();
  });
});

describe('risk', () => {
  it('explains a troubled ticket with the reasons an agent can act on', () => {
    const risk = assessRisk(fold(), at(5, 12));
    expect(risk.reasons.map((r) => [r.code, r.points])).toEqual([
      ['chasers', 15],
      ['reopened', 15],
      ['long-wait', 15],
      ['reassigned', 10],
    ]);
    expect(risk.score).toBe(55);
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((r) => r.text)).toEqual([
      'Requester asked for an update once',
      'Reopened once after being resolved',
      'Waited for support 32 hours in total (the limit is 24 hours)',
      'Reassigned twice',
    ]);
  });

  it('raises a low answer until someone follows it up', () => {
    const answered = applyAnswer(fold(), answeredAsk(1, at(5, 12))).experience;
    expect(assessRisk(answered, at(5, 12)).reasons[0]).toEqual({
      code: 'low-score-no-follow-up',
      points: 35,
      text: 'Low survey answer (1 of 5) with no follow-up yet',
      facts: { answer: { kind: 'csat5', score: 1 } },
    });
    const followedUp = markFollowUpDone(answered, 'ask-1', at(5, 13));
    expect(assessRisk(followedUp, at(5, 13)).reasons.map((r) => r.code)).not.toContain('low-score-no-follow-up');
  });

  it('clears the low-answer reason when the follow-up is done, however many low answers came before', () => {
    // A mid-flight thumbs down, then a low answer at resolution: the agent follows up the latest one.
    const midFlight = answeredAsk(0, at(5, 11), {
      id: 'ask-0',
      waypoint: 'reassigned',
      midFlight: true,
      question: { ...answeredAsk(1, 0).question, kind: 'thumbs' },
    });
    const both = applyAnswer(applyAnswer(fold(), midFlight).experience, answeredAsk(1, at(5, 12))).experience;
    expect(assessRisk(both, at(5, 12)).reasons[0]?.text).toBe('Low survey answer (1 of 5) with no follow-up yet');
    const followedUp = markFollowUpDone(both, 'ask-1', at(5, 13));
    expect(assessRisk(followedUp, at(5, 13)).reasons.map((r) => r.code)).not.toContain('low-score-no-follow-up');
    // A later low answer needs its own follow-up.
    const again = applyAnswer(followedUp, answeredAsk(2, at(5, 14), { id: 'ask-2' })).experience;
    expect(assessRisk(again, at(5, 14)).reasons[0]?.code).toBe('low-score-no-follow-up');
  });

  it('words a low thumbs answer as people read it, never by its scale key', () => {
    const thumbs = answeredAsk(0, at(5, 12), { question: { ...answeredAsk(1, 0).question, kind: 'thumbs' } });
    const risk = assessRisk(applyAnswer(fold(), thumbs).experience, at(5, 12));
    expect(risk.reasons[0]?.text).toBe('Low survey answer (thumbs down) with no follow-up yet');
  });

  it('scores a calm new ticket low, and a negative mood in proportion', () => {
    const calm = applyEvents(null, [ev.created(at(3, 8), STATUS.waitingForSupport)], deps)!;
    expect(assessRisk(calm, at(3, 9))).toEqual({ level: 'low', score: 0, reasons: [] });
    const angry = applyEvent(calm, ev.requesterComment('31000', at(3, 9), 'This is useless.'), deps).experience;
    expect(assessRisk(angry, at(3, 10)).reasons).toEqual([
      {
        code: 'negative-mood',
        points: 30,
        text: "Requester's recent comments read negative (−0.80 on a −1 to +1 scale)",
        facts: { mood: -0.8 },
      },
    ]);
  });

  it("counts an open ticket's wait up to now", () => {
    const calm = applyEvents(null, [ev.created(at(3, 8), STATUS.waitingForSupport)], deps)!;
    expect(assessRisk(calm, at(6, 9)).reasons).toEqual([
      {
        code: 'long-wait',
        points: 25,
        text: 'Waited for support 3 days in total (the limit is 24 hours)',
        // 08:00 on day 3 to 09:00 on day 6: 73 hours.
        facts: { waitedHours: 73, limitHours: 24 },
      },
    ]);
  });
});
