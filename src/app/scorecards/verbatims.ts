/**
 * What requesters said, in their words: answers' comments and the negative sentences the sentiment
 * scorer kept from public comments. Paged over the project's tickets by latest activity (the
 * `by-project-activity` index), so one page costs one storage read (two when it resumes inside
 * one) whatever the project's size, beside the request type names; within a page, newest first.
 */
import type { DashboardWindow, ReasonCount, Verbatim } from './read-models';
import { DEFAULT_LOCALE, type Locale } from '../../domain/i18n/locale';
import { scoreBand } from '../../domain/question';
import { answerChipIds } from '../../domain/survey/chip-ids';
import { chipWordsIn, type ChipWords } from '../../domain/survey/localized-question';
import type { AnswerRecord } from '../../domain/ticket';
import { currentWindow } from '../../domain/scoring';
import type { TicketExperience } from '../../domain/ticket';
import { dayKeyOf, dayStart } from '../../domain/time';
import { z } from 'zod';
import { withCallerCursor } from '../errors';
import type { AppPorts, Page } from '../ports';
import type { TicketRecord } from '../tickets/ticket-record';
import { dashboardWindow } from './project-rollups';
import { requestTypeNameOf, requestTypeNames, type RequestTypeNames } from './request-type-names';

export interface VerbatimQuery {
  readonly window: DashboardWindow;
  readonly band?: Verbatim['band'] | undefined;
  readonly source?: Verbatim['source'] | undefined;
  readonly requestTypeId?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
  /** The viewer's locale, for the chips' words (English when not told). */
  readonly locale?: Locale | undefined;
}

/** An answer's chips: ids, and words from the plans in the viewer's locale, else as recorded in English. */
function chipsOf(a: AnswerRecord, words: ChipWords): Array<{ id: string; words: string }> {
  const ids = answerChipIds(a);
  return ids.map((id, i) => ({ id, words: words.get(id) ?? a.reasons[i] ?? id }));
}

const TICKETS_PER_READ = 25;
const MAX_PAGES_READ = 4;
/** Tickets storage is asked for at once: a page of the list, in one round trip (a query's limit is 100). */
const READ = TICKETS_PER_READ * MAX_PAGES_READ;

export function verbatimsOf(
  e: TicketExperience,
  names: RequestTypeNames = new Map(),
  words: ChipWords = new Map(),
): Verbatim[] {
  const requestType = { requestTypeId: e.requestTypeId, requestTypeName: requestTypeNameOf(names, e.requestTypeId) };
  const out: Verbatim[] = [];
  for (const a of e.answers) {
    if (a.comment === null || a.comment.trim() === '') continue;
    const chips = chipsOf(a, words);
    out.push({
      id: `${e.issueId}:a:${a.askId}`,
      issueKey: e.issueKey,
      at: a.answeredAt,
      source: 'answer',
      text: a.comment,
      band: scoreBand(a.questionKind, a.score),
      score: { kind: a.questionKind, score: a.score },
      reasons: chips.map((c) => c.words),
      reasonIds: chips.map((c) => c.id),
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
        reasonIds: [],
        ...requestType,
      });
    });
  }
  return out;
}

/**
 * Adds the reason chips of `e`'s answers that pass `keep` to `counts`, keyed by band and chip id (a
 * chip reworded or moved since keeps one count), worded by `words`; returns the answers seen.
 */
export function countReasons(
  e: TicketExperience,
  keep: (at: number, band: Verbatim['band']) => boolean,
  counts: Map<string, ReasonCount>,
  words: ChipWords = new Map(),
): number {
  let answers = 0;
  for (const a of e.answers) {
    const band = scoreBand(a.questionKind, a.score);
    if (!keep(a.answeredAt, band)) continue;
    answers += 1;
    for (const chip of chipsOf(a, words)) {
      const key = `${band}\u001f${chip.id}`;
      const c = counts.get(key);
      // The first words met name the chip: the plan's when it still has it, the same on every page.
      counts.set(key, { chipId: chip.id, reason: c?.reason ?? chip.words, band, count: (c?.count ?? 0) + 1 });
    }
  }
  return answers;
}

/**
 * A position in the list: a storage cursor (null: the start) and how many tickets of the page it
 * opens were already shown. Pages of the list are `MAX_PAGES_READ` blocks of `TICKETS_PER_READ`
 * tickets, but storage is read `READ` tickets at a time, so a page that stops inside a read
 * resumes there.
 */
const Position = z
  .object({
    at: z.string().nullable(),
    skip: z
      .number()
      .int()
      .min(0)
      .max(READ - 1),
  })
  .strict();
type Position = z.infer<typeof Position>;

const encodePosition = (p: Position): string => Buffer.from(JSON.stringify(p), 'utf8').toString('base64url');
const decodePosition = (cursor: string): Position =>
  Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));

interface Scanned {
  readonly record: TicketRecord;
  /** Where the list goes on after this ticket; null: nothing after it. */
  readonly after: Position | null;
}

/**
 * Tickets from `from` on, `READ` at most, each with the position after it. One storage read from
 * the start of a page; a position inside a read costs a second one for the rest, only if needed.
 */
function ticketScan(read: (at: string | null, limit: number) => Promise<Page<TicketRecord>>, from: Position) {
  const scanned: Scanned[] = [];
  let next: Position | null = from;
  let reads = 0;
  return async (count: number): Promise<readonly Scanned[]> => {
    while (scanned.length < count && next !== null && reads < MAX_PAGES_READ) {
      const { at, skip } = next;
      const page = await read(at, Math.min(READ, skip + READ - scanned.length));
      reads += 1;
      const pageEnd = page.cursor === null ? null : { at: page.cursor, skip: 0 };
      const fresh = page.items.slice(skip);
      fresh.forEach((record, i) => {
        const rest = skip + i + 1;
        scanned.push({ record, after: rest < page.items.length ? { at, skip: rest } : pageEnd });
      });
      next = fresh.length > 0 ? (scanned.at(-1)?.after ?? null) : pageEnd;
    }
    return scanned.slice(0, count);
  };
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
  const callerCursor = query.cursor ?? null;
  // A position the browser sends that this list did not give out is refused like storage's own.
  const from =
    callerCursor === null
      ? { at: null, skip: 0 }
      : await withCallerCursor(callerCursor, async () => decodePosition(callerCursor));
  let reads = 0;
  const scan = ticketScan((at, limit) => {
    const read = () => ports.tickets.ticketsByActivity({ projectId, since, limit }, at);
    reads += 1;
    // Only the first position comes from the browser; later ones are storage's own.
    return reads === 1 ? withCallerCursor(callerCursor, read) : read();
  }, from);
  // The names and the chips' words are only labels: read beside the tickets.
  const words = ports.config
    .getConfig()
    .then((config) => chipWordsIn(config.plans, query.locale ?? DEFAULT_LOCALE))
    // Words are a convenience: without them the chips read as the requester's answer recorded them.
    .catch((): ChipWords => new Map());
  const [names, page] = await Promise.all([
    requestTypeNames(ports),
    (async () => {
      const found: Verbatim[] = [];
      const counts = new Map<string, ReasonCount>();
      let answersRead = 0;
      let cursor: Position | null = from;
      // Block by block, as if each block were its own page: the list stops at the same ticket
      // however storage was read.
      for (let block = 1; block <= MAX_PAGES_READ && cursor !== null && found.length < query.limit; block++) {
        const tickets = await scan(block * TICKETS_PER_READ);
        const inBlock = tickets.slice((block - 1) * TICKETS_PER_READ);
        const chipWords = await words;
        for (const { record } of inBlock) {
          if (query.requestTypeId !== undefined && record.experience.requestTypeId !== query.requestTypeId) continue;
          found.push(...verbatimsOf(record.experience, new Map(), chipWords).filter(keep));
          answersRead += countReasons(record.experience, keepAnswer, counts, chipWords);
        }
        cursor = inBlock.at(-1)?.after ?? null;
      }
      return { found, counts, answersRead, cursor };
    })(),
  ]);
  const verbatims = page.found.map((v) => ({ ...v, requestTypeName: requestTypeNameOf(names, v.requestTypeId) }));
  // Whole tickets per page, so the next page starts cleanly at the next ticket: a page may hold a
  // few more than `limit`.
  verbatims.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  const reasonCounts = [...page.counts.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return {
    verbatims,
    nextCursor: page.cursor === null ? null : encodePosition(page.cursor),
    reasonCounts,
    answersRead: page.answersRead,
  };
}
