/**
 * Open tickets most likely to end badly, highest risk first, with the reasons an agent can act on.
 * One page of the `by-project-risk` index; risk is re-assessed at read time (waiting grows while
 * nothing happens), from the stored record — no Jira call per row; the assignees' display names
 * come in one directory call for the page (a courtesy: the page shows without them).
 */
import type { AtRiskTicket } from './read-models';
import { moodOf } from '../../domain/ticket';
import { HOUR_MS } from '../../domain/time';
import { effectiveConfig } from '../configuration/effective-config';
import type { AppPorts } from '../ports';
import { requestTypeNameOf, requestTypeNames } from './request-type-names';
import { riskOf } from '../tickets/derive-record';
import type { TicketRecord } from '../tickets/ticket-record';

/** The page's assignees by name, in one directory call; none when that call fails. */
function assigneeNames(ports: AppPorts) {
  return async (records: readonly TicketRecord[]): Promise<ReadonlyMap<string, string>> => {
    const ids = [...new Set(records.flatMap((r) => (r.experience.assigneeId ? [r.experience.assigneeId] : [])))];
    if (ids.length === 0) return new Map();
    return ports.directory.displayNames(ids).catch(() => new Map<string, string>());
  };
}

export async function projectAtRisk(
  ports: AppPorts,
  projectId: string,
  minRiskScore: number,
  limit: number,
): Promise<AtRiskTicket[]> {
  // The assignees' names follow the page read while the request type names are read beside it.
  const page = ports.tickets.atRiskTickets({ projectId, minRiskScore, limit });
  const [config, records, names, people] = await Promise.all([
    effectiveConfig(ports),
    page,
    requestTypeNames(ports),
    page.then(assigneeNames(ports)),
  ]);
  const now = ports.clock.now();
  const tickets = records.map((r): AtRiskTicket => {
    const e = r.experience;
    const risk = riskOf(e, now, config.xlas);
    const last = e.answers[e.answers.length - 1];
    return {
      issueKey: e.issueKey,
      riskLevel: risk.level,
      riskScore: Math.max(0, Math.min(100, Math.round(risk.score))),
      reasons: risk.reasons.map((reason) => ({ code: reason.code, text: reason.text, facts: reason.facts })),
      mood: moodOf(e)?.mood ?? null,
      lastScore: last === undefined ? null : { kind: last.questionKind, score: last.score },
      requestTypeId: e.requestTypeId,
      requestTypeName: requestTypeNameOf(names, e.requestTypeId),
      assignee: e.assigneeId === null ? null : { name: people.get(e.assigneeId) ?? null },
      ageHours: e.createdAt === null ? null : Math.max(0, (now - e.createdAt) / HOUR_MS),
    };
  });
  return tickets.sort((a, b) => b.riskScore - a.riskScore || (a.issueKey < b.issueKey ? -1 : 1));
}
