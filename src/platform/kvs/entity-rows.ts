/** How a ticket and an ask become entity rows: their record plus the attributes the indexes sort on. */
import type { TicketRecord } from '../../app/tickets/ticket-record';
import type { Ask } from '../../domain/ask';
import type { AskEntity, TicketEntity } from '../stored-shapes';

export function ticketEntity(record: TicketRecord, rev: number): TicketEntity {
  return {
    projectId: record.projectId,
    openState: record.open ? 'open' : 'closed',
    riskScore: record.riskScore,
    lastAgentActivityAt: record.lastAgentActivityAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    activityAt: record.experience.lastEventAt,
    rev,
    record,
  };
}

/**
 * The earliest moment the hourly job has something to do with a pending ask: at once while its
 * survey comment is still owed, else its reminder or expiry.
 */
function dueAt(ask: Ask, commentOwed: boolean): number {
  if (commentOwed && ask.status === 'pending') return ask.createdAt;
  return ask.reminderDueAt !== null && ask.remindedAt === null
    ? Math.min(ask.reminderDueAt, ask.expiresAt)
    : ask.expiresAt;
}

export function askEntity(ask: Ask, rev: number, usedNonces: readonly string[], commentOwed = false): AskEntity {
  return {
    ticketId: ask.ticketId,
    requesterId: ask.requesterId,
    status: ask.status,
    createdAt: ask.createdAt,
    expiresAt: ask.expiresAt,
    dueAt: dueAt(ask, commentOwed),
    rev,
    record: ask,
    usedNonces: [...usedNonces],
  };
}
