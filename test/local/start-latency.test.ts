/**
 * `npm start -- --latency forge` turns the host's latency model on; without the flag it is off.
 * Oracle: the delay the host records on every platform call of an invocation (its metering,
 * `InvocationMetrics.calls`) against the figures of the profile (local/latency.ts, as documented
 * in BENCHMARKS.md "Latency model"): each call carries at least its kind's delay with the flag,
 * none without it. No wall-clock is read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../local/index';
import { LATENCY_PROFILES } from '../../local/latency';
import { startOptions } from '../../local/start-options';

describe('npm start --latency', () => {
  let running: RunningHost | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  /** The host `npm start` would run with `args`, in memory and without the demo, and one admin call on it. */
  async function adminCallWith(args: string[]) {
    const { host } = startOptions(args);
    running = await startHost({ ...host, dataDir: ':memory:', seed: 'basic', scheduler: false, port: 0 });
    const admin = running.users.admins[0] ?? '';
    const r = await running.invoke('sentio-admin-page', 'getConfig', {}, admin);
    expect(r.ok).toBe(true);
    return r.metrics.calls;
  }

  it('delays every platform call by its kind’s figure with --latency forge', async () => {
    expect(startOptions(['--latency', 'forge']).host.latency).toBe('forge');
    const calls = await adminCallWith(['--reset', '--latency', 'forge']);
    // The admin check asks Jira; the configuration is read from storage.
    expect(new Set(calls.map((c) => c.kind))).toEqual(new Set(['product-rest', 'kvs-read']));
    for (const c of calls) expect(c.modelledMs).toBeGreaterThanOrEqual(LATENCY_PROFILES.forge.perCall[c.kind].ms);
    expect(LATENCY_PROFILES.forge.perCall['kvs-read'].ms).toBeGreaterThan(0);
  });

  it('adds nothing without the flag (the model is off by default)', async () => {
    expect(startOptions([]).host.latency).toBeUndefined();
    const calls = await adminCallWith(['--reset']);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.modelledMs !== 0)).toEqual([]);
  });

  it('refuses a profile it does not know, or none given, before anything starts', () => {
    expect(() => startOptions(['--latency', 'fast'])).toThrow("unknown latency profile 'fast' (have: none, forge)");
    expect(() => startOptions(['--latency'])).toThrow('--latency needs a profile: none or forge');
  });
});
