/**
 * One attempt at applying an issue event to its ticket (read → decide → commit); the caller
 * retries it when a checked write loses a race. See handle-issue-event.ts.
 */
import type { Ask } from '../../domain/ask';
import { normaliseEvent, requestTypeIdOf, type JiraEventPayload } from '../../domain/events';
import type { LifecycleEvent } from '../../domain/lifecycle-event';
import type { StatusCategory } from '../../domain/waypoint';
import {
  applyEvent,
  applySlaState,
  emptyExperience,
  type CommentScore,
  type SlaMetric,
  type TicketExperience,
} from '../../domain/ticket';
import type { AppPorts, ExperienceProperty, StoredConfig, Versioned } from '../ports';
import { evaluatePlans, withdrawnAsks } from '../surveys/evaluate-plans';
import { commitTicketWrite } from '../tickets/commit-ticket-write';
import { deriveRecord, propertyOf, surveyStateOf } from '../tickets/derive-record';
import {
  keepDecisions,
  newRecord,
  upsertAskSummaries,
  type PlanDecisionRecord,
  type TicketRecord,
} from '../tickets/ticket-record';

export interface LifecycleDeps {
  /** The sentiment scorer (src/domain/sentiment). */
  readonly score: (text: string) => CommentScore;
  /** ADF → plain text for comment bodies. */
  readonly toText: (adf: unknown) => string;
  readonly waitingForCustomerStatuses: readonly string[];
}

/** Jira reads kept across optimistic retries: a retry re-reads storage, not Jira. */
export interface IssueEventJiraReads {
  participants: readonly string[] | null;
  slaMetrics: readonly SlaMetric[] | null;
  requestTypeId?: string | null;
  priority?: string | null;
}

export interface IssueEventInput {
  readonly config: StoredConfig;
  readonly before: Versioned<TicketRecord> | null;
  readonly payload: JiraEventPayload;
  readonly receivedAt: number;
  readonly reads: IssueEventJiraReads;
}

export type IssueEventOutcome =
  | { readonly kind: 'duplicate'; readonly record: TicketRecord | null; readonly config: StoredConfig }
  | {
      readonly kind: 'applied';
      readonly saved: TicketRecord;
      /** The revision `saved` was committed at (the checked write moves it by one). */
      readonly savedRev: number;
      readonly property: ExperienceProperty;
      readonly writeProperty: boolean;
      readonly newAsks: readonly Ask[];
      readonly config: StoredConfig;
      readonly applied: number;
    }
  | null;

function sameProperty(a: ExperienceProperty | null, b: ExperienceProperty): boolean {
  return a !== null && a.pendingAsk === b.pendingAsk;
}

function commentAuthor(payload: JiraEventPayload): string | null {
  return payload.eventType === 'avi:jira:commented:issue' ? (payload.comment.author.accountId ?? null) : null;
}

function resolves(event: LifecycleEvent): boolean {
  return event.type === 'resolved' || (event.type === 'status-changed' && event.to.category === 'done');
}

/**
 * The categories of the statuses this ticket has been in, as the record keeps them. A changelog
 * names the status left but not its category; the payload gives only the current one's. Without
 * this, leaving a done status in a workflow that keeps the resolution would not count as a reopen.
 */
function knownCategories(known: TicketRecord | undefined): (statusId: string) => StatusCategory | null {
  const byId = new Map<string, StatusCategory>();
  for (const entry of known?.experience.statusTimeline ?? []) byId.set(entry.status.id, entry.status.category);
  const latest = known?.experience.status;
  if (latest != null) byId.set(latest.id, latest.category);
  return (statusId) => byId.get(statusId) ?? null;
}

/** The state before the very first event of a ticket: nothing has happened yet. */
function seedRecord(record: TicketRecord, event: LifecycleEvent, reporterId: string | null): TicketRecord {
  const empty = emptyExperience(event, event.at);
  return {
    ...record,
    experience: {
      ...empty,
      createdAt: event.at,
      reporterId: record.experience.reporterId ?? reporterId,
      requestTypeId: record.experience.requestTypeId,
      priority: record.experience.priority,
    },
  };
}

/** Request participants are not in the payload; read them only when a stranger comments. */
async function participantsFor(
  ports: AppPorts,
  input: IssueEventInput,
  reporterId: string | null,
): Promise<readonly string[]> {
  const known = input.before?.value.participantIds ?? [];
  const author = commentAuthor(input.payload);
  if (author === null || author === reporterId || known.includes(author)) return known;
  input.reads.participants ??= await ports.jira.getParticipants(input.payload.issue.key);
  return [...input.reads.participants].slice(0, 50);
}

/**
 * The normalised events not applied yet. Already-applied keys are dropped before the survey rules
 * see anything: the rules read the ticket as it was *before* each event, so a replayed
 * reassignment must not count twice.
 */
function freshEvents(events: readonly LifecycleEvent[], known: TicketRecord | undefined): LifecycleEvent[] {
  return events.filter(
    (ev, i) =>
      !(known?.experience.appliedKeys.some((k) => k.key === ev.key) ?? false) &&
      events.findIndex((o) => o.key === ev.key) === i,
  );
}

interface Folded {
  readonly experience: TicketExperience;
  readonly record: TicketRecord;
  readonly asks: readonly Ask[];
  readonly decisions: readonly PlanDecisionRecord[];
}

/**
 * What the payload and the Jira reads tell that the events themselves leave out: product events
 * carry no request type, may carry no priority, and only a created event sets the reporter — yet
 * a comment can arrive before its ticket's created event (DESIGN.md: out of order).
 */
function completedBy(reads: IssueEventJiraReads, reporterId: string | null) {
  return (e: TicketExperience): TicketExperience => {
    const requestTypeId = e.requestTypeId ?? reads.requestTypeId ?? null;
    const priority = e.priority ?? reads.priority ?? null;
    return requestTypeId === e.requestTypeId &&
      priority === e.priority &&
      (e.reporterId !== null || reporterId === null)
      ? e
      : { ...e, requestTypeId, priority, reporterId: e.reporterId ?? reporterId };
  };
}

/** Folds each fresh event into the experience and evaluates the plans against the ticket as it was before it. */
async function foldEvents(
  ports: AppPorts,
  deps: LifecycleDeps,
  input: IssueEventInput,
  fresh: readonly LifecycleEvent[],
  now: number,
  reporterId: string | null,
): Promise<Folded | null> {
  const known = input.before?.value;
  const complete = completedBy(input.reads, reporterId);
  let experience: TicketExperience | null = known?.experience ?? null;
  let record: TicketRecord | null = known ?? null;
  const asks: Ask[] = [];
  let decisions: PlanDecisionRecord[] = [];
  for (const event of fresh) {
    // The payload names the requester even when the record does not know them yet.
    const stateBefore =
      record === null
        ? null
        : { ...surveyStateOf({ ...record, experience: experience ?? record.experience }), reporterId };
    experience = complete(applyEvent(experience, event, deps).experience);
    record = { ...(record ?? newRecord(experience, now, ports.rollups.shardOf(experience.issueId))), experience };
    const trigger = { kind: 'event', event } as const;
    const state = stateBefore ?? surveyStateOf(seedRecord(record, event, reporterId));
    const evaluated = await evaluatePlans(ports, input.config, trigger, state, now);
    decisions = [...decisions, ...evaluated.decisions.filter((d) => d.reason !== 'waypoint-mismatch')];
    if (evaluated.evaluation.ask !== null) {
      const withdrawn = await withdrawnAsks(ports, evaluated.evaluation.withdraw);
      asks.push(evaluated.evaluation.ask, ...withdrawn);
      record = { ...record, asks: upsertAskSummaries(record.asks, [evaluated.evaluation.ask, ...withdrawn]) };
    }
  }
  return experience === null || record === null ? null : { experience, record, asks, decisions };
}

export async function applyIssueEvent(
  ports: AppPorts,
  deps: LifecycleDeps,
  input: IssueEventInput,
): Promise<IssueEventOutcome> {
  const { config, before, payload } = input;
  const now = ports.clock.now();
  const known = before?.value;
  // Every event's payload names the reporter; the record may not know it yet (a comment can arrive
  // before the created event), so the payload decides.
  const reporterId = payload.issue.fields.reporter?.accountId ?? known?.experience.reporterId ?? null;
  const participantIds = await participantsFor(ports, input, reporterId);
  const roles = { reporterId, participantIds };
  const events = normaliseEvent(payload, {
    roles,
    toText: deps.toText,
    receivedAt: input.receivedAt,
    statusCategoryOf: knownCategories(known),
  });
  const fresh = freshEvents(events, known);
  if (fresh.length === 0) return { kind: 'duplicate', record: known ?? null, config };

  // Product events do not carry the JSM request type (a custom field); read it once, when the
  // ticket is first seen, so plan scopes, rollups and the watermelon view can use it.
  // Likewise the priority when the payload leaves it out (the docs do not list the issue's fields).
  if (known === undefined && payload.issue.fields.priority == null && input.reads.priority === undefined) {
    const issue = await ports.jira.getIssue(payload.issue.id);
    input.reads.priority = issue?.priority ?? null;
    input.reads.requestTypeId ??= issue?.requestTypeId ?? null;
  }
  // The issue read above already answered (null: not a JSM request); a second read would not differ.
  if (
    known === undefined &&
    requestTypeIdOf(payload.issue.fields) === null &&
    input.reads.requestTypeId === undefined
  ) {
    input.reads.requestTypeId = await ports.jira.getRequestTypeId(payload.issue.id);
  }
  const folded = await foldEvents(ports, deps, input, fresh, now, reporterId);
  if (folded === null) return null;
  let experience = folded.experience;
  if (fresh.some(resolves)) {
    input.reads.slaMetrics ??= await ports.jira.getSlaMetrics(experience.issueKey);
    experience = applySlaState(experience, input.reads.slaMetrics, now).experience;
  }
  const decisions = keepDecisions(folded.record.decisions, folded.decisions);
  const derived = deriveRecord(
    { ...folded.record, experience, participantIds: [...participantIds], decisions },
    config,
    now,
  );
  const property = propertyOf(derived.record.asks, now);
  const saved = await commitTicketWrite(ports, config, {
    before,
    after: { ...derived.record, property },
    asks: folded.asks,
  });
  return {
    kind: 'applied',
    saved,
    savedRev: (before?.rev ?? 0) + 1,
    property,
    writeProperty: !sameProperty(known?.property ?? null, property),
    newAsks: folded.asks.filter((a) => a.status === 'pending'),
    config,
    applied: fresh.length,
  };
}
