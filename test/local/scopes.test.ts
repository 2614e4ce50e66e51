// OAuth scopes per REST operation: the host answers an app call whose scope the manifest lacks
// as Atlassian's gateway does. Oracle: local/site/route-scopes.ts, derived from Atlassian's REST
// API descriptions and compared with them by `npm run lint:forge` (tests never read ../shared).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';
import { ROUTE_SCOPES, scopesCover } from '../../local/site/route-scopes';

const manifestPath = fileURLToPath(new URL('../../manifest.yml', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'sentio-scopes-'));
let full: RunningHost;
let lacking: RunningHost;

beforeAll(async () => {
  const text = readFileSync(manifestPath, 'utf8');
  const without = text.replace(/\n\s*- write:servicedesk-request\n/, '\n');
  expect(without).not.toBe(text);
  writeFileSync(path.join(dir, 'manifest.yml'), without);
  full = await startHost({ dataDir: ':memory:', seed: 'basic' });
  lacking = await startHost({ dataDir: ':memory:', seed: 'basic', manifestPath: path.join(dir, 'manifest.yml') });
});
afterAll(async () => {
  await full.close();
  await lacking.close();
  rmSync(dir, { recursive: true, force: true });
});

function postComment(h: RunningHost) {
  const issue = h.site.createTicket({ projectKey: 'IT', summary: 'Scopes', reporter: h.users.customers[0] ?? '' });
  return h.host.callJira(
    { kind: 'app', accountId: h.users.app },
    'POST',
    `/rest/servicedeskapi/request/${issue.key}/comment`,
    JSON.stringify({ body: 'How is it going?', public: true }),
    true,
  );
}

describe('scopes per REST operation', () => {
  it('refuses a call whose scope the manifest lacks with the gateway’s 401', () => {
    expect(postComment(lacking)).toEqual({
      status: 401,
      body: { code: 401, message: 'Unauthorized; scope does not match' },
    });
  });

  it('serves the same call when the manifest has the scope', () => {
    expect(postComment(full).status).toBe(201);
  });

  it('does not check people using the site itself, only the app', () => {
    const issue = lacking.site.createTicket({
      projectKey: 'IT',
      summary: 'UI',
      reporter: lacking.users.customers[0] ?? '',
    });
    const res = lacking.host.callJira(
      { kind: 'user', accountId: lacking.users.agents[0] ?? '' },
      'POST',
      `/rest/servicedeskapi/request/${issue.key}/comment`,
      JSON.stringify({ body: 'Reply', public: true }),
      false,
    );
    expect(res.status).toBe(201);
  });

  it('knows the scopes of every operation the site serves', () => {
    const known = new Set(ROUTE_SCOPES.map((r) => `${r.method} ${r.path}`));
    const missing = full.host.servedRoutes().filter((r) => !known.has(`${r.method} ${r.path}`));
    expect(missing).toEqual([]);
  });

  it('accepts the granular scopes in place of the classic ones, as the linter does', () => {
    const comment = ROUTE_SCOPES.find(
      (r) => r.method === 'POST' && r.path === '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    );
    expect(comment && scopesCover(comment, ['write:servicedesk-request'])).toBe(true);
    expect(comment && scopesCover(comment, [...comment.beta])).toBe(true);
    expect(comment && scopesCover(comment, ['read:servicedesk-request'])).toBe(false);
  });
});
