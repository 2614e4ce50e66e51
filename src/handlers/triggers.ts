/**
 * Product-event trigger, scheduled triggers, the one-click web trigger and the recompute queue
 * consumer: each validates its input with zod, calls one use case, and maps transient failures
 * to a platform retry.
 */
import { z } from 'zod';
import { parseJiraEvent } from '../domain/events';
import { TransientError } from '../app/errors';
import { handleLifecycleEvent, type LifecycleDeps } from '../app/handle-lifecycle-event';
import type { AppPorts } from '../app/ports';
import { runHourlyTick } from '../app/run-hourly-tick';
import { reportPersonalData } from '../app/report-personal-data';
import { runRecomputeChunk } from '../app/recompute-rollups';
import { handleOneClick, type WebRequest, type WebResponse } from '../app/one-click-answer';
import { beforeDeadline, retryLater } from '../platform/forge-services';
import { withCommentVisibility } from '../platform/comment-visibility';
import { describeProblems } from '../domain/validation';

export interface TriggerDeps {
  readonly ports: () => AppPorts;
  readonly lifecycle: () => LifecycleDeps;
}

const DEADLINE_RETRY_SECONDS = 30;

export function issueEventHandler(deps: TriggerDeps) {
  return async (received: unknown): Promise<unknown> => {
    let event: unknown;
    try {
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
      // A Jira or KVS call that never answers must not time the trigger out: timed-out product
      // events are not redelivered. Retrying is safe, every effect is idempotent.
      const redelivery = typeof event === 'object' && event !== null && 'retryContext' in event;
      const outcome = await beforeDeadline(
        handleLifecycleEvent(deps.ports(), deps.lifecycle(), parsed.value, { redelivery }),
      );
      return outcome.done ? outcome.value : retryLater(DEADLINE_RETRY_SECONDS);
    } catch (e) {
      if (e instanceof TransientError) return retryLater(e.retryAfterSeconds);
      throw e;
    }
  };
}

export function hourlyHandler(deps: TriggerDeps) {
  return async (): Promise<unknown> => runHourlyTick(deps.ports());
}

export function weeklyPrivacyHandler(deps: TriggerDeps) {
  return async (): Promise<unknown> => reportPersonalData(deps.ports());
}

const JobBody = z.looseObject({ jobId: z.string().min(1).max(100) });
/** The consumer's payload is the pushed body; an AsyncEvent wrapper is accepted too. */
const QueueEventSchema = z.union([JobBody, z.looseObject({ body: JobBody }).transform((e) => e.body)]);

export function recomputeHandler(deps: TriggerDeps) {
  return async (event: unknown): Promise<unknown> => {
    const parsed = QueueEventSchema.safeParse(event);
    if (!parsed.success) return { ignored: true };
    try {
      return { queuedNext: await runRecomputeChunk(deps.ports(), parsed.data.jobId) };
    } catch (e) {
      if (e instanceof TransientError) return retryLater(e.retryAfterSeconds);
      throw e;
    }
  };
}

const WebRequestSchema = z.looseObject({
  method: z.string(),
  body: z.string().nullable().optional(),
  queryParameters: z.record(z.string(), z.array(z.string())).optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
});

export function oneClickHandler(deps: TriggerDeps) {
  return async (request: unknown): Promise<WebResponse> => {
    const parsed = WebRequestSchema.safeParse(request);
    const web: WebRequest = parsed.success
      ? {
          method: parsed.data.method.toUpperCase(),
          body: parsed.data.body ?? '',
          query: parsed.data.queryParameters ?? {},
        }
      : { method: 'GET', body: '', query: {} };
    return handleOneClick(deps.ports(), web);
  };
}
