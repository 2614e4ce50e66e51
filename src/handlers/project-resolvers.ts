/**
 * The project page's and the dashboard gadget's resolvers (project-resolver). Each one settles the
 * project first — the Forge context's, or the gadget's configured one — and checks the caller may
 * browse it (asUser) while the use case reads: the answer is only given once the check passed.
 */
import { NotFoundError } from '../app/errors';
import { projectAtRisk } from '../app/scorecards/at-risk-tickets';
import { buildScorecards } from '../app/scorecards/build-scorecards';
import { gadgetProjects, projectNameOf } from '../app/scorecards/gadget-projects';
import { projectCsv } from '../app/scorecards/export-project-csv';
import { projectResponseStats } from '../app/scorecards/response-stats';
import { projectVerbatims } from '../app/scorecards/verbatims';
import { readViewableProject } from '../app/scorecards/viewable-project';
import { watermelonByRequestType } from '../app/scorecards/watermelon-by-request-type';
import { watermelonTickets } from '../app/scorecards/watermelon-tickets';
import { projectResolvers } from '../contracts/project';
import { negotiateLocale } from '../domain/i18n';
import { defineResolver, type CallContext, type DefinedResolver } from './define-resolver';
import type { ResolverDeps } from './resolver-deps';

export function projectDefinitions(deps: ResolverDeps): DefinedResolver[] {
  /** The use case's read runs while the permission check is in flight; its answer waits for the check. */
  const withProject = <T>(
    ctx: CallContext,
    p: { readonly projectId?: string | undefined },
    read: (projectId: string) => Promise<T>,
  ) => readViewableProject(deps.caller(), ctx.projectId, p.projectId, read);
  const value = async <T>(r: Promise<{ readonly value: T }>): Promise<T> => (await r).value;
  return [
    defineResolver(projectResolvers.getScorecards, async (p, ctx) => {
      // Only the gadget names its project (Jira titles the project page): the page spends nothing on it.
      const r = await withProject(ctx, p, (id) =>
        Promise.all([
          buildScorecards(deps.ports(), id, p.window),
          p.projectId !== undefined ? projectNameOf(deps.ports(), id) : null,
        ]),
      );
      const [scorecards, projectName] = r.value;
      return { projectId: r.projectId, projectName, window: p.window, scorecards };
    }),
    // The gadget editor's picker: service projects the caller may browse, by name.
    defineResolver(projectResolvers.getGadgetProjects, async () => gadgetProjects(deps.caller())),
    defineResolver(projectResolvers.getSeries, async (p, ctx) => {
      const cards = await value(withProject(ctx, p, (id) => buildScorecards(deps.ports(), id, p.window)));
      const card = cards.find((c) => c.xlaId === p.xlaId);
      if (card === undefined) throw new NotFoundError('No XLA with that id covers this project.');
      return { xlaId: card.xlaId, targetScore: card.targetScore, range: card.range, points: card.daily };
    }),
    defineResolver(projectResolvers.getWatermelon, async (p, ctx) =>
      value(withProject(ctx, p, (id) => watermelonByRequestType(deps.ports(), id, p.window))),
    ),
    defineResolver(projectResolvers.getWatermelonTickets, async (p, ctx) =>
      value(withProject(ctx, p, (id) => watermelonTickets(deps.ports(), id, p.window, p.requestTypeId))),
    ),
    defineResolver(projectResolvers.getAtRiskTickets, async (p, ctx) => ({
      tickets: await value(withProject(ctx, p, (id) => projectAtRisk(deps.ports(), id, p.minRiskScore, p.limit))),
    })),
    defineResolver(projectResolvers.getVerbatims, async (p, ctx) =>
      value(
        withProject(ctx, p, (id) =>
          projectVerbatims(deps.ports(), id, {
            ...p,
            locale: p.locale === undefined ? undefined : negotiateLocale(p.locale),
          }),
        ),
      ),
    ),
    defineResolver(projectResolvers.getResponseStats, async (p, ctx) =>
      value(withProject(ctx, p, (id) => projectResponseStats(deps.ports(), id, p.window))),
    ),
    defineResolver(projectResolvers.exportCsv, async (p, ctx) => {
      const r = await withProject(ctx, p, (id) => buildScorecards(deps.ports(), id, p.window));
      return { filename: `sentio-xla-${r.projectId}-${p.window}.csv`, csv: projectCsv(r.value) };
    }),
  ];
}
