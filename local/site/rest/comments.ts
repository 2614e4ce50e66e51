// Issue comments (Jira platform API).
import { jiraError, CommentBody, type Kit, type Route } from './kit.js';

/** GET /rest/api/3/issue/{issueIdOrKey}/comment */
function getIssueComment(k: Kit): Route {
  const { site, isAgentLike, findIssue, page } = k;
  return [
    'GET',
    '/rest/api/3/issue/{issueIdOrKey}/comment',
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
  ];
}

/** POST /rest/api/3/issue/{issueIdOrKey}/comment */
function postIssueComment(k: Kit): Route {
  const { site, findIssue, parseBody } = k;
  return [
    'POST',
    '/rest/api/3/issue/{issueIdOrKey}/comment',
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
  ];
}

/** GET /rest/api/3/issue/{issueIdOrKey}/comment/{id} */
function getIssueCommentOne(k: Kit): Route {
  const { site, isAgentLike, findIssue } = k;
  return [
    'GET',
    '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
    ({ req }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      const c = site.comments(issue.id).find((x) => x.id === m[2] && (x.public || isAgentLike(req.principal)));
      if (!c) return jiraError(404, `Can not find a comment for the id: ${m[2] ?? ''}.`);
      return { status: 200, body: site.commentRef(c) };
    },
  ];
}

/** PUT /rest/api/3/issue/{issueIdOrKey}/comment/{id} */
function putIssueCommentOne(k: Kit): Route {
  const { site, principalUser, findIssue, parseBody, requirePermission } = k;
  return [
    'PUT',
    '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
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
  ];
}

export function commentsRoutes(k: Kit): Route[] {
  return [getIssueComment, postIssueComment, getIssueCommentOne, putIssueCommentOne].map((route) => route(k));
}
