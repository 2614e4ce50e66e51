/** The customer portal's resolvers (portal-resolver): the requester's pending ask and their answer. */
import { answerAsk } from '../app/answers/answer-ask';
import { getMyAsk } from '../app/answers/get-my-ask';
import { deliverTicketChange } from '../app/delivery/deliver-ticket-change';
import { portalResolvers } from '../contracts/portal';
import { defineResolver, requireIssue, type DefinedResolver } from './define-resolver';
import { portalAskView } from './presenters/portal-ask-view';
import type { ResolverDeps } from './resolver-deps';

export function portalDefinitions(deps: ResolverDeps): DefinedResolver[] {
  return [
    defineResolver(portalResolvers.getMyAsk, async (_p, ctx) => {
      const mine = await getMyAsk(deps.ports(), deps.caller(), ctx.accountId, requireIssue(ctx));
      return { ask: mine === null ? null : portalAskView(mine) };
    }),
    defineResolver(portalResolvers.answerAsk, async (p, ctx) => {
      const ports = deps.ports();
      const { answered, delivery } = await answerAsk(ports, deps.caller(), ctx.accountId, requireIssue(ctx), p.askId, {
        score: p.score,
        reasons: p.reasons,
        comment: p.comment,
        lostTimeChoiceId: p.lostTimeChoiceId,
      });
      await deliverTicketChange(ports, delivery);
      return { ask: portalAskView(answered) };
    }),
  ];
}
