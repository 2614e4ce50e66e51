// The site's reference data: people (with their profile language), service projects, request
// types and statuses, and who may browse which project.
import type { Db } from '../db.js';
import { nextId } from '../db.js';
import type { Clock } from './clock.js';
import {
  DEFAULT_STATUSES,
  ISSUE_TYPE,
  type Project,
  type RequestType,
  type Role,
  SiteError,
  type Status,
  type User,
} from './model.js';

export class SiteDirectory {
  constructor(
    readonly db: Db,
    readonly clock: Clock,
  ) {
    const insert = db.prepare('INSERT OR IGNORE INTO statuses (id, name, category) VALUES (?, ?, ?)');
    for (const s of DEFAULT_STATUSES) insert.run(s.id, s.name, s.category);
  }

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

  // --- permissions ---------------------------------------------------------------------------------

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

  isLicensed(accountId: string): boolean {
    const role = this.user(accountId)?.role;
    return role === 'agent' || role === 'admin' || role === 'app';
  }

  protected requireProject(idOrKey: string): Project {
    const p = this.project(idOrKey);
    if (!p) throw new SiteError(404, `No project could be found with key '${idOrKey}'.`);
    return p;
  }

  protected requireStatus(id: string): Status {
    const s = this.status(id);
    if (!s) throw new Error(`unknown status ${id}`);
    return s;
  }
}
