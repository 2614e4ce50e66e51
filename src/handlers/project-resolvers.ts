/**
 * The project page's and the dashboard gadget's resolvers (project-resolver). Each one settles the
 * project first — the Forge context's, or the gadget's configured one — and checks the caller may
 * browse it (asUser), then calls one use case.
 */
import { NotFoundError } from '../app/errors';
import { projectAtRisk } from '../app/scorecards/at-risk-tickets';
import { buildScorecards } from '../app/scorecards/build-scorecards';
import { projectCsv } from '../app/scorecards/export-project-csv';
import { projectResponseStats } from '../app/scorecards/response-stats';
import { projectVerbatims } from '../app/scorecards/verbatims';
import { viewableProject } from '../app/scorecards/viewable-project';
import { watermelonByRequestType } from '../app/scorecards/watermelon-by-request-type';
import { watermelonTickets } from '../app/scorecards/watermelon-tickets';
import { projectResolvers } from '../contracts/project';
import { defineResolver, type CallContext, type DefinedResolver } from './define-resolver';
import type { ResolverDeps } from './resolver-deps';

export function projectDefinitions(deps: ResolverDeps): DefinedResolver[] {
  const project = (ctx: CallContext, p: { readonly projectId?: string | undefined }) =>
    viewableProject(deps.caller(), ctx.projectId, p.projectId);
  return [
    defineResolver(projectResolvers.getScorecards, async (p, ctx) => {
      const projectId = await project(ctx, p);
      return { projectId, window: p.window, scorecards: await buildScorecards(deps.ports(), projectId, p.window) };
    }),
    defineResolver(projectResolvers.getSeries, async (p, ctx) => {
      const projectId = await project(ctx, p);
      const card = (await buildScorecards(deps.ports(), projectId, p.window)).find((c) => c.xlaId === p.xlaId);
      if (card === undefined) throw new NotFoundError('No XLA with that id covers this project.');
      return { xlaId: card.xlaId, targetScore: card.targetScore, range: card.range, points: card.daily };
    }),
    defineResolver(projectResolvers.getWatermelon, async (p, ctx) =>
      watermelonByRequestType(deps.ports(), await project(ctx, p), p.window),
    ),
    defineResolver(projectResolvers.getWatermelonTickets, async (p, ctx) =>
      watermelonTickets(deps.ports(), await project(ctx, p), p.window, p.requestTypeId),
    ),
    defineResolver(projectResolvers.getAtRiskTickets, async (p, ctx) => ({
      tickets: await projectAtRisk(deps.ports(), await project(ctx, p), p.minRiskScore, p.limit),
    })),
    defineResolver(projectResolvers.getVerbatims, async (p, ctx) =>
      projectVerbatims(deps.ports(), await project(ctx, p), p),
    ),
    defineResolver(projectResolvers.getResponseStats, async (p, ctx) =>
      projectResponseStats(deps.ports(), await project(ctx, p), p.window),
    ),
    defineResolver(projectResolvers.exportCsv, async (p, ctx) => {
      const projectId = await project(ctx, p);
      const cards = await buildScorecards(deps.ports(), projectId, p.window);
      return { filename: `sentio-xla-${projectId}-${p.window}.csv`, csv: projectCsv(cards) };
    }),
  ];
}
