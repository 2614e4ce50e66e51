// The Jira and JSM REST endpoints the app calls, with Jira's status codes, error bodies and pagination.
// `asApp()` calls act as the app's bot user with full access; `asUser(id)` calls are checked against
// that person's permissions (a customer sees only their own requests, never internal comments).
// Each resource lives in rest/<resource>.ts; this router matches OpenAPI path templates, checks the
// app's scopes (route-scopes.ts) and maps site errors to Jira's and JSM's error bodies.
import type { PropertyAlias } from './jql.js';
import { commentsRoutes } from './rest/comments.js';
import { issuesRoutes } from './rest/issues.js';
import {
  createKit,
  type Ctx,
  jiraError,
  type RestRequest,
  type RestResponse,
  type Route,
  sdError,
} from './rest/kit.js';
import { projectsRoutes } from './rest/projects.js';
import { propertiesRoutes } from './rest/properties.js';
import { requestsRoutes } from './rest/requests.js';
import { searchRoutes } from './rest/search.js';
import { servicedeskRoutes } from './rest/servicedesk.js';
import { usersRoutes } from './rest/users.js';
import { scopeRefusal } from './route-scopes.js';
import { ISSUE_TYPE, type JiraSite, SiteError } from './site.js';

export type { Principal, RestRequest, RestResponse } from './rest/kit.js';

export function createJiraRest(site: JiraSite, aliases: PropertyAlias[] = []) {
  const kit = createKit(site, aliases);
  // Order matters where two templates match one path (project/search before project/{id}).
  const routes: Route[] = [
    ...usersRoutes(kit),
    ...projectsRoutes(kit),
    ...searchRoutes(kit),
    ...issuesRoutes(kit),
    ...commentsRoutes(kit),
    ...propertiesRoutes(kit),
    ...servicedeskRoutes(kit),
    ...requestsRoutes(kit),
  ];

  const handle = function handle(req: RestRequest): RestResponse {
    const url = new URL(req.path, 'http://jira.local');
    const method = req.method.toUpperCase();
    const ctx: Ctx = { req, query: url.searchParams, actor: { accountId: req.principal.accountId, self: req.self } };
    if (req.principal.kind === 'user') {
      const u = site.user(req.principal.accountId);
      if (!u || !u.active)
        return jiraError(401, 'You are not authenticated. Authentication required to perform this operation.');
    }
    let pathMatched = false;
    for (const [m, template, handler] of routes) {
      const match = templateRegex(template).exec(url.pathname);
      if (!match) continue;
      pathMatched = true;
      if (m !== method) continue;
      if (req.scopes !== undefined) {
        const refusal = scopeRefusal(method, template, req.scopes);
        if (refusal) return refusal;
      }
      try {
        return handler(ctx, match.slice(0));
      } catch (e) {
        if (e instanceof SiteError) {
          if (url.pathname.includes('/servicedeskapi/')) return sdError(e.status, e.message || 'Bad request');
          return jiraError(e.status, e.message, e.fieldErrors);
        }
        throw e;
      }
    }
    if (pathMatched)
      return {
        status: 405,
        body: { errorMessages: [`Method ${method} is not allowed for ${url.pathname}.`], errors: {} },
      };
    return jiraError(
      404,
      `The local host does not implement ${method} ${url.pathname}. Add it to local/site/rest.ts if the app needs it.`,
    );
  };
  /** Every operation the site serves, as OpenAPI method and path template. */
  const served = routes.map(([method, path]) => ({ method, path }));
  return Object.assign(handle, { served });
}

export { ISSUE_TYPE };

const compiled = new Map<string, RegExp>();

/**
 * The path pattern of an OpenAPI path template (`/rest/api/3/issue/{issueIdOrKey}`): parameters
 * match one segment, and the platform API answers under `/rest/api/2` as well as `/3`.
 */
export function templateRegex(template: string): RegExp {
  let re = compiled.get(template);
  if (re === undefined) {
    const body = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('')
      .replace(/^\/rest\/api\/3\//, '/rest/api/[23]/');
    re = new RegExp(`^${body}$`);
    compiled.set(template, re);
  }
  return re;
}
