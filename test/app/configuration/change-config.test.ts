/** Admin configuration against fakes: stale edits refused, XLA saves start a recompute, every change audited. */
import { describe, expect, it } from 'vitest';
import { deletePlan } from '../../../src/app/configuration/delete-plan';
import { savePlan } from '../../../src/app/configuration/save-plan';
import { saveXla } from '../../../src/app/configuration/save-xla';
import { ConflictError } from '../../../src/app/errors';
import { journeyXla, plan } from '../../integration/support/config';
import type { CallerJira } from '../../../src/app/ports';
import { adminDefinitions } from '../../../src/handlers/admin-resolvers';
import { fakeWorld } from '../fakes/ports';

const anAdmin: CallerJira = {
  canBrowseIssue: async () => true,
  canBrowseProject: async () => true,
  browsableServiceProjects: async () => ({ projects: [], total: 0 }),
  isJiraAdmin: async () => true,
  visibleRequest: async () => null,
};

describe('managing the configuration', () => {
  it('refuses a save that names a stale version with conflict/stale-version, and changes nothing', async () => {
    const w = fakeWorld();
    await saveXla(w.ports, 'admin-1', journeyXla(), 1);
    const before = JSON.stringify(w.config);
    const stale = saveXla(w.ports, 'admin-2', journeyXla({ name: 'Renamed' }), 1);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(saveXla(w.ports, 'admin-2', journeyXla({ name: 'Renamed' }), 1)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale-version' },
    });
    expect(JSON.stringify(w.config)).toBe(before);
    expect(w.audit.map((a) => a.actorId)).toEqual(['admin-1', 'admin-1']);
  });

  it('refuses a save whose storage revision moved between read and write (two admins at once)', async () => {
    const w = fakeWorld();
    const save = w.ports.config.saveConfig;
    // Another admin's save lands between this save's read and its write.
    w.ports.config.saveConfig = async (next, rev) => {
      w.config = { ...w.config, version: w.config.version + 1, rev: w.config.rev + 1 };
      w.ports.config.saveConfig = save;
      return save(next, rev);
    };
    await expect(savePlan(w.ports, 'admin-1', plan('p1', { kind: 'created' }), 1)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale-version' },
    });
    expect(w.config.plans).toEqual([]);
  });

  it('re-applies an edit that lost the race to a system write (recompute, hourly clean-up), instead of refusing it', async () => {
    const w = fakeWorld();
    const save = w.ports.config.saveConfig;
    // A recompute moves the generations between this save's read and its write: the revision moves,
    // the edit version does not, so the admin has nothing to reload.
    w.ports.config.saveConfig = async (next, rev) => {
      w.config = { ...w.config, rollups: { active: 'g-system', building: null }, rev: w.config.rev + 1 };
      w.ports.config.saveConfig = save;
      return save(next, rev);
    };
    const saved = await savePlan(w.ports, 'admin-1', plan('p1', { kind: 'created' }), 1);
    expect(saved.version).toBe(2);
    expect(w.config.plans.map((p) => p.id)).toEqual(['p1']);
    expect(w.config.rollups).toMatchObject({ active: 'g-system' });
    expect(w.audit.map((a) => a.actorId)).toEqual(['admin-1']);
  });

  it("restarts a running recompute whose progress moved under the save, instead of calling it someone else's start", async () => {
    const w = fakeWorld();
    const first = await saveXla(w.ports, 'admin-1', journeyXla(), 1);
    const save = w.ports.documents.saveRecompute;
    // The first job's chunk saves its progress between this save's read and its write.
    w.ports.documents.saveRecompute = async (state, rev) => {
      const current = w.recompute;
      if (current !== null) w.recompute = { value: { ...current.value, processed: 100 }, rev: current.rev + 1 };
      w.ports.documents.saveRecompute = save;
      return save(state, rev);
    };
    const second = await saveXla(w.ports, 'admin-1', journeyXla({ name: 'Renamed' }), 2);
    expect(second.recompute?.jobId).not.toBe(first.recompute?.jobId);
    expect(w.recompute?.value).toMatchObject({ jobId: second.recompute?.jobId, state: 'queued', processed: 0 });
    expect(w.config.rollups).toMatchObject({ building: second.recompute?.jobId });
  });

  it('starts a recompute when an XLA is saved, with a new building generation and a queued chunk', async () => {
    const w = fakeWorld();
    const { config, recompute } = await saveXla(w.ports, 'admin-1', journeyXla(), 1);
    expect(config.version).toBe(2);
    expect(recompute).toMatchObject({ state: 'queued', processed: 0 });
    expect(w.pushed).toEqual([recompute?.jobId]);
    expect(w.config.rollups).toMatchObject({ active: '', building: recompute?.jobId });
    expect(w.recompute?.value.jobId).toBe(recompute?.jobId);
  });

  it('writes an audit entry saying who changed what', async () => {
    const w = fakeWorld();
    await saveXla(w.ports, 'admin-1', journeyXla(), 1);
    await saveXla(w.ports, 'admin-2', journeyXla({ targetScore: 70 }));
    await savePlan(w.ports, 'admin-1', plan('p1', { kind: 'created' }));
    await deletePlan(w.ports, 'admin-2', 'p1');
    const entries = w.audit
      .filter((a) => a.action !== 'recompute-started')
      .map((a) => [a.actorId, a.action, a.target, a.summary]);
    expect(entries).toEqual([
      ['admin-1', 'xla-saved', 'journey', 'XLA "Journey XLA" created'],
      ['admin-2', 'xla-saved', 'journey', 'XLA "Journey XLA" changed targetScore'],
      ['admin-1', 'plan-saved', 'p1', 'Plan "Plan p1" created'],
      ['admin-2', 'plan-deleted', 'p1', 'Plan p1 deleted'],
    ]);
    expect(w.audit.filter((a) => a.action === 'recompute-started').map((a) => a.actorId)).toEqual([
      'admin-1',
      'admin-2',
    ]);
  });

  it('does not start a recompute for plan changes: plans do not change rollups', async () => {
    const w = fakeWorld();
    await savePlan(w.ports, 'admin-1', plan('p1', { kind: 'created' }));
    await deletePlan(w.ports, 'admin-1', 'p1');
    expect(w.pushed).toEqual([]);
    expect(w.recompute).toBeNull();
  });

  it('refuses an invalid import naming the field, before writing anything', async () => {
    const w = fakeWorld();
    const importConfigResolver = adminDefinitions({ ports: () => w.ports, caller: () => anAdmin }).find(
      (d) => d.name === 'importConfig',
    );
    const answer = await importConfigResolver?.run({
      payload: { config: { format: 'sentio-config', version: 1, xlas: [{ id: 'x' }], plans: [] }, mode: 'merge' },
      context: { accountId: 'admin-1' },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(answer?.ok === false ? answer.error.fields?.[0]?.field : null).toBe('config.xlas[0].name');
    expect([w.config.version, w.audit.length]).toEqual([1, 0]);
  });
});
