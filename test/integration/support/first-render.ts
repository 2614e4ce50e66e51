/**
 * A view's first calls, as the UI makes them: the view's prefetch module (static/src/views/*,
 * listed in static/src/app/view-chunks.ts) run with the context the host gives the module, each
 * call's payload parsed by its contract as the UI's client does (defaults filled in), all sent at
 * once to the host. Used by the round-trip test and the resolver benchmark.
 */
import type { InvokeResult } from '../../../local/platform';
import type { RunningHost } from '../../../local/index';
import { adminResolvers, agentResolvers, portalResolvers, projectResolvers } from '../../../src/contracts';

/** Every resolver contract by name: a call started by name is parsed as the UI's client parses it. */
const CONTRACTS = new Map<string, { readonly payload: { parse(p: unknown): unknown } }>(
  Object.values({ ...adminResolvers, ...agentResolvers, ...portalResolvers, ...projectResolvers }).map((c) => [
    c.name,
    c,
  ]),
);

// Loaded by path: the UI compiles under its own tsconfig (DOM, aliases), which vitest and tsx resolve at run time.
const VIEW_CHUNKS_MODULE = '../../../static/src/app/view-chunks';

/** What a prefetch uses of the UI's client (static/src/api/client.ts): `prefetch(contract, payload)`. */
interface PrefetchClient {
  prefetch(
    contract: { readonly name: string; readonly payload: { parse(p: unknown): unknown } },
    payload: unknown,
  ): void;
}
/** A view's first calls: a prefetch module to load (`data`), or the prefetch itself, which starts calls by name. */
type ViewChunks = Record<
  string,
  {
    data?(): Promise<{ prefetch(client: PrefetchClient, context: unknown): void }>;
    prefetch?(start: (name: string, payload: unknown) => void, context: unknown): void;
  }
>;

export async function viewChunks(): Promise<ViewChunks> {
  return ((await import(/* @vite-ignore */ VIEW_CHUNKS_MODULE)) as { VIEW_CHUNKS: ViewChunks }).VIEW_CHUNKS;
}

export interface FirstCall {
  readonly view: string;
  readonly resolver: string;
  /** The invocation answered and its envelope says ok. */
  readonly ok: boolean;
  readonly metrics: InvokeResult['metrics'];
  /** From the call to its answer, as the view waits (information: wall-clock). */
  readonly ms: number;
}

/** One view of the site as the host embeds it: module, who opens it, the extension context. */
export type ViewOpening = readonly [moduleKey: string, as: string, extension: Record<string, unknown>];

/** Every view the UI has, opened as the host's pages open them (local/pages.ts). */
export function siteViews(h: RunningHost): ViewOpening[] {
  const admin = h.users.admins[0] ?? '';
  const agent = h.users.agents[0] ?? '';
  const customer = h.users.customers[0] ?? '';
  const it = h.site.raw.project('IT');
  const project = { id: it?.id, key: it?.key, type: 'service_desk' };
  const issue = h.site.raw.issues({ reporter: customer })[0];
  return [
    ['sentio-portal-survey', customer, { request: { key: issue?.key, typeId: issue?.requestTypeId }, project }],
    ['sentio-issue-panel', agent, { issue: { id: issue?.id, key: issue?.key }, project }],
    ['sentio-project-page', agent, { project }],
    ['sentio-scorecard-gadget', agent, { gadgetConfiguration: { projectId: it?.id, window: '30d' } }],
    ['sentio-admin-page', admin, {}],
    ['sentio-project-settings', admin, { project }],
  ];
}

/** Opens one view: its prefetch's calls, all at once; resolves when every one was answered. */
export async function openView(h: RunningHost, views: ViewChunks, [moduleKey, as, extension]: ViewOpening) {
  const m = h.host.uiModule(moduleKey);
  const chunk = views[moduleKey];
  if (m === undefined || chunk === undefined) throw new Error(`no module or view ${moduleKey}`);
  const pending: Array<Promise<FirstCall>> = [];
  const client: PrefetchClient = {
    prefetch: (contract, payload) => {
      const sent = performance.now();
      const run = h.invoke(moduleKey, contract.name, contract.payload.parse(payload), as, extension);
      pending.push(
        run.then((r) => ({
          ms: performance.now() - sent,
          view: moduleKey,
          resolver: contract.name,
          ok: r.ok && (r.value as { ok?: unknown }).ok === true,
          metrics: r.metrics,
        })),
      );
    },
  };
  const context = h.host.productContext(m, as, extension);
  if (chunk.prefetch !== undefined)
    chunk.prefetch((name, payload) => {
      const contract = CONTRACTS.get(name);
      if (contract === undefined) throw new Error(`no resolver contract named ${name}`);
      client.prefetch({ name, payload: contract.payload }, payload);
    }, context);
  else if (chunk.data !== undefined) (await chunk.data()).prefetch(client, context);
  return Promise.all(pending);
}
