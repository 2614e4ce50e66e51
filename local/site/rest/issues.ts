// Issues: read, edit, delete, changelog, transitions, assignee.
import { adfToText, isAdf } from '../adf.js';
import { jiraError, TransitionBody, AssigneeBody, EditIssueBody, type Kit, type Route } from './kit.js';

/** GET /rest/api/3/issue/{issueIdOrKey} */
function getIssueOne(k: Kit): Route {
  const { findIssue, issueJson } = k;
  return [
    'GET',
    '/rest/api/3/issue/{issueIdOrKey}',
    ({ req, query }, m) => ({
      status: 200,
      body: issueJson(findIssue(req.principal, m[1] ?? ''), query, req.principal),
    }),
  ];
}

/** PUT /rest/api/3/issue/{issueIdOrKey} */
function putIssueOne(k: Kit): Route {
  const { site, isAgentLike, findIssue, parseBody, requirePermission } = k;
  return [
    'PUT',
    '/rest/api/3/issue/{issueIdOrKey}',
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
  ];
}

/** DELETE /rest/api/3/issue/{issueIdOrKey} */
function deleteIssueOne(k: Kit): Route {
  const { site, principalUser, findIssue, requirePermission } = k;
  return [
    'DELETE',
    '/rest/api/3/issue/{issueIdOrKey}',
    ({ req, actor }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      requirePermission(req.principal.kind === 'app' || principalUser(req.principal)?.role === 'admin');
      site.deleteTicket(issue.id, actor);
      return { status: 204 };
    },
  ];
}

/** GET /rest/api/3/issue/{issueIdOrKey}/changelog */
function getIssueChangelog(k: Kit): Route {
  const { site, findIssue, historyJson, page } = k;
  return [
    'GET',
    '/rest/api/3/issue/{issueIdOrKey}/changelog',
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
  ];
}

/** GET /rest/api/3/issue/{issueIdOrKey}/transitions */
function getIssueTransitions(k: Kit): Route {
  const { site, isAgentLike, findIssue } = k;
  return [
    'GET',
    '/rest/api/3/issue/{issueIdOrKey}/transitions',
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
  ];
}

/** POST /rest/api/3/issue/{issueIdOrKey}/transitions */
function postIssueTransitions(k: Kit): Route {
  const { site, isAgentLike, findIssue, parseBody, requirePermission } = k;
  return [
    'POST',
    '/rest/api/3/issue/{issueIdOrKey}/transitions',
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
  ];
}

/** PUT /rest/api/3/issue/{issueIdOrKey}/assignee */
function putIssueAssignee(k: Kit): Route {
  const { site, isAgentLike, findIssue, parseBody, requirePermission } = k;
  return [
    'PUT',
    '/rest/api/3/issue/{issueIdOrKey}/assignee',
    ({ req, actor }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      requirePermission(isAgentLike(req.principal));
      const body = parseBody(AssigneeBody, req.body);
      site.assign(issue.id, body.accountId, actor);
      return { status: 204 };
    },
  ];
}

export function issuesRoutes(k: Kit): Route[] {
  return [
    getIssueOne,
    putIssueOne,
    deleteIssueOne,
    getIssueChangelog,
    getIssueTransitions,
    postIssueTransitions,
    putIssueAssignee,
  ].map((route) => route(k));
}
