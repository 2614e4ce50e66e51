/**
 * The latency model the other benchmarks run under (`local/latency.ts`, profile `forge`): its
 * figures, what each rests on, and which are assumptions. Nothing is measured here.
 */
import { LATENCY_PROFILES, type CallKind } from '../../local/latency';
import { table, type BenchResult } from './lib';

const NAMES: Record<CallKind, string> = {
  'kvs-read': 'KVS read (get, query page, batch get; entities too)',
  'kvs-write': 'KVS write (set, delete, batch set/delete, transaction)',
  'product-rest': 'Product REST call (`requestJira`, asApp or asUser)',
  'queue-push': 'Queue push (`Queue.push`, up to 50 events)',
  invoke: 'Bridge `invoke` from a Custom UI frame (on top of the function)',
  platform: 'Other platform calls (web trigger URLs, personal-data reporting)',
};

export function latencyModelSection(): BenchResult {
  const forge = LATENCY_PROFILES.forge;
  const rows = (Object.keys(NAMES) as CallKind[]).map((kind) => {
    const f = forge.perCall[kind];
    return [NAMES[kind], `${f.ms} ms`, f.assumption ? 'assumption' : 'documented', f.basis];
  });
  rows.push([
    'Transfer, per started 10 KB beyond the first (KVS)',
    `${forge.per10Kb.ms} ms`,
    forge.per10Kb.assumption ? 'assumption' : 'documented',
    forge.per10Kb.basis,
  ]);
  return {
    title: 'Latency model (`--latency forge`)',
    summary: [],
    detail: [
      'On the local host every platform call is an in-process SQLite read or a call into the emulated Jira site; on Forge each is a network round trip. With the model on, the host adds a delay to each call, half before it answers and half after, so calls the app sends together (`Promise.all`) overlap and calls it sends one after the other add up. Every figure below is per call; none is published by Atlassian as a latency, so each says what it rests on (paths are pages of the Forge documentation snapshot, `mirror/<page>/index.md`). Cold starts and trigger delivery delay (up to 3 minutes, `manifest-reference/modules/trigger`) are not modelled: they do not depend on the app\u2019s design. `view.getContext()` is answered by the parent page on Forge, so it gets no delay; resource files (HTML, JS) neither.',
      '',
      table(['call', 'delay', '', 'what the figure rests on'], rows),
      '',
      'Round trips on the critical path: the host records when each call of an invocation was sent and answered (one shared order counter), and the longest chain of calls each sent after the previous one was answered is the count (`criticalPath` in `local/latency.ts`). Wall times "under the model" are measured with the delays really waited out, except where a table says "estimated": there the run is too long to wait out (the 100k recompute), and an invocation\u2019s time is its measured time without delays plus the modelled delay of its critical path — the cost-per-event section checks that estimate against waiting on the same events in the same run.',
    ].join('\n'),
  };
}
