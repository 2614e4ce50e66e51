/** Small builders of app-level test data: a ticket record, a pending ask on it, and a world that owes its comment. */
import type { StoredConfig } from '../../src/app/ports';
import { newRecord, summaryOf } from '../../src/app/tickets/ticket-record';
import { shardOf } from '../../src/platform/storage-layout';
import type { TicketRecord } from '../../src/app/tickets/ticket-record';
import type { Ask } from '../../src/domain/ask';
import { newAsk } from '../../src/domain/survey';
import { emptyExperience } from '../../src/domain/ticket';
import { aPlan } from '../domain/survey/builders';
import { fakeWorld } from './fakes/ports';

export const NOW = Date.UTC(2026, 0, 5, 9);

export function aTicketRecord(overrides: { reporterId?: string; participantIds?: string[] } = {}): TicketRecord {
  const e = {
    ...emptyExperience({ issueId: '10001', issueKey: 'IT-1', projectId: '10000' }, NOW),
    reporterId: overrides.reporterId ?? 'customer-1',
    createdAt: NOW,
  };
  return { ...newRecord(e, NOW, shardOf(e.issueId)), participantIds: overrides.participantIds ?? [] };
}

export function aPendingAsk(planId = 'by-comment', requesterId = 'customer-1'): Ask {
  return newAsk({
    plan: aPlan({ id: planId, waypoint: { kind: 'created' }, delivery: { publicComment: true } }),
    ticketId: '10001',
    issueKey: 'IT-1',
    projectId: '10000',
    requesterId,
    occurrenceKey: 'created',
    statusCategoryAfter: 'new',
    requestedBy: null,
    now: NOW,
  });
}

/** A ticket whose ask is delivered by public comment and not yet sent: what a commit leaves owed. */
export function aWorldOwingASurveyComment() {
  const plan = aPlan({ id: 'by-comment', waypoint: { kind: 'created' }, delivery: { publicComment: true } });
  const config: StoredConfig = { version: 1, xlas: [], plans: [plan] };
  const w = fakeWorld(config);
  const ask = aPendingAsk();
  w.tickets.set('10001', { value: { ...aTicketRecord(), asks: [summaryOf(ask)], undelivered: [ask.id] }, rev: 1 });
  w.asks.set(ask.id, { ask, usedNonces: [], rev: 1 });
  return { w, ask, plan, config };
}
