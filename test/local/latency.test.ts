/**
 * The latency model's critical path: the longest chain of calls each sent after the previous one
 * was answered. Oracle: chains worked out by hand from the order of sends and answers below.
 */
import { describe, expect, it } from 'vitest';
import { callKind, criticalPath, delayFor, LATENCY_PROFILES, type CallSpan } from '../../local/latency';

const span = (sent: number, answered: number, modelledMs = 10): CallSpan => ({
  kind: 'kvs-read',
  sent,
  answered,
  modelledMs,
});

describe('criticalPath', () => {
  it('counts calls one after the other', () => {
    // a: 1–2, b: 3–4, c: 5–6 → a → b → c.
    expect(criticalPath([span(1, 2), span(3, 4), span(5, 6)])).toEqual({ roundTrips: 3, modelledMs: 30 });
  });

  it('counts calls sent together once', () => {
    // Promise.all of three (sent 1, 2, 3; answered 4, 5, 6), then one more (sent 7).
    expect(criticalPath([span(1, 4), span(2, 5), span(3, 6), span(7, 8)]).roundTrips).toBe(2);
  });

  it('takes the slowest branch for the modelled delay', () => {
    // Two parallel branches: a KVS read (50) then a write (75), beside one Jira call (150).
    const spans = [span(1, 3, 50), span(4, 6, 75), span(2, 7, 150)];
    // Chains: read → write = 125 (2 trips); Jira alone = 150 (1 trip).
    expect(criticalPath(spans)).toEqual({ roundTrips: 2, modelledMs: 150 });
  });

  it('is nothing for an invocation without platform calls', () => {
    expect(criticalPath([])).toEqual({ roundTrips: 0, modelledMs: 0 });
  });
});

describe('the forge profile', () => {
  it('classifies calls by their target and path', () => {
    expect(callKind({ type: 'kvs' }, '/api/v1/entity/query')).toBe('kvs-read');
    expect(callKind({ type: 'kvs' }, '/api/v1/transaction')).toBe('kvs-write');
    expect(callKind({ type: 'fpp', remote: 'jira' }, '/rest/api/3/myself')).toBe('product-rest');
    expect(callKind({ type: 'fpp', remote: 'stargate' }, '/webhook/queue/publish/a/b/c/d')).toBe('queue-push');
  });

  it('adds the transfer time per started 10 KB beyond the first', () => {
    const forge = LATENCY_PROFILES.forge;
    const read = forge.perCall['kvs-read'].ms;
    expect(delayFor(forge, 'kvs-read', 10_240)).toBe(read);
    expect(delayFor(forge, 'kvs-read', 10_241)).toBe(read + forge.per10Kb.ms);
    expect(delayFor(forge, 'kvs-read', 100 * 1024)).toBe(read + 9 * forge.per10Kb.ms);
    expect(delayFor(forge, 'product-rest', 100 * 1024)).toBe(forge.perCall['product-rest'].ms);
    expect(delayFor(LATENCY_PROFILES.none, 'kvs-write', 100 * 1024)).toBe(0);
  });
});
