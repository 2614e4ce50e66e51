// On Forge every storage and product call is a request: the unmodified `@forge/kvs` and `@forge/api`
// clients send each one through the runtime's fetch (`__forge_fetch__`), and invocations do not share
// an event loop. The local host answers those calls in-process, so it must still hand control back
// to the event loop on each call: otherwise one invocation making calls in a loop starves the timers
// of every other (their back-off sleeps and their time limits), and they time out, which no real
// deployment would do. (The Forge docs say nothing about scheduling; this is the host's fidelity.)
import { kvs } from '@forge/kvs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';

let h: RunningHost;
const finished: string[] = [];

beforeAll(async () => {
  h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    delayScale: 0,
    scheduler: false,
    handlers: {
      'issue-event': async (event: unknown) => {
        const mode = (event as { mode?: string }).mode;
        if (mode === 'sleeper') {
          await new Promise((resolve) => setTimeout(resolve, 5));
          await kvs.get('isolation-key');
        } else {
          for (let i = 0; i < 3000; i++) await kvs.get('isolation-key');
        }
        finished.push(String(mode));
        return {};
      },
    },
  });
});
afterAll(async () => {
  await h.close();
});

describe('invocations side by side', () => {
  it('wakes an invocation sleeping on a short timer while another makes thousands of storage calls', async () => {
    const trigger = h.host.manifest.triggers[0];
    if (trigger === undefined) throw new Error('manifest.yml has no trigger');
    const invoke = (mode: string) =>
      h.host.invoker.invoke({
        kind: 'trigger',
        functionKey: trigger.function,
        moduleKey: trigger.key,
        cause: 'isolation',
        args: [{ mode }, h.host.installContext()],
      });
    const [busy, sleeper] = await Promise.all([invoke('busy'), invoke('sleeper')]);
    expect(busy.ok && sleeper.ok).toBe(true);
    // The oracle is order, not time: the sleeper needs one 5 ms timer and one call, the busy one
    // 3000 calls, so the sleeper ends first unless the host starves timers.
    expect(finished).toEqual(['sleeper', 'busy']);
  });
});
