/** A ticket record's survey-activity cells (src/domain/rollup/survey-stats.ts), for its contribution. */
import { surveyStatsCells, type Cell } from '../../domain/rollup';
import { segmentOf } from '../../domain/ticket';
import type { TicketRecord } from './ticket-record';

export function surveyStatsCellsOf(record: TicketRecord): Cell[] {
  const e = record.experience;
  return surveyStatsCells({
    segment: segmentOf(e),
    requesterId: e.reporterId,
    asks: record.asks.map((a) => ({ status: a.status, createdAt: a.createdAt })),
    decisions: record.decisions.map((d) => ({ asked: d.asked, reason: d.reason, at: d.at })),
    comments: e.requesterComments.map((c) => ({ at: c.at, notScoredLanguage: c.notScored === 'language' })),
  });
}
