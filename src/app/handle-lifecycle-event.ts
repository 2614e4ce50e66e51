/**
 * A Jira issue event: normalise → fold into the ticket's experience → evaluate survey plans →
 * commit ticket + asks + rollup delta in one checked transaction → mirror the JQL property and
 * post the optional survey comment. Idempotent: every domain event has a natural key the
 * experience remembers, asks have derived ids, and the rollups get new − stored contributions.
 *
 * Cost: 1 read of the configuration, 1 of the ticket, 1 transaction (+1 conditional read per
 * record it writes); rollup buckets only when an outcome changes; Jira only for participants of an
 * unknown commenter, SLA metrics on resolution, and a changed property.
 */
import { effectiveConfig } from './load-config';
import type { Ask } from '../domain/ask';
import type { LifecycleEvent } from '../domain/lifecycle-event';
import { normaliseEvent, type JiraEventPayload } from '../domain/events';
import { applyEvent, applySlaState, emptyExperience, type CommentScore, type SlaMetric, type TicketExperience } from '../domain/ticket';
import type { AppPorts, ExperienceProperty, StoredConfig } from './ports';
import type { PlanDecisionRecord, TicketRecord } from './records';
import {
  commitTicketWrite,
  deriveRecord,
  keepDecisions,
  newRecord,
  propertyOf,
  surveyStateOf,
  upsertAskSummaries,
  withOptimisticRetry,
} from './ticket-change';
import { deliverAsk, evaluatePlans, withdrawnAsks } from './survey-delivery';

export interface LifecycleDeps {
  /** The sentiment scorer (src/domain/sentiment). */
  readonly score: (text: string) => CommentScore;
  /** ADF → plain text for comment bodies. */
  readonly toText: (adf: unknown) => string;
  readonly waitingForCustomerStatuses: readonly string[];
}

export interface LifecycleResult {
  readonly applied: number;
  readonly askIds: readonly string[];
  readonly propertyWritten: boolean;
}

function sameProperty(a: ExperienceProperty | null, b: ExperienceProperty): boolean {
  return a !== null && a.mood === b.mood && a.risk === b.risk && a.lastScore === b.lastScore && a.pendingAsk === b.pendingAsk;
}

function commentAuthor(payload: JiraEventPayload): string | null {
  return payload.eventType === 'avi:jira:commented:issue' ? (payload.comment.author.accountId ?? null) : null;
}

export async function handleLifecycleEvent(ports: AppPorts, deps: LifecycleDeps, payload: JiraEventPayload): Promise<LifecycleResult> {
  const receivedAt = ports.clock.now();
  // Jira reads are memoised across optimistic retries: a retry re-reads storage, not Jira.
  let participants: readonly string[] | null = null;
  let slaMetrics: readonly SlaMetric[] | null = null;

  const outcome = await withOptimisticRetry(ports, async () => {
    const [config, before] = await Promise.all([effectiveConfig(ports), ports.store.getTicket(payload.issue.id)]);
    const now = ports.clock.now();
    const known = before?.value;
    const reporterId = known?.experience.reporterId ?? payload.issue.fields.reporter?.accountId ?? null;
    let participantIds = known?.participantIds ?? [];
    const author = commentAuthor(payload);
    // Request participants are not in the payload; read them only when a stranger comments.
    if (author !== null && author !== reporterId && !participantIds.includes(author)) {
      participants ??= await ports.jira.getParticipants(payload.issue.key);
      participantIds = [...participants].slice(0, 50);
    }

    const events = normaliseEvent(payload, { roles: { reporterId, participantIds }, toText: deps.toText, receivedAt });
    const fresh = events.filter((ev) => !(known?.experience.appliedKeys.some((k) => k.key === ev.key) ?? false));
    if (fresh.length === 0) return null;

    let experience: TicketExperience | null = known?.experience ?? null;
    let record: TicketRecord | null = known ?? null;
    const asks: Ask[] = [];
    let decisions: PlanDecisionRecord[] = [];
    for (const event of fresh) {
      const stateBefore = record === null ? null : surveyStateOf({ ...record, experience: experience ?? record.experience });
      experience = applyEvent(experience, event, deps).experience;
      record ??= newRecord(experience, now);
      record = { ...record, experience };
      const evaluated = await evaluatePlans(ports, config, { kind: 'event', event }, stateBefore ?? surveyStateOf(seedRecord(record, event)), now);
      decisions = [...decisions, ...evaluated.decisions.filter((d) => d.reason !== 'waypoint-mismatch')];
      if (evaluated.evaluation.ask !== null) {
        const withdrawn = await withdrawnAsks(ports, evaluated.evaluation.withdraw);
        asks.push(evaluated.evaluation.ask, ...withdrawn);
        record = { ...record, asks: upsertAskSummaries(record.asks, [evaluated.evaluation.ask, ...withdrawn]) };
      }
    }
    if (experience === null || record === null) return null;

    if (fresh.some(resolves)) {
      slaMetrics ??= await ports.jira.getSlaMetrics(experience.issueKey);
      experience = applySlaState(experience, slaMetrics, now).experience;
    }

    const derived = deriveRecord({ ...record, experience, participantIds, decisions: keepDecisions(record.decisions, decisions) }, config, now);
    const property = propertyOf(experience, derived.risk, derived.record.asks, now);
    const writeProperty = !sameProperty(known?.property ?? null, property);
    const saved = await commitTicketWrite(ports, config, {
      before,
      after: { ...derived.record, property },
      asks,
      accounts: before === null && experience.reporterId !== null ? [experience.reporterId] : [],
    });
    return { saved, property, writeProperty, newAsks: asks.filter((a) => a.status === 'pending'), config, applied: fresh.length };
  });

  if (outcome === null) return { applied: 0, askIds: [], propertyWritten: false };
  await afterCommit(ports, outcome.config, outcome.saved, outcome.writeProperty ? outcome.property : null, outcome.newAsks);
  return { applied: outcome.applied, askIds: outcome.newAsks.map((a) => a.id), propertyWritten: outcome.writeProperty };
}

/**
 * Side effects outside KVS run after the commit. The property write is idempotent and the next
 * change of the ticket rewrites it; a failure here makes the platform redeliver the event, which
 * is then a no-op for storage.
 */
export async function afterCommit(ports: AppPorts, config: StoredConfig, record: TicketRecord, property: ExperienceProperty | null, newAsks: readonly Ask[]): Promise<void> {
  if (property !== null) await ports.jira.setExperienceProperty(record.ticketId, property);
  for (const ask of newAsks) await deliverAsk(ports, config, ask);
}

function resolves(event: LifecycleEvent): boolean {
  return event.type === 'resolved' || (event.type === 'status-changed' && event.to.category === 'done');
}

/** The state before the very first event of a ticket: nothing has happened yet. */
function seedRecord(record: TicketRecord, event: LifecycleEvent): TicketRecord {
  const empty = emptyExperience(event, event.at);
  return { ...record, experience: { ...empty, createdAt: event.at, reporterId: record.experience.reporterId, requestTypeId: record.experience.requestTypeId, priority: record.experience.priority } };
}
