/**
 * Jira and JSM REST as the `Jira` (asApp) and `CallerJira` (asUser) ports. Every response is parsed
 * with a zod schema; 429/5xx become `TransientError` so triggers retry.
 * https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestjira/
 */
import api, { route, type APIResponse } from '@forge/api';
import { z } from 'zod';
import { TransientError } from '../app/errors';
import type { CallerJira, ExperienceProperty, IssueSnapshot, Jira, JiraDirectory, ScopeOptions } from '../app/ports';
import { SlaPageSchema } from '../domain/ticket';

/** A Jira response that did not match what the app relies on: a bug or an API change, not the caller's fault. */
export class JiraResponseError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    detail: string,
  ) {
    super(`Jira ${route} answered ${status}: ${detail}`);
    this.name = 'JiraResponseError';
  }
}

const EXPERIENCE_PROPERTY_KEY = 'sentio-experience';

type Fetch = (
  path: ReturnType<typeof route>,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<APIResponse>;

function retryAfterOf(res: APIResponse): number {
  const header = Number(res.headers.get('Retry-After'));
  return Number.isFinite(header) && header > 0 ? Math.min(900, Math.ceil(header)) : 30;
}

async function call(
  fetch: Fetch,
  path: ReturnType<typeof route>,
  init?: { method?: string; body?: unknown },
): Promise<APIResponse> {
  const res = await fetch(path, {
    method: init?.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(init?.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (res.status === 429) throw new TransientError('Jira is rate limiting the app.', retryAfterOf(res));
  if (res.status >= 500) throw new TransientError('Jira is unavailable.', 15);
  return res;
}

async function parse<S extends z.ZodType>(res: APIResponse, schema: S, what: string): Promise<z.output<S>> {
  const body: unknown = await res.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new JiraResponseError(what, res.status, parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  return parsed.data;
}

function expectOk(res: APIResponse, what: string): void {
  if (!res.ok) throw new JiraResponseError(what, res.status, res.statusText);
}

const IssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    project: z.object({ id: z.string() }),
    reporter: z.object({ accountId: z.string() }).nullable().optional(),
    priority: z.object({ id: z.string() }).nullable().optional(),
    status: z.object({ statusCategory: z.object({ key: z.enum(['new', 'indeterminate', 'done']) }) }),
    created: z.string(),
  }),
});

const RequestSchema = z.object({
  issueId: z.string().optional(),
  requestTypeId: z.string().optional(),
  reporter: z.object({ accountId: z.string() }).nullable().optional(),
});

const ParticipantPageSchema = z.object({
  values: z.array(z.object({ accountId: z.string() })),
  isLastPage: z.boolean().optional(),
});

const PermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});

/** Jira's paged lists (`startAt`/`maxResults`/`isLast`) and JSM's (`start`/`limit`/`isLastPage`) as one shape. */
const jiraPage = <T extends z.ZodType>(item: T) =>
  z
    .object({ values: z.array(item), isLast: z.boolean().optional() })
    .transform((b) => ({ values: b.values, last: b.isLast ?? true }));
const deskPage = <T extends z.ZodType>(item: T) =>
  z
    .object({ values: z.array(item), isLastPage: z.boolean().optional() })
    .transform((b) => ({ values: b.values, last: b.isLastPage ?? true }));

const ProjectOptionSchema = z.object({ id: z.string(), key: z.string(), name: z.string() });
const ServiceDeskSchema = z.object({ id: z.string(), projectId: z.string() });
const RequestTypeOptionSchema = z.object({ id: z.string(), name: z.string(), serviceDeskId: z.string() });
const PriorityOptionSchema = z.object({ id: z.string(), name: z.string() });
const UserNameSchema = z.object({ accountId: z.string(), displayName: z.string().optional() });
const UserLocaleSchema = z.object({ locale: z.string().max(35).nullable().optional() });

/** Page size and page count of the scope lists: 500 of each is more than any picker should show, and bounded in time. */
const LIST_PAGE = 50;
const LIST_MAX_PAGES = 10;
/** Account ids per `user/bulk` call (the audit page asks for ≤ 100 distinct actors). */
const USERS_PER_CALL = 50;

/** Follows a paged list up to LIST_MAX_PAGES pages; `pathAt` builds the request for an offset. */
async function allPages<T>(
  fetch: Fetch,
  pathAt: (start: number) => ReturnType<typeof route>,
  schema: z.ZodType<{ values: T[]; last: boolean }>,
  what: string,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 0; page < LIST_MAX_PAGES; page++) {
    const res = await call(fetch, pathAt(out.length));
    expectOk(res, what);
    const body = await parse(res, schema, what);
    out.push(...body.values);
    if (body.last || body.values.length === 0) break;
  }
  return out;
}

export function createJiraClient(): Jira & JiraDirectory {
  const fetch: Fetch = (path, init) => api.asApp().requestJira(path, init);
  return {
    async getIssue(idOrKey): Promise<IssueSnapshot | null> {
      const res = await call(
        fetch,
        route`/rest/api/3/issue/${idOrKey}?fields=project,reporter,priority,status,created`,
      );
      if (res.status === 404) return null;
      expectOk(res, 'issue');
      const issue = await parse(res, IssueSchema, 'issue');
      // The request type lives in JSM, not in the issue fields.
      const reqRes = await call(fetch, route`/rest/servicedeskapi/request/${issue.id}`);
      const request = reqRes.ok ? await parse(reqRes, RequestSchema, 'request') : null;
      return {
        id: issue.id,
        key: issue.key,
        projectId: issue.fields.project.id,
        reporterId: issue.fields.reporter?.accountId ?? request?.reporter?.accountId ?? null,
        requestTypeId: request?.requestTypeId ?? null,
        priority: issue.fields.priority?.id ?? null,
        statusCategory: issue.fields.status.statusCategory.key,
        createdAt: Date.parse(issue.fields.created),
      };
    },

    async getSlaMetrics(issueKey) {
      // JSM sends no SLA events; the cycles are read when the ticket resolves.
      // https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get
      const res = await call(fetch, route`/rest/servicedeskapi/request/${issueKey}/sla`);
      if (res.status === 404) return [];
      expectOk(res, 'sla');
      return (await parse(res, SlaPageSchema, 'sla')).values;
    },

    async getParticipants(issueKey) {
      const res = await call(fetch, route`/rest/servicedeskapi/request/${issueKey}/participant`);
      if (res.status === 404) return [];
      expectOk(res, 'participants');
      return (await parse(res, ParticipantPageSchema, 'participants')).values.map((v) => v.accountId);
    },

    async getRequestTypeId(issueIdOrKey) {
      // https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-get
      const res = await call(fetch, route`/rest/servicedeskapi/request/${issueIdOrKey}`);
      if (res.status === 404) return null;
      expectOk(res, 'request');
      return (await parse(res, RequestSchema, 'request')).requestTypeId ?? null;
    },

    async addPublicComment(issueKey, text, links) {
      // A public JSM comment reaches the requester by e-mail; the links are the one-click answers.
      const body = [text, '', ...links.map((l) => `${l.label}: ${l.url}`)].join('\n');
      const res = await call(fetch, route`/rest/servicedeskapi/request/${issueKey}/comment`, {
        method: 'POST',
        body: { body, public: true },
      });
      expectOk(res, 'comment');
    },

    async setExperienceProperty(issueId, value: ExperienceProperty) {
      const res = await call(fetch, route`/rest/api/3/issue/${issueId}/properties/${EXPERIENCE_PROPERTY_KEY}`, {
        method: 'PUT',
        body: value,
      });
      if (res.status === 404) return; // the issue is gone; nothing to mirror
      expectOk(res, 'issue property');
    },

    async accountExists(accountId) {
      const res = await call(fetch, route`/rest/api/3/user?accountId=${accountId}`);
      if (res.status === 404) return false;
      expectOk(res, 'user');
      return true;
    },

    async listProjects(): Promise<ScopeOptions['projects']> {
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
      const projects = await allPages(
        fetch,
        (start) =>
          route`/rest/api/3/project/search?typeKey=service_desk&orderBy=name&startAt=${start}&maxResults=${LIST_PAGE}`,
        jiraPage(ProjectOptionSchema),
        'project search',
      );
      return projects.map((p) => ({ id: p.id, key: p.key, name: p.name }));
    },

    async listRequestTypes(): Promise<ScopeOptions['requestTypes']> {
      // Request types name their service desk, not their project: the desks say which project each is.
      // https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-requesttype/#api-rest-servicedeskapi-requesttype-get
      const [desks, types] = await Promise.all([
        allPages(
          fetch,
          (start) => route`/rest/servicedeskapi/servicedesk?start=${start}&limit=${LIST_PAGE}`,
          deskPage(ServiceDeskSchema),
          'service desks',
        ),
        allPages(
          fetch,
          (start) => route`/rest/servicedeskapi/requesttype?start=${start}&limit=${LIST_PAGE}`,
          deskPage(RequestTypeOptionSchema),
          'request types',
        ),
      ]);
      const projectOf = new Map(desks.map((d) => [d.id, d.projectId]));
      return types.flatMap((t) => {
        const projectId = projectOf.get(t.serviceDeskId);
        return projectId === undefined ? [] : [{ id: t.id, name: t.name, projectId }];
      });
    },

    async listPriorities(): Promise<ScopeOptions['priorities']> {
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-priorities/#api-rest-api-3-priority-search-get
      const priorities = await allPages(
        fetch,
        (start) => route`/rest/api/3/priority/search?startAt=${start}&maxResults=${LIST_PAGE}`,
        jiraPage(PriorityOptionSchema),
        'priorities',
      );
      return priorities.map((p) => ({ id: p.id, name: p.name }));
    },

    async displayNames(accountIds) {
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-bulk-get
      const names = new Map<string, string>();
      const unique = [...new Set(accountIds)].slice(0, 2 * USERS_PER_CALL);
      for (let i = 0; i < unique.length; i += USERS_PER_CALL) {
        const query = new URLSearchParams({ startAt: '0', maxResults: String(USERS_PER_CALL) });
        for (const id of unique.slice(i, i + USERS_PER_CALL)) query.append('accountId', id);
        const res = await call(fetch, route`/rest/api/3/user/bulk?${query}`);
        expectOk(res, 'user bulk');
        for (const u of (await parse(res, jiraPage(UserNameSchema), 'user bulk')).values) {
          if (u.displayName !== undefined && u.displayName.trim() !== '') names.set(u.accountId, u.displayName);
        }
      }
      return names;
    },

    async userLocale(accountId) {
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-get
      // `locale` "may be returned as null" (the user's privacy setting).
      const res = await call(fetch, route`/rest/api/3/user?accountId=${accountId}`);
      if (res.status === 404) return null;
      expectOk(res, 'user');
      return (await parse(res, UserLocaleSchema, 'user')).locale ?? null;
    },
  };
}

/**
 * The caller's own view of Jira: `asUser()` carries the identity of the Forge invocation, so no
 * account id from a payload can ever widen what is checked here.
 * https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestjira/#authorization
 */
export function createCallerJira(): CallerJira {
  const fetch: Fetch = (path, init) => api.asUser().requestJira(path, init);
  async function has(path: ReturnType<typeof route>, permission: string): Promise<boolean> {
    const res = await call(fetch, path);
    if (res.status === 404 || res.status === 403 || res.status === 401 || res.status === 400) return false;
    expectOk(res, 'mypermissions');
    const body = await parse(res, PermissionsSchema, 'mypermissions');
    return body.permissions[permission]?.havePermission === true;
  }
  return {
    canBrowseIssue: (issueIdOrKey) =>
      has(route`/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueId=${issueIdOrKey}`, 'BROWSE_PROJECTS'),
    canBrowseProject: (projectIdOrKey) =>
      has(route`/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectId=${projectIdOrKey}`, 'BROWSE_PROJECTS'),
    isJiraAdmin: () => has(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, 'ADMINISTER'),
    async visibleRequest(issueIdOrKey) {
      const res = await call(fetch, route`/rest/servicedeskapi/request/${issueIdOrKey}`);
      if (!res.ok) return null;
      const request = await parse(res, RequestSchema, 'request');
      return { issueId: request.issueId ?? issueIdOrKey, reporterId: request.reporter?.accountId ?? null };
    },
  };
}
