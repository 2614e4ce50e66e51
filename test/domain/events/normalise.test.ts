import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LifecycleEventSchema } from '../../../src/domain/lifecycle-event';
import {
  normaliseEvent,
  parseJiraEvent,
  parseJiraTime,
  type JiraEventPayload,
  type NormaliseContext,
} from '../../../src/domain/events';

const here = dirname(fileURLToPath(import.meta.url));

function fixture(name: string): JiraEventPayload {
  const raw: unknown = JSON.parse(readFileSync(join(here, 'fixtures', `${name}.json`), 'utf8'));
  const parsed = parseJiraEvent(raw);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** Stand-in for the sentiment module's ADF → text: joins the text nodes. */
function textOf(adf: unknown): string {
  if (adf === null || typeof adf !== 'object') return '';
  const node = adf as { text?: unknown; content?: unknown };
  const own = typeof node.text === 'string' ? node.text : '';
  const children = Array.isArray(node.content) ? node.content.map(textOf).join(' ') : '';
  return [own, children].filter((s) => s !== '').join(' ');
}

const RECEIVED_AT = Date.UTC(2025, 2, 10);
const context: NormaliseContext = { toText: textOf, receivedAt: RECEIVED_AT, appAccountId: 'qm:sentio-app' };
const utc = (d: number, h: number, m = 0): number => Date.UTC(2025, 2, d, h, m);
const base = { issueId: '10042', issueKey: 'HELP-42', projectId: '10001' };

describe('Jira event payloads', () => {
  it('reads Jira timestamps with colon-less offsets as UTC epoch ms', () => {
    expect(parseJiraTime('2021-01-20T15:58:12.797+1100')).toBe(Date.UTC(2021, 0, 20, 4, 58, 12, 797));
    expect(parseJiraTime('2025-03-03T09:00:00.000+01:00')).toBe(utc(3, 8));
    expect(parseJiraTime('2025-03-03T09:00:00Z')).toBe(utc(3, 9));
    expect(parseJiraTime('yesterday')).toBeNull();
    expect(parseJiraTime(undefined)).toBeNull();
  });

  // events-reference/jira, "Common fields": `timestamp | string | … in epoch milliseconds`.
  it('times a change by the documented string timestamp, tolerates a number, and falls back on issue.updated', () => {
    const raw: unknown = JSON.parse(readFileSync(join(here, 'fixtures', 'issue-updated-status.json'), 'utf8'));
    const at = (timestamp: unknown): number[] => {
      const parsed = parseJiraEvent({ ...(raw as object), timestamp });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return normaliseEvent(parsed.value, context).map((e) => e.at);
    };
    const T = Date.UTC(2025, 2, 3, 10, 7, 30, 123);
    expect(at(String(T))).toEqual([T]);
    expect(at(T)).toEqual([T]);
    // Not a time: the issue's `updated` (10:00 in the fixture) times it instead of refusing the event.
    expect(at('soon')).toEqual([utc(3, 10)]);
    expect(at(undefined)).toEqual([utc(3, 10)]);
  });

  it('keeps unknown fields and accepts a payload without optional fields', () => {
    const payload = fixture('issue-created');
    expect((payload.issue.fields as Record<string, unknown>)['summary']).toBe('VPN drops every few minutes');
    expect(
      parseJiraEvent({
        eventType: 'avi:jira:deleted:issue',
        issue: { id: '1', key: 'A-1', fields: { project: { id: '9' } } },
      }).ok,
    ).toBe(true);
  });

  it('refuses a payload without the fields normalisation relies on, naming them', () => {
    const parsed = parseJiraEvent({
      eventType: 'avi:jira:commented:issue',
      issue: { id: '1', key: 'A-1', fields: { project: { id: '9' } } },
      comment: { id: '5', body: {} },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field).sort()).toEqual(['comment.author', 'comment.created']);
  });

  it('refuses an event type it does not handle', () => {
    expect(
      parseJiraEvent({
        eventType: 'avi:jira:viewed:issue',
        issue: { id: '1', key: 'A-1', fields: { project: { id: '9' } } },
      }).ok,
    ).toBe(false);
  });

  it('maps Jira\'s legacy "undefined" status category to in progress', () => {
    const payload = fixture('issue-created') as Extract<JiraEventPayload, { eventType: 'avi:jira:created:issue' }>;
    const odd = {
      ...payload,
      issue: {
        ...payload.issue,
        fields: { ...payload.issue.fields, status: { id: '1', name: 'Odd', statusCategory: { key: 'undefined' } } },
      },
    };
    const parsed = parseJiraEvent(odd);
    expect(
      parsed.ok && parsed.value.eventType === 'avi:jira:created:issue'
        ? parsed.value.issue.fields.status.statusCategory.key
        : null,
    ).toBe('indeterminate');
  });
});

describe('normaliseEvent', () => {
  it('turns a created issue into a created event with request type, priority id and status category', () => {
    expect(normaliseEvent(fixture('issue-created'), context)).toEqual([
      {
        ...base,
        type: 'created',
        key: '10042:created',
        at: utc(3, 8),
        actorId: 'qm:requester-ada',
        reporterId: 'qm:requester-ada',
        requestTypeId: '17',
        priority: '3',
        status: { id: '10010', name: 'Waiting for support', category: 'new' },
        assigneeId: null,
      },
    ]);
  });

  it('turns a status change into status-changed keyed on the changelog id', () => {
    expect(normaliseEvent(fixture('issue-updated-status'), context)).toEqual([
      {
        ...base,
        type: 'status-changed',
        key: '10042:cl:20001:status',
        at: utc(3, 10),
        actorId: 'qm:agent-bo',
        from: { id: '10010', name: 'Waiting for support', category: 'indeterminate' },
        to: { id: '10012', name: 'Waiting for customer', category: 'indeterminate' },
      },
    ]);
  });

  it('takes status categories from the caller when it knows them', () => {
    const categories: Record<string, 'new' | 'indeterminate' | 'done'> = { '10010': 'new', '10012': 'indeterminate' };
    const [event] = normaliseEvent(fixture('issue-updated-status'), {
      ...context,
      statusCategoryOf: (id) => categories[id] ?? null,
    });
    expect(event?.type === 'status-changed' ? event.from.category : null).toBe('new');
  });

  it('turns a move to the done category with a resolution into status-changed and one resolved', () => {
    const events = normaliseEvent(fixture('issue-updated-resolved'), context);
    expect(events.map((e) => [e.type, e.key])).toEqual([
      ['status-changed', '10042:cl:20009:status'],
      ['resolved', '10042:cl:20009:resolved'],
    ]);
    expect(events[1]).toEqual({
      ...base,
      type: 'resolved',
      key: '10042:cl:20009:resolved',
      at: utc(4, 15),
      actorId: 'qm:agent-cy',
      resolution: 'Done',
    });
  });

  it('turns done → not done into status-changed and reopened (the cleared resolution tells the old category)', () => {
    const events = normaliseEvent(fixture('issue-updated-reopened'), context);
    expect(events).toEqual([
      {
        ...base,
        type: 'status-changed',
        key: '10042:cl:20010:status',
        at: utc(5, 7),
        actorId: 'qm:requester-ada',
        from: { id: '10014', name: 'Resolved', category: 'done' },
        to: { id: '10011', name: 'In Progress', category: 'indeterminate' },
      },
      {
        ...base,
        type: 'reopened',
        key: '10042:cl:20010:reopened',
        at: utc(5, 7),
        actorId: 'qm:requester-ada',
        to: { id: '10011', name: 'In Progress', category: 'indeterminate' },
      },
    ]);
  });

  it('ignores an update that changes nothing the experience uses', () => {
    expect(normaliseEvent(fixture('issue-updated-summary'), context)).toEqual([]);
  });

  it('turns an assignment into reassigned with the same key as the update that carried it', () => {
    const assigned = fixture('issue-assigned');
    expect(normaliseEvent(assigned, context)).toEqual([
      {
        ...base,
        type: 'reassigned',
        key: '10042:cl:20005:assignee',
        at: utc(4, 9),
        actorId: 'qm:agent-bo',
        fromAssigneeId: 'qm:agent-bo',
        toAssigneeId: 'qm:agent-cy',
      },
    ]);
    const asUpdate = { ...assigned, eventType: 'avi:jira:updated:issue' } as unknown;
    const parsed = parseJiraEvent(asUpdate);
    expect(parsed.ok ? normaliseEvent(parsed.value, context).map((e) => e.key) : null).toEqual([
      '10042:cl:20005:assignee',
    ]);
  });

  it('reads an assigned event without a changelog from the current assignee', () => {
    const assigned = fixture('issue-assigned');
    const withoutChangelog = parseJiraEvent({ ...assigned, changelog: undefined });
    expect(withoutChangelog.ok ? normaliseEvent(withoutChangelog.value, context) : null).toEqual([
      {
        ...base,
        type: 'reassigned',
        key: `10042:assigned:${utc(4, 9)}:qm:agent-cy`,
        at: utc(4, 9),
        actorId: 'qm:agent-bo',
        fromAssigneeId: null,
        toAssigneeId: 'qm:agent-cy',
      },
    ]);
  });

  it('turns a public comment by anyone but the requester into a public agent comment', () => {
    expect(normaliseEvent(fixture('issue-commented-agent-public'), context)).toEqual([
      {
        ...base,
        type: 'agent-comment',
        key: `10042:comment:30001:v${utc(3, 9, 30)}`,
        at: utc(3, 9, 30),
        actorId: 'qm:agent-bo',
        commentId: '30001',
        public: true,
      },
    ]);
  });

  it('marks an internal note as not public', () => {
    const [event] = normaliseEvent(fixture('issue-commented-agent-internal'), context);
    expect(event?.type === 'agent-comment' ? event.public : null).toBe(false);
  });

  it("turns the reporter's comment into a requester comment with text, created time and edit version", () => {
    expect(normaliseEvent(fixture('issue-commented-requester'), context)).toEqual([
      {
        ...base,
        type: 'requester-comment',
        key: `10042:comment:30003:v${utc(3, 11, 5)}`,
        at: utc(3, 11),
        actorId: 'qm:requester-ada',
        commentId: '30003',
        public: true,
        text: 'Still dropping. Any update?',
        version: utc(3, 11, 5),
      },
    ]);
  });

  it('treats a request participant as a requester and honours a caller-supplied reporter', () => {
    const payload = fixture('issue-commented-agent-public');
    expect(normaliseEvent(payload, { ...context, roles: { participantIds: ['qm:agent-bo'] } })[0]?.type).toBe(
      'requester-comment',
    );
    expect(
      normaliseEvent(fixture('issue-commented-requester'), { ...context, roles: { reporterId: 'qm:someone-else' } })[0]
        ?.type,
    ).toBe('agent-comment');
  });

  it('ignores comments written by the app or by automation, and events the app caused', () => {
    expect(normaliseEvent(fixture('issue-commented-by-app'), context)).toEqual([]);
    const byAppAccount = fixture('issue-commented-agent-public');
    expect(normaliseEvent(byAppAccount, { ...context, appAccountId: 'qm:agent-bo' })).toEqual([]);
    expect(normaliseEvent({ ...fixture('issue-updated-status'), selfGenerated: true }, context)).toEqual([]);
  });

  it('turns a deleted issue into deleted', () => {
    expect(normaliseEvent(fixture('issue-deleted'), context)).toEqual([
      { ...base, type: 'deleted', key: '10042:deleted', at: utc(6, 8), actorId: 'qm:admin-di' },
    ]);
  });

  it('produces only events the domain schema accepts', () => {
    const names = [
      'issue-created',
      'issue-updated-status',
      'issue-updated-resolved',
      'issue-updated-reopened',
      'issue-assigned',
      'issue-commented-agent-public',
      'issue-commented-agent-internal',
      'issue-commented-requester',
      'issue-deleted',
    ];
    for (const name of names) {
      for (const event of normaliseEvent(fixture(name), context))
        expect(LifecycleEventSchema.safeParse(event).success).toBe(true);
    }
  });
});
