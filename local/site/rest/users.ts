// Users and permissions: myself, user, user/bulk, mypermissions.
import { jiraError, NOT_FOUND, PERMISSIONS, type Kit, type Route } from './kit.js';
import type { Issue } from '../site.js';

/** GET /rest/api/3/myself */
function getMyself(k: Kit): Route {
  const { site, principalUser } = k;
  return [
    'GET',
    '/rest/api/3/myself',
    ({ req }) => {
      if (req.principal.kind === 'app') return { status: 200, body: site.userRef(req.principal.accountId) };
      const u = principalUser(req.principal);
      if (!u) return jiraError(401, 'You are not authenticated. Authentication required to perform this operation.');
      return { status: 200, body: { ...site.userRef(u.accountId), emailAddress: u.email, locale: u.locale } };
    },
  ];
}

/** GET /rest/api/3/user */
function getUser(k: Kit): Route {
  const { site } = k;
  return [
    'GET',
    '/rest/api/3/user',
    ({ query }) => {
      const id = query.get('accountId');
      if (!id) return jiraError(400, 'The accountId query parameter needs to be provided.');
      if (!site.user(id))
        return jiraError(404, `Specified user does not exist or you do not have required permissions`);
      return { status: 200, body: { ...site.userRef(id), locale: site.user(id)?.locale ?? null } };
    },
  ];
}

/** GET /rest/api/3/user/bulk */
function getUserBulk(k: Kit): Route {
  const { site, page } = k;
  return [
    'GET',
    '/rest/api/3/user/bulk',
    ({ query }) => {
      const ids = query.getAll('accountId');
      const users = ids.filter((id) => site.user(id)).map((id) => site.userRef(id));
      const p = page(users, query, 10, 200);
      return {
        status: 200,
        body: {
          self: `${site.baseUrl}/rest/api/3/user/bulk`,
          maxResults: p.max,
          startAt: p.startAt,
          total: p.total,
          isLast: p.isLast,
          values: p.slice,
        },
      };
    },
  ];
}

/** GET /rest/api/3/mypermissions */
function getMypermissions(k: Kit): Route {
  const { site, principalUser } = k;
  return [
    'GET',
    '/rest/api/3/mypermissions',
    ({ req, query }) => {
      const requested = (query.get('permissions') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (requested.length === 0) return jiraError(400, "The 'permissions' query parameter is required.");
      const unknown = requested.filter((p) => !PERMISSIONS[p]);
      if (unknown.length > 0) return jiraError(400, `Unrecognized permission keys: ${unknown.join(', ')}`);
      const issueRef = query.get('issueKey') ?? query.get('issueId');
      const projectRef = query.get('projectKey') ?? query.get('projectId');
      let issue: Issue | undefined;
      if (issueRef) {
        issue = site.issue(issueRef);
        if (!issue) return jiraError(404, NOT_FOUND);
      }
      if (projectRef && !site.project(projectRef))
        return jiraError(404, `No project could be found with key '${projectRef}'.`);
      const p = req.principal;
      const u = principalUser(p);
      const role = p.kind === 'app' ? 'app' : u?.active ? u.role : undefined;
      // Project permissions hold in the context's project; without a context, in at least one project (as Jira answers).
      const contextProject = issue?.projectId ?? (projectRef ? site.project(projectRef)?.id : undefined);
      const inProject = (): boolean =>
        contextProject !== undefined
          ? site.canBrowseProject(p.accountId, contextProject)
          : site.browsableProjects(p.accountId).length > 0;
      const have = (key: string): boolean => {
        if (role === undefined) return false;
        if (role === 'app') return true;
        if (PERMISSIONS[key]?.type === 'PROJECT' && !inProject()) return false;
        if (role === 'admin') return true;
        if (role === 'agent') return key !== 'ADMINISTER' && key !== 'ADMINISTER_PROJECTS';
        // Customers: only their own requests, and only browse and comment.
        const own = issue !== undefined && site.canBrowse(p.accountId, issue);
        return own && (key === 'BROWSE_PROJECTS' || key === 'ADD_COMMENTS');
      };
      const permissions = Object.fromEntries(
        requested.map((key) => {
          const def = PERMISSIONS[key] as (typeof PERMISSIONS)[string];
          return [key, { ...def, key, havePermission: have(key) }];
        }),
      );
      return { status: 200, body: { permissions } };
    },
  ];
}

export function usersRoutes(k: Kit): Route[] {
  return [getMyself, getUser, getUserBulk, getMypermissions].map((route) => route(k));
}
