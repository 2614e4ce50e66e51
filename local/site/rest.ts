// The Jira and JSM REST endpoints the app calls, with Jira's status codes, error bodies and pagination.
// `asApp()` calls act as the app's bot user with full access; `asUser(id)` calls are checked against
// that person's permissions (a customer sees only their own requests, never internal comments).
import { z } from 'zod';
import { adfToText, isAdf } from './adf.js';
import { jiraDate, sdDate } from './clock.js';
import { compileJql, JqlError, type PropertyAlias } from './jql.js';
import { computeSlas } from './sla.js';
import {
  type Actor,
  type Comment,
  type Issue,
  ISSUE_TYPE,
  type JiraSite,
  SiteError,
  STATUS_CATEGORIES,
} from './site.js';

export type Principal = { kind: 'app'; accountId: string } | { kind: 'user'; accountId: string };

export interface RestRequest {
  method: string;
  /** Path with query string, e.g. `/rest/api/3/issue/SD-1?fields=status`. */
  path: string;
  body?: string | undefined;
  principal: Principal;
  /** True when the call comes from the app (its writes then emit `selfGenerated` events). */
  self: boolean;
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

const jiraError = (status: number, message: string, errors: Record<string, string> = {}): RestResponse => ({
  status,
  body: { errorMessages: message ? [message] : [], errors },
});
const sdError = (status: number, message: string): RestResponse => ({
  status,
  body: { errorMessage: message, i18nErrorMessage: { i18nKey: 'sd.local.error', parameters: [] } },
});

const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** The site's priorities, highest first, with Jira Cloud's default ids. */
const PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
] as const;

const AdfBody = z.custom<Record<string, unknown>>((v) => isAdf(v), 'Comment body is not valid!');
const CommentBody = z.object({
  body: AdfBody,
  visibility: z.object({ type: z.string(), value: z.string() }).optional(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
});
const SdCommentBody = z.object({ body: z.string().min(1), public: z.boolean().default(true) });
const TransitionBody = z.object({ transition: z.object({ id: z.string() }) });
const AssigneeBody = z.object({ accountId: z.string().nullable() });
const ParticipantsBody = z.object({ accountIds: z.array(z.string()).min(1) });
const SearchBody = z.object({
  jql: z.string().default(''),
  fields: z.array(z.string()).optional(),
  maxResults: z.number().int().positive().optional(),
  nextPageToken: z.string().optional(),
  expand: z.string().optional(),
});
const CreateRequestBody = z.object({
  serviceDeskId: z.string(),
  requestTypeId: z.string(),
  requestFieldValues: z.object({ summary: z.string().min(1), description: z.string().optional() }).passthrough(),
  raiseOnBehalfOf: z.string().optional(),
  requestParticipants: z.array(z.string()).optional(),
});
const EditIssueBody = z.object({
  fields: z
    .object({
      summary: z.string().optional(),
      priority: z.object({ name: z.string() }).optional(),
      description: z.unknown().optional(),
    })
    .passthrough()
    .optional(),
});

const PERMISSIONS: Record<string, { id: string; name: string; type: 'GLOBAL' | 'PROJECT'; description: string }> = {
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  TRANSITION_ISSUES: {
    id: '46',
    name: 'Transition Issues',
    type: 'PROJECT',
    description: 'Ability to transition issues.',
  },
  ASSIGN_ISSUES: {
    id: '13',
    name: 'Assign Issues',
    type: 'PROJECT',
    description: 'Ability to assign issues to other people.',
  },
  ASSIGNABLE_USER: {
    id: '17',
    name: 'Assignable User',
    type: 'PROJECT',
    description: 'Users with this permission may be assigned to issues.',
  },
  ADMINISTER_PROJECTS: {
    id: '23',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description: 'Ability to perform most administration functions.',
  },
  SERVICEDESK_AGENT: {
    id: '10111',
    name: 'Service Desk Agent',
    type: 'PROJECT',
    description: 'Ability to act as a service desk agent.',
  },
};

interface Ctx {
  req: RestRequest;
  query: URLSearchParams;
  actor: Actor;
}

export function createJiraRest(site: JiraSite, aliases: PropertyAlias[] = []) {
  const principalUser = (p: Principal) => site.user(p.accountId);

  const visible = (p: Principal, issue: Issue): boolean => p.kind === 'app' || site.canBrowse(p.accountId, issue);

  const isAgentLike = (p: Principal): boolean =>
    p.kind === 'app' || (site.isLicensed(p.accountId) && principalUser(p)?.active === true);

  const findIssue = (p: Principal, idOrKey: string): Issue => {
    const issue = site.issue(decodeURIComponent(idOrKey));
    if (!issue || !visible(p, issue)) throw new SiteError(404, NOT_FOUND);
    return issue;
  };

  const parseBody = <T>(schema: z.ZodType<T>, body: string | undefined): T => {
    let json: unknown;
    try {
      json = body === undefined || body === '' ? {} : JSON.parse(body);
    } catch {
      throw new SiteError(400, 'Unexpected character in the request body: the body is not valid JSON.');
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      const errors: Record<string, string> = {};
      for (const issue of r.error.issues) errors[issue.path.join('.') || 'body'] = issue.message;
      throw new SiteError(400, '', errors);
    }
    return r.data;
  };

  const issueJson = (issue: Issue, q: URLSearchParams, p: Principal): Record<string, unknown> => {
    const wanted = (q.get('fields') ?? '*all').split(',').map((f) => f.trim());
    const all = wanted.includes('*all') || wanted.includes('*navigable');
    const rt = site.requestType(issue.requestTypeId);
    const comments = site.comments(issue.id).filter((c) => c.public || isAgentLike(p));
    const fieldsAll: Record<string, unknown> = {
      summary: issue.summary,
      description:
        issue.description === null
          ? null
          : {
              type: 'doc',
              version: 1,
              content: [{ type: 'paragraph', content: [{ type: 'text', text: issue.description }] }],
            },
      issuetype: site.issueTypeRef(),
      project: site.projectRef(issue.projectId),
      status: site.statusRef(issue.statusId),
      priority: { name: issue.priority, id: PRIORITIES.find((pr) => pr.name === issue.priority)?.id ?? '3' },
      reporter: site.userRef(issue.reporter),
      creator: site.userRef(issue.creator),
      assignee: site.userRef(issue.assignee),
      created: jiraDate(issue.created),
      updated: jiraDate(issue.updated),
      resolution:
        issue.resolution === null
          ? null
          : { id: issue.resolution === 'Done' ? '10000' : '10001', name: issue.resolution },
      resolutiondate: issue.resolutionDate === null ? null : jiraDate(issue.resolutionDate),
      comment: {
        comments: comments.map((c) => site.commentRef(c)),
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      },
      customfield_10010: rt
        ? { requestType: { id: rt.id, name: rt.name, serviceDeskId: site.project(issue.projectId)?.serviceDeskId } }
        : null,
    };
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fieldsAll)) if (all || wanted.includes(k)) fields[k] = v;
    const out: Record<string, unknown> = {
      id: issue.id,
      key: issue.key,
      self: `${site.baseUrl}/rest/api/3/issue/${issue.id}`,
      fields,
    };
    const expand = (q.get('expand') ?? '').split(',');
    if (expand.includes('changelog')) {
      const histories = site.changelog(issue.id);
      out.changelog = {
        startAt: 0,
        maxResults: histories.length,
        total: histories.length,
        histories: histories.map(historyJson),
      };
    }
    const props = q.get('properties');
    if (props) {
      const keys = props === '*all' ? site.propertyKeys(issue.id) : props.split(',');
      out.properties = Object.fromEntries(
        keys.map((k) => [k, site.property(issue.id, k)]).filter(([, v]) => v !== undefined),
      );
    }
    return out;
  };

  const historyJson = (h: {
    id: string;
    author: string;
    created: number;
    items: unknown[];
  }): Record<string, unknown> => ({
    id: h.id,
    author: site.userRef(h.author),
    created: jiraDate(h.created),
    items: h.items,
  });

  const page = <T>(
    items: T[],
    q: URLSearchParams,
    defMax: number,
    hardMax: number,
    startKey = 'startAt',
    maxKey = 'maxResults',
  ) => {
    const startAt = Math.max(0, Number(q.get(startKey) ?? 0) || 0);
    const max = Math.min(hardMax, Math.max(0, Number(q.get(maxKey) ?? defMax) || defMax));
    return {
      startAt,
      max,
      slice: items.slice(startAt, startAt + max),
      total: items.length,
      isLast: startAt + max >= items.length,
    };
  };

  const sdUser = (accountId: string): Record<string, unknown> => {
    const u = site.user(accountId);
    return {
      accountId,
      displayName: u?.displayName ?? 'Former user',
      emailAddress: u?.email,
      active: u?.active ?? false,
      timeZone: u?.timeZone ?? 'UTC',
      _links: { self: `${site.baseUrl}/rest/api/2/user?accountId=${encodeURIComponent(accountId)}` },
    };
  };

  const sdComment = (c: Comment): Record<string, unknown> => ({
    id: c.id,
    body: adfToText(c.body).trim(),
    public: c.public,
    author: sdUser(c.author),
    created: sdDate(c.created),
    _links: { self: `${site.baseUrl}/rest/servicedeskapi/request/${c.issueId}/comment/${c.id}` },
  });

  const sdRequest = (issue: Issue): Record<string, unknown> => {
    const status = site.status(issue.statusId);
    const lastStatusChange = site
      .changelog(issue.id)
      .filter((h) => h.items.some((i) => i.field === 'status'))
      .pop();
    const project = site.project(issue.projectId);
    return {
      issueId: issue.id,
      issueKey: issue.key,
      requestTypeId: issue.requestTypeId,
      serviceDeskId: project?.serviceDeskId,
      createdDate: sdDate(issue.created),
      reporter: sdUser(issue.reporter),
      requestFieldValues: [
        { fieldId: 'summary', label: 'Summary', value: issue.summary },
        { fieldId: 'description', label: 'Description', value: issue.description ?? '' },
      ],
      currentStatus: {
        status: status?.name,
        statusCategory: (status?.category ?? 'new').toUpperCase(),
        statusDate: sdDate(lastStatusChange?.created ?? issue.created),
      },
      _links: {
        web: `${site.baseUrl}/servicedesk/customer/portal/${project?.serviceDeskId}/${issue.key}`,
        self: `${site.baseUrl}/rest/servicedeskapi/request/${issue.id}`,
      },
    };
  };

  const sdPage = <T>(items: T[], q: URLSearchParams): Record<string, unknown> => {
    const p = page(items, q, 50, 100, 'start', 'limit');
    return { size: p.slice.length, start: p.startAt, limit: p.max, isLastPage: p.isLast, values: p.slice, _links: {} };
  };

  const requirePermission = (ok: boolean): void => {
    if (!ok) throw new SiteError(403, 'You do not have permission to perform this operation.');
  };

  type Handler = (ctx: Ctx, m: string[]) => RestResponse;
  const routes: Array<[string, RegExp, Handler]> = [
    [
      'GET',
      /^\/rest\/api\/[23]\/myself$/,
      ({ req }) => {
        if (req.principal.kind === 'app') return { status: 200, body: site.userRef(req.principal.accountId) };
        const u = principalUser(req.principal);
        if (!u) return jiraError(401, 'You are not authenticated. Authentication required to perform this operation.');
        return { status: 200, body: { ...site.userRef(u.accountId), emailAddress: u.email, locale: u.locale } };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/user$/,
      ({ query }) => {
        const id = query.get('accountId');
        if (!id) return jiraError(400, 'The accountId query parameter needs to be provided.');
        if (!site.user(id))
          return jiraError(404, `Specified user does not exist or you do not have required permissions`);
        return { status: 200, body: { ...site.userRef(id), locale: site.user(id)?.locale ?? null } };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/user\/bulk$/,
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
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/mypermissions$/,
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
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/project\/search$/,
      ({ req, query }) => {
        const values = (
          req.principal.kind === 'app' ? site.projects() : site.browsableProjects(req.principal.accountId)
        ).map((pr) => ({ ...site.projectRef(pr.id) }));
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
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/project\/([^/]+)$/,
      ({ req }, m) => {
        const pr = site.project(decodeURIComponent(m[1] ?? ''));
        if (!pr || (req.principal.kind === 'user' && !site.canBrowseProject(req.principal.accountId, pr.id)))
          return jiraError(404, `No project could be found with key '${m[1] ?? ''}'.`);
        return {
          status: 200,
          body: { ...site.projectRef(pr.id), lead: site.userRef(pr.lead), issueTypes: [site.issueTypeRef()] },
        };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/priority\/search$/,
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
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/status$/,
      () => ({ status: 200, body: site.statuses().map((s) => site.statusRef(s.id)) }),
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/statuscategory$/,
      () => ({
        status: 200,
        body: Object.values(STATUS_CATEGORIES).map((c) => ({
          self: `${site.baseUrl}/rest/api/3/statuscategory/${c.id}`,
          ...c,
        })),
      }),
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/search\/jql$/,
      ({ req, query }) =>
        search(req, {
          jql: query.get('jql') ?? '',
          fields: query.get('fields')?.split(','),
          maxResults: query.get('maxResults') ? Number(query.get('maxResults')) : undefined,
          nextPageToken: query.get('nextPageToken') ?? undefined,
          expand: query.get('expand') ?? undefined,
        }),
    ],
    ['POST', /^\/rest\/api\/[23]\/search\/jql$/, ({ req }) => search(req, parseBody(SearchBody, req.body))],
    [
      'GET',
      /^\/rest\/api\/[23]\/issue\/([^/]+)$/,
      ({ req, query }, m) => ({
        status: 200,
        body: issueJson(findIssue(req.principal, m[1] ?? ''), query, req.principal),
      }),
    ],
    [
      'PUT',
      /^\/rest\/api\/[23]\/issue\/([^/]+)$/,
      ({ req, actor }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        requirePermission(isAgentLike(req.principal));
        const body = parseBody(EditIssueBody, req.body);
        const f = body.fields ?? {};
        site.editFields(
          issue.id,
          {
            summary: f.summary,
            priority: f.priority?.name,
            description:
              typeof f.description === 'string'
                ? f.description
                : isAdf(f.description)
                  ? adfToText(f.description).trim()
                  : undefined,
          },
          actor,
        );
        return { status: 204 };
      },
    ],
    [
      'DELETE',
      /^\/rest\/api\/[23]\/issue\/([^/]+)$/,
      ({ req, actor }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        requirePermission(req.principal.kind === 'app' || principalUser(req.principal)?.role === 'admin');
        site.deleteTicket(issue.id, actor);
        return { status: 204 };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/comment$/,
      ({ req, query }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        let comments = site.comments(issue.id).filter((c) => c.public || isAgentLike(req.principal));
        if ((query.get('orderBy') ?? '').startsWith('-')) comments = comments.reverse();
        const p = page(comments, query, 5000, 5000);
        return {
          status: 200,
          body: {
            startAt: p.startAt,
            maxResults: p.max,
            total: p.total,
            comments: p.slice.map((c) => site.commentRef(c)),
          },
        };
      },
    ],
    [
      'POST',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/comment$/,
      ({ req, actor }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const body = parseBody(CommentBody, req.body);
        const internal =
          body.properties?.some(
            (p) => p.key === 'sd.public.comment' && (p.value as { internal?: unknown } | null)?.internal === true,
          ) ?? false;
        const c = site.comment(
          issue.id,
          { body: body.body as never, public: !internal && body.visibility === undefined },
          actor,
        );
        return { status: 201, body: site.commentRef(c) };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/comment\/([^/]+)$/,
      ({ req }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const c = site.comments(issue.id).find((x) => x.id === m[2] && (x.public || isAgentLike(req.principal)));
        if (!c) return jiraError(404, `Can not find a comment for the id: ${m[2] ?? ''}.`);
        return { status: 200, body: site.commentRef(c) };
      },
    ],
    [
      'PUT',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/comment\/([^/]+)$/,
      ({ req, actor }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const existing = site.comments(issue.id).find((x) => x.id === m[2]);
        if (!existing) return jiraError(404, `Can not find a comment for the id: ${m[2] ?? ''}.`);
        requirePermission(
          req.principal.kind === 'app' ||
            existing.author === req.principal.accountId ||
            principalUser(req.principal)?.role === 'admin',
        );
        const body = parseBody(CommentBody, req.body);
        return {
          status: 200,
          body: site.commentRef(site.editComment(issue.id, existing.id, body.body as never, actor)),
        };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/changelog$/,
      ({ req, query }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const p = page(site.changelog(issue.id), query, 100, 100);
        return {
          status: 200,
          body: {
            self: `${site.baseUrl}/rest/api/3/issue/${issue.key}/changelog`,
            maxResults: p.max,
            startAt: p.startAt,
            total: p.total,
            isLast: p.isLast,
            values: p.slice.map(historyJson),
          },
        };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/transitions$/,
      ({ req }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const transitions = site
          .statuses()
          .filter((s) => s.id !== issue.statusId)
          .map((s) => ({
            id: s.id,
            name: s.name,
            to: site.statusRef(s.id),
            hasScreen: false,
            isGlobal: true,
            isInitial: false,
            isAvailable: true,
            isConditional: false,
          }));
        return {
          status: 200,
          body: { expand: 'transitions', transitions: isAgentLike(req.principal) ? transitions : [] },
        };
      },
    ],
    [
      'POST',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/transitions$/,
      ({ req, actor }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        requirePermission(isAgentLike(req.principal));
        const body = parseBody(TransitionBody, req.body);
        const to = site.status(body.transition.id);
        if (!to || to.id !== body.transition.id)
          return jiraError(400, `Transition id '${body.transition.id}' is not valid for this issue.`);
        site.transition(issue.id, to.id, actor);
        return { status: 204 };
      },
    ],
    [
      'PUT',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/assignee$/,
      ({ req, actor }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        requirePermission(isAgentLike(req.principal));
        const body = parseBody(AssigneeBody, req.body);
        site.assign(issue.id, body.accountId, actor);
        return { status: 204 };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/properties$/,
      ({ req }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        return {
          status: 200,
          body: {
            keys: site
              .propertyKeys(issue.id)
              .map((key) => ({ key, self: `${site.baseUrl}/rest/api/3/issue/${issue.id}/properties/${key}` })),
          },
        };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/properties\/([^/]+)$/,
      ({ req }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const key = decodeURIComponent(m[2] ?? '');
        const value = site.property(issue.id, key);
        if (value === undefined) return jiraError(404, `The property with key '${key}' does not exist.`);
        return { status: 200, body: { key, value } };
      },
    ],
    [
      'PUT',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/properties\/([^/]+)$/,
      ({ req }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        requirePermission(isAgentLike(req.principal));
        let value: unknown;
        try {
          value = JSON.parse(req.body ?? '');
        } catch {
          return jiraError(400, 'The property value must be valid JSON.');
        }
        const { created } = site.setProperty(issue.id, decodeURIComponent(m[2] ?? ''), value);
        return { status: created ? 201 : 200 };
      },
    ],
    [
      'DELETE',
      /^\/rest\/api\/[23]\/issue\/([^/]+)\/properties\/([^/]+)$/,
      ({ req }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        requirePermission(isAgentLike(req.principal));
        const key = decodeURIComponent(m[2] ?? '');
        if (!site.deleteProperty(issue.id, key))
          return jiraError(404, `The property with key '${key}' does not exist.`);
        return { status: 204 };
      },
    ],
    // --- JSM ----------------------------------------------------------------------------------
    [
      'GET',
      /^\/rest\/servicedeskapi\/servicedesk$/,
      ({ query }) => ({
        status: 200,
        body: sdPage(
          site
            .projects()
            .map((p) => ({ id: p.serviceDeskId, projectId: p.id, projectName: p.name, projectKey: p.key })),
          query,
        ),
      }),
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/servicedesk\/([^/]+)\/requesttype$/,
      ({ query }, m) => {
        const p = site.projectByServiceDesk(m[1] ?? '') ?? site.project(m[1] ?? '');
        if (!p) return sdError(404, 'The service desk does not exist.');
        return {
          status: 200,
          body: sdPage(
            site.requestTypes(p.id).map((rt) => ({
              id: rt.id,
              name: rt.name,
              description: rt.description,
              serviceDeskId: p.serviceDeskId,
              issueTypeId: rt.issueTypeId,
              groupIds: [],
            })),
            query,
          ),
        };
      },
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/requesttype$/,
      ({ query }) => ({
        status: 200,
        body: sdPage(
          site.requestTypes().map((rt) => ({
            id: rt.id,
            name: rt.name,
            description: rt.description,
            serviceDeskId: site.project(rt.projectId)?.serviceDeskId,
            issueTypeId: rt.issueTypeId,
          })),
          query,
        ),
      }),
    ],
    [
      'POST',
      /^\/rest\/servicedeskapi\/request$/,
      ({ req, actor }) => {
        const body = parseBody(CreateRequestBody, req.body);
        const project = site.projectByServiceDesk(body.serviceDeskId);
        if (!project) return sdError(404, 'The service desk does not exist.');
        const reporter = body.raiseOnBehalfOf ?? req.principal.accountId;
        const issue = site.createTicket({
          projectKey: project.key,
          requestTypeId: body.requestTypeId,
          summary: body.requestFieldValues.summary,
          description: body.requestFieldValues.description,
          reporter,
          participants: body.requestParticipants,
          actor,
        });
        return { status: 201, body: sdRequest(issue) };
      },
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/request$/,
      ({ req, query }) => {
        const list = req.principal.kind === 'app' ? site.issues() : site.issues({ reporter: req.principal.accountId });
        return { status: 200, body: sdPage(list.map(sdRequest), query) };
      },
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/request\/([^/]+)$/,
      ({ req }, m) => ({ status: 200, body: sdRequest(findIssue(req.principal, m[1] ?? '')) }),
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/request\/([^/]+)\/participant$/,
      ({ req, query }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        return { status: 200, body: sdPage(site.participants(issue.id).map(sdUser), query) };
      },
    ],
    [
      'POST',
      /^\/rest\/servicedeskapi\/request\/([^/]+)\/participant$/,
      ({ req, query }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const body = parseBody(ParticipantsBody, req.body);
        for (const id of body.accountIds) site.addParticipant(issue.id, id);
        return { status: 200, body: sdPage(site.participants(issue.id).map(sdUser), query) };
      },
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/request\/([^/]+)\/sla$/,
      ({ req, query }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        if (!isAgentLike(req.principal))
          return sdError(403, 'You do not have permission to view the SLA information of this request.');
        return { status: 200, body: sdPage(computeSlas(site, issue, site.clock.now()), query) };
      },
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/request\/([^/]+)\/status$/,
      ({ req, query }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const history = [{ status: 'Waiting for support', statusCategory: 'NEW', statusDate: sdDate(issue.created) }];
        for (const h of site.changelog(issue.id)) {
          const item = h.items.find((i) => i.field === 'status');
          const s = item?.to ? site.status(item.to) : undefined;
          if (s)
            history.push({ status: s.name, statusCategory: s.category.toUpperCase(), statusDate: sdDate(h.created) });
        }
        return { status: 200, body: sdPage(history.reverse(), query) };
      },
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/request\/([^/]+)\/comment$/,
      ({ req, query }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const wantPublic = query.get('public') !== 'false';
        const wantInternal = query.get('internal') !== 'false' && isAgentLike(req.principal);
        const list = site.comments(issue.id).filter((c) => (c.public ? wantPublic : wantInternal));
        return { status: 200, body: sdPage(list.map(sdComment), query) };
      },
    ],
    [
      'POST',
      /^\/rest\/servicedeskapi\/request\/([^/]+)\/comment$/,
      ({ req, actor }, m) => {
        const issue = findIssue(req.principal, m[1] ?? '');
        const body = parseBody(SdCommentBody, req.body);
        if (!body.public && !isAgentLike(req.principal)) return sdError(403, 'Only agents can add internal comments.');
        return {
          status: 201,
          body: sdComment(site.comment(issue.id, { body: body.body, public: body.public }, actor)),
        };
      },
    ],
  ];

  function search(req: RestRequest, body: z.infer<typeof SearchBody>): RestResponse {
    let compiled;
    try {
      compiled = compileJql(site, body.jql, aliases, site.clock.now());
    } catch (e) {
      if (e instanceof JqlError) return jiraError(400, e.message);
      throw e;
    }
    const all = site
      .issues()
      .filter((i) => visible(req.principal, i) && compiled.where(i))
      .sort(compiled.order);
    const max = Math.min(body.maxResults ?? 50, 5000);
    const start = body.nextPageToken ? Number(Buffer.from(body.nextPageToken, 'base64url').toString('utf8')) || 0 : 0;
    const slice = all.slice(start, start + max);
    const q = new URLSearchParams();
    q.set('fields', (body.fields ?? ['id']).join(','));
    if (body.expand) q.set('expand', body.expand);
    const more = start + max < all.length;
    return {
      status: 200,
      body: {
        issues: slice.map((i) => issueJson(i, q, req.principal)),
        isLast: !more,
        ...(more ? { nextPageToken: Buffer.from(String(start + max)).toString('base64url') } : {}),
      },
    };
  }

  return function handle(req: RestRequest): RestResponse {
    const url = new URL(req.path, 'http://jira.local');
    const method = req.method.toUpperCase();
    const ctx: Ctx = { req, query: url.searchParams, actor: { accountId: req.principal.accountId, self: req.self } };
    if (req.principal.kind === 'user') {
      const u = site.user(req.principal.accountId);
      if (!u || !u.active)
        return jiraError(401, 'You are not authenticated. Authentication required to perform this operation.');
    }
    let pathMatched = false;
    for (const [m, re, handler] of routes) {
      const match = re.exec(url.pathname);
      if (!match) continue;
      pathMatched = true;
      if (m !== method) continue;
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
}

export { ISSUE_TYPE };
