/** The admin page's and project settings' resolvers (admin-resolver); each checks Jira administration first. */
import { assertAdmin } from '../app/configuration/assert-admin';
import { viewOf } from '../app/configuration/change-config';
import { deletePlan } from '../app/configuration/delete-plan';
import { deleteXla } from '../app/configuration/delete-xla';
import { effectiveConfig } from '../app/configuration/effective-config';
import { exportConfig } from '../app/configuration/export-config';
import { importConfig } from '../app/configuration/import-config';
import { listScopeOptions } from '../app/configuration/list-scope-options';
import { readAuditLog } from '../app/configuration/read-audit-log';
import { rotateSigningKey } from '../app/configuration/rotate-signing-key';
import { savePlan } from '../app/configuration/save-plan';
import { saveXla } from '../app/configuration/save-xla';
import { RefusedError } from '../app/errors';
import { recomputeStatus } from '../app/recompute/recompute-status';
import { startRecompute } from '../app/recompute/start-recompute';
import { adminResolvers } from '../contracts/admin';
import { defineResolver, type DefinedResolver } from './define-resolver';
import type { ResolverDeps } from './resolver-deps';

export function adminDefinitions(deps: ResolverDeps): DefinedResolver[] {
  /** Every admin resolver checks Jira administration server-side first. */
  const admin = async () => {
    await assertAdmin(deps.caller());
    return deps.ports();
  };
  return [
    defineResolver(adminResolvers.getConfig, async () => viewOf(await effectiveConfig(await admin()))),
    defineResolver(adminResolvers.saveXla, async (p, ctx) =>
      saveXla(await admin(), ctx.accountId, p.xla, p.expectedVersion),
    ),
    defineResolver(adminResolvers.deleteXla, async (p, ctx) => ({
      config: await deleteXla(await admin(), ctx.accountId, p.id, p.expectedVersion),
    })),
    // Plans do not change rollups: no recompute (src/contracts/admin.ts).
    defineResolver(adminResolvers.savePlan, async (p, ctx) => ({
      config: await savePlan(await admin(), ctx.accountId, p.plan, p.expectedVersion),
      recompute: null,
    })),
    defineResolver(adminResolvers.deletePlan, async (p, ctx) => ({
      config: await deletePlan(await admin(), ctx.accountId, p.id, p.expectedVersion),
      recompute: null,
    })),
    defineResolver(adminResolvers.exportConfig, async () => exportConfig(await admin())),
    defineResolver(adminResolvers.importConfig, async (p, ctx) =>
      importConfig(await admin(), ctx.accountId, p.config, p.mode, p.expectedVersion),
    ),
    defineResolver(adminResolvers.getAuditLog, async (p) => readAuditLog(await admin(), p.cursor ?? null, p.limit)),
    defineResolver(adminResolvers.listScopeOptions, async () => listScopeOptions(await admin())),
    defineResolver(adminResolvers.startRecompute, async (_p, ctx) => {
      const status = await startRecompute(await admin(), ctx.accountId, { refuseIfRunning: true });
      if (status === null) throw new RefusedError('recompute-running', 'A recompute is already running.');
      return status;
    }),
    defineResolver(adminResolvers.getRecomputeStatus, async () => ({ status: await recomputeStatus(await admin()) })),
    defineResolver(adminResolvers.rotateSigningKey, async (_p, ctx) => rotateSigningKey(await admin(), ctx.accountId)),
  ];
}
