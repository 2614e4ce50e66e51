/**
 * Jira and JSM REST as the `Jira` (asApp) and `CallerJira` (asUser) ports. Every response is parsed
 * with a zod schema; 429/5xx become `TransientError` so triggers retry.
 * https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestjira/
 */
import api, { route, type APIResponse } from '@forge/api';
import { z } from 'zod';
import { TransientError } from '../app/errors';
import type {
  CallerJira,
  IssueSnapshot,
  Jira,
  JiraDirectory,
  LiveSla,
  LiveSlaCycle,
  LiveSlaRead,
  ScopeOptions,
} from '../app/ports';
import { requestTypeIdOf } from '../domain/events/jira-payload';
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

/** Headers of a call that reads JSON, and of one that also sends it. */
const READ = { Accept: 'application/json' } as const;
const SEND = { Accept: 'application/json', 'Content-Type': 'application/json' } as const;

function retryAfterOf(res: APIResponse): number {
  const header = Number(res.headers.get('Retry-After'));
  return Number.isFinite(header) && header > 0 ? Math.min(900, Math.ceil(header)) : 30;
}

/**
 * Awaits one `requestJira` call. Every call site writes `requestJira(route`…`, { method, … })`
 * itself, so Atlassian's linter (`npm run lint:forge`) sees each route and checks its scopes.
 */
async function checked(call: Promise<APIResponse>): Promise<APIResponse> {
  const res = await call;
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
  // Loose: the other navigable fields (custom ones among them) stay for `requestTypeIdOf`.
  fields: z.looseObject({
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

/** Projects a caller lists: Jira's largest page (project search `maxResults` ≤ 100), and pages read at most. */
const CALLER_PAGE = 100;
const CALLER_MAX_PAGES = 5;
const CallerProjectPageSchema = z.object({ values: z.array(ProjectOptionSchema), total: z.number().int().min(0) });

/** Page size and page count of the scope lists: 500 of each is more than any picker should show, and bounded in time. */
const LIST_PAGE = 50;
const LIST_MAX_PAGES = 10;
/** Account ids per `user/bulk` call (the audit page asks for ≤ 100 distinct actors). */
const USERS_PER_CALL = 50;

/** Follows a paged list up to LIST_MAX_PAGES pages; `pageAt` makes the request for an offset. */
async function allPages<T>(
  pageAt: (start: number) => Promise<APIResponse>,
  schema: z.ZodType<{ values: T[]; last: boolean }>,
  what: string,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 0; page < LIST_MAX_PAGES; page++) {
    const res = await checked(pageAt(out.length));
    expectOk(res, what);
    const body = await parse(res, schema, what);
    out.push(...body.values);
    if (body.last || body.values.length === 0) break;
  }
  return out;
}

async function issueSnapshot(idOrKey: string): Promise<IssueSnapshot | null> {
  // One call tells everything an event needs. The JSM request type is a custom field (its id
  // differs per site) that a site need not make navigable, so `*navigable` may leave it out;
  // `*all` "Returns all fields" and the two named with a minus, the bulk, are left out.
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
  const res = await checked(
    api.asApp().requestJira(route`/rest/api/3/issue/${idOrKey}?fields=*all,-comment,-description`, {
      method: 'GET',
      headers: READ,
    }),
  );
  if (res.status === 404) return null;
  expectOk(res, 'issue');
  const issue = await parse(res, IssueSchema, 'issue');
  return {
    id: issue.id,
    key: issue.key,
    projectId: issue.fields.project.id,
    reporterId: issue.fields.reporter?.accountId ?? null,
    requestTypeId: requestTypeIdOf(issue.fields),
    priority: issue.fields.priority?.id ?? null,
    statusCategory: issue.fields.status.statusCategory.key,
    createdAt: Date.parse(issue.fields.created),
  };
}

/**
 * Every page of the site's JSM request types (one loop for the scope pickers and the names).
 * https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-requesttype/#api-rest-servicedeskapi-requesttype-get
 */
function requestTypePages(): Promise<Array<z.output<typeof RequestTypeOptionSchema>>> {
  return allPages(
    (start) =>
      api.asApp().requestJira(route`/rest/servicedeskapi/requesttype?start=${start}&limit=${LIST_PAGE}`, {
        method: 'GET',
        headers: READ,
      }),
    deskPage(RequestTypeOptionSchema),
    'request types',
  );
}

async function listRequestTypes(): Promise<ScopeOptions['requestTypes']> {
  // Request types name their service desk, not their project: the desks say which project each is.
  const [desks, types] = await Promise.all([
    allPages(
      (start) =>
        api.asApp().requestJira(route`/rest/servicedeskapi/servicedesk?start=${start}&limit=${LIST_PAGE}`, {
          method: 'GET',
          headers: READ,
        }),
      deskPage(ServiceDeskSchema),
      'service desks',
    ),
    requestTypePages(),
  ]);
  const projectOf = new Map(desks.map((d) => [d.id, d.projectId]));
  return types.flatMap((t) => {
    const projectId = projectOf.get(t.serviceDeskId);
    return projectId === undefined ? [] : [{ id: t.id, name: t.name, projectId }];
  });
}

async function listRequestTypeNames(): Promise<ReadonlyArray<{ id: string; name: string }>> {
  // The request types alone: a name needs no service desk.
  return (await requestTypePages()).map((t) => ({ id: t.id, name: t.name }));
}

async function projectName(projectId: string): Promise<string | null> {
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-get
  const res = await checked(
    api.asApp().requestJira(route`/rest/api/3/project/${projectId}`, { method: 'GET', headers: READ }),
  );
  if (res.status === 404) return null;
  expectOk(res, 'project');
  return (await parse(res, ProjectOptionSchema, 'project')).name;
}

async function displayNames(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-bulk-get
  const names = new Map<string, string>();
  const unique = [...new Set(accountIds)].slice(0, 2 * USERS_PER_CALL);
  for (let i = 0; i < unique.length; i += USERS_PER_CALL) {
    const query = new URLSearchParams({ startAt: '0', maxResults: String(USERS_PER_CALL) });
    for (const id of unique.slice(i, i + USERS_PER_CALL)) query.append('accountId', id);
    const res = await checked(
      api.asApp().requestJira(route`/rest/api/3/user/bulk?${query}`, { method: 'GET', headers: READ }),
    );
    expectOk(res, 'user bulk');
    for (const u of (await parse(res, jiraPage(UserNameSchema), 'user bulk')).values) {
      if (u.displayName !== undefined && u.displayName.trim() !== '') names.set(u.accountId, u.displayName);
    }
  }
  return names;
}

type JiraClient = Jira & JiraDirectory;

const getSlaMetrics: JiraClient['getSlaMetrics'] = async (issueKey) => {
  // JSM sends no SLA events; the cycles are read when the ticket resolves.
  // https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get
  const res = await checked(
    api.asApp().requestJira(route`/rest/servicedeskapi/request/${issueKey}/sla`, { method: 'GET', headers: READ }),
  );
  if (res.status === 404) return [];
  expectOk(res, 'sla');
  return (await parse(res, SlaPageSchema, 'sla')).values;
};

/*
 * `GET /rest/servicedeskapi/request/{issueIdOrKey}/sla` (operation getSlaInformation) answers a
 * PagedDTOSlaInformationDTO: `values` of SlaInformationDTO (`name`, `completedCycles`, `ongoingCycle`),
 * each cycle with `breached`, DateDTO times (`epochMillis`) and DurationDTO lengths (`millis`); the
 * ongoing cycle adds `paused`. The description marks no field required, so only `name` and
 * `breached` are: a missing time leaves the chip without words for it rather than failing the read.
 */
const SlaDate = z.looseObject({ epochMillis: z.number().int() }).optional();
const SlaDuration = z.looseObject({ millis: z.number().int() }).optional();
const SlaCycleFields = {
  breached: z.boolean(),
  startTime: SlaDate,
  stopTime: SlaDate,
  breachTime: SlaDate,
  goalDuration: SlaDuration,
  remainingTime: SlaDuration,
};
export const LiveSlaPageSchema = z.looseObject({
  /** Paging (PagedDTOSlaInformationDTO): absent fields read as one last page. */
  size: z.number().int().min(0).optional(),
  isLastPage: z.boolean().optional(),
  values: z.array(
    z.looseObject({
      name: z.string().min(1),
      completedCycles: z.array(z.looseObject(SlaCycleFields)).default([]),
      ongoingCycle: z
        .looseObject({ ...SlaCycleFields, paused: z.boolean().default(false) })
        .nullable()
        .optional(),
    }),
  ),
});
type LiveSlaCycleDto = z.output<ReturnType<typeof z.looseObject<typeof SlaCycleFields>>>;

function liveCycle(c: LiveSlaCycleDto): LiveSlaCycle {
  return {
    breached: c.breached,
    remainingMs: c.remainingTime?.millis ?? null,
    goalMs: c.goalDuration?.millis ?? null,
    breachAt: c.breachTime?.epochMillis ?? null,
    startAt: c.startTime?.epochMillis ?? null,
    stopAt: c.stopTime?.epochMillis ?? null,
  };
}

/**
 * How long the panel waits for JSM's SLAs, all pages together. A resolver is stopped after 25 s
 * (mirror/limits-invocation/index.md, "Runtime seconds"), and Forge sets no shorter timeout of its
 * own on a `requestJira` call, so an SLA read that never answers would take the whole panel down
 * with it. Past this cap the panel renders without the live SLAs ("SLA could not be read"); the
 * rest of its reads, two more round trips, still fit well inside the 25 s.
 */
export const LIVE_SLA_TIME_CAP_MS = 5_000;

/**
 * Pages of SLAs read at most: JSM pages them 50 at a time by default, and a request type with more
 * than 250 SLAs is beyond any configuration seen. The SLAs past the bound are not read; the read
 * says so (`more`), and the panel tells the agent it shows the first ones only.
 */
export const LIVE_SLA_MAX_PAGES = 5;

/** Thrown when the SLA read has not finished within LIVE_SLA_TIME_CAP_MS. */
export class JiraTimeCapError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`Jira ${what} did not answer within ${ms} ms`);
    this.name = 'JiraTimeCapError';
  }
}

/**
 * `work` or a JiraTimeCapError after `ms`, whichever comes first. The call itself is left to finish
 * or fail on its own: no abort signal is passed to requestJira, whose docs do not say it takes one.
 */
async function withinTimeCap<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JiraTimeCapError(what, ms)), ms);
  });
  // A late failure of the abandoned call must not surface as an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, cap]);
  } finally {
    clearTimeout(timer);
  }
}

function liveSla(v: z.output<typeof LiveSlaPageSchema>['values'][number]): LiveSla {
  return {
    name: v.name,
    completedCycles: v.completedCycles.map(liveCycle),
    ongoingCycle: v.ongoingCycle ? { ...liveCycle(v.ongoingCycle), paused: v.ongoingCycle.paused } : null,
  };
}

/**
 * Every page of the request's SLAs: `start` moves by the page's `size` until `isLastPage` (the
 * paging fields of PagedDTOSlaInformationDTO), at most LIVE_SLA_MAX_PAGES pages; `more` when the
 * last page read was not JSM's last.
 * https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get
 */
async function readSlaPages(issueIdOrKey: string): Promise<LiveSlaRead> {
  const slas: LiveSla[] = [];
  let start = 0;
  for (let pageNo = 0; pageNo < LIVE_SLA_MAX_PAGES; pageNo++) {
    const res = await checked(
      api.asApp().requestJira(route`/rest/servicedeskapi/request/${issueIdOrKey}/sla?start=${start}`, {
        method: 'GET',
        headers: READ,
      }),
    );
    if (res.status === 404) return { slas, more: false };
    expectOk(res, 'sla');
    const page = await parse(res, LiveSlaPageSchema, 'sla');
    slas.push(...page.values.map(liveSla));
    const size = page.size ?? page.values.length;
    // No more pages, or a page that would not move the start: stop rather than read it again.
    if (page.isLastPage !== false || size === 0) return { slas, more: false };
    start += size;
  }
  // The bound was reached and JSM's last page read said more follow.
  return { slas, more: true };
}

const getLiveSlas: JiraClient['getLiveSlas'] = (issueIdOrKey) =>
  withinTimeCap(readSlaPages(issueIdOrKey), LIVE_SLA_TIME_CAP_MS, 'sla');

const getParticipants: JiraClient['getParticipants'] = async (issueKey) => {
  const res = await checked(
    api
      .asApp()
      .requestJira(route`/rest/servicedeskapi/request/${issueKey}/participant`, { method: 'GET', headers: READ }),
  );
  if (res.status === 404) return [];
  expectOk(res, 'participants');
  return (await parse(res, ParticipantPageSchema, 'participants')).values.map((v) => v.accountId);
};

const getRequestTypeId: JiraClient['getRequestTypeId'] = async (issueIdOrKey) => {
  // https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-get
  const res = await checked(
    api.asApp().requestJira(route`/rest/servicedeskapi/request/${issueIdOrKey}`, { method: 'GET', headers: READ }),
  );
  if (res.status === 404) return null;
  expectOk(res, 'request');
  return (await parse(res, RequestSchema, 'request')).requestTypeId ?? null;
};

const addPublicComment: JiraClient['addPublicComment'] = async (issueKey, text, links) => {
  // A public JSM comment reaches the requester by e-mail, and everyone who can read the request.
  const body = [text, '', ...links.map((l) => `${l.label}: ${l.url}`)].join('\n');
  const res = await checked(
    api.asApp().requestJira(route`/rest/servicedeskapi/request/${issueKey}/comment`, {
      method: 'POST',
      headers: SEND,
      body: JSON.stringify({ body, public: true }),
    }),
  );
  expectOk(res, 'comment');
};

const setExperienceProperty: JiraClient['setExperienceProperty'] = async (issueId, value) => {
  const res = await checked(
    api.asApp().requestJira(route`/rest/api/3/issue/${issueId}/properties/${EXPERIENCE_PROPERTY_KEY}`, {
      method: 'PUT',
      headers: SEND,
      body: JSON.stringify(value),
    }),
  );
  if (res.status === 404) return; // the issue is gone; nothing to mirror
  expectOk(res, 'issue property');
};

const accountExists: JiraClient['accountExists'] = async (accountId) => {
  const res = await checked(
    api.asApp().requestJira(route`/rest/api/3/user?accountId=${accountId}`, { method: 'GET', headers: READ }),
  );
  if (res.status === 404) return false;
  expectOk(res, 'user');
  return true;
};

const userLocale: JiraClient['userLocale'] = async (accountId) => {
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-get
  // `locale` "may be returned as null" (the user's privacy setting).
  const res = await checked(
    api.asApp().requestJira(route`/rest/api/3/user?accountId=${accountId}`, { method: 'GET', headers: READ }),
  );
  if (res.status === 404) return undefined;
  expectOk(res, 'user');
  return (await parse(res, UserLocaleSchema, 'user')).locale ?? null;
};

const listProjects: JiraClient['listProjects'] = async () => {
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
  const projects = await allPages(
    (start) =>
      api
        .asApp()
        .requestJira(
          route`/rest/api/3/project/search?typeKey=service_desk&orderBy=name&startAt=${start}&maxResults=${LIST_PAGE}`,
          { method: 'GET', headers: READ },
        ),
    jiraPage(ProjectOptionSchema),
    'project search',
  );
  return projects.map((p) => ({ id: p.id, key: p.key, name: p.name }));
};

const listPriorities: JiraClient['listPriorities'] = async () => {
  // `GET /priority` needs read:jira-work, which the app holds anyway; `priority/search` would
  // need manage:jira-configuration (Jira administration) from every site that installs Sentio.
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-priorities/#api-rest-api-3-priority-get
  const res = await checked(api.asApp().requestJira(route`/rest/api/3/priority`, { method: 'GET', headers: READ }));
  expectOk(res, 'priorities');
  const priorities = await parse(res, z.array(PriorityOptionSchema), 'priorities');
  return priorities.slice(0, LIST_PAGE * LIST_MAX_PAGES).map((p) => ({ id: p.id, name: p.name }));
};

export function createJiraClient(): JiraClient {
  return {
    getIssue: issueSnapshot,
    listRequestTypes,
    listRequestTypeNames,
    projectName,
    displayNames,
    getSlaMetrics,
    getLiveSlas,
    getParticipants,
    getRequestTypeId,
    addPublicComment,
    setExperienceProperty,
    accountExists,
    userLocale,
    listProjects,
    listPriorities,
  };
}

/**
 * The caller's own view of Jira: `asUser()` carries the identity of the Forge invocation, so no
 * account id from a payload can ever widen what is checked here.
 * https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestjira/#authorization
 */
export function createCallerJira(): CallerJira {
  async function has(res: APIResponse, permission: string): Promise<boolean> {
    if (res.status === 404 || res.status === 403 || res.status === 401 || res.status === 400) return false;
    expectOk(res, 'mypermissions');
    const body = await parse(res, PermissionsSchema, 'mypermissions');
    return body.permissions[permission]?.havePermission === true;
  }
  return {
    canBrowseIssue: async (issueIdOrKey) =>
      has(
        await checked(
          api
            .asUser()
            .requestJira(route`/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueId=${issueIdOrKey}`, {
              method: 'GET',
              headers: READ,
            }),
        ),
        'BROWSE_PROJECTS',
      ),
    canBrowseProject: async (projectIdOrKey) =>
      has(
        await checked(
          api
            .asUser()
            .requestJira(route`/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectId=${projectIdOrKey}`, {
              method: 'GET',
              headers: READ,
            }),
        ),
        'BROWSE_PROJECTS',
      ),
    async browsableServiceProjects() {
      // As the caller, `action=browse` returns only the projects they have Browse Projects in, so
      // no permission check per project is needed. The first page tells the total; the rest are
      // read together: two round trips at any project count.
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
      const pageAt = async (startAt: number) => {
        const res = await checked(
          api
            .asUser()
            .requestJira(
              route`/rest/api/3/project/search?typeKey=service_desk&action=browse&orderBy=name&startAt=${startAt}&maxResults=${CALLER_PAGE}`,
              { method: 'GET', headers: READ },
            ),
        );
        expectOk(res, 'project search');
        return parse(res, CallerProjectPageSchema, 'project search');
      };
      const first = await pageAt(0);
      const pages = Math.min(CALLER_MAX_PAGES, Math.ceil(first.total / CALLER_PAGE));
      const rest = await Promise.all(
        Array.from({ length: Math.max(0, pages - 1) }, (_, i) => pageAt((i + 1) * CALLER_PAGE)),
      );
      const projects = [first, ...rest].flatMap((p) => p.values).map((p) => ({ id: p.id, key: p.key, name: p.name }));
      return { projects, total: Math.max(first.total, projects.length) };
    },
    isJiraAdmin: async () =>
      has(
        await checked(
          api
            .asUser()
            .requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, { method: 'GET', headers: READ }),
        ),
        'ADMINISTER',
      ),
    async visibleRequest(issueIdOrKey) {
      // Portal customers are unlicensed: the unlicensed-access page says they cannot make asUser
      // calls, a later changelog says they can. Read the request as the app under both readings;
      // the caller's right to answer rests on being its reporter or a participant
      // (src/app/record-answer.ts `assertRequester`), with identity from the Forge context.
      const res = await checked(
        api.asApp().requestJira(route`/rest/servicedeskapi/request/${issueIdOrKey}`, { method: 'GET', headers: READ }),
      );
      if (!res.ok) return null;
      const request = await parse(res, RequestSchema, 'request');
      return { issueId: request.issueId ?? issueIdOrKey, reporterId: request.reporter?.accountId ?? null };
    },
  };
}
