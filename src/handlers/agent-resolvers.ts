/** The issue view's resolvers (agent-resolver): the experience panel, "ask for feedback now", "follow-up done". */
import { deliverTicketChange } from '../app/delivery/deliver-ticket-change';
import { getTicketExperience } from '../app/experience/get-ticket-experience';
import { markFollowUpDone } from '../app/experience/mark-follow-up-done';
import { askNow } from '../app/surveys/ask-now';
import { agentResolvers } from '../contracts/agent';
import { DEFAULT_LOCALE } from '../domain/i18n';
import { defineResolver, requireIssue, type DefinedResolver } from './define-resolver';
import { askSummary, ticketExperienceView } from './presenters/ticket-experience-view';
import type { ResolverDeps } from './resolver-deps';

export function agentDefinitions(deps: ResolverDeps): DefinedResolver[] {
  return [
    defineResolver(agentResolvers.getTicketExperience, async (_p, ctx) => {
      const ports = deps.ports();
      // The message files are part of the deployed function: no round trip beside the reads.
      const [read, english] = await Promise.all([
        getTicketExperience(ports, deps.caller(), ctx.accountId, requireIssue(ctx)),
        ports.messages.forLocale(DEFAULT_LOCALE),
      ]);
      return ticketExperienceView(read, english);
    }),
    defineResolver(agentResolvers.askNow, async (p, ctx) => {
      const ports = deps.ports();
      const result = await askNow(ports, deps.caller(), ctx.accountId, requireIssue(ctx), p.planId);
      if (result.outcome === 'refused')
        return {
          outcome: 'refused' as const,
          reason: result.reason,
          message: result.message,
          ...(result.facts !== undefined ? { facts: result.facts } : {}),
        };
      await deliverTicketChange(ports, result.delivery);
      // A new ask was put on a resolved request exactly when it is not mid-flight.
      const english = await ports.messages.forLocale(DEFAULT_LOCALE);
      return {
        outcome: 'asked' as const,
        ask: askSummary(result.ask, result.planName, !result.ask.midFlight, english),
      };
    }),
    defineResolver(agentResolvers.markFollowUpDone, async (_p, ctx) => {
      const ports = deps.ports();
      const { followUp, delivery } = await markFollowUpDone(ports, deps.caller(), ctx.accountId, requireIssue(ctx));
      await deliverTicketChange(ports, delivery);
      return { followUp };
    }),
  ];
}
