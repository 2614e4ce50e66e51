// Projects, priorities, statuses and status categories.
import { STATUS_CATEGORIES } from '../site.js';
import { jiraError, PRIORITIES, type Kit, type Route } from './kit.js';

/** GET /rest/api/3/project/search */
function getProjectSearch(k: Kit): Route {
  const { site, page } = k;
  return [
    'GET',
    '/rest/api/3/project/search',
    ({ req, query }) => {
      const listed = req.principal.kind === 'app' ? site.projects() : site.browsableProjects(req.principal.accountId);
      // `orderBy=name` (the description's default is `key`); a user sees the projects they may
      // browse, which for this site's permissions is also what `action=browse` asks for.
      const ordered =
        query.get('orderBy') === 'name' ? [...listed].sort((a, b) => a.name.localeCompare(b.name)) : listed;
      const values = ordered.map((pr) => ({ ...site.projectRef(pr.id) }));
      const p = page(values, query, 50, 100);
      return {
        status: 200,
        body: {
          self: `${site.baseUrl}/rest/api/3/project/search`,
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

/** GET /rest/api/3/project/{projectIdOrKey} */
function getProjectOne(k: Kit): Route {
  const { site } = k;
  return [
    'GET',
    '/rest/api/3/project/{projectIdOrKey}',
    ({ req }, m) => {
      const pr = site.project(decodeURIComponent(m[1] ?? ''));
      if (!pr || (req.principal.kind === 'user' && !site.canBrowseProject(req.principal.accountId, pr.id)))
        return jiraError(404, `No project could be found with key '${m[1] ?? ''}'.`);
      return {
        status: 200,
        body: { ...site.projectRef(pr.id), lead: site.userRef(pr.lead), issueTypes: [site.issueTypeRef()] },
      };
    },
  ];
}

/** GET /rest/api/3/priority */
function getPriority(k: Kit): Route {
  const { site } = k;
  return [
    'GET',
    '/rest/api/3/priority',
    () => ({
      status: 200,
      body: PRIORITIES.map((pr) => ({ self: `${site.baseUrl}/rest/api/3/priority/${pr.id}`, ...pr })),
    }),
  ];
}

/** GET /rest/api/3/priority/search */
function getPrioritySearch(k: Kit): Route {
  const { site, page } = k;
  return [
    'GET',
    '/rest/api/3/priority/search',
    ({ query }) => {
      const p = page(
        PRIORITIES.map((pr) => ({ self: `${site.baseUrl}/rest/api/3/priority/${pr.id}`, ...pr })),
        query,
        50,
        100,
      );
      return {
        status: 200,
        body: {
          self: `${site.baseUrl}/rest/api/3/priority/search`,
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

/** GET /rest/api/3/status */
function getStatus(k: Kit): Route {
  const { site } = k;
  return ['GET', '/rest/api/3/status', () => ({ status: 200, body: site.statuses().map((s) => site.statusRef(s.id)) })];
}

/** GET /rest/api/3/statuscategory */
function getStatuscategory(k: Kit): Route {
  const { site } = k;
  return [
    'GET',
    '/rest/api/3/statuscategory',
    () => ({
      status: 200,
      body: Object.values(STATUS_CATEGORIES).map((c) => ({
        self: `${site.baseUrl}/rest/api/3/statuscategory/${c.id}`,
        ...c,
      })),
    }),
  ];
}

export function projectsRoutes(k: Kit): Route[] {
  return [getProjectSearch, getProjectOne, getPriority, getPrioritySearch, getStatus, getStatuscategory].map((route) =>
    route(k),
  );
}
