/** The admin page's and project settings' resolvers (admin-resolver); each checks Jira administration first. */
import { assertAdmin, readAsAdmin } from '../app/configuration/assert-admin';
import { deletePlan } from '../app/configuration/delete-plan';
import { deleteXla } from '../app/configuration/delete-xla';
import { effectiveConfig } from '../app/configuration/effective-config';
import { exportConfig } from '../app/configuration/export-config';
import { importConfig } from '../app/configuration/import-config';
import { listScopeOptions, scopeOptionsCache } from '../app/configuration/list-scope-options';
import { readAuditLog } from '../app/configuration/read-audit-log';
import { rotateSigningKey } from '../app/configuration/rotate-signing-key';
import { savePlan } from '../app/configuration/save-plan';
import { saveXla } from '../app/configuration/save-xla';
import { RefusedError, ValidationError } from '../app/errors';
import { recomputeStatus } from '../app/recompute/recompute-status';
import { startRecompute } from '../app/recompute/start-recompute';
import { adminResolvers, ExportedConfigSchema } from '../contracts/admin';
import { parseWith } from '../domain/validation';
import { defineResolver, type DefinedResolver } from './define-resolver';
import {
  auditEntryView,
  configView,
  exportedConfigFile,
  recomputeStatusView,
  scopeOptionsView,
} from './presenters/admin-views';
import type { ResolverDeps } from './resolver-deps';

/** An imported file is the wire's: parsed here, with each problem named by its field. */
function importedFile(input: unknown) {
  const parsed = parseWith(ExportedConfigSchema, input);
  if (!parsed.ok)
    throw new ValidationError(
      'The file is not a Sentio configuration.',
      parsed.problems.map((p) => ({ field: `config.${p.field}`, message: p.message })),
    );
  return parsed.value;
}

export function adminDefinitions(deps: ResolverDeps): DefinedResolver[] {
  /** Every admin resolver checks Jira administration server-side first. */
  const admin = async () => {
    await assertAdmin(deps.caller());
    return deps.ports();
  };
  /** The admin views' first reads run beside that check; nothing is answered before it passed. */
  const adminRead = <T>(read: (ports: ReturnType<ResolverDeps['ports']>) => Promise<T>) =>
    readAsAdmin(deps.caller(), () => read(deps.ports()));
  return [
    defineResolver(adminResolvers.getConfig, async () => configView(await adminRead(effectiveConfig))),
    defineResolver(adminResolvers.saveXla, async (p, ctx) => {
      const saved = await saveXla(await admin(), ctx.accountId, p.xla, p.expectedVersion);
      return { config: configView(saved.config), recompute: recomputeStatusView(saved.recompute) };
    }),
    defineResolver(adminResolvers.deleteXla, async (p, ctx) => ({
      config: configView(await deleteXla(await admin(), ctx.accountId, p.id, p.expectedVersion)),
    })),
    // Plans do not change rollups: no recompute (src/contracts/admin.ts).
    defineResolver(adminResolvers.savePlan, async (p, ctx) => ({
      config: configView(await savePlan(await admin(), ctx.accountId, p.plan, p.expectedVersion)),
      recompute: null,
    })),
    defineResolver(adminResolvers.deletePlan, async (p, ctx) => ({
      config: configView(await deletePlan(await admin(), ctx.accountId, p.id, p.expectedVersion)),
      recompute: null,
    })),
    defineResolver(adminResolvers.exportConfig, async () => exportedConfigFile(await exportConfig(await admin()))),
    defineResolver(adminResolvers.importConfig, async (p, ctx) => {
      const ports = await admin();
      const saved = await importConfig(ports, ctx.accountId, importedFile(p.config), p.mode, p.expectedVersion);
      return { config: configView(saved.config), recompute: recomputeStatusView(saved.recompute) };
    }),
    defineResolver(adminResolvers.getAuditLog, async (p) => {
      const page = await readAuditLog(await admin(), p.cursor ?? null, p.limit);
      return { entries: page.entries.map(auditEntryView), nextCursor: page.nextCursor };
    }),
    // The cache is read beside the check; Jira is asked, and the cache written, only after it passed.
    defineResolver(adminResolvers.listScopeOptions, async () =>
      scopeOptionsView(await listScopeOptions(deps.ports(), await adminRead(scopeOptionsCache))),
    ),
    defineResolver(adminResolvers.startRecompute, async (_p, ctx) => {
      const status = recomputeStatusView(await startRecompute(await admin(), ctx.accountId, { refuseIfRunning: true }));
      if (status === null) throw new RefusedError('recompute-running', 'A recompute is already running.');
      return status;
    }),
    defineResolver(adminResolvers.getRecomputeStatus, async () => ({
      status: recomputeStatusView(await adminRead(recomputeStatus)),
    })),
    defineResolver(adminResolvers.rotateSigningKey, async (_p, ctx) => rotateSigningKey(await admin(), ctx.accountId)),
  ];
}
