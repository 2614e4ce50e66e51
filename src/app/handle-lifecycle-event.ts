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
import { normaliseEvent, requestTypeIdOf, type JiraEventPayload } from '../domain/events';
import {
  applyEvent,
  applySlaState,
  emptyExperience,
  type CommentScore,
  type SlaMetric,
  type TicketExperience,
} from '../domain/ticket';
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
import { evaluatePlans, withdrawnAsks } from './survey-delivery';
import { deliverOwedComments } from './deliver-surveys';

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
  return (
    a !== null && a.mood === b.mood && a.risk === b.risk && a.lastScore === b.lastScore && a.pendingAsk === b.pendingAsk
  );
}

function commentAuthor(payload: JiraEventPayload): string | null {
  return payload.eventType === 'avi:jira:commented:issue' ? (payload.comment.author.accountId ?? null) : null;
}

/**
 * @param options.redelivery the platform is delivering this event again after a failure: storage
 * is idempotent, but a failure after the commit (the property write) must still be made good.
 */
export async function handleLifecycleEvent(
  ports: AppPorts,
  deps: LifecycleDeps,
  payload: JiraEventPayload,
  options: { readonly redelivery?: boolean } = {},
): Promise<LifecycleResult> {
  const receivedAt = ports.clock.now();
  // Jira reads are memoised across optimistic retries: a retry re-reads storage, not Jira.
  let participants: readonly string[] | null = null;
  let slaMetrics: readonly SlaMetric[] | null = null;
  let requestTypeId: string | null | undefined;

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
    // Already-applied keys are dropped before the survey rules see anything: the rules read the
    // ticket as it was *before* each event, so a replayed reassignment must not count twice.
    const fresh = events.filter(
      (ev, i) =>
        !(known?.experience.appliedKeys.some((k) => k.key === ev.key) ?? false) &&
        events.findIndex((o) => o.key === ev.key) === i,
    );
    if (fresh.length === 0) return { kind: 'duplicate' as const, record: known ?? null, config };

    // Product events do not carry the JSM request type (a custom field); read it once, when the
    // ticket is first seen, so plan scopes, rollups and the watermelon view can use it.
    if (known === undefined && requestTypeIdOf(payload.issue.fields) === null) {
      requestTypeId ??= await ports.jira.getRequestTypeId(payload.issue.id);
    }
    const withRequestType = (e: TicketExperience): TicketExperience =>
      e.requestTypeId === null && requestTypeId != null ? { ...e, requestTypeId } : e;

    let experience: TicketExperience | null = known?.experience ?? null;
    let record: TicketRecord | null = known ?? null;
    const asks: Ask[] = [];
    let decisions: PlanDecisionRecord[] = [];
    for (const event of fresh) {
      const stateBefore =
        record === null ? null : surveyStateOf({ ...record, experience: experience ?? record.experience });
      experience = withRequestType(applyEvent(experience, event, deps).experience);
      record ??= newRecord(experience, now);
      record = { ...record, experience };
      const evaluated = await evaluatePlans(
        ports,
        config,
        { kind: 'event', event },
        stateBefore ?? surveyStateOf(seedRecord(record, event)),
        now,
      );
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

    const derived = deriveRecord(
      { ...record, experience, participantIds, decisions: keepDecisions(record.decisions, decisions) },
      config,
      now,
    );
    const property = propertyOf(experience, derived.risk, derived.record.asks, now);
    const writeProperty = !sameProperty(known?.property ?? null, property);
    const saved = await commitTicketWrite(ports, config, {
      before,
      after: { ...derived.record, property },
      asks,
      accounts: before === null && experience.reporterId !== null ? [experience.reporterId] : [],
    });
    return {
      kind: 'applied' as const,
      saved,
      property,
      writeProperty,
      newAsks: asks.filter((a) => a.status === 'pending'),
      config,
      applied: fresh.length,
    };
  });

  if (outcome === null) return { applied: 0, askIds: [], propertyWritten: false };
  if (outcome.kind === 'duplicate') {
    // Nothing new: a duplicate, or a retry of an event whose commit succeeded but whose after-commit
    // work failed. A retry rewrites the stored summary (1 Jira call); any survey comment the
    // ticket still owes is sent (deliver-surveys.ts), so a failed comment is never lost.
    const stored = outcome.record;
    const property = options.redelivery === true ? (stored?.property ?? null) : null;
    if (stored !== null && property !== null) await ports.jira.setExperienceProperty(stored.ticketId, property);
    const rewrite = property !== null;
    if (stored !== null && stored.undelivered.length > 0)
      await deliverOwedComments(ports, outcome.config, stored.ticketId, stored.undelivered);
    return { applied: 0, askIds: [], propertyWritten: rewrite };
  }
  await afterCommit(ports, outcome.config, outcome.saved, outcome.writeProperty ? outcome.property : null);
  return { applied: outcome.applied, askIds: outcome.newAsks.map((a) => a.id), propertyWritten: outcome.writeProperty };
}

/**
 * Side effects outside KVS run after the commit: the JQL property (idempotent; the next change of
 * the ticket rewrites it) and the survey comments the ticket still owes (`undelivered`, confirmed
 * once sent). Both are attempted; the first failure is rethrown so the platform redelivers the
 * event, and the redelivery — a no-op for storage — makes both good.
 */
export async function afterCommit(
  ports: AppPorts,
  config: StoredConfig,
  record: TicketRecord,
  property: ExperienceProperty | null,
): Promise<void> {
  let failure: unknown = null;
  if (property !== null) {
    try {
      await ports.jira.setExperienceProperty(record.ticketId, property);
    } catch (e) {
      failure = e;
    }
  }
  if (record.undelivered.length > 0) await deliverOwedComments(ports, config, record.ticketId, record.undelivered);
  if (failure !== null) throw failure;
}

function resolves(event: LifecycleEvent): boolean {
  return event.type === 'resolved' || (event.type === 'status-changed' && event.to.category === 'done');
}

/** The state before the very first event of a ticket: nothing has happened yet. */
function seedRecord(record: TicketRecord, event: LifecycleEvent): TicketRecord {
  const empty = emptyExperience(event, event.at);
  return {
    ...record,
    experience: {
      ...empty,
      createdAt: event.at,
      reporterId: record.experience.reporterId,
      requestTypeId: record.experience.requestTypeId,
      priority: record.experience.priority,
    },
  };
}
