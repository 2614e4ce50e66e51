/**
 * The product-event trigger: validates the Jira event with zod, applies it, delivers what the
 * commit owes Jira, and maps transient failures to a platform retry.
 */
import { deliverTicketChange } from '../app/delivery/deliver-ticket-change';
import { TransientError } from '../app/errors';
import { handleIssueEvent } from '../app/lifecycle/handle-issue-event';
import { parseJiraEvent } from '../domain/events';
import { describeProblems } from '../domain/validation';
import { withCommentVisibility } from '../platform/comment-visibility';
import { beforeDeadline, retryLater } from '../platform/forge-services';
import type { TriggerDeps } from './trigger-deps';

const DEADLINE_RETRY_SECONDS = 30;

export function issueEventHandler(deps: TriggerDeps) {
  return async (received: unknown): Promise<unknown> => {
    let event: unknown;
    try {
      // `comment.jsdPublic` is undocumented: filled in from JSM when Jira leaves it out.
      event = await withCommentVisibility(received);
    } catch (e) {
      if (e instanceof TransientError) return retryLater(e.retryAfterSeconds);
      throw e;
    }
    const parsed = parseJiraEvent(event);
    if (!parsed.ok) {
      // Not an event we understand: retrying would not help.
      console.warn('ignored issue event', describeProblems(parsed.problems));
      return { ignored: true };
    }
    try {
      // Give up shortly before the deadline and ask for a retry ourselves: how often the platform
      // retries a timed-out event is undocumented. Retrying is safe, every effect is idempotent.
      const redelivery = typeof event === 'object' && event !== null && 'retryContext' in event;
      const ports = deps.ports();
      const work = handleIssueEvent(ports, deps.lifecycle(), parsed.value, { redelivery }).then(async (handled) => {
        await deliverTicketChange(ports, handled.delivery);
        return handled.result;
      });
      const outcome = await beforeDeadline(work);
      return outcome.done ? outcome.value : retryLater(DEADLINE_RETRY_SECONDS);
    } catch (e) {
      if (e instanceof TransientError) return retryLater(e.retryAfterSeconds);
      throw e;
    }
  };
}
