/**
 * Drill-down of a watermelon row (SCORING.md §3): tickets of one request type whose SLAs were all
 * met while the requester answered low (≤ 2 of 5, the scale's negative band) or wrote with a mood
 * ≤ −0.5. Only on demand (a click), and bounded: the project's tickets active in the window,
 * newest first, at most `MAX_SCANNED` of them.
 */
import type { DashboardWindow, WatermelonTicket } from './read-models';
import { isLowScore } from '../../domain/question';
import { currentWindow } from '../../domain/scoring';
import { moodOf, type TicketExperience } from '../../domain/ticket';
import { dayKeyOf, dayStart } from '../../domain/time';
import type { AppPorts } from '../ports';
import { dashboardWindow } from './project-rollups';

export const WATERMELON_MOOD = -0.5;
const PAGE = 100;
export const MAX_SCANNED = 500;
const MAX_LISTED = 50;

function slaMet(e: TicketExperience): boolean {
  const applying = e.slas.filter((s) => s.applies);
  return applying.length > 0 && applying.every((s) => !s.breached);
}

export function watermelonTicketOf(e: TicketExperience): WatermelonTicket | null {
  if (e.deleted || !slaMet(e)) return null;
  const last = e.answers[e.answers.length - 1];
  const mood = moodOf(e)?.mood ?? null;
  const lowAnswer = last !== undefined && isLowScore(last.questionKind, last.score);
  if (!lowAnswer && !(mood !== null && mood <= WATERMELON_MOOD)) return null;
  return {
    issueKey: e.issueKey,
    slaMet: true,
    lastScore: last === undefined ? null : { kind: last.questionKind, score: last.score },
    mood,
    at: e.lastEventAt,
  };
}

export async function watermelonTickets(
  ports: AppPorts,
  projectId: string,
  w: DashboardWindow,
  requestTypeId: string | null,
) {
  const range = currentWindow(dashboardWindow(w), dayKeyOf(ports.clock.now()));
  const since = dayStart(range.from);
  const tickets: WatermelonTicket[] = [];
  let scanned = 0;
  let cursor: string | null = null;
  do {
    const page = await ports.tickets.ticketsByActivity({ projectId, since, limit: PAGE }, cursor);
    scanned += page.items.length;
    for (const record of page.items) {
      if (record.experience.requestTypeId !== requestTypeId) continue;
      const t = watermelonTicketOf(record.experience);
      if (t !== null && tickets.length < MAX_LISTED) tickets.push(t);
    }
    cursor = page.cursor;
  } while (cursor !== null && scanned < MAX_SCANNED && tickets.length < MAX_LISTED);
  return { tickets, scanned, complete: cursor === null };
}
