import type { LifecycleEvent, StatusRef } from '../lifecycle-event';
import type { EpochMs } from '../time';
import type { StatusCategory } from '../waypoint';
import { parseJiraTime } from './jira-time';
import {
  requestTypeIdOf,
  type JiraChangelog,
  type JiraChangelogItem,
  type JiraComment,
  type JiraEventPayload,
  type JiraIssue,
} from './jira-payload';

/** Who is who on the ticket, as the caller knows it (request participants are not in the payload). */
export interface TicketRoles {
  /** Defaults to `issue.fields.reporter` from the payload. */
  readonly reporterId?: string | null;
  readonly participantIds?: readonly string[];
}

export interface NormaliseContext {
  readonly roles?: TicketRoles;
  /** The app's own account id: its comments are never an agent's or a requester's. */
  readonly appAccountId?: string | null;
  /** ADF → plain text (the sentiment module's `adfToText`). */
  readonly toText: (adf: unknown) => string;
  /**
   * Category of a status id (the ticket record's statuses, src/app/lifecycle/apply-issue-event.ts). A changelog item names the
   * statuses but not their categories; without this we fall back on the payload's current status
   * and the resolution field, which misses a reopen in a workflow that keeps the resolution.
   */
  readonly statusCategoryOf?: (statusId: string) => StatusCategory | null;
  /** When the trigger received the event: the last resort when Jira gives no time. */
  readonly receivedAt: EpochMs;
}

/**
 * Turns one Forge Jira event into the domain events it means, each with a natural idempotency key
 * (DESIGN.md data flow 1). Events the experience does not care about (a summary edit, an app's own
 * comment) give an empty list.
 */
export function normaliseEvent(payload: JiraEventPayload, context: NormaliseContext): LifecycleEvent[] {
  if (payload.selfGenerated === true) return [];
  const issue = payload.issue;
  const base = {
    issueId: issue.id,
    issueKey: issue.key,
    projectId: issue.fields.project.id,
    actorId: payload.atlassianId ?? null,
  };
  const eventTime = payload.timestamp ?? parseJiraTime(issue.fields.updated) ?? context.receivedAt;

  switch (payload.eventType) {
    case 'avi:jira:created:issue': {
      const fields = payload.issue.fields;
      return [
        {
          ...base,
          type: 'created',
          key: `${issue.id}:created`,
          at: parseJiraTime(fields.created) ?? eventTime,
          reporterId: fields.reporter?.accountId ?? null,
          requestTypeId: requestTypeIdOf(fields),
          // The id, not the name: names are renamed and translated, scopes and segments must not move.
          priority: fields.priority?.id ?? null,
          status: { id: fields.status.id, name: fields.status.name, category: fields.status.statusCategory.key },
          assigneeId: fields.assignee?.accountId ?? null,
        },
      ];
    }
    case 'avi:jira:updated:issue':
      return fromChangelog(issue, payload.changelog, { ...base, at: eventTime }, context);
    case 'avi:jira:assigned:issue': {
      // The assigned event repeats the changelog of the update that caused it, so both yield the
      // same key and the fold keeps one.
      if (payload.changelog !== undefined && payload.changelog.items.some(isAssigneeItem)) {
        return fromChangelog(
          issue,
          { ...payload.changelog, items: payload.changelog.items.filter(isAssigneeItem) },
          { ...base, at: eventTime },
          context,
        );
      }
      const to = issue.fields.assignee?.accountId ?? null;
      return [
        {
          ...base,
          type: 'reassigned',
          key: `${issue.id}:assigned:${eventTime}:${to ?? 'none'}`,
          at: eventTime,
          fromAssigneeId: null,
          toAssigneeId: to,
        },
      ];
    }
    case 'avi:jira:commented:issue':
      return fromComment(issue, payload.comment, base, context);
    case 'avi:jira:deleted:issue':
      return [{ ...base, type: 'deleted', key: `${issue.id}:deleted`, at: eventTime }];
  }
}

type Base = { issueId: string; issueKey: string; projectId: string; actorId: string | null; at: EpochMs };

function isAssigneeItem(item: JiraChangelogItem): boolean {
  return (item.fieldId ?? item.field) === 'assignee';
}

function itemFor(changelog: JiraChangelog, fieldId: string): JiraChangelogItem | undefined {
  return changelog.items.find((item) => (item.fieldId ?? item.field) === fieldId);
}

function fromChangelog(
  issue: JiraIssue,
  changelog: JiraChangelog,
  base: Base,
  context: NormaliseContext,
): LifecycleEvent[] {
  const prefix = `${issue.id}:cl:${changelog.id}`;
  const out: LifecycleEvent[] = [];
  const statusItem = itemFor(changelog, 'status');
  const resolutionItem = itemFor(changelog, 'resolution');
  const assigneeItem = itemFor(changelog, 'assignee');
  const resolutionSet = resolutionItem !== undefined && isBlank(resolutionItem.from) && !isBlank(resolutionItem.to);
  const resolutionCleared = resolutionItem !== undefined && !isBlank(resolutionItem.from) && isBlank(resolutionItem.to);

  let statusChange: { from: StatusRef; to: StatusRef } | null = null;
  if (statusItem !== undefined && !isBlank(statusItem.to)) {
    const toId = statusItem.to ?? '';
    const fromId = statusItem.from ?? '';
    const toCategory = categoryOf(toId, issue, context) ?? (resolutionSet ? 'done' : 'indeterminate');
    const fromCategory = categoryOf(fromId, issue, context) ?? (resolutionCleared ? 'done' : 'indeterminate');
    statusChange = {
      from: { id: fromId || 'unknown', name: statusItem.fromString ?? '', category: fromCategory },
      to: { id: toId, name: statusItem.toString ?? '', category: toCategory },
    };
    out.push({ ...base, type: 'status-changed', key: `${prefix}:status`, ...statusChange });
  }

  const resolvedByStatus =
    statusChange !== null && statusChange.to.category === 'done' && statusChange.from.category !== 'done';
  const reopenedByStatus =
    statusChange !== null && statusChange.from.category === 'done' && statusChange.to.category !== 'done';
  if (resolvedByStatus || (resolutionSet && !reopenedByStatus)) {
    const resolution = resolutionItem?.toString ?? issue.fields.resolution?.name ?? null;
    out.push({ ...base, type: 'resolved', key: `${prefix}:resolved`, resolution });
  } else if (reopenedByStatus || (resolutionCleared && statusChange === null)) {
    const to = statusChange?.to ?? currentStatus(issue);
    if (to !== null) out.push({ ...base, type: 'reopened', key: `${prefix}:reopened`, to });
  }

  if (assigneeItem !== undefined && (assigneeItem.from ?? null) !== (assigneeItem.to ?? null)) {
    out.push({
      ...base,
      type: 'reassigned',
      key: `${prefix}:assignee`,
      fromAssigneeId: blankToNull(assigneeItem.from),
      toAssigneeId: blankToNull(assigneeItem.to),
    });
  }
  return out;
}

function fromComment(
  issue: JiraIssue,
  comment: JiraComment,
  base: Omit<Base, 'at'>,
  context: NormaliseContext,
): LifecycleEvent[] {
  const author = comment.author;
  if (author.accountType === 'app' || (context.appAccountId != null && author.accountId === context.appAccountId))
    return [];
  const createdAt = parseJiraTime(comment.created) ?? context.receivedAt;
  // Edits fire the same event; the edit time is the version so a newer text replaces an older one.
  const version = parseJiraTime(comment.updated) ?? createdAt;
  const isPublic = comment.jsdPublic ?? (comment.visibility === undefined || comment.visibility === null);
  const key = `${issue.id}:comment:${comment.id}:v${version}`;
  // A comment's moment is when it was written: first response and mood order by creation, not edit.
  const common = { ...base, actorId: author.accountId, key, at: createdAt, commentId: comment.id, public: isPublic };

  const reporterId =
    context.roles?.reporterId !== undefined ? context.roles.reporterId : (issue.fields.reporter?.accountId ?? null);
  const isRequester =
    author.accountId === reporterId || (context.roles?.participantIds ?? []).includes(author.accountId);
  if (!isRequester) return [{ ...common, type: 'agent-comment' }];
  return [{ ...common, type: 'requester-comment', text: context.toText(comment.body), version }];
}

function categoryOf(statusId: string, issue: JiraIssue, context: NormaliseContext): StatusCategory | null {
  if (statusId === '') return null;
  const known = context.statusCategoryOf?.(statusId) ?? null;
  if (known !== null) return known;
  const current = issue.fields.status;
  return current !== undefined && current.id === statusId ? current.statusCategory.key : null;
}

function currentStatus(issue: JiraIssue): StatusRef | null {
  const s = issue.fields.status;
  return s === undefined ? null : { id: s.id, name: s.name, category: s.statusCategory.key };
}

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value === '';
}

function blankToNull(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value ?? null);
}
