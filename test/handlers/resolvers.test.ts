/**
 * Resolvers through the real `getDefinitions()` output of each resolver set (the same function the
 * manifest wires), with fake ports: the envelope a browser sees for bad input, a forbidden caller
 * and an unexpected failure.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CallerJira } from '../../src/app/ports';
import { resolverOf } from '../../src/handlers/define-resolver';
import { adminDefinitions } from '../../src/handlers/admin-resolvers';
import { agentDefinitions } from '../../src/handlers/agent-resolvers';
import { portalDefinitions } from '../../src/handlers/portal-resolvers';
import { projectDefinitions } from '../../src/handlers/project-resolvers';
import type { ResolverDeps } from '../../src/handlers/resolver-deps';
import { journeyXla } from '../integration/support/config';
import { fakeWorld, type FakeWorld } from '../app/fakes/ports';

function caller(overrides: Partial<CallerJira> = {}): CallerJira {
  return {
    canBrowseIssue: async () => true,
    canBrowseProject: async () => true,
    browsableServiceProjects: async () => ({ projects: [], total: 0 }),
    isJiraAdmin: async () => true,
    visibleRequest: async () => ({ issueId: '10001', reporterId: 'customer-1' }),
    ...overrides,
  };
}

type Handler = ReturnType<typeof resolverOf>;

function invoke(
  handler: Handler,
  functionKey: string,
  payload: unknown,
  accountId: string | undefined,
  extension: Record<string, unknown> = {},
) {
  const runtime = accountId === undefined ? {} : { principal: { accountId } };
  return handler(
    { call: { functionKey, payload, jobId: undefined }, context: { extension } } as never,
    runtime as never,
  ) as Promise<unknown>;
}

function sets(w: FakeWorld, who: CallerJira) {
  const deps: ResolverDeps = { ports: () => w.ports, caller: () => who };
  return {
    admin: resolverOf(adminDefinitions(deps)),
    agent: resolverOf(agentDefinitions(deps)),
    portal: resolverOf(portalDefinitions(deps)),
    project: resolverOf(projectDefinitions(deps)),
  };
}

describe('resolvers through getDefinitions()', () => {
  it('answers a validation envelope naming the field when the payload breaks the contract', async () => {
    const w = fakeWorld();
    const { admin, project } = sets(w, caller());
    expect(await invoke(admin, 'deletePlan', { id: 42 }, 'admin-1')).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ field: 'id' }] },
    });
    expect(
      await invoke(project, 'getScorecards', { window: '1y' }, 'admin-1', { project: { id: '10000' } }),
    ).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ field: 'window' }] } });
    // A definition the use case refuses names the field under its path, too.
    const saved = await invoke(admin, 'saveXla', { xla: { ...journeyXla(), targetScore: 150 } }, 'admin-1');
    expect(saved).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ field: 'xla.targetScore' }] } });
    expect(w.audit).toEqual([]);
  });

  it('answers forbidden to a non-admin on every admin resolver, and writes nothing', async () => {
    const w = fakeWorld();
    const { admin } = sets(w, caller({ isJiraAdmin: async () => false }));
    for (const [name, payload] of [
      ['getConfig', {}],
      ['saveXla', { xla: journeyXla() }],
      ['deleteXla', { id: 'journey' }],
      ['startRecompute', {}],
      ['rotateSigningKey', {}],
      ['listScopeOptions', {}],
      ['getAuditLog', {}],
    ] as const) {
      expect(await invoke(admin, name, payload, 'agent-1')).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Only Jira administrators can change Sentio.' },
      });
    }
    expect([w.config.version, w.audit.length, w.pushed.length, w.jiraReads.length]).toEqual([1, 0, 0, 0]);
  });

  it('answers forbidden without an account (identity comes from the platform, never the payload)', async () => {
    const w = fakeWorld();
    const { portal } = sets(w, caller());
    expect(
      await invoke(portal, 'getMyAsk', { accountId: 'customer-1' }, undefined, { request: { key: 'IT-1' } }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers forbidden on the project surface when the caller may not browse the project', async () => {
    const w = fakeWorld();
    const { project } = sets(w, caller({ canBrowseProject: async () => false }));
    expect(
      await invoke(project, 'getScorecards', { window: '30d' }, 'someone', { project: { id: '10000' } }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('turns an unexpected failure into a generic internal error: no raw message, no stack', async () => {
    const w = fakeWorld();
    const secret = 'KVS exploded at /srv/app/kvs-store.ts:42 token=abc123';
    w.ports.config.getConfig = async () => {
      throw new Error(secret);
    };
    const { admin, agent } = sets(w, caller());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const result of [
        await invoke(admin, 'getConfig', {}, 'admin-1'),
        await invoke(agent, 'getTicketExperience', {}, 'agent-1', { issue: { id: '10001', key: 'IT-1' } }),
      ]) {
        expect(result).toEqual({
          ok: false,
          error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' },
        });
        expect(JSON.stringify(result)).not.toContain('exploded');
        expect(JSON.stringify(result)).not.toContain('kvs-store.ts');
      }
    } finally {
      logged.mockRestore();
    }
  });

  it('says a saved or deleted plan starts no recompute (recompute: null) while a saved XLA does', async () => {
    const w = fakeWorld();
    const { admin } = sets(w, caller());
    const plan = {
      id: 'p1',
      name: 'Plan p1',
      waypoint: { kind: 'created' },
      question: { kind: 'csat5', text: 'How are we doing?' },
    };
    expect(await invoke(admin, 'savePlan', { plan }, 'admin-1')).toMatchObject({
      ok: true,
      data: { recompute: null, config: { version: 2 } },
    });
    expect(await invoke(admin, 'deletePlan', { id: 'p1' }, 'admin-1')).toMatchObject({
      ok: true,
      data: { recompute: null, config: { version: 3 } },
    });
    expect(w.pushed).toEqual([]);
    expect(await invoke(admin, 'saveXla', { xla: journeyXla() }, 'admin-1')).toMatchObject({
      ok: true,
      data: { recompute: { state: 'queued' } },
    });
    expect(w.pushed).toHaveLength(1);
  });
});
