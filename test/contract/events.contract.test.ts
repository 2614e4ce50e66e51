// The unmodified @forge/events client against the local host: push, consumer delivery through the
// manifest's consumer module, InvocationError retries, retry limits, job stats and push limits.
import { InvocationError, InvocationErrorCode, Queue, TooManyEventsError } from '@forge/events';
import Resolver from '@forge/resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';

interface Received {
  payload: Record<string, unknown>;
  context: Record<string, unknown>;
}

const received: Received[] = [];
let behaviour: (r: Received) => unknown = () => undefined;

// A fixture consumer wired exactly as manifest.yml says: consumer → resolver function + method.
const resolver = new Resolver();
resolver.define('recompute', ({ payload, context }) => {
  const r = { payload: payload as Record<string, unknown>, context: context as Record<string, unknown> };
  received.push(r);
  return behaviour(r) as Record<string, unknown> | undefined;
});

let h: RunningHost;
const queue = new Queue({ key: 'sentio-recompute' });

beforeAll(async () => {
  h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    delayScale: 0,
    handlers: { 'recompute-job': resolver.getDefinitions() as never },
  });
});
afterAll(async () => {
  await h.close();
});

describe('@forge/events against the host', () => {
  it('delivers a pushed event body to the consumer with its job id', async () => {
    received.length = 0;
    behaviour = () => undefined;
    const { jobId } = await queue.push({ body: { xlaId: 'xla-1', chunk: 0 } });
    await h.waitForIdle();
    expect(received).toHaveLength(1);
    expect(received[0]?.payload).toEqual({ xlaId: 'xla-1', chunk: 0 });
    expect(received[0]?.context.jobId).toBe(jobId);
    expect(await queue.getJob(jobId).getStats()).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  it('retries when the consumer returns InvocationError, with retryContext, up to 4 times', async () => {
    received.length = 0;
    behaviour = (r) =>
      new InvocationError({
        retryAfter: 30,
        retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
        retryData: { attempt: received.indexOf(r) },
      });
    const { jobId } = await queue.push({ body: { xlaId: 'xla-2' } });
    await h.waitForIdle();
    expect(received).toHaveLength(5);
    expect(
      received.map((r) => (r.context.retryContext as { retryCount?: number } | undefined)?.retryCount ?? 0),
    ).toEqual([0, 1, 2, 3, 4]);
    expect(received[2]?.context.retryContext).toMatchObject({
      retryReason: 'FUNCTION_RETRY_REQUEST',
      retryData: { attempt: 1 },
    });
    expect(await queue.getJob(jobId).getStats()).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('redelivers after a thrown error (at least once), then succeeds', async () => {
    received.length = 0;
    let calls = 0;
    behaviour = () => {
      calls += 1;
      if (calls === 1) throw new Error('transient');
      return undefined;
    };
    await queue.push([{ body: { n: 1 } }]);
    await h.waitForIdle();
    expect(received.map((r) => r.payload.n)).toEqual([1, 1]);
  });

  it('enforces the 50-events-per-push limit in the client', async () => {
    await expect(queue.push(Array.from({ length: 51 }, (_, i) => ({ body: { i } })))).rejects.toBeInstanceOf(
      TooManyEventsError,
    );
  });

  it('counts queue pushes per invocation', async () => {
    behaviour = () => undefined;
    const { metrics } = await h.host.runAs({}, async () => queue.push([{ body: { a: 1 } }, { body: { a: 2 } }]));
    await h.waitForIdle();
    expect(metrics.queuePushes).toBe(2);
  });
});
