// Service desks and request types (JSM).
import { sdError, type Kit, type Route } from './kit.js';

/** GET /rest/servicedeskapi/servicedesk */
function getServicedesk(k: Kit): Route {
  const { site, sdPage } = k;
  return [
    'GET',
    '/rest/servicedeskapi/servicedesk',
    ({ query }) => ({
      status: 200,
      body: sdPage(
        site.projects().map((p) => ({ id: p.serviceDeskId, projectId: p.id, projectName: p.name, projectKey: p.key })),
        query,
      ),
    }),
  ];
}

/** GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype */
function getServicedeskRequesttype(k: Kit): Route {
  const { site, sdPage } = k;
  return [
    'GET',
    '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype',
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
  ];
}

/** GET /rest/servicedeskapi/requesttype */
function getRequesttype(k: Kit): Route {
  const { site, sdPage } = k;
  return [
    'GET',
    '/rest/servicedeskapi/requesttype',
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
  ];
}

export function servicedeskRoutes(k: Kit): Route[] {
  return [getServicedesk, getServicedeskRequesttype, getRequesttype].map((route) => route(k));
}
