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
      w.config = { ...w.config, rev: w.config.rev + 1 };
      w.ports.config.saveConfig = save;
      return save(next, rev);
    };
    await expect(savePlan(w.ports, 'admin-1', plan('p1', { kind: 'created' }))).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale-version' },
    });
    expect(w.config.plans).toEqual([]);
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
