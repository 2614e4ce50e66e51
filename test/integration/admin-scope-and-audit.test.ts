/**
 * The admin's scope pickers and audit log on the local host: the lists come from the site's own
 * Jira REST (projects, JSM request types by project, priorities), only Jira administrators get
 * them, and the audit log names each actor as Jira does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, ScopeOptions } from '../../src/contracts';
import { plan } from './support/config';
import { MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

describe('scope options and audit names on the local host', () => {
  let h: TestHost;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    h = await startTestHost();
    admin = h.users.admins[0] ?? '';
    agent = h.users.agents[0] ?? '';
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it("lists the site's projects, request types with their project, and priorities, read from Jira", async () => {
    const options = unwrap(await h.call<ScopeOptions>(MODULE.admin, 'listScopeOptions', {}, admin));
    const site = h.site.raw;
    const projects = site.projects();
    expect(options.projects).toEqual(
      projects.map((p) => ({ id: p.id, key: p.key, name: p.name })).sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(options.projects.map((p) => p.key).sort()).toEqual(['HR', 'IT']);
    const expectedTypes = projects.flatMap((p) =>
      site.requestTypes(p.id).map((rt) => ({ id: rt.id, name: rt.name, projectId: p.id })),
    );
    expect([...options.requestTypes].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      expectedTypes.sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(options.requestTypes.find((rt) => rt.name === 'Get IT help')?.projectId).toBe(
      projects.find((p) => p.key === 'IT')?.id,
    );
    expect(options.priorities).toEqual([
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ]);
  });

  it('answers a second call within minutes from its short-lived cache, without asking Jira again', async () => {
    const first = unwrap(await h.call<ScopeOptions>(MODULE.admin, 'listScopeOptions', {}, admin));
    h.metrics.reset();
    const again = unwrap(await h.call<ScopeOptions>(MODULE.admin, 'listScopeOptions', {}, admin));
    expect(again).toEqual(first);
    // Only the admin permission check reaches Jira.
    expect(h.metrics.summary().jiraCalls).toBe(1);
  });

  it('refuses the lists to someone who is not a Jira administrator', async () => {
    expect(await h.call(MODULE.admin, 'listScopeOptions', {}, agent)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only Jira administrators can change Sentio.' },
    });
  });

  it("names each audit entry's actor with their Jira display name", async () => {
    unwrap(await h.call(MODULE.admin, 'savePlan', { plan: plan('named', { kind: 'created' }) }, admin));
    const log = unwrap(await h.call<{ entries: AuditEntryView[] }>(MODULE.admin, 'getAuditLog', { limit: 10 }, admin));
    const entry = log.entries.find((e) => e.target === 'named');
    expect(entry?.actorId).toBe(admin);
    expect(entry?.actorName).toBe(h.site.raw.user(admin)?.displayName);
    expect(entry?.actorName).not.toBe(admin);
  });
});
