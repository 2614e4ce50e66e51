/**
 * The verbatims reader as it was before it read storage 100 tickets at a time (git 495a489,
 * src/app/scorecards/verbatims.ts): pages of the list were up to 4 storage pages of 25 tickets,
 * read one after the other. Kept on purpose as the oracle of the paging property test: the list a
 * person pages through must not change with how storage is read.
 */
import type { ReasonCount, Verbatim } from '../../../../src/app/scorecards/read-models';
import { dashboardWindow } from '../../../../src/app/scorecards/project-rollups';
import { requestTypeNames } from '../../../../src/app/scorecards/request-type-names';
import { countReasons, verbatimsOf, type VerbatimQuery } from '../../../../src/app/scorecards/verbatims';
import type { AppPorts } from '../../../../src/app/ports';
import { currentWindow } from '../../../../src/domain/scoring';
import { dayKeyOf, dayStart } from '../../../../src/domain/time';

export async function referenceVerbatims(ports: AppPorts, projectId: string, query: VerbatimQuery) {
  const range = currentWindow(dashboardWindow(query.window), dayKeyOf(ports.clock.now()));
  const since = dayStart(range.from);
  const keep = (v: Verbatim) =>
    v.at >= since &&
    (query.band === undefined || v.band === query.band) &&
    (query.source === undefined || v.source === query.source);
  const keepAnswer = (at: number, band: Verbatim['band']) =>
    query.source !== 'comment' && at >= since && (query.band === undefined || band === query.band);
  const names = await requestTypeNames(ports);
  const found: Verbatim[] = [];
  const counts = new Map<string, ReasonCount>();
  let answersRead = 0;
  let cursor: string | null = query.cursor ?? null;
  let reads = 0;
  do {
    const page = await ports.tickets.ticketsByActivity({ projectId, since, limit: 25 }, cursor);
    reads += 1;
    for (const record of page.items) {
      if (query.requestTypeId !== undefined && record.experience.requestTypeId !== query.requestTypeId) continue;
      found.push(...verbatimsOf(record.experience, names).filter(keep));
      answersRead += countReasons(record.experience, keepAnswer, counts);
    }
    cursor = page.cursor;
  } while (cursor !== null && reads < 4 && found.length < query.limit);
  found.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  const reasonCounts = [...counts.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { verbatims: found, nextCursor: cursor, reasonCounts, answersRead };
}
