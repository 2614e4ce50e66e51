/**
 * One resolver set per UI surface, each from the contracts in src/contracts and the
 * `defineResolver` wrapper. The ports are built per call so tests can inject fakes.
 */
import { adminResolvers, agentResolvers, portalResolvers } from '../contracts';
import type { AppPorts, CallerJira } from '../app/ports';
import { answerMyAsk, getMyAsk } from '../app/portal-asks';
import { askNow, getTicketExperience, markFollowUpDone } from '../app/agent-experience';
import {
  assertAdmin,
  auditLogPage,
  deleteXla,
  deletePlan,
  exportConfig,
  importConfig,
  savePlan,
  saveXla,
  viewOf,
} from '../app/manage-config';
import { listScopeOptions } from '../app/scope-options';
import { effectiveConfig } from '../app/load-config';
import { recomputeStatus, startRecompute } from '../app/recompute-rollups';
import { RefusedError } from '../app/errors';
import { rotateSigningKey } from '../app/rotate-signing-key';
import { defineResolver, requireIssue, type DefinedResolver } from './define-resolver';

export interface ResolverDeps {
  readonly ports: () => AppPorts;
  readonly caller: () => CallerJira;
}

export function portalDefinitions(deps: ResolverDeps): DefinedResolver[] {
  return [
    defineResolver(portalResolvers.getMyAsk, async (_p, ctx) => ({
      ask: await getMyAsk(deps.ports(), deps.caller(), ctx.accountId, requireIssue(ctx)),
    })),
    defineResolver(portalResolvers.answerAsk, async (p, ctx) => ({
      ask: await answerMyAsk(deps.ports(), deps.caller(), ctx.accountId, requireIssue(ctx), p.askId, {
        score: p.score,
        reasons: p.reasons,
        comment: p.comment,
        lostTimeChoiceId: p.lostTimeChoiceId,
      }),
    })),
  ];
}

export function agentDefinitions(deps: ResolverDeps): DefinedResolver[] {
  return [
    defineResolver(agentResolvers.getTicketExperience, async (_p, ctx) =>
      getTicketExperience(deps.ports(), deps.caller(), ctx.accountId, requireIssue(ctx)),
    ),
    defineResolver(agentResolvers.askNow, async (p, ctx) =>
      askNow(deps.ports(), deps.caller(), ctx.accountId, requireIssue(ctx), p.planId),
    ),
    defineResolver(agentResolvers.markFollowUpDone, async (_p, ctx) => ({
      followUp: await markFollowUpDone(deps.ports(), deps.caller(), ctx.accountId, requireIssue(ctx)),
    })),
  ];
}

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
    defineResolver(adminResolvers.getAuditLog, async (p) => auditLogPage(await admin(), p.cursor ?? null, p.limit)),
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

export { projectDefinitions } from './project-resolvers';
