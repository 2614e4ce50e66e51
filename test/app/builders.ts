/** Small builders of app-level test data: a ticket record and a pending ask on it. */
import { newRecord } from '../../src/app/tickets/ticket-record';
import { shardOf } from '../../src/platform/storage-layout';
import type { TicketRecord } from '../../src/app/tickets/ticket-record';
import type { Ask } from '../../src/domain/ask';
import { newAsk } from '../../src/domain/survey';
import { emptyExperience } from '../../src/domain/ticket';
import { aPlan } from '../domain/survey/builders';

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
