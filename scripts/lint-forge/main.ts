/**
 * `npm run lint:forge`: Atlassian's Forge linter on this repository, offline, and proof that it can
 * fail. Needs the product REST API descriptions in ../shared/data/atlassian-openapi (or wherever
 * SENTIO_OPENAPI_DIR points); `npm test` never reads them.
 *
 * 1. `@forge/lint` in client-side mode on the repository: 0 errors, or this exits non-zero.
 * 2. For each product scope of manifest.yml, the same lint on a copy of the project whose manifest
 *    lacks that scope: the linter must report that scope missing (a scope nothing needs would stay
 *    green, so this also shows the scope list is minimal for every call the linter can see).
 * 3. The local host's route → scope table (local/site/route-scopes.ts) derived again from the API
 *    descriptions: it must be the committed one, and cover every operation the host serves.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runForgeLint } from './run-linter';
import { projectWithout, scopesOf } from './project-copy';
import { deriveRouteScopes, servedRoutes } from './route-scopes';
import { ROUTE_SCOPES } from '../../local/site/route-scopes';

const root = fileURLToPath(new URL('../..', import.meta.url));
const openapiDir = path.resolve(process.env.SENTIO_OPENAPI_DIR ?? path.join(root, '../shared/data/atlassian-openapi'));

/** The linter's own switches for reading the API descriptions from disk. */
function useLocalApiDescriptions(): void {
  const file = (name: string): string => {
    const p = path.join(openapiDir, name);
    if (!existsSync(p)) {
      console.error(`lint:forge needs ${p} (the product REST API descriptions; see that folder's README).`);
      process.exit(2);
    }
    return p;
  };
  process.env.USE_LOCAL_SWAGGER = 'true';
  process.env.LOCAL_JIRA_SWAGGER = file('jira-platform.json');
  process.env.LOCAL_JSM_SWAGGER = file('jira-service-management.json');
  process.env.LOCAL_JSW_SWAGGER = file('jira-software.json');
  // Sentio calls no Confluence or Bitbucket API: an empty description stands in for those.
  process.env.LOCAL_CONF_SWAGGER = file('empty.json');
  process.env.LOCAL_CONF_V2_SWAGGER = file('empty.json');
  process.env.LOCAL_BB_SWAGGER = file('empty.json');
}

const quiet = { info: () => undefined };

/** The manifest's resources are the built UI: the linter (like `forge deploy`) wants them present. */
function ensureBuiltResources(): void {
  if (existsSync(path.join(root, 'static/dist')) && existsSync(path.join(root, 'static/dist-glance'))) return;
  console.log('Building the Custom UI resources first (npm run build:ui).');
  const build = spawnSync('npm', ['run', 'build:ui'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** True when the committed route → scope table differs from the API descriptions. */
async function routeScopesAgree(): Promise<boolean> {
  const { table, problems } = deriveRouteScopes(openapiDir, await servedRoutes());
  const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
  const committed = new Map(ROUTE_SCOPES.map((r) => [key(r), JSON.stringify(r)]));
  const differing = table.filter((r) => committed.get(key(r)) !== JSON.stringify(r)).map(key);
  const extra = ROUTE_SCOPES.filter((r) => !table.some((t) => key(t) === key(r))).map(key);
  console.log(`\nRoute → scope table: ${table.length} operations derived from the API descriptions.`);
  for (const p of [...problems, ...differing.map((d) => `${d} differs`), ...extra.map((e) => `${e} is not served`)])
    console.log(`  ${p}`);
  if (problems.length + differing.length + extra.length === 0) {
    console.log('  local/site/route-scopes.ts agrees with them.');
    return false;
  }
  console.log('  Run: npx tsx scripts/lint-forge/route-scopes.ts --write');
  return true;
}

async function main(): Promise<void> {
  useLocalApiDescriptions();
  ensureBuiltResources();
  console.log('forge lint (client-side, offline) on the repository:');
  const run = await runForgeLint(root, console);
  console.log(`lint:forge: ${run.errors} error(s), ${run.warnings} warning(s).`);
  let failed = run.errors > 0;

  console.log('\nEach scope removed from a copy of manifest.yml:');
  for (const scope of scopesOf(root)) {
    const copy = projectWithout(root, scope);
    try {
      const without = await runForgeLint(copy.dir, quiet, false);
      const named = without.missingScopes.includes(scope);
      const status = named ? 'red, as it must be' : 'GREEN';
      console.log(`  without ${scope}: ${without.errors} error(s) (${status})`);
      if (!named && !copy.notCheckedByLinter) failed = true;
      if (!named && copy.notCheckedByLinter) console.log(`    (${copy.notCheckedByLinter})`);
    } finally {
      copy.remove();
    }
  }
  failed = (await routeScopesAgree()) || failed;
  if (failed) {
    console.error('\nlint:forge failed.');
    process.exit(1);
  }
  console.log('\nlint:forge passed.');
}

await main();
