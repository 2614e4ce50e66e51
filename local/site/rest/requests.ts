// Customer requests (JSM): create, read, participants, SLAs, status, comments.
import { sdDate } from '../clock.js';
import { computeSlas } from '../sla.js';
import { sdError, SdCommentBody, ParticipantsBody, CreateRequestBody, type Kit, type Route } from './kit.js';

/** POST /rest/servicedeskapi/request */
function postRequest(k: Kit): Route {
  const { site, parseBody, sdRequest } = k;
  return [
    'POST',
    '/rest/servicedeskapi/request',
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
  ];
}

/** GET /rest/servicedeskapi/request */
function getRequest(k: Kit): Route {
  const { site, sdRequest, sdPage } = k;
  return [
    'GET',
    '/rest/servicedeskapi/request',
    ({ req, query }) => {
      const list = req.principal.kind === 'app' ? site.issues() : site.issues({ reporter: req.principal.accountId });
      return { status: 200, body: sdPage(list.map(sdRequest), query) };
    },
  ];
}

/** GET /rest/servicedeskapi/request/{issueIdOrKey} */
function getRequestOne(k: Kit): Route {
  const { findIssue, sdRequest } = k;
  return [
    'GET',
    '/rest/servicedeskapi/request/{issueIdOrKey}',
    ({ req }, m) => ({ status: 200, body: sdRequest(findIssue(req.principal, m[1] ?? '')) }),
  ];
}

/** GET /rest/servicedeskapi/request/{issueIdOrKey}/participant */
function getRequestParticipant(k: Kit): Route {
  const { site, findIssue, sdUser, sdPage } = k;
  return [
    'GET',
    '/rest/servicedeskapi/request/{issueIdOrKey}/participant',
    ({ req, query }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      return { status: 200, body: sdPage(site.participants(issue.id).map(sdUser), query) };
    },
  ];
}

/** POST /rest/servicedeskapi/request/{issueIdOrKey}/participant */
function postRequestParticipant(k: Kit): Route {
  const { site, findIssue, parseBody, sdUser, sdPage } = k;
  return [
    'POST',
    '/rest/servicedeskapi/request/{issueIdOrKey}/participant',
    ({ req, query }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      const body = parseBody(ParticipantsBody, req.body);
      for (const id of body.accountIds) site.addParticipant(issue.id, id);
      return { status: 200, body: sdPage(site.participants(issue.id).map(sdUser), query) };
    },
  ];
}

/** GET /rest/servicedeskapi/request/{issueIdOrKey}/sla */
function getRequestSla(k: Kit): Route {
  const { site, isAgentLike, findIssue, sdPage } = k;
  return [
    'GET',
    '/rest/servicedeskapi/request/{issueIdOrKey}/sla',
    ({ req, query }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      if (!isAgentLike(req.principal))
        return sdError(403, 'You do not have permission to view the SLA information of this request.');
      return { status: 200, body: sdPage(computeSlas(site, issue, site.clock.now()), query) };
    },
  ];
}

/** GET /rest/servicedeskapi/request/{issueIdOrKey}/status */
function getRequestStatus(k: Kit): Route {
  const { site, findIssue, sdPage } = k;
  return [
    'GET',
    '/rest/servicedeskapi/request/{issueIdOrKey}/status',
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
  ];
}

/** GET /rest/servicedeskapi/request/{issueIdOrKey}/comment */
function getRequestComment(k: Kit): Route {
  const { site, isAgentLike, findIssue, sdComment, sdPage } = k;
  return [
    'GET',
    '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    ({ req, query }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      const wantPublic = query.get('public') !== 'false';
      const wantInternal = query.get('internal') !== 'false' && isAgentLike(req.principal);
      const list = site.comments(issue.id).filter((c) => (c.public ? wantPublic : wantInternal));
      return { status: 200, body: sdPage(list.map(sdComment), query) };
    },
  ];
}

/** POST /rest/servicedeskapi/request/{issueIdOrKey}/comment */
function postRequestComment(k: Kit): Route {
  const { site, isAgentLike, findIssue, parseBody, sdComment } = k;
  return [
    'POST',
    '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    ({ req, actor }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      const body = parseBody(SdCommentBody, req.body);
      if (!body.public && !isAgentLike(req.principal)) return sdError(403, 'Only agents can add internal comments.');
      return {
        status: 201,
        body: sdComment(site.comment(issue.id, { body: body.body, public: body.public }, actor)),
      };
    },
  ];
}

/** GET /rest/servicedeskapi/request/{issueIdOrKey}/comment/{commentId} */
function getRequestCommentOne(k: Kit): Route {
  const { site, isAgentLike, findIssue, sdComment } = k;
  return [
    'GET',
    '/rest/servicedeskapi/request/{issueIdOrKey}/comment/{commentId}',
    ({ req }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      const c = site.comments(issue.id).find((x) => x.id === m[2]);
      if (!c || (!c.public && !isAgentLike(req.principal))) return sdError(404, 'The comment does not exist.');
      return { status: 200, body: sdComment(c) };
    },
  ];
}

export function requestsRoutes(k: Kit): Route[] {
  return [
    postRequest,
    getRequest,
    getRequestOne,
    getRequestParticipant,
    postRequestParticipant,
    getRequestSla,
    getRequestStatus,
    getRequestComment,
    postRequestComment,
    getRequestCommentOne,
  ].map((route) => route(k));
}
