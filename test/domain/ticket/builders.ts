import type { LifecycleEvent, StatusRef } from '../../../src/domain/lifecycle-event';
import type { ApplyEventDeps, CommentScore } from '../../../src/domain/ticket';

export const ISSUE = { issueId: '10042', issueKey: 'HELP-42', projectId: '10001' } as const;

export const STATUS = {
  waitingForSupport: { id: '10010', name: 'Waiting for support', category: 'new' },
  waitingForCustomer: { id: '10012', name: 'Waiting for customer', category: 'indeterminate' },
  inProgress: { id: '10011', name: 'In Progress', category: 'indeterminate' },
  resolved: { id: '10014', name: 'Resolved', category: 'done' },
} as const satisfies Record<string, StatusRef>;

/** A scorer with fixed answers per text, standing in for the sentiment module. */
export function tableScorer(table: Record<string, CommentScore>): (text: string) => CommentScore {
  return (text) => table[text] ?? { kind: 'unscorable' };
}

export const SCORES: Record<string, CommentScore> = {
  'Still dropping. Any update?': { kind: 'scored', s: -0.4, negativeSentences: ['Still dropping.'], chaser: true },
  'Thanks, works now': { kind: 'scored', s: 0.6, negativeSentences: [], chaser: false },
  'This is useless.': { kind: 'scored', s: -0.8, negativeSentences: ['This is useless.'], chaser: false },
  'Great, thank you': { kind: 'scored', s: 0.5, negativeSentences: [], chaser: false },
  'Still broken.': { kind: 'scored', s: -0.6, negativeSentences: ['Still broken.'], chaser: false },
};

export const deps: ApplyEventDeps = {
  score: tableScorer(SCORES),
  waitingForCustomerStatuses: ['waiting for customer'],
};

const common = (key: string, at: number, actorId: string | null = null) => ({ ...ISSUE, key, at, actorId });

export const ev = {
  created: (at: number, status: StatusRef, assigneeId: string | null = null): LifecycleEvent => ({
    ...common(`${ISSUE.issueId}:created`, at, 'qm:requester-ada'),
    type: 'created',
    reporterId: 'qm:requester-ada',
    requestTypeId: '17',
    priority: '3',
    status,
    assigneeId,
  }),
  status: (cl: string, at: number, from: StatusRef, to: StatusRef): LifecycleEvent => ({
    ...common(`${ISSUE.issueId}:cl:${cl}:status`, at),
    type: 'status-changed',
    from,
    to,
  }),
  resolved: (cl: string, at: number): LifecycleEvent => ({
    ...common(`${ISSUE.issueId}:cl:${cl}:resolved`, at),
    type: 'resolved',
    resolution: 'Done',
  }),
  reopened: (cl: string, at: number, to: StatusRef): LifecycleEvent => ({
    ...common(`${ISSUE.issueId}:cl:${cl}:reopened`, at),
    type: 'reopened',
    to,
  }),
  assigned: (cl: string, at: number, from: string | null, to: string | null): LifecycleEvent => ({
    ...common(`${ISSUE.issueId}:cl:${cl}:assignee`, at),
    type: 'reassigned',
    fromAssigneeId: from,
    toAssigneeId: to,
  }),
  agentComment: (id: string, at: number, isPublic = true): LifecycleEvent => ({
    ...common(`${ISSUE.issueId}:comment:${id}:v${at}`, at, 'qm:agent-bo'),
    type: 'agent-comment',
    commentId: id,
    public: isPublic,
  }),
  requesterComment: (id: string, at: number, text: string, version = at, isPublic = true): LifecycleEvent => ({
    ...common(`${ISSUE.issueId}:comment:${id}:v${version}`, at, 'qm:requester-ada'),
    type: 'requester-comment',
    commentId: id,
    public: isPublic,
    text,
    version,
  }),
  deleted: (at: number): LifecycleEvent => ({ ...common(`${ISSUE.issueId}:deleted`, at), type: 'deleted' }),
};
