// Reads of the site's tickets: the issues with their participants, comments, changelog, properties
// and SLA overrides, and whether a person may see one.
import type { Adf } from './adf.js';
import { SiteDirectory } from './directory.js';
import type { ChangeItem, ChangelogEntry, Comment, Issue } from './model.js';
import { SiteError } from './model.js';

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

export class SiteTicketReads extends SiteDirectory {
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

  /** Whether a person may see a ticket: licensed users see all (unless denied the project), customers only their own requests. */
  canBrowse(accountId: string, issue: Issue): boolean {
    const user = this.user(accountId);
    if (!user || !user.active) return false;
    if (!this.canBrowseProject(accountId, issue.projectId)) return false;
    if (user.role !== 'customer') return true;
    return issue.reporter === accountId || this.participants(issue.id).includes(accountId);
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
}
