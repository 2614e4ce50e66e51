// The OAuth scopes each REST operation of the site needs, derived from Atlassian's REST API
// descriptions (../shared/data/atlassian-openapi) the way `@forge/lint` reads them: every
// `Current` scope of `x-atlassian-oauth2-scopes` (or the `security` OAuth2 list when absent), or
// else every `Beta` (granular) scope. `npm run lint:forge` derives the table again and fails when
// it differs; `npx tsx scripts/lint-forge/route-scopes.ts --write` rewrites it.
// A call without its scopes gets the gateway's 401 (local/CONFORMANCE.md).
import type { RestResponse } from './rest/kit.js';

export interface RouteScopes {
  readonly method: string;
  readonly path: string;
  readonly current: readonly string[];
  readonly beta: readonly string[];
}

/** Does the manifest cover the operation: all its current scopes, or else all its beta scopes? */
export function scopesCover(route: RouteScopes, scopes: readonly string[]): boolean {
  if (route.current.every((s) => scopes.includes(s))) return true;
  return route.beta.length > 0 && route.beta.every((s) => scopes.includes(s));
}

export function scopeRefusal(method: string, path: string, scopes: readonly string[]): RestResponse | null {
  const route = ROUTE_SCOPES.find((r) => r.method === method && r.path === path);
  if (route === undefined)
    return {
      status: 500,
      body: { errorMessages: [`local/site/route-scopes.ts has no scopes for ${method} ${path}.`], errors: {} },
    };
  return scopesCover(route, scopes)
    ? null
    : { status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } };
}

export const ROUTE_SCOPES: readonly RouteScopes[] = [
  {
    method: 'GET',
    path: '/rest/api/3/myself',
    current: ['read:jira-user'],
    beta: ['read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:user:jira'],
  },
  {
    method: 'GET',
    path: '/rest/api/3/user',
    current: ['read:jira-user'],
    beta: ['read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:user:jira'],
  },
  {
    method: 'GET',
    path: '/rest/api/3/user/bulk',
    current: ['read:jira-user'],
    beta: ['read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:user:jira'],
  },
  { method: 'GET', path: '/rest/api/3/mypermissions', current: ['read:jira-work'], beta: ['read:permission:jira'] },
  {
    method: 'GET',
    path: '/rest/api/3/project/search',
    current: ['read:jira-work'],
    beta: [
      'read:application-role:jira',
      'read:avatar:jira',
      'read:group:jira',
      'read:issue-type-hierarchy:jira',
      'read:issue-type:jira',
      'read:project-category:jira',
      'read:project-version:jira',
      'read:project.component:jira',
      'read:project.property:jira',
      'read:project:jira',
      'read:user:jira',
    ],
  },
  {
    method: 'GET',
    path: '/rest/api/3/project/{projectIdOrKey}',
    current: ['read:jira-work'],
    beta: [
      'read:application-role:jira',
      'read:avatar:jira',
      'read:group:jira',
      'read:issue-type-hierarchy:jira',
      'read:issue-type:jira',
      'read:project-category:jira',
      'read:project-version:jira',
      'read:project.component:jira',
      'read:project.property:jira',
      'read:project:jira',
      'read:user:jira',
    ],
  },
  { method: 'GET', path: '/rest/api/3/priority', current: ['read:jira-work'], beta: ['read:priority:jira'] },
  { method: 'GET', path: '/rest/api/3/priority/search', current: ['manage:jira-configuration'], beta: [] },
  { method: 'GET', path: '/rest/api/3/status', current: ['read:jira-work'], beta: ['read:status:jira'] },
  { method: 'GET', path: '/rest/api/3/statuscategory', current: ['read:jira-work'], beta: ['read:status:jira'] },
  {
    method: 'GET',
    path: '/rest/api/3/search/jql',
    current: ['read:jira-work'],
    beta: [
      'read:audit-log:jira',
      'read:avatar:jira',
      'read:field-configuration:jira',
      'read:issue-details:jira',
      'read:issue-meta:jira',
    ],
  },
  {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    current: ['read:jira-work'],
    beta: [
      'read:field.default-value:jira',
      'read:field.option:jira',
      'read:field:jira',
      'read:group:jira',
      'read:issue-details:jira',
    ],
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}',
    current: ['read:jira-work'],
    beta: [
      'read:avatar:jira',
      'read:field-configuration:jira',
      'read:issue-meta:jira',
      'read:issue-security-level:jira',
      'read:issue.changelog:jira',
      'read:issue.vote:jira',
      'read:issue:jira',
      'read:status:jira',
      'read:user:jira',
    ],
  },
  { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}', current: ['write:jira-work'], beta: ['write:issue:jira'] },
  {
    method: 'DELETE',
    path: '/rest/api/3/issue/{issueIdOrKey}',
    current: ['write:jira-work'],
    beta: ['delete:issue:jira'],
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/comment',
    current: ['read:jira-work'],
    beta: [
      'read:avatar:jira',
      'read:comment.property:jira',
      'read:comment:jira',
      'read:group:jira',
      'read:project-role:jira',
      'read:project:jira',
      'read:user:jira',
    ],
  },
  {
    method: 'POST',
    path: '/rest/api/3/issue/{issueIdOrKey}/comment',
    current: ['write:jira-work'],
    beta: [
      'read:avatar:jira',
      'read:comment.property:jira',
      'read:comment:jira',
      'read:group:jira',
      'read:project-role:jira',
      'read:project:jira',
      'read:user:jira',
      'write:comment:jira',
    ],
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
    current: ['read:jira-work'],
    beta: [
      'read:avatar:jira',
      'read:comment.property:jira',
      'read:comment:jira',
      'read:group:jira',
      'read:project-role:jira',
      'read:project:jira',
      'read:user:jira',
    ],
  },
  {
    method: 'PUT',
    path: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
    current: ['write:jira-work'],
    beta: [
      'read:avatar:jira',
      'read:comment.property:jira',
      'read:comment:jira',
      'read:group:jira',
      'read:project-role:jira',
      'read:project:jira',
      'read:user:jira',
      'write:comment:jira',
    ],
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/changelog',
    current: ['read:jira-work'],
    beta: ['read:avatar:jira', 'read:issue-meta:jira', 'read:issue.changelog:jira'],
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    current: ['read:jira-work'],
    beta: ['read:field-configuration:jira', 'read:issue.transition:jira', 'read:status:jira'],
  },
  {
    method: 'POST',
    path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    current: ['write:jira-work'],
    beta: ['write:issue.property:jira', 'write:issue:jira'],
  },
  {
    method: 'PUT',
    path: '/rest/api/3/issue/{issueIdOrKey}/assignee',
    current: ['write:jira-work'],
    beta: ['write:issue:jira'],
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties',
    current: ['read:jira-work'],
    beta: ['read:issue.property:jira'],
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    current: ['read:jira-work'],
    beta: ['read:issue.property:jira'],
  },
  {
    method: 'PUT',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    current: ['write:jira-work'],
    beta: ['write:issue.property:jira'],
  },
  {
    method: 'DELETE',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    current: ['write:jira-work'],
    beta: ['delete:issue.property:jira'],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/servicedesk',
    current: ['read:servicedesk-request'],
    beta: ['read:servicedesk:jira-service-management'],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype',
    current: ['read:servicedesk-request'],
    beta: ['read:requesttype:jira-service-management'],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/requesttype',
    current: ['read:servicedesk-request'],
    beta: ['read:requesttype:jira-service-management'],
  },
  {
    method: 'POST',
    path: '/rest/servicedeskapi/request',
    current: ['write:servicedesk-request'],
    beta: ['read:request:jira-service-management', 'read:user:jira', 'write:request:jira-service-management'],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/request',
    current: ['read:servicedesk-request'],
    beta: ['read:request:jira-service-management', 'read:user:jira'],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/request/{issueIdOrKey}',
    current: ['read:servicedesk-request'],
    beta: ['read:request:jira-service-management', 'read:user:jira'],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/request/{issueIdOrKey}/participant',
    current: ['read:servicedesk-request'],
    beta: ['read:request.participant:jira-service-management', 'read:user:jira'],
  },
  {
    method: 'POST',
    path: '/rest/servicedeskapi/request/{issueIdOrKey}/participant',
    current: ['write:servicedesk-request'],
    beta: [
      'read:request.participant:jira-service-management',
      'read:user:jira',
      'write:request.participant:jira-service-management',
    ],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/request/{issueIdOrKey}/sla',
    current: ['read:jira-work'],
    beta: ['read:request.sla:jira-service-management'],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/request/{issueIdOrKey}/status',
    current: ['read:servicedesk-request'],
    beta: ['read:request.status:jira-service-management', 'read:user:jira'],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    current: ['read:servicedesk-request'],
    beta: ['read:request.comment:jira-service-management', 'read:user:jira'],
  },
  {
    method: 'POST',
    path: '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    current: ['write:servicedesk-request'],
    beta: [
      'read:request.comment:jira-service-management',
      'read:user:jira',
      'write:request.comment:jira-service-management',
    ],
  },
  {
    method: 'GET',
    path: '/rest/servicedeskapi/request/{issueIdOrKey}/comment/{commentId}',
    current: ['read:servicedesk-request'],
    beta: ['read:request.comment:jira-service-management', 'read:user:jira'],
  },
];
