// The shapes Jira gives people, statuses, projects, issues and comments in REST answers and in the
// product events Forge delivers, with links on the site's base URL.
import type { Db } from '../db.js';
import type { Clock } from './clock.js';
import { jiraDate } from './clock.js';
import { type Comment, type Issue, ISSUE_TYPE, STATUS_CATEGORIES } from './model.js';
import { SiteTicketReads } from './ticket-reads.js';

export class SitePayloads extends SiteTicketReads {
  constructor(
    db: Db,
    clock: Clock,
    readonly baseUrl: string,
  ) {
    super(db, clock);
  }

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
}
