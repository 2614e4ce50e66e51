// A small Jira Service Management site: users in three roles, service projects, request types,
// statuses with categories, tickets with comments, changelog, participants, properties and SLAs.
// Every change emits the product event real Jira would send, with the real payload shape.
import type { Db } from '../db.js';
import { nextId } from '../db.js';
import { jiraDate } from './clock.js';
import type { Clock } from './clock.js';
import { type Adf, adfFromText } from './adf.js';
import { SitePayloads } from './event-payloads.js';
import {
  type Actor,
  type ChangeItem,
  type Comment,
  DEFAULT_STATUSES,
  type EventSink,
  type Issue,
  type IssueEventType,
  SiteError,
  type Status,
} from './model.js';

export * from './model.js';

/** The site: its reference data and ticket reads (the classes below it), and every change, each sending its event. */
export class JiraSite extends SitePayloads {
  constructor(
    db: Db,
    clock: Clock,
    private readonly emit: EventSink,
    baseUrl = 'https://sentio-local.atlassian.net',
  ) {
    super(db, clock, baseUrl);
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

  // --- internals --------------------------------------------------------------------------------

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
