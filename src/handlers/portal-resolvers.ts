/** The customer portal's resolvers (portal-resolver): the requester's pending ask and their answer. */
import { answerAsk } from '../app/answers/answer-ask';
import { getMyAsk } from '../app/answers/get-my-ask';
import { deliverTicketChange } from '../app/delivery/deliver-ticket-change';
import type { AppPorts } from '../app/ports';
import { requesterLocale } from '../app/surveys/requester-locale';
import { negotiateLocale, type Translator } from '../domain/i18n';
import { portalResolvers } from '../contracts/portal';
import { defineResolver, requireIssue, type DefinedResolver } from './define-resolver';
import { portalAskView } from './presenters/portal-ask-view';
import type { ResolverDeps } from './resolver-deps';

/** The words of the portal page's locale when it sends one, else of the requester's profile language. */
async function wordingIn(
  ports: AppPorts,
  accountId: string,
  hint: string | undefined,
  remember = true,
): Promise<Translator> {
  return ports.messages.forLocale(
    hint !== undefined ? negotiateLocale(hint) : await requesterLocale(ports, accountId, { remember }),
  );
}

export function portalDefinitions(deps: ResolverDeps): DefinedResolver[] {
  return [
    defineResolver(portalResolvers.getMyAsk, async (p, ctx) => {
      const ports = deps.ports();
      const mine = await getMyAsk(ports, deps.caller(), ctx.accountId, requireIssue(ctx));
      if (mine === null) return { ask: null };
      return { ask: portalAskView(mine, await wordingIn(ports, ctx.accountId, p.locale)) };
    }),
    defineResolver(portalResolvers.answerAsk, async (p, ctx) => {
      const ports = deps.ports();
      // The caller's own words are looked up beside the answer, not after it: no round trip more.
      const [{ answered, delivery }, words] = await Promise.all([
        answerAsk(ports, deps.caller(), ctx.accountId, requireIssue(ctx), p.askId, {
          score: p.score,
          reasons: p.reasons,
          comment: p.comment,
          lostTimeChoiceId: p.lostTimeChoiceId,
        }),
        // Not yet known to be the requester: the language is used, not cached (getMyAsk caches it).
        wordingIn(ports, ctx.accountId, p.locale, false),
      ]);
      await deliverTicketChange(ports, delivery);
      return { ask: portalAskView(answered, words) };
    }),
  ];
}
