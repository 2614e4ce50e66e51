import { describe, expect, it } from 'vitest';
import { readAuditLog } from '../../../src/app/configuration/read-audit-log';
import { listScopeOptions, SCOPE_OPTIONS_TTL_MS } from '../../../src/app/configuration/list-scope-options';
import { fakeWorld } from '../fakes/ports';

function siteWorld() {
  const w = fakeWorld();
  w.site.projects = [
    { id: '2', key: 'HR', name: 'People team' },
    { id: '1', key: 'IT', name: 'IT help' },
  ];
  w.site.requestTypes = [{ id: 'rt-1', name: 'Get IT help', projectId: '1' }];
  w.site.priorities = [
    { id: '1', name: 'Highest' },
    { id: '5', name: 'Lowest' },
  ];
  return w;
}

describe('scope options for the admin pickers', () => {
  it("lists projects and request types by name and keeps priorities in Jira's order", async () => {
    const w = siteWorld();
    expect(await listScopeOptions(w.ports)).toEqual({
      projects: [
        { id: '1', key: 'IT', name: 'IT help' },
        { id: '2', key: 'HR', name: 'People team' },
      ],
      requestTypes: [{ id: 'rt-1', name: 'Get IT help', projectId: '1' }],
      priorities: [
        { id: '1', name: 'Highest' },
        { id: '5', name: 'Lowest' },
      ],
    });
  });

  it('reads Jira once per five minutes and again once the cache is older', async () => {
    const w = siteWorld();
    await listScopeOptions(w.ports);
    w.site.projects = [...w.site.projects, { id: '3', key: 'FAC', name: 'Facilities' }];
    w.now += SCOPE_OPTIONS_TTL_MS - 1;
    expect((await listScopeOptions(w.ports)).projects).toHaveLength(2);
    expect(w.jiraReads).toEqual(['listProjects', 'listRequestTypes', 'listPriorities']);
    w.now += 1;
    expect((await listScopeOptions(w.ports)).projects.map((p) => p.key)).toEqual(['FAC', 'IT', 'HR']);
    expect(w.jiraReads).toHaveLength(6);
  });
});

describe('audit log names', () => {
  it('names each actor once per page and falls back to the id for an account Jira does not know', async () => {
    const w = fakeWorld();
    w.site.people.set('admin-1', 'Ada Admin');
    for (const [i, actorId] of ['admin-1', 'admin-1', 'gone-7'].entries()) {
      await w.ports.audit.appendAudit({
        id: `a${i}`,
        at: w.now + i,
        actorId,
        action: 'plan-saved',
        target: 'p',
        summary: 's',
      });
    }
    const page = await readAuditLog(w.ports, null, 25);
    expect(page.entries.map((e) => [e.actorId, e.actorName])).toEqual(
      expect.arrayContaining([
        ['admin-1', 'Ada Admin'],
        ['gone-7', 'gone-7'],
      ]),
    );
    expect(page.entries).toHaveLength(3);
    expect(w.jiraReads).toEqual(['displayNames']);
  });

  it('still shows the page, with ids, when Jira cannot say the names', async () => {
    const w = fakeWorld();
    w.site.people.set('admin-1', 'Ada Admin');
    await w.ports.audit.appendAudit({
      id: 'a1',
      at: w.now,
      actorId: 'admin-1',
      action: 'xla-saved',
      target: 'x',
      summary: 's',
    });
    w.jiraDown = true;
    expect((await readAuditLog(w.ports, null, 25)).entries.map((e) => e.actorName)).toEqual(['admin-1']);
  });
});
