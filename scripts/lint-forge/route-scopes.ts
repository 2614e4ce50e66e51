/**
 * The OAuth scopes of each REST operation the local host serves, read from Atlassian's REST API
 * descriptions the way `@forge/lint`'s permission linter reads them: an operation's
 * `x-atlassian-oauth2-scopes` (its `Current` scopes all required, or else all its `Beta` ones),
 * or its `security` OAuth2 list when it has none. `local/site/route-scopes.ts` holds the result;
 * `npm run lint:forge` re-derives it and fails when the two disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RouteScopes } from '../../local/site/route-scopes';

const Scheme = z.object({ scopes: z.array(z.string()), state: z.string() });
const Operation = z.looseObject({
  'x-atlassian-oauth2-scopes': z.array(Scheme).optional(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
});
const Document = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });

/** Which description documents a path: the JSM API for servicedeskapi, the platform API otherwise. */
function documentFor(p: string): string {
  return p.startsWith('/rest/servicedeskapi/') ? 'jira-service-management.json' : 'jira-platform.json';
}

export function deriveRouteScopes(
  openapiDir: string,
  routes: ReadonlyArray<Pick<RouteScopes, 'method' | 'path'>>,
): { table: RouteScopes[]; problems: string[] } {
  const docs = new Map<string, z.infer<typeof Document>>();
  const load = (file: string) => {
    let d = docs.get(file);
    if (!d) {
      d = Document.parse(JSON.parse(readFileSync(path.join(openapiDir, file), 'utf8')));
      docs.set(file, d);
    }
    return d;
  };
  const problems: string[] = [];
  const table: RouteScopes[] = [];
  for (const r of routes) {
    const file = documentFor(r.path);
    const raw = load(file).paths[r.path]?.[r.method.toLowerCase()];
    if (raw === undefined) {
      problems.push(`${r.method} ${r.path} is not an operation of ${file}`);
      continue;
    }
    const op = Operation.parse(raw);
    const schemes = op['x-atlassian-oauth2-scopes'];
    const current = schemes
      ? schemes.filter((s) => s.state === 'Current').flatMap((s) => s.scopes)
      : (op.security ?? []).flatMap((s) => s['OAuth2'] ?? s['oAuthDefinitions'] ?? []);
    const beta = schemes ? schemes.filter((s) => s.state === 'Beta').flatMap((s) => s.scopes) : [];
    table.push({ method: r.method, path: r.path, current: [...current].sort(), beta: [...beta].sort() });
  }
  return { table, problems };
}

export function writeRouteScopes(file: string, table: readonly RouteScopes[]): void {
  const rows = table.map((r) => `  ${JSON.stringify(r)},`).join('\n');
  writeFileSync(
    file,
    `${readFileSync(file, 'utf8').split('export const ROUTE_SCOPES')[0]}export const ROUTE_SCOPES: readonly RouteScopes[] = [\n${rows}\n];\n`,
  );
}

/** The operations the local host serves, as its REST router lists them. */
export async function servedRoutes(): Promise<Array<{ method: string; path: string }>> {
  const { startHost } = await import('../../local/index');
  const h = await startHost({ dataDir: ':memory:', seed: 'empty' });
  try {
    return h.host.servedRoutes();
  } finally {
    await h.close();
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain && process.argv.includes('--write')) {
  const dir =
    process.env.SENTIO_OPENAPI_DIR ?? new URL('../../../shared/data/atlassian-openapi', import.meta.url).pathname;
  const { table, problems } = deriveRouteScopes(dir, await servedRoutes());
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const file = new URL('../../local/site/route-scopes.ts', import.meta.url).pathname;
  writeRouteScopes(file, table);
  console.log(`wrote ${table.length} operations to ${file}`);
}
