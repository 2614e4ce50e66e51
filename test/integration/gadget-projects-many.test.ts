/**
 * Issue 16: the gadget editor's project picker stays within 3 sequential round trips at any number
 * of service projects — Jira's project search, asked as the caller with `action=browse`, lists only
 * the projects they may browse (the first page tells the total, the others are read together). Oracles: the host's critical-path counter (`roundTripsOf`, local/latency.ts)
 * and the site's own permission table (`canBrowseProject`), not the app's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTripsOf } from '../../local/metrics';
import { MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

const EXTRA_PROJECTS = 450;

describe('the gadget editor’s projects with many service projects, on the local host', () => {
  let h: TestHost;
  let agent: string;

  beforeAll(async () => {
    // The model's calls yield once each, so calls sent together overlap on the critical path.
    h = await startTestHost({ latency: 'forge', latencyMode: 'account' });
    agent = h.users.agents[0] ?? '';
    for (let i = 1; i <= EXTRA_PROJECTS; i++) {
      const key = `SP${i}`;
      h.site.raw.addProject({ key, name: `Service project ${String(i).padStart(2, '0')}` });
      // Every third project is closed to the agent.
      if (i % 3 === 0) h.site.raw.setBrowsePermission(key, agent, false);
    }
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('lists exactly the projects the caller may browse, by name, in at most 3 round trips', async () => {
    h.metrics.reset();
    const { projects, truncated } = unwrap(
      await h.call<{ projects: Array<{ id: string; name: string }>; truncated: boolean }>(
        MODULE.project,
        'getGadgetProjects',
        {},
        agent,
      ),
    );
    const expected = h.site.raw
      .projects()
      .filter((p) => h.site.raw.canBrowseProject(agent, p.id))
      .map((p) => p.id);
    expect(h.site.raw.projects().length).toBeGreaterThan(EXTRA_PROJECTS);
    expect(projects.map((p) => p.id).sort()).toEqual([...expected].sort());
    expect(projects.map((p) => p.name)).toEqual(projects.map((p) => p.name).sort((a, b) => a.localeCompare(b)));
    expect(truncated).toBe(false);
    const [picker] = h.metrics.invocations({ kind: 'resolver', cause: 'getGadgetProjects' });
    // More than one page of 100: the pages after the first are read together.
    expect(picker?.jira.byRoute['GET /rest/api/3/project/search']).toBe(Math.ceil(expected.length / 100));
    expect(picker?.jira.byRoute['GET /rest/api/3/mypermissions']).toBeUndefined();
    expect(roundTripsOf(picker!).roundTrips).toBeLessThanOrEqual(3);
  });
});
