import type { PortalAskView } from '@contracts/portal';
import type { TicketExperienceView } from '@contracts/agent';
import type { QuestionSnapshot } from '@domain/ask';
import type { ReasonChip } from '@domain/survey-plan';

const HOUR = 3_600_000;
export const NOW = Date.now();

export function aQuestion(patch: Partial<QuestionSnapshot> = {}): QuestionSnapshot {
  return {
    kind: 'emoji5',
    text: 'How is it going with your request so far?',
    reasonChips: {
      negative: chips('Slow', 'Not fixed'),
      neutral: chips('Could be faster'),
      positive: chips('Fast', 'Friendly'),
    },
    comment: { enabled: true, maxLength: 500 },
    lostTime: {
      enabled: true,
      choices: [
        { id: 'none', label: 'No time lost', minutes: 0 },
        { id: 'under-1h', label: 'Less than an hour', minutes: 30 },
      ],
    },
    ...patch,
  };
}

/** The English wording of a question, as the portal resolver sends it for an en-US page. */
function englishWording(q: QuestionSnapshot): PortalAskView['wording'] {
  const worded = (list: ReasonChip[]) => list.map((c) => ({ value: c.id, label: c.label }));
  return {
    locale: 'en-US',
    text: q.text,
    stage: 'asked',
    reasonChips: {
      negative: worded(q.reasonChips.negative),
      neutral: worded(q.reasonChips.neutral),
      positive: worded(q.reasonChips.positive),
    },
  };
}

export function aPendingAsk(patch: Partial<PortalAskView> = {}): PortalAskView {
  return {
    askId: 'ask-1',
    issueKey: 'HELP-7',
    question: aQuestion(),
    wording: englishWording(patch.question ?? aQuestion()),
    status: 'pending',
    answer: null,
    expiresAt: NOW + 48 * HOUR,
    askedAt: Date.UTC(2026, 10, 21, 9),
    askedWhileOpen: true,
    editable: true,
    ...patch,
  };
}

export function anExperience(patch: Partial<TicketExperienceView> = {}): TicketExperienceView {
  return {
    issueKey: 'HELP-7',
    mood: -0.42,
    moodLabel: 'negative',
    moodTrajectory: [
      { at: NOW - 30 * HOUR, mood: 0.2 },
      { at: NOW - 20 * HOUR, mood: -0.1 },
      { at: NOW - 2 * HOUR, mood: -0.42 },
    ],
    risk: {
      level: 'high',
      score: 0.81,
      reasons: [
        { code: 'sla-breached', text: 'Time to first response breached' },
        { code: 'chaser', text: 'The requester asked for an update twice' },
      ],
    },
    timeline: [
      {
        id: 't1',
        at: NOW - 3 * HOUR,
        kind: 'comment-sentiment',
        title: 'Negative tone in a comment',
        detail: 'This is still broken and nobody answers.',
        tone: 'bad',
      },
      {
        id: 't2',
        at: NOW - 5 * HOUR,
        kind: 'sla-breached',
        title: 'SLA breached: Time to first response',
        detail: null,
        tone: 'bad',
      },
      {
        id: 't3',
        at: NOW - 26 * HOUR,
        kind: 'answer',
        title: 'Answered 2/5',
        detail: 'Nobody called me back',
        tone: 'bad',
      },
    ],
    indicators: [
      { id: 'sla', state: 'bad', detail: '1 SLA breached' },
      { id: 'reopen', state: 'missing', detail: 'Not resolved yet' },
    ],
    asks: [
      {
        id: 'ask-1',
        planId: 'mid-flight',
        planName: 'Mid-flight check',
        waypoint: 'first-response',
        status: 'answered',
        questionKind: 'csat5',
        questionText: 'How is it going?',
        createdAt: NOW - 30 * HOUR,
        expiresAt: NOW + 40 * HOUR,
        score: 2,
        midFlight: true,
      },
    ],
    planDecisions: [
      {
        planId: 'on-hold',
        planName: 'Waiting check',
        asked: false,
        reason: 'cooldown',
        message: 'The requester was asked less than 72 hours ago',
        at: NOW - HOUR,
      },
    ],
    manualPlans: [{ planId: 'quick-check', planName: 'Quick check', refusal: null }],
    lastScore: { kind: 'csat5', score: 2, normalised: 0.25 },
    followUp: { needed: true, doneAt: null, doneBy: null },
    sla: {
      read: 'read',
      slas: [
        {
          name: 'Time to first response',
          state: 'breached',
          remainingMs: -2 * HOUR - 5 * 60_000,
          breachedBefore: false,
        },
        { name: 'Time to resolution', state: 'on-track', remainingMs: 5 * HOUR, breachedBefore: false },
      ],
    },
    ...patch,
  };
}

import type { Scorecard } from '@domain/scorecard';
import type { ResponseOf } from '@contracts/resolver';
import type { getAtRiskTickets, getResponseStats, getVerbatims, getWatermelon } from '@contracts/project';
import { chips } from '../../support/chips';

export function aScorecard(patch: Partial<Scorecard> = {}): Scorecard {
  return {
    xlaId: 'experience',
    name: 'People get back to work fast',
    window: { kind: 'rolling', days: 30 },
    range: { from: '2026-10-25', to: '2026-11-23' },
    today: '2026-11-23',
    targetScore: 80,
    score: 72.4,
    interval: { lower: 64.1, upper: 79.8 },
    status: 'at-risk',
    confidence: 'high',
    sampleSize: 41.2,
    minSample: 5,
    experience: 70,
    operations: 90,
    operationalOnly: false,
    indicators: [
      {
        id: 'csat',
        group: 'X',
        weight: 0.8,
        weightShare: 0.8,
        floor: 0.5,
        target: 0.9,
        n: 40,
        good: 31,
        nEff: 38.5,
        rate: 0.775,
        smoothedRate: 0.78,
        prior: 0.8,
        priorSource: 'default',
        strength: 10,
        interval: { lower: 0.63, upper: 0.87 },
        score: 70,
        scoreInterval: { lower: 40, upper: 90 },
        contribution: 39.2,
      },
      {
        id: 'sla',
        group: 'O',
        weight: 0.4,
        weightShare: 0.4,
        floor: 0.7,
        target: 0.95,
        n: 50,
        good: 48,
        nEff: 47,
        rate: 0.96,
        smoothedRate: 0.95,
        prior: 0.9,
        priorSource: 'site',
        strength: 10,
        interval: { lower: 0.87, upper: 0.99 },
        score: 100,
        scoreInterval: { lower: 70, upper: 100 },
        contribution: 12,
      },
    ],
    trend: {
      previous: { from: '2026-09-25', to: '2026-10-24' },
      previousScore: 80.5,
      previousStatus: 'met',
      change: -8.1,
      direction: 'down',
      real: true,
      indicators: [],
    },
    daily: [
      { day: '2026-11-21', score: 70, interval: { lower: 40, upper: 90 }, sampleSize: 3, indicators: [] },
      { day: '2026-11-22', score: null, interval: null, sampleSize: 0, indicators: [] },
      { day: '2026-11-23', score: 75, interval: { lower: 45, upper: 92 }, sampleSize: 2, indicators: [] },
    ],
    watermelon: { flagged: false, operations: 90, basis: 'csat', upper: 0.87, threshold: 0.7, slaRate: 0.96 },
    happiness: null,
    lostTime: null,
    answers: [],
    ...patch,
  };
}

/** Answers for every call the project page makes at start, keyed by contract. */
export function aWatermelon(patch: Partial<ResponseOf<typeof getWatermelon>> = {}): ResponseOf<typeof getWatermelon> {
  const row = {
    xlaId: 'experience',
    operations: 95,
    status: 'breached' as const,
    basis: 'csat' as const,
    upper: 0.55,
    threshold: 0.7,
    slaTickets: 30,
  };
  return {
    range: { from: '2026-10-25', to: '2026-11-23' },
    xlas: [{ xlaId: 'experience', name: 'People get back to work fast' }],
    rows: [
      {
        ...row,
        requestTypeId: 'rt-1',
        requestTypeName: 'Get IT help',
        slaMetRate: 0.97,
        xlaScore: 41,
        sampleSize: 22,
        tickets: 22,
        flagged: true,
      },
      {
        ...row,
        requestTypeId: 'rt-2',
        requestTypeName: null,
        slaMetRate: 0.9,
        xlaScore: null,
        sampleSize: 2,
        tickets: 2,
        flagged: false,
        status: 'not-enough-data',
      },
    ],
    ...patch,
  };
}

export function someAtRisk(): ResponseOf<typeof getAtRiskTickets> {
  return {
    tickets: [
      {
        issueKey: 'HELP-12',
        riskLevel: 'high',
        riskScore: 70,
        reasons: [{ code: 'chasers', text: 'Requester asked for an update twice' }],
        mood: -0.6,
        lastScore: { kind: 'csat5', score: 1 },
        requestTypeId: 'rt-1',
        requestTypeName: 'Get IT help',
        assignee: { name: 'Sam Rivera' },
        ageHours: 80,
      },
      {
        issueKey: 'HELP-3',
        riskLevel: 'medium',
        riskScore: 30,
        reasons: [{ code: 'long-wait', text: 'Waiting for support 30 h in total' }],
        mood: null,
        lastScore: null,
        requestTypeId: null,
        requestTypeName: null,
        assignee: null,
        ageHours: 5.5,
      },
    ],
  };
}

export function someVerbatims(patch: Partial<ResponseOf<typeof getVerbatims>> = {}): ResponseOf<typeof getVerbatims> {
  return {
    verbatims: [
      {
        id: 'v1',
        issueKey: 'HELP-12',
        at: NOW,
        source: 'answer',
        text: 'Nobody called me back',
        band: 'negative',
        score: { kind: 'csat5', score: 1 },
        reasons: ['Slow'],
        reasonIds: ['Slow'],
        requestTypeId: 'rt-1',
        requestTypeName: 'Get IT help',
      },
      {
        id: 'v2',
        issueKey: 'HELP-3',
        at: NOW,
        source: 'answer',
        text: 'Thanks, super quick!',
        band: 'positive',
        score: { kind: 'csat5', score: 5 },
        reasons: [],
        reasonIds: [],
        requestTypeId: null,
        requestTypeName: null,
      },
    ],
    nextCursor: null,
    // Three answers read: the two above, and one without a comment that picked "Slow" too.
    reasonCounts: [
      { chipId: 'Slow', reason: 'Slow', band: 'negative', count: 2 },
      { chipId: 'Fast', reason: 'Fast', band: 'positive', count: 1 },
    ],
    answersRead: 3,
    ...patch,
  };
}

export function someResponseStats(): ResponseOf<typeof getResponseStats> {
  return {
    range: { from: '2026-10-25', to: '2026-11-23' },
    sent: 120,
    answered: 54,
    expired: 40,
    responseRate: 54 / 94,
    requestersAsked: 90,
    requestersSaturated: false,
    meanAsksPerRequester: 120 / 90,
    suppressed: [
      { reason: 'cooldown', count: 17 },
      { reason: 'max-asks-reached', count: 0 },
      { reason: 'ask-pending', count: 3 },
      { reason: 'sampled-out', count: 0 },
    ],
    requesterComments: 250,
    notScoredLanguage: 20,
  };
}
