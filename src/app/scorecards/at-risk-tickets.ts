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

export async function projectAtRisk(
  ports: AppPorts,
  projectId: string,
  minRiskScore: number,
  limit: number,
): Promise<AtRiskTicket[]> {
  const [config, records, names] = await Promise.all([
    effectiveConfig(ports),
    ports.tickets.atRiskTickets({ projectId, minRiskScore, limit }),
    requestTypeNames(ports),
  ]);
  const now = ports.clock.now();
  const assigneeIds = [...new Set(records.flatMap((r) => (r.experience.assigneeId ? [r.experience.assigneeId] : [])))];
  const people =
    assigneeIds.length === 0
      ? new Map<string, string>()
      : await ports.directory.displayNames(assigneeIds).catch(() => new Map<string, string>());
  const tickets = records.map((r): AtRiskTicket => {
    const e = r.experience;
    const risk = riskOf(e, now, config.xlas);
    const last = e.answers[e.answers.length - 1];
    return {
      issueKey: e.issueKey,
      riskLevel: risk.level,
      riskScore: Math.max(0, Math.min(100, Math.round(risk.score))),
      reasons: risk.reasons.map((reason) => ({ code: reason.code, text: reason.text })),
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
