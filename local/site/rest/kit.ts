// What every REST resource of the site shares: request and response types, Jira's and JSM's error
// bodies, request body schemas, and the helpers that turn site records into Jira's JSON (`Kit`).
import { z } from 'zod';
import { adfToText, isAdf } from '../adf.js';
import { jiraDate, sdDate } from '../clock.js';
import { compileJql, JqlError, type PropertyAlias } from '../jql.js';
import { type Actor, type Comment, type Issue, type JiraSite, SiteError } from '../site.js';

export type Principal = { kind: 'app'; accountId: string } | { kind: 'user'; accountId: string };

export interface RestRequest {
  method: string;
  /** Path with query string, e.g. `/rest/api/3/issue/SD-1?fields=status`. */
  path: string;
  body?: string | undefined;
  principal: Principal;
  /** True when the call comes from the app (its writes then emit `selfGenerated` events). */
  self: boolean;
  /** The app's manifest scopes, for a call the app makes; absent for a person in the host's own UI. */
  scopes?: readonly string[];
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export const jiraError = (status: number, message: string, errors: Record<string, string> = {}): RestResponse => ({
  status,
  body: { errorMessages: message ? [message] : [], errors },
});
export const sdError = (status: number, message: string): RestResponse => ({
  status,
  body: { errorMessage: message, i18nErrorMessage: { i18nKey: 'sd.local.error', parameters: [] } },
});

export const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** The site's priorities, highest first, with Jira Cloud's default ids. */
export const PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
] as const;

const AdfBody = z.custom<Record<string, unknown>>((v) => isAdf(v), 'Comment body is not valid!');
export const CommentBody = z.object({
  body: AdfBody,
  visibility: z.object({ type: z.string(), value: z.string() }).optional(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
});
export const SdCommentBody = z.object({ body: z.string().min(1), public: z.boolean().default(true) });
export const TransitionBody = z.object({ transition: z.object({ id: z.string() }) });
export const AssigneeBody = z.object({ accountId: z.string().nullable() });
export const ParticipantsBody = z.object({ accountIds: z.array(z.string()).min(1) });
export const SearchBody = z.object({
  jql: z.string().default(''),
  fields: z.array(z.string()).optional(),
  maxResults: z.number().int().positive().optional(),
  nextPageToken: z.string().optional(),
  expand: z.string().optional(),
});
export const CreateRequestBody = z.object({
  serviceDeskId: z.string(),
  requestTypeId: z.string(),
  requestFieldValues: z.object({ summary: z.string().min(1), description: z.string().optional() }).passthrough(),
  raiseOnBehalfOf: z.string().optional(),
  requestParticipants: z.array(z.string()).optional(),
});
export const EditIssueBody = z.object({
  fields: z
    .object({
      summary: z.string().optional(),
      priority: z.object({ name: z.string() }).optional(),
      description: z.unknown().optional(),
    })
    .passthrough()
    .optional(),
});

export const PERMISSIONS: Record<
  string,
  { id: string; name: string; type: 'GLOBAL' | 'PROJECT'; description: string }
> = {
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

export interface Ctx {
  req: RestRequest;
  query: URLSearchParams;
  actor: Actor;
}

export type Handler = (ctx: Ctx, m: string[]) => RestResponse;
/** One operation: method, OpenAPI path template, handler. */
export type Route = [string, string, Handler];

/** The helpers every resource uses, over one site. */
/** Who may see what, request bodies and paging: what every resource checks first. */
function accessKit(site: JiraSite) {
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

  const requirePermission = (ok: boolean): void => {
    if (!ok) throw new SiteError(403, 'You do not have permission to perform this operation.');
  };
  return { principalUser, visible, isAgentLike, findIssue, parseBody, page, requirePermission };
}
type Access = ReturnType<typeof accessKit>;

/** Every field of an issue as Jira's GET issue answers with `*all`; `comments` are those the caller may read. */
function allIssueFields(
  site: JiraSite,
  issue: Issue,
  comments: ReturnType<JiraSite['comments']>,
): Record<string, unknown> {
  const rt = site.requestType(issue.requestTypeId);
  return {
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
}

/** Jira's JSON for an issue (with its fields, comments, changelog and properties). */
function issueViews(site: JiraSite, { isAgentLike }: Access) {
  const issueJson = (issue: Issue, q: URLSearchParams, p: Principal): Record<string, unknown> => {
    const wanted = (q.get('fields') ?? '*all').split(',').map((f) => f.trim());
    const all = wanted.includes('*all') || wanted.includes('*navigable');
    // `*navigable` returns the navigable fields only (the `fields` parameter of GET issue); a site
    // whose request-type field is not navigable leaves it out unless asked by name or `*all`.
    const hidden = (k: string): boolean =>
      k === 'customfield_10010' && !site.requestTypeFieldNavigable && !wanted.includes('*all');
    const comments = site.comments(issue.id).filter((c) => c.public || isAgentLike(p));
    const fieldsAll = allIssueFields(site, issue, comments);
    const fields: Record<string, unknown> = {};
    // `-name` leaves a field out (the `fields` parameter of GET /rest/api/3/issue/{issueIdOrKey}).
    for (const [k, v] of Object.entries(fieldsAll))
      if (((all && !hidden(k)) || wanted.includes(k)) && !wanted.includes(`-${k}`)) fields[k] = v;
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
  return { issueJson, historyJson };
}

/** JSM's JSON for users, comments, requests and pages. */
function serviceDeskViews(site: JiraSite, { page }: Access) {
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
  return { sdUser, sdComment, sdRequest, sdPage };
}

/** JQL search over the issues the caller may see. */
function jqlSearch(
  site: JiraSite,
  aliases: PropertyAlias[],
  { visible }: Access,
  { issueJson }: ReturnType<typeof issueViews>,
) {
  return function search(req: RestRequest, body: z.infer<typeof SearchBody>): RestResponse {
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
  };
}

/** The helpers every resource uses, over one site. */
export function createKit(site: JiraSite, aliases: PropertyAlias[]) {
  const access = accessKit(site);
  const issues = issueViews(site, access);
  return {
    site,
    aliases,
    ...access,
    ...issues,
    ...serviceDeskViews(site, access),
    search: jqlSearch(site, aliases, access, issues),
  };
}

export type Kit = ReturnType<typeof createKit>;
