// A small Jira Service Management site: users in three roles, service projects, request types,
// statuses with categories, tickets with comments, changelog, participants, properties and SLAs.
// Every change emits the product event real Jira would send, with the real payload shape.
import type { Db } from '../db.js';
import { nextId } from '../db.js';
import { jiraDate } from './clock.js';
import type { Clock } from './clock.js';
import { type Adf, adfFromText } from './adf.js';

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

interface IssueRow {
  id: string;
  key: string;
  project_id: string;
  request_type_id: string;
  summary: string;
  description: string | null;
  status_id: string;
  priority: string;
  reporter: string;
  creator: string;
  assignee: string | null;
  resolution: string | null;
  resolution_date: number | null;
  created: number;
  updated: number;
}

function toIssue(r: IssueRow): Issue {
  return {
    id: r.id,
    key: r.key,
    projectId: r.project_id,
    requestTypeId: r.request_type_id,
    summary: r.summary,
    description: r.description,
    statusId: r.status_id,
    priority: r.priority,
    reporter: r.reporter,
    creator: r.creator,
    assignee: r.assignee,
    resolution: r.resolution,
    resolutionDate: r.resolution_date,
    created: r.created,
    updated: r.updated,
  };
}

export class JiraSite {
  readonly baseUrl: string;

  constructor(
    readonly db: Db,
    readonly clock: Clock,
    private readonly emit: EventSink,
    baseUrl = 'https://sentio-local.atlassian.net',
  ) {
    this.baseUrl = baseUrl;
    const insert = db.prepare('INSERT OR IGNORE INTO statuses (id, name, category) VALUES (?, ?, ?)');
    for (const s of DEFAULT_STATUSES) insert.run(s.id, s.name, s.category);
  }

  // --- reference data ---------------------------------------------------------------------------

  addUser(u: {
    accountId: string;
    displayName: string;
    email?: string;
    role: Role;
    style?: string;
    timeZone?: string;
    locale?: string;
  }): User {
    const user: User = {
      accountId: u.accountId,
      displayName: u.displayName,
      email: u.email ?? `${u.displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
      role: u.role,
      style: u.style ?? null,
      active: true,
      timeZone: u.timeZone ?? 'Europe/London',
      locale: u.locale ?? 'en_US',
    };
    this.db
      .prepare(
        'INSERT OR REPLACE INTO users (account_id, display_name, email, role, style, active, time_zone) VALUES (?, ?, ?, ?, ?, 1, ?)',
      )
      .run(user.accountId, user.displayName, user.email, user.role, user.style, user.timeZone);
    this.db
      .prepare('INSERT OR REPLACE INTO user_locales (account_id, locale) VALUES (?, ?)')
      .run(user.accountId, user.locale);
    return user;
  }

  user(accountId: string): User | undefined {
    const r = this.db.prepare('SELECT * FROM users WHERE account_id = ?').get(accountId) as
      | {
          account_id: string;
          display_name: string;
          email: string;
          role: Role;
          style: string | null;
          active: number;
          time_zone: string;
        }
      | undefined;
    const locale = r
      ? (this.db.prepare('SELECT locale FROM user_locales WHERE account_id = ?').get(accountId) as
          { locale: string } | undefined)
      : undefined;
    return (
      r && {
        accountId: r.account_id,
        displayName: r.display_name,
        email: r.email,
        role: r.role,
        style: r.style,
        active: r.active === 1,
        timeZone: r.time_zone,
        locale: locale?.locale ?? 'en_US',
      }
    );
  }

  users(role?: Role): User[] {
    const ids = (
      role
        ? this.db.prepare('SELECT account_id FROM users WHERE role = ? ORDER BY rowid').all(role)
        : this.db.prepare('SELECT account_id FROM users ORDER BY rowid').all()
    ) as Array<{ account_id: string }>;
    return ids.map((r) => this.user(r.account_id)).filter((u): u is User => u !== undefined);
  }

  /**
   * Whether the JSM request-type field is navigable (returned for `fields=*navigable`). A site can
   * configure it otherwise; the issue read then lacks the request type and JSM's request names it.
   */
  requestTypeFieldNavigable = true;

  /** When each person last changed their profile (the personal-data API answers `updated` for older copies). */
  private readonly profileChanges = new Map<string, number>();

  /** The person changes their profile language, as in Jira's profile settings. */
  changeLocale(accountId: string, locale: string): void {
    this.db.prepare('UPDATE user_locales SET locale = ? WHERE account_id = ?').run(locale, accountId);
    this.profileChanges.set(accountId, this.clock.now());
  }

  /** When the person last changed their profile here; undefined when never. */
  profileChangedAt(accountId: string): number | undefined {
    return this.profileChanges.get(accountId);
  }

  /** Closes an account (GDPR): the personal-data API then reports it as closed. */
  closeAccount(accountId: string): void {
    this.db.prepare('UPDATE users SET active = 0 WHERE account_id = ?').run(accountId);
  }

  addProject(p: { key: string; name: string; lead?: string }): Project {
    const existing = this.project(p.key);
    if (existing) return existing;
    const id = String(nextId(this.db, 'project', 10000));
    const serviceDeskId = String(nextId(this.db, 'servicedesk', 1));
    this.db
      .prepare('INSERT INTO projects (id, key, name, service_desk_id, lead) VALUES (?, ?, ?, ?, ?)')
      .run(id, p.key, p.name, serviceDeskId, p.lead ?? null);
    return { id, key: p.key, name: p.name, serviceDeskId, lead: p.lead ?? null };
  }

  project(idOrKey: string): Project | undefined {
    const r = this.db.prepare('SELECT * FROM projects WHERE id = ? OR key = ?').get(idOrKey, idOrKey) as
      { id: string; key: string; name: string; service_desk_id: string; lead: string | null } | undefined;
    return r && { id: r.id, key: r.key, name: r.name, serviceDeskId: r.service_desk_id, lead: r.lead };
  }

  projects(): Project[] {
    const rows = this.db.prepare('SELECT key FROM projects ORDER BY key').all() as Array<{ key: string }>;
    return rows.map((r) => this.project(r.key)).filter((p): p is Project => p !== undefined);
  }

  projectByServiceDesk(serviceDeskId: string): Project | undefined {
    const r = this.db.prepare('SELECT key FROM projects WHERE service_desk_id = ?').get(serviceDeskId) as
      { key: string } | undefined;
    return r && this.project(r.key);
  }

  addRequestType(t: {
    projectKey: string;
    name: string;
    description?: string;
    frtGoalMin: number;
    ttrGoalMin: number;
  }): RequestType {
    const project = this.requireProject(t.projectKey);
    const found = this.requestTypes(project.id).find((rt) => rt.name === t.name);
    if (found) return found;
    const id = String(nextId(this.db, 'requesttype', 1));
    this.db
      .prepare(
        'INSERT INTO request_types (id, project_id, name, description, issue_type_id, frt_goal_min, ttr_goal_min) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, project.id, t.name, t.description ?? t.name, ISSUE_TYPE.id, t.frtGoalMin, t.ttrGoalMin);
    return {
      id,
      projectId: project.id,
      name: t.name,
      description: t.description ?? t.name,
      issueTypeId: ISSUE_TYPE.id,
      frtGoalMin: t.frtGoalMin,
      ttrGoalMin: t.ttrGoalMin,
    };
  }

  requestTypes(projectId?: string): RequestType[] {
    const rows = (
      projectId
        ? this.db
            .prepare('SELECT * FROM request_types WHERE project_id = ? ORDER BY CAST(id AS INTEGER)')
            .all(projectId)
        : this.db.prepare('SELECT * FROM request_types ORDER BY CAST(id AS INTEGER)').all()
    ) as Array<{
      id: string;
      project_id: string;
      name: string;
      description: string;
      issue_type_id: string;
      frt_goal_min: number;
      ttr_goal_min: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      name: r.name,
      description: r.description,
      issueTypeId: r.issue_type_id,
      frtGoalMin: r.frt_goal_min,
      ttrGoalMin: r.ttr_goal_min,
    }));
  }

  requestType(id: string): RequestType | undefined {
    return this.requestTypes().find((r) => r.id === id);
  }

  statuses(): Status[] {
    return this.db.prepare('SELECT id, name, category FROM statuses ORDER BY id').all() as Status[];
  }

  status(idOrName: string): Status | undefined {
    return this.statuses().find((s) => s.id === idOrName || s.name.toLowerCase() === idOrName.toLowerCase());
  }

  // --- tickets: reads ---------------------------------------------------------------------------

  issue(idOrKey: string): Issue | undefined {
    const r = this.db
      .prepare('SELECT * FROM issues WHERE (id = ? OR key = ?) AND deleted = 0')
      .get(idOrKey, idOrKey.toUpperCase()) as IssueRow | undefined;
    return r && toIssue(r);
  }

  requireIssue(idOrKey: string): Issue {
    const issue = this.issue(idOrKey);
    if (!issue) throw new SiteError(404, 'Issue does not exist or you do not have permission to see it.');
    return issue;
  }

  issues(filter: { projectId?: string; reporter?: string } = {}): Issue[] {
    let sql = 'SELECT * FROM issues WHERE deleted = 0';
    const params: string[] = [];
    if (filter.projectId) {
      sql += ' AND project_id = ?';
      params.push(filter.projectId);
    }
    if (filter.reporter) {
      sql += ' AND (reporter = ? OR id IN (SELECT issue_id FROM participants WHERE account_id = ?))';
      params.push(filter.reporter, filter.reporter);
    }
    sql += ' ORDER BY created DESC, CAST(id AS INTEGER) DESC';
    return (this.db.prepare(sql).all(...params) as IssueRow[]).map(toIssue);
  }

  participants(issueId: string): string[] {
    return (
      this.db.prepare('SELECT account_id FROM participants WHERE issue_id = ? ORDER BY rowid').all(issueId) as Array<{
        account_id: string;
      }>
    ).map((r) => r.account_id);
  }

  comments(issueId: string): Comment[] {
    const rows = this.db
      .prepare('SELECT * FROM comments WHERE issue_id = ? ORDER BY created, CAST(id AS INTEGER)')
      .all(issueId) as Array<{
      id: string;
      issue_id: string;
      author: string;
      body: string;
      public: number;
      created: number;
      updated: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      issueId: r.issue_id,
      author: r.author,
      body: JSON.parse(r.body) as Adf,
      public: r.public === 1,
      created: r.created,
      updated: r.updated,
    }));
  }

  changelog(issueId: string): ChangelogEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM changelog WHERE issue_id = ? ORDER BY created, CAST(id AS INTEGER)')
      .all(issueId) as Array<{
      id: string;
      issue_id: string;
      author: string;
      created: number;
      items: string;
    }>;
    return rows.map((r) => ({
      id: r.id,
      issueId: r.issue_id,
      author: r.author,
      created: r.created,
      items: JSON.parse(r.items) as ChangeItem[],
    }));
  }

  property(issueId: string, key: string): unknown {
    const r = this.db.prepare('SELECT value FROM issue_properties WHERE issue_id = ? AND key = ?').get(issueId, key) as
      { value: string } | undefined;
    return r === undefined ? undefined : (JSON.parse(r.value) as unknown);
  }

  propertyKeys(issueId: string): string[] {
    return (
      this.db.prepare('SELECT key FROM issue_properties WHERE issue_id = ? ORDER BY key').all(issueId) as Array<{
        key: string;
      }>
    ).map((r) => r.key);
  }

  /**
   * Per-project permission setting: `allowed = false` takes Browse Projects on that project away from
   * the person (and with it every project permission there: the issues answer 404, `mypermissions`
   * says no, they cannot be assigned). By default every licensed user may browse every project.
   */
  setBrowsePermission(projectKey: string, accountId: string, allowed: boolean): void {
    const project = this.requireProject(projectKey);
    if (allowed)
      this.db.prepare('DELETE FROM project_denials WHERE project_id = ? AND account_id = ?').run(project.id, accountId);
    else
      this.db
        .prepare('INSERT OR IGNORE INTO project_denials (project_id, account_id) VALUES (?, ?)')
        .run(project.id, accountId);
  }

  /** Whether the person has Browse Projects on the project (customers: the portal, their own requests only). */
  canBrowseProject(accountId: string, projectIdOrKey: string): boolean {
    const user = this.user(accountId);
    const project = this.project(projectIdOrKey);
    if (!user || !user.active || !project) return false;
    return (
      this.db
        .prepare('SELECT 1 FROM project_denials WHERE project_id = ? AND account_id = ?')
        .get(project.id, accountId) === undefined
    );
  }

  /** Projects the person may browse. */
  browsableProjects(accountId: string): Project[] {
    return this.projects().filter((p) => this.canBrowseProject(accountId, p.id));
  }

  /** Whether a person may see a ticket: licensed users see all (unless denied the project), customers only their own requests. */
  canBrowse(accountId: string, issue: Issue): boolean {
    const user = this.user(accountId);
    if (!user || !user.active) return false;
    if (!this.canBrowseProject(accountId, issue.projectId)) return false;
    if (user.role !== 'customer') return true;
    return issue.reporter === accountId || this.participants(issue.id).includes(accountId);
  }

  isLicensed(accountId: string): boolean {
    const role = this.user(accountId)?.role;
    return role === 'agent' || role === 'admin' || role === 'app';
  }

  // --- tickets: writes --------------------------------------------------------------------------

  createTicket(input: {
    projectKey: string;
    requestTypeId?: string;
    requestType?: string;
    summary: string;
    description?: string;
    reporter: string;
    priority?: string;
    participants?: string[];
    actor?: Actor;
  }): Issue {
    const project = this.requireProject(input.projectKey);
    const rt = input.requestTypeId
      ? this.requestType(input.requestTypeId)
      : (this.requestTypes(project.id).find((r) => r.name === input.requestType) ?? this.requestTypes(project.id)[0]);
    if (!rt || rt.projectId !== project.id)
      throw new SiteError(400, 'The request type is not valid for this service desk.', { requestTypeId: 'invalid' });
    if (!this.user(input.reporter)) throw new SiteError(400, 'The reporter does not exist.', { reporter: 'invalid' });
    const actor = input.actor ?? { accountId: input.reporter };
    const now = this.clock.now();
    const num = nextId(this.db, `issuekey:${project.key}`, 1);
    const id = String(nextId(this.db, 'issue', 10001));
    const key = `${project.key}-${num}`;
    const waiting = DEFAULT_STATUSES[0] as Status;
    this.db
      .prepare(
        `INSERT INTO issues (id, key, project_id, request_type_id, summary, description, status_id, priority, reporter, creator, assignee, created, updated)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      )
      .run(
        id,
        key,
        project.id,
        rt.id,
        input.summary,
        input.description ?? null,
        waiting.id,
        input.priority ?? 'Medium',
        input.reporter,
        actor.accountId,
        now,
        now,
      );
    for (const p of input.participants ?? [])
      this.db.prepare('INSERT OR IGNORE INTO participants (issue_id, account_id) VALUES (?, ?)').run(id, p);
    const issue = this.requireIssue(id);
    this.emit(
      'avi:jira:created:issue',
      {
        issue: this.eventIssue(issue),
        atlassianId: actor.accountId,
        associatedUsers: [{ accountId: actor.accountId }],
      },
      actor.self === true,
      now,
    );
    return issue;
  }

  /**
   * Moves the issue to a status. `keepResolution`: a workflow whose transition out of done has no
   * post function clearing the resolution (Jira keeps it then), so the changelog names no resolution.
   */
  transition(
    idOrKey: string,
    statusIdOrName: string,
    actor: Actor,
    options: { readonly keepResolution?: boolean } = {},
  ): Issue {
    const issue = this.requireIssue(idOrKey);
    const to = this.status(statusIdOrName);
    if (!to)
      throw new SiteError(400, `Transition to '${statusIdOrName}' is not valid for this issue.`, {
        transition: 'invalid',
      });
    const from = this.requireStatus(issue.statusId);
    if (from.id === to.id) return issue;
    const now = this.clock.now();
    const items: ChangeItem[] = [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: from.id,
        fromString: from.name,
        to: to.id,
        toString: to.name,
      },
    ];
    let resolution = issue.resolution;
    let resolutionDate = issue.resolutionDate;
    if (to.category === 'done' && from.category !== 'done') {
      resolution = to.name === 'Canceled' ? "Won't Do" : 'Done';
      resolutionDate = now;
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: null,
        fromString: null,
        to: resolution === 'Done' ? '10000' : '10001',
        toString: resolution,
      });
    } else if (to.category !== 'done' && from.category === 'done' && options.keepResolution !== true) {
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: issue.resolution === 'Done' ? '10000' : '10001',
        fromString: issue.resolution,
        to: null,
        toString: null,
      });
      resolution = null;
      resolutionDate = null;
    }
    this.db
      .prepare('UPDATE issues SET status_id = ?, resolution = ?, resolution_date = ?, updated = ? WHERE id = ?')
      .run(to.id, resolution, resolutionDate, now, issue.id);
    return this.recordChange(issue.id, actor, items, ['avi:jira:updated:issue']);
  }

  assign(idOrKey: string, assignee: string | null, actor: Actor): Issue {
    const issue = this.requireIssue(idOrKey);
    if (assignee !== null) {
      const u = this.user(assignee);
      if (!u || !this.isLicensed(assignee) || !this.canBrowseProject(assignee, issue.projectId))
        throw new SiteError(400, `User '${assignee}' cannot be assigned issues.`, { assignee: 'invalid' });
    }
    if (issue.assignee === assignee) return issue;
    const now = this.clock.now();
    this.db.prepare('UPDATE issues SET assignee = ?, updated = ? WHERE id = ?').run(assignee, now, issue.id);
    const name = (id: string | null): string | null => (id === null ? null : (this.user(id)?.displayName ?? id));
    const items: ChangeItem[] = [
      {
        field: 'assignee',
        fieldtype: 'jira',
        fieldId: 'assignee',
        from: issue.assignee,
        fromString: name(issue.assignee),
        to: assignee,
        toString: name(assignee),
      },
    ];
    // Jira sends both: the generic update and the dedicated assignment event, with the same changelog.
    return this.recordChange(issue.id, actor, items, ['avi:jira:updated:issue', 'avi:jira:assigned:issue']);
  }

  editFields(
    idOrKey: string,
    fields: { summary?: string; priority?: string; description?: string },
    actor: Actor,
  ): Issue {
    const issue = this.requireIssue(idOrKey);
    const items: ChangeItem[] = [];
    const now = this.clock.now();
    if (fields.summary !== undefined && fields.summary !== issue.summary) {
      items.push({
        field: 'summary',
        fieldtype: 'jira',
        fieldId: 'summary',
        from: null,
        fromString: issue.summary,
        to: null,
        toString: fields.summary,
      });
      this.db.prepare('UPDATE issues SET summary = ? WHERE id = ?').run(fields.summary, issue.id);
    }
    if (fields.priority !== undefined && fields.priority !== issue.priority) {
      items.push({
        field: 'priority',
        fieldtype: 'jira',
        fieldId: 'priority',
        from: null,
        fromString: issue.priority,
        to: null,
        toString: fields.priority,
      });
      this.db.prepare('UPDATE issues SET priority = ? WHERE id = ?').run(fields.priority, issue.id);
    }
    if (fields.description !== undefined && fields.description !== issue.description) {
      items.push({
        field: 'description',
        fieldtype: 'jira',
        fieldId: 'description',
        from: null,
        fromString: issue.description,
        to: null,
        toString: fields.description,
      });
      this.db.prepare('UPDATE issues SET description = ? WHERE id = ?').run(fields.description, issue.id);
    }
    if (items.length === 0) return issue;
    this.db.prepare('UPDATE issues SET updated = ? WHERE id = ?').run(now, issue.id);
    return this.recordChange(issue.id, actor, items, ['avi:jira:updated:issue']);
  }

  comment(idOrKey: string, input: { body: Adf | string; public: boolean }, actor: Actor): Comment {
    const issue = this.requireIssue(idOrKey);
    const author = this.user(actor.accountId);
    if (!author) throw new SiteError(400, 'The comment author does not exist.');
    // Customers cannot write internal notes: their comments are always shared with the portal.
    const isPublic = author.role === 'customer' ? true : input.public;
    const body = typeof input.body === 'string' ? adfFromText(input.body) : input.body;
    const now = this.clock.now();
    const id = String(nextId(this.db, 'comment', 10000));
    this.db
      .prepare(
        'INSERT INTO comments (id, issue_id, author, body, public, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, issue.id, actor.accountId, JSON.stringify(body), isPublic ? 1 : 0, now, now);
    this.db.prepare('UPDATE issues SET updated = ? WHERE id = ?').run(now, issue.id);
    const comment: Comment = {
      id,
      issueId: issue.id,
      author: actor.accountId,
      body,
      public: isPublic,
      created: now,
      updated: now,
    };
    this.emitComment(this.requireIssue(issue.id), comment, actor, now);
    return comment;
  }

  editComment(idOrKey: string, commentId: string, body: Adf | string, actor: Actor): Comment {
    const issue = this.requireIssue(idOrKey);
    const existing = this.comments(issue.id).find((c) => c.id === commentId);
    if (!existing) throw new SiteError(404, 'Can not find a comment for the id: ' + commentId + '.');
    const adf = typeof body === 'string' ? adfFromText(body) : body;
    const now = this.clock.now();
    this.db.prepare('UPDATE comments SET body = ?, updated = ? WHERE id = ?').run(JSON.stringify(adf), now, commentId);
    const comment = { ...existing, body: adf, updated: now };
    // Forge sends avi:jira:commented:issue on edits too.
    this.emitComment(issue, comment, actor, now);
    return comment;
  }

  addParticipant(idOrKey: string, accountId: string): void {
    const issue = this.requireIssue(idOrKey);
    if (!this.user(accountId)) throw new SiteError(400, `User '${accountId}' does not exist.`);
    this.db.prepare('INSERT OR IGNORE INTO participants (issue_id, account_id) VALUES (?, ?)').run(issue.id, accountId);
  }

  setProperty(idOrKey: string, key: string, value: unknown): { created: boolean } {
    const issue = this.requireIssue(idOrKey);
    const text = JSON.stringify(value);
    if (key.length > 255) throw new SiteError(400, 'The property key cannot be longer than 255 characters.');
    if (Buffer.byteLength(text) > 32768)
      throw new SiteError(400, 'The property value cannot be longer than 32768 bytes.');
    const existed = this.property(issue.id, key) !== undefined;
    this.db
      .prepare(
        'INSERT INTO issue_properties (issue_id, key, value) VALUES (?, ?, ?) ON CONFLICT(issue_id, key) DO UPDATE SET value = excluded.value',
      )
      .run(issue.id, key, text);
    return { created: !existed };
  }

  deleteProperty(idOrKey: string, key: string): boolean {
    const issue = this.requireIssue(idOrKey);
    return (
      this.db.prepare('DELETE FROM issue_properties WHERE issue_id = ? AND key = ?').run(issue.id, key).changes > 0
    );
  }

  deleteTicket(idOrKey: string, actor: Actor): void {
    const issue = this.requireIssue(idOrKey);
    const now = this.clock.now();
    const payload = { issue: this.eventIssue(issue), atlassianId: actor.accountId };
    this.db.prepare('UPDATE issues SET deleted = 1, updated = ? WHERE id = ?').run(now, issue.id);
    this.emit('avi:jira:deleted:issue', payload, actor.self === true, now);
  }

  /**
   * Overrides an SLA goal for one ticket (tests and the demo use it to force breaches). A name other
   * than the two standard SLAs adds an SLA timed like time to resolution with that goal, in the order
   * added: a request with more SLAs than one page of `GET …/sla` holds.
   */
  setSla(idOrKey: string, slaName: string, override: { goalMinutes: number }): void {
    const issue = this.requireIssue(idOrKey);
    this.db
      .prepare(
        'INSERT INTO sla_overrides (issue_id, sla, value) VALUES (?, ?, ?) ON CONFLICT(issue_id, sla) DO UPDATE SET value = excluded.value',
      )
      .run(issue.id, slaName, JSON.stringify(override));
  }

  /** Every override of one ticket, in the order they were first set. */
  slaOverrides(issueId: string): Array<{ name: string; goalMinutes: number }> {
    const rows = this.db
      .prepare('SELECT sla, value FROM sla_overrides WHERE issue_id = ? ORDER BY rowid')
      .all(issueId) as Array<{ sla: string; value: string }>;
    return rows.map((r) => ({
      name: r.sla,
      goalMinutes: (JSON.parse(r.value) as { goalMinutes: number }).goalMinutes,
    }));
  }

  slaOverride(issueId: string, slaName: string): { goalMinutes: number } | undefined {
    const r = this.db
      .prepare('SELECT value FROM sla_overrides WHERE issue_id = ? AND sla = ?')
      .get(issueId, slaName) as { value: string } | undefined;
    return r === undefined ? undefined : (JSON.parse(r.value) as { goalMinutes: number });
  }

  // --- payload shapes ---------------------------------------------------------------------------

  userRef(accountId: string | null): Record<string, unknown> | null {
    if (accountId === null) return null;
    const u = this.user(accountId);
    return {
      self: `${this.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
      accountId,
      displayName: u?.displayName ?? 'Former user',
      active: u?.active ?? false,
      timeZone: u?.timeZone ?? 'UTC',
      accountType: u?.role === 'customer' ? 'customer' : u?.role === 'app' ? 'app' : 'atlassian',
      avatarUrls: { '48x48': `${this.baseUrl}/avatar/${encodeURIComponent(accountId)}.png` },
    };
  }

  statusRef(statusId: string): Record<string, unknown> {
    const s = this.requireStatus(statusId);
    const c = STATUS_CATEGORIES[s.category];
    return {
      self: `${this.baseUrl}/rest/api/3/status/${s.id}`,
      id: s.id,
      name: s.name,
      description: '',
      statusCategory: {
        self: `${this.baseUrl}/rest/api/3/statuscategory/${c.id}`,
        id: c.id,
        key: c.key,
        colorName: c.colorName,
        name: c.name,
      },
    };
  }

  projectRef(projectId: string): Record<string, unknown> {
    const p = this.project(projectId);
    return {
      self: `${this.baseUrl}/rest/api/3/project/${projectId}`,
      id: projectId,
      key: p?.key ?? '',
      name: p?.name ?? '',
      projectTypeKey: 'service_desk',
      simplified: false,
    };
  }

  issueTypeRef(): Record<string, unknown> {
    return { self: `${this.baseUrl}/rest/api/3/issuetype/${ISSUE_TYPE.id}`, ...ISSUE_TYPE };
  }

  /** The `issue` object inside Forge product events. */
  eventIssue(issue: Issue): Record<string, unknown> {
    return {
      id: issue.id,
      key: issue.key,
      fields: {
        summary: issue.summary,
        issuetype: this.issueTypeRef(),
        creator: { accountId: issue.creator },
        created: jiraDate(issue.created),
        project: this.projectRef(issue.projectId),
        reporter: { accountId: issue.reporter },
        assignee: issue.assignee === null ? null : { accountId: issue.assignee },
        updated: jiraDate(issue.updated),
        status: this.statusRef(issue.statusId),
      },
    };
  }

  commentRef(c: Comment): Record<string, unknown> {
    const issue = this.db.prepare('SELECT id FROM issues WHERE id = ?').get(c.issueId) as { id: string } | undefined;
    return {
      self: `${this.baseUrl}/rest/api/3/issue/${issue?.id ?? c.issueId}/comment/${c.id}`,
      id: c.id,
      author: this.userRef(c.author),
      body: c.body,
      updateAuthor: this.userRef(c.author),
      created: jiraDate(c.created),
      updated: jiraDate(c.updated),
      jsdPublic: c.public,
    };
  }

  // --- internals --------------------------------------------------------------------------------

  private requireProject(idOrKey: string): Project {
    const p = this.project(idOrKey);
    if (!p) throw new SiteError(404, `No project could be found with key '${idOrKey}'.`);
    return p;
  }

  private requireStatus(id: string): Status {
    const s = this.status(id);
    if (!s) throw new Error(`unknown status ${id}`);
    return s;
  }

  private recordChange(issueId: string, actor: Actor, items: ChangeItem[], events: IssueEventType[]): Issue {
    const now = this.clock.now();
    const id = String(nextId(this.db, 'changelog', 20000));
    this.db
      .prepare('INSERT INTO changelog (id, issue_id, author, created, items) VALUES (?, ?, ?, ?, ?)')
      .run(id, issueId, actor.accountId, now, JSON.stringify(items));
    const issue = this.requireIssue(issueId);
    for (const type of events) {
      this.emit(
        type,
        {
          issue: this.eventIssue(issue),
          atlassianId: actor.accountId,
          associatedUsers: [{ accountId: actor.accountId }],
          changelog: { id, items },
        },
        actor.self === true,
        now,
      );
    }
    return issue;
  }

  private emitComment(issue: Issue, comment: Comment, actor: Actor, at: number): void {
    this.emit(
      'avi:jira:commented:issue',
      {
        issue: this.eventIssue(issue),
        atlassianId: actor.accountId,
        comment: {
          id: comment.id,
          author: { accountId: comment.author },
          body: comment.body,
          created: jiraDate(comment.created),
          updated: jiraDate(comment.updated),
          jsdPublic: comment.public,
        },
      },
      actor.self === true,
      at,
    );
  }
}
