/**
 * What a ticket record derives from its experience: risk, the indexed fields, the JQL property,
 * the rollup contribution and the survey rules' view of the ticket. Pure functions.
 */
import { isLowScore } from '../../domain/question';
import { contributionOf, type Contribution } from '../../domain/rollup';
import type { TicketAsk, TicketSurveyState } from '../../domain/survey';
import {
  assessRisk,
  isDone,
  reassignmentCount,
  ticketOutcomes,
  wasAssigned,
  type RiskAssessment,
  type TicketExperience,
} from '../../domain/ticket';
import type { TicketOutcomes } from '../../domain/outcomes';
import type { XlaDefinition } from '../../domain/xla';
import type { ExperienceProperty, StoredConfig } from '../ports';
import type { TicketAskSummary, TicketRecord } from './ticket-record';

export function contributionFor(experience: TicketExperience, xlas: readonly XlaDefinition[]): Contribution {
  const byXla: Record<string, TicketOutcomes> = {};
  for (const xla of xlas) {
    if (!xla.enabled) continue;
    const outcomes = ticketOutcomes(experience, xla);
    if (outcomes !== null) byXla[xla.id] = outcomes;
  }
  return contributionOf(byXla);
}

export function riskOf(experience: TicketExperience, now: number, xlas: readonly XlaDefinition[]): RiskAssessment {
  const wait = xlas.find((x) => x.enabled)?.waitThresholdHours;
  return assessRisk(experience, now, wait === undefined ? {} : { waitThresholdHours: wait });
}

/** What the issue property may show (see ExperienceProperty: the request's customers can read it). */
export function propertyOf(asks: readonly TicketAskSummary[], now: number): ExperienceProperty {
  return { pendingAsk: asks.some((a) => a.status === 'pending' && a.expiresAt > now) ? 'yes' : 'no' };
}

/** The survey rules' view of the ticket as it is in the record. */
export function surveyStateOf(
  record: TicketRecord,
  statusCategoryFallback: 'new' | 'indeterminate' | 'done' = 'new',
): TicketSurveyState {
  const e = record.experience;
  const asks: TicketAsk[] = record.asks.map((a) => ({
    id: a.id,
    planId: a.planId,
    waypoint: a.waypoint,
    status: a.status,
    createdAt: a.createdAt,
    expiresAt: a.expiresAt,
  }));
  return {
    ticketId: record.ticketId,
    issueKey: e.issueKey,
    projectId: e.projectId,
    requestTypeId: e.requestTypeId,
    priority: e.priority,
    reporterId: e.reporterId,
    statusCategory: e.status?.category ?? statusCategoryFallback,
    createdAt: e.createdAt ?? record.createdAt,
    lastPublicAgentActivityAt: e.lastPublicAgentActivityAt,
    hadPublicAgentComment: e.firstPublicAgentResponseAt !== null,
    // The domain's count: a repeated assignment to the same person is not a reassignment.
    reassignCount: reassignmentCount(e),
    wasAssigned: wasAssigned(e),
    asks,
  };
}

/** Recomputes every derived field of the record from its experience. */
export function deriveRecord(
  record: TicketRecord,
  config: StoredConfig,
  now: number,
): { record: TicketRecord; risk: RiskAssessment } {
  const e = record.experience;
  const risk = riskOf(e, now, config.xlas);
  return {
    risk,
    record: {
      ...record,
      projectId: e.projectId,
      createdAt: e.createdAt ?? record.createdAt,
      open: !isDone(e) && !e.deleted,
      riskScore: Math.max(0, Math.min(100, Math.round(risk.score))),
      lastAgentActivityAt: e.lastPublicAgentActivityAt ?? e.createdAt ?? record.createdAt,
      updatedAt: now,
    },
  };
}

/**
 * The record with its derived fields recomputed and the JQL property it should mirror: what every
 * change of a ticket (an answer, an ask, a follow-up) does before it commits.
 */
export function derivedWithProperty(
  record: TicketRecord,
  config: StoredConfig,
  now: number,
): { record: TicketRecord; property: ExperienceProperty } {
  const derived = deriveRecord(record, config, now);
  const property = propertyOf(derived.record.asks, now);
  return { record: { ...derived.record, property }, property };
}

/** A low answer nobody followed up yet (the agent panel's "close the loop"). */
export function followUpOf(
  e: TicketExperience,
): { needed: boolean; doneAt: number | null; askId: string | null } | null {
  const low = [...e.answers].reverse().find((a) => isLowScore(a.questionKind, a.score));
  if (low === undefined) return null;
  return { needed: low.followUpDoneAt === null, doneAt: low.followUpDoneAt, askId: low.askId };
}
