import { isLowScore, type QuestionKind, SCALES } from '../question';
import { HOUR_MS, type EpochMs } from '../time';
import { chaserCount, isDone, reassignmentCount, reopenCount, type TicketExperience } from './experience';
import { NEGATIVE_MOOD } from './mood';
import { moodOf } from './outcomes';
import { waitingForSupportMs } from './waiting';

export type RiskLevel = 'low' | 'medium' | 'high';

export type RiskReasonCode =
  'negative-mood' | 'chasers' | 'reopened' | 'reassigned' | 'sla-breached' | 'low-score-no-follow-up' | 'long-wait';

/**
 * The figures a reason's sentence is made of, so a view can word it in the reader's language: the
 * low answer, the breached SLAs' names, the mood, a count, or the time waited and its limit.
 */
export interface RiskFacts {
  readonly answer?: { readonly kind: QuestionKind; readonly score: number };
  readonly slas?: string[];
  readonly mood?: number;
  readonly count?: number;
  readonly waitedHours?: number;
  readonly limitHours?: number;
}

export interface RiskReason {
  readonly code: RiskReasonCode;
  /** The reason in English, for logs and any reader without a translation. */
  readonly text: string;
  readonly facts: RiskFacts;
  /** This reason's share of the score, so the panel can order and weigh them. */
  readonly points: number;
}

export interface RiskAssessment {
  readonly level: RiskLevel;
  /** 0..100, integer. */
  readonly score: number;
  /** Strongest first. */
  readonly reasons: RiskReason[];
}

export interface RiskOptions {
  /** Waiting for support longer than this is a reason (SCORING.md T_wait, 24 h). */
  readonly waitThresholdHours?: number;
}

/** Score at or above which a ticket is high / medium risk. */
export const RISK_BANDS = { high: 50, medium: 25 } as const;

/**
 * How likely the requester is to leave unhappy, with reasons an agent can act on. Points are
 * additive and capped at 100; each reason is something the agent can see on the ticket. Weights:
 * a low answer nobody followed up is the strongest (the requester told us), then an SLA breach and
 * a clearly negative mood, then repeated friction (chasers, reopen, reassignments, waiting).
 */
export function assessRisk(e: TicketExperience, now: EpochMs, options: RiskOptions = {}): RiskAssessment {
  const reasons: RiskReason[] = [];
  const add = (code: RiskReasonCode, points: number, text: string, facts: RiskFacts): void => {
    reasons.push({ code, points: Math.round(points), text, facts });
  };

  const lowAnswer = [...e.answers]
    .reverse()
    .find((a) => isLowScore(a.questionKind, a.score) && a.followUpDoneAt === null);
  if (lowAnswer !== undefined)
    add(
      'low-score-no-follow-up',
      35,
      `Low survey answer (${answerWords(lowAnswer.questionKind, lowAnswer.score)}) with no follow-up yet`,
      { answer: { kind: lowAnswer.questionKind, score: lowAnswer.score } },
    );

  const breached = e.slas.filter((s) => s.breached).map((s) => s.name);
  if (breached.length > 0) add('sla-breached', 25, `SLA breached: ${breached.join(', ')}`, { slas: breached });

  const mood = moodOf(e);
  if (mood !== null && mood.mood <= NEGATIVE_MOOD) {
    // 10 points at the threshold, 30 at a mood of −0.6 or below.
    const depth = Math.min(1, (NEGATIVE_MOOD - mood.mood) / (NEGATIVE_MOOD + 0.6));
    add(
      'negative-mood',
      10 + 20 * depth,
      `Requester's recent comments read negative (${signed(mood.mood)} on a −1 to +1 scale)`,
      { mood: mood.mood },
    );
  }

  const chasers = chaserCount(e);
  if (chasers > 0)
    add('chasers', Math.min(30, 15 * chasers), `Requester asked for an update ${times(chasers)}`, { count: chasers });

  const reopens = reopenCount(e);
  if (reopens > 0)
    add('reopened', Math.min(25, 15 * reopens), `Reopened ${times(reopens)} after being resolved`, { count: reopens });

  const reassignments = reassignmentCount(e);
  if (reassignments >= 2)
    add('reassigned', Math.min(25, 10 + 5 * (reassignments - 2)), `Reassigned ${times(reassignments)}`, {
      count: reassignments,
    });

  const thresholdMs = (options.waitThresholdHours ?? 24) * HOUR_MS;
  const waitedMs = waitingForSupportMs(e, isDone(e) ? e.lastEventAt : Math.max(now, e.lastEventAt));
  if (waitedMs > thresholdMs) {
    add(
      'long-wait',
      waitedMs > 3 * thresholdMs ? 25 : 15,
      `Waited for support ${duration(waitedMs)} in total (the limit is ${duration(thresholdMs)})`,
      { waitedHours: Math.floor(waitedMs / HOUR_MS), limitHours: Math.floor(thresholdMs / HOUR_MS) },
    );
  }

  reasons.sort((a, b) => b.points - a.points);
  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + r.points, 0),
  );
  const level: RiskLevel = score >= RISK_BANDS.high ? 'high' : score >= RISK_BANDS.medium ? 'medium' : 'low';
  return { level, score, reasons };
}

/**
 * Reasons are read by agents and service owners: an answer in words of its scale ("1 of 5",
 * "thumbs down"), never the scale's key; long waits in days, not thousands of hours.
 */
function answerWords(kind: QuestionKind, score: number): string {
  if (kind === 'thumbs') return score === 1 ? 'thumbs up' : 'thumbs down';
  return `${score} of ${SCALES[kind].max}`;
}

function signed(mood: number): string {
  return mood.toFixed(2).replace('-', '−');
}

function duration(ms: number): string {
  const hours = Math.floor(ms / HOUR_MS);
  if (hours < 48) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return `${Math.floor(hours / 24)} days`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
