// Issue entity properties.
import { jiraError, type Kit, type Route } from './kit.js';

/** GET /rest/api/3/issue/{issueIdOrKey}/properties */
function getIssueProperties(k: Kit): Route {
  const { site, findIssue } = k;
  return [
    'GET',
    '/rest/api/3/issue/{issueIdOrKey}/properties',
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
  ];
}

/** GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey} */
function getIssuePropertiesOne(k: Kit): Route {
  const { site, findIssue } = k;
  return [
    'GET',
    '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    ({ req }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      const key = decodeURIComponent(m[2] ?? '');
      const value = site.property(issue.id, key);
      if (value === undefined) return jiraError(404, `The property with key '${key}' does not exist.`);
      return { status: 200, body: { key, value } };
    },
  ];
}

/** PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey} */
function putIssuePropertiesOne(k: Kit): Route {
  const { site, isAgentLike, findIssue, requirePermission } = k;
  return [
    'PUT',
    '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
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
  ];
}

/** DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey} */
function deleteIssuePropertiesOne(k: Kit): Route {
  const { site, isAgentLike, findIssue, requirePermission } = k;
  return [
    'DELETE',
    '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    ({ req }, m) => {
      const issue = findIssue(req.principal, m[1] ?? '');
      requirePermission(isAgentLike(req.principal));
      const key = decodeURIComponent(m[2] ?? '');
      if (!site.deleteProperty(issue.id, key)) return jiraError(404, `The property with key '${key}' does not exist.`);
      return { status: 204 };
    },
  ];
}

export function propertiesRoutes(k: Kit): Route[] {
  return [getIssueProperties, getIssuePropertiesOne, putIssuePropertiesOne, deleteIssuePropertiesOne].map((route) =>
    route(k),
  );
}
