// The records of the local Jira Service Management site and the fixed parts of its data: who, which
// projects and request types, statuses with their categories, tickets, comments and changelog, and
// the product events a change sends.
import type { Adf } from './adf.js';

export type Role = 'agent' | 'admin' | 'customer' | 'app';

export interface User {
  accountId: string;
  displayName: string;
  email: string;
  role: Role;
  style: string | null;
  active: boolean;
  timeZone: string;
  /** The profile language in Jira's form (`de_DE`); `en_US` unless set. */
  locale: string;
}

export interface Project {
  id: string;
  key: string;
  name: string;
  serviceDeskId: string;
  lead: string | null;
}

export interface RequestType {
  id: string;
  projectId: string;
  name: string;
  description: string;
  issueTypeId: string;
  frtGoalMin: number;
  ttrGoalMin: number;
}

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface Status {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface Issue {
  id: string;
  key: string;
  projectId: string;
  requestTypeId: string;
  summary: string;
  description: string | null;
  statusId: string;
  priority: string;
  reporter: string;
  creator: string;
  assignee: string | null;
  resolution: string | null;
  resolutionDate: number | null;
  created: number;
  updated: number;
}

export interface Comment {
  id: string;
  issueId: string;
  author: string;
  body: Adf;
  public: boolean;
  created: number;
  updated: number;
}

export interface ChangeItem {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogEntry {
  id: string;
  issueId: string;
  author: string;
  created: number;
  items: ChangeItem[];
}

/** Who made a change. `self` marks writes the app made itself (through `__forge_fetch__`). */
export interface Actor {
  accountId: string;
  self?: boolean;
}

export type IssueEventType =
  | 'avi:jira:created:issue'
  | 'avi:jira:updated:issue'
  | 'avi:jira:commented:issue'
  | 'avi:jira:assigned:issue'
  | 'avi:jira:deleted:issue';

export type EventSink = (
  eventType: IssueEventType,
  payload: Record<string, unknown>,
  selfGenerated: boolean,
  at: number,
) => void;

export class SiteError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const STATUS_CATEGORIES: Record<
  StatusCategoryKey,
  { id: number; key: StatusCategoryKey; colorName: string; name: string }
> = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

/** The JSM service-request workflow statuses. Any status can move to any other (a permissive workflow). */
export const DEFAULT_STATUSES: Status[] = [
  { id: '10001', name: 'Waiting for support', category: 'new' },
  { id: '10002', name: 'Waiting for customer', category: 'indeterminate' },
  { id: '10003', name: 'In Progress', category: 'indeterminate' },
  { id: '10004', name: 'Pending', category: 'indeterminate' },
  { id: '10005', name: 'Resolved', category: 'done' },
  { id: '10006', name: 'Closed', category: 'done' },
  { id: '10007', name: 'Canceled', category: 'done' },
];

export const ISSUE_TYPE = {
  id: '10100',
  name: 'Service Request',
  description: 'A request raised through the portal.',
  subtask: false,
  hierarchyLevel: 0,
};

export const CLOUD_ID = 'a1b2c3d4-0000-4000-8000-5e471010ca11';
