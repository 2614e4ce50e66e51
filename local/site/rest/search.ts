// JQL search (GET and POST search/jql).
import { SearchBody, type Kit, type Route } from './kit.js';

/** GET /rest/api/3/search/jql */
function getSearchJql(k: Kit): Route {
  const { search } = k;
  return [
    'GET',
    '/rest/api/3/search/jql',
    ({ req, query }) =>
      search(req, {
        jql: query.get('jql') ?? '',
        fields: query.get('fields')?.split(','),
        maxResults: query.get('maxResults') ? Number(query.get('maxResults')) : undefined,
        nextPageToken: query.get('nextPageToken') ?? undefined,
        expand: query.get('expand') ?? undefined,
      }),
  ];
}

/** POST /rest/api/3/search/jql */
function postSearchJql(k: Kit): Route {
  const { parseBody, search } = k;
  return ['POST', '/rest/api/3/search/jql', ({ req }) => search(req, parseBody(SearchBody, req.body))];
}

export function searchRoutes(k: Kit): Route[] {
  return [getSearchJql, postSearchJql].map((route) => route(k));
}
