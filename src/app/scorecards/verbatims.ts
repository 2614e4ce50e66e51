/**
 * What requesters said, in their words: answers' comments and the negative sentences the sentiment
 * scorer kept from public comments. Paged over the project's tickets by latest activity (the
 * `by-project-activity` index), so one page costs at most `MAX_PAGES_READ` index pages whatever
 * the project's size; within a page, newest first.
 */
import type { DashboardWindow, ReasonCount, Verbatim } from './read-models';
import { scoreBand } from '../../domain/question';
import { currentWindow } from '../../domain/scoring';
import type { TicketExperience } from '../../domain/ticket';
import { dayKeyOf, dayStart } from '../../domain/time';
import { withCallerCursor } from '../errors';
import type { AppPorts } from '../ports';
import { dashboardWindow } from './project-rollups';
import { requestTypeNameOf, requestTypeNames, type RequestTypeNames } from './request-type-names';

export interface VerbatimQuery {
  readonly window: DashboardWindow;
  readonly band?: Verbatim['band'] | undefined;
  readonly source?: Verbatim['source'] | undefined;
  readonly requestTypeId?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

const TICKETS_PER_READ = 25;
const MAX_PAGES_READ = 4;

export function verbatimsOf(e: TicketExperience, names: RequestTypeNames = new Map()): Verbatim[] {
  const requestType = { requestTypeId: e.requestTypeId, requestTypeName: requestTypeNameOf(names, e.requestTypeId) };
  const out: Verbatim[] = [];
  for (const a of e.answers) {
    if (a.comment === null || a.comment.trim() === '') continue;
    out.push({
      id: `${e.issueId}:a:${a.askId}`,
      issueKey: e.issueKey,
      at: a.answeredAt,
      source: 'answer',
      text: a.comment,
      band: scoreBand(a.questionKind, a.score),
      score: { kind: a.questionKind, score: a.score },
      reasons: [...a.reasons],
      ...requestType,
    });
  }
  for (const c of e.requesterComments) {
    c.negativeSentences.forEach((text, i) => {
      out.push({
        id: `${e.issueId}:c:${c.commentId}:${i}`,
        issueKey: e.issueKey,
        at: c.at,
        source: 'comment',
        text,
        band: 'negative',
        score: null,
        reasons: [],
        ...requestType,
      });
    });
  }
  return out;
}

/** Adds the reason chips of `e`'s answers that pass `keep` to `counts` (keyed by band and reason); returns the answers seen. */
function countReasons(
  e: TicketExperience,
  keep: (at: number, band: Verbatim['band']) => boolean,
  counts: Map<string, ReasonCount>,
): number {
  let answers = 0;
  for (const a of e.answers) {
    const band = scoreBand(a.questionKind, a.score);
    if (!keep(a.answeredAt, band)) continue;
    answers += 1;
    for (const reason of a.reasons) {
      const key = `${band}\u001f${reason}`;
      const c = counts.get(key);
      counts.set(key, { reason, band, count: (c?.count ?? 0) + 1 });
    }
  }
  return answers;
}

export async function projectVerbatims(
  ports: AppPorts,
  projectId: string,
  query: VerbatimQuery,
): Promise<{ verbatims: Verbatim[]; nextCursor: string | null; reasonCounts: ReasonCount[]; answersRead: number }> {
  const range = currentWindow(dashboardWindow(query.window), dayKeyOf(ports.clock.now()));
  const since = dayStart(range.from);
  const keep = (v: Verbatim) =>
    v.at >= since &&
    (query.band === undefined || v.band === query.band) &&
    (query.source === undefined || v.source === query.source);
  // Chips are picked in survey answers only: none to count when only comments are asked for.
  const keepAnswer = (at: number, band: Verbatim['band']) =>
    query.source !== 'comment' && at >= since && (query.band === undefined || band === query.band);
  const names = await requestTypeNames(ports);
  const found: Verbatim[] = [];
  const counts = new Map<string, ReasonCount>();
  let answersRead = 0;
  let cursor: string | null = query.cursor ?? null;
  let reads = 0;
  do {
    const at = cursor;
    const read = () => ports.tickets.ticketsByActivity({ projectId, since, limit: TICKETS_PER_READ }, at);
    // Only the first position comes from the browser; later ones are storage's own.
    const page = await (reads === 0 ? withCallerCursor(at, read) : read());
    reads += 1;
    for (const record of page.items) {
      if (query.requestTypeId !== undefined && record.experience.requestTypeId !== query.requestTypeId) continue;
      found.push(...verbatimsOf(record.experience, names).filter(keep));
      answersRead += countReasons(record.experience, keepAnswer, counts);
    }
    cursor = page.cursor;
  } while (cursor !== null && reads < MAX_PAGES_READ && found.length < query.limit);
  // Whole tickets per page, so the next page starts cleanly at the next ticket: a page may hold a
  // few more than `limit`.
  found.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  const reasonCounts = [...counts.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { verbatims: found, nextCursor: cursor, reasonCounts, answersRead };
}
