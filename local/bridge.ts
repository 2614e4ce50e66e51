// The host side of `window.__bridge.callBridge` (bridge-client.ts injects the page side): what a
// Custom UI frame may ask, answered as the signed-in persona, never as anyone the page names.
// `getContext`, `invoke` (the module's resolver, rate limited), `fetchProduct` (requestJira from
// the browser, as the user, with the manifest's scopes).
import { z } from 'zod';
import type { LocalHost } from './host.js';
import type { UiModule } from './manifest.js';

const InvokeBody = z.object({ functionKey: z.string().min(1), payload: z.unknown().optional() });
const FetchProductBody = z.object({
  product: z.string(),
  restPath: z.string(),
  fetchRequestInit: z
    .object({
      method: z.string().optional(),
      body: z.string().nullable().optional(),
      headers: z.array(z.tuple([z.string(), z.string()])).optional(),
    })
    .passthrough()
    .optional(),
});

/** The call as the page made it, with who is signed in and where the frame sits. */
export interface BridgeCall {
  readonly module: UiModule;
  readonly accountId: string;
  readonly extension: Record<string, unknown>;
  readonly colorMode: 'light' | 'dark';
  readonly name: string;
  readonly payload: unknown;
}

export interface BridgeAnswer {
  readonly status: number;
  readonly body: { ok: true; value: unknown } | { ok: false; error: { message: string; code?: string } };
}

const fail = (status: number, message: string, code?: string): BridgeAnswer => ({
  status,
  body: { ok: false, error: { message, ...(code ? { code } : {}) } },
});
const ok = (value: unknown): BridgeAnswer => ({ status: 200, body: { ok: true, value } });

async function invoke(host: LocalHost, call: BridgeCall): Promise<BridgeAnswer> {
  const parsed = InvokeBody.safeParse(call.payload);
  if (!parsed.success) return fail(400, 'invoke needs { functionKey, payload }');
  if (!host.allowInvoke(`${call.accountId}`))
    return fail(429, 'Resolver calls are rate limited at 500req/25s', 'RATE_LIMITED');
  try {
    const { functionKey, payload } = parsed.data;
    const r = await host.invoke(call.module.key, functionKey, payload ?? {}, call.accountId, call.extension);
    if (r.ok) return ok(r.value ?? null);
    if (r.timedOut)
      return fail(
        200,
        'There was an error invoking the function - the function timed out (FUNCTION_TIME_OUT)',
        'FUNCTION_TIME_OUT',
      );
    return fail(
      200,
      `There was an error invoking the function - ${r.error?.message ?? 'unknown error'}`,
      'FUNCTION_ERR',
    );
  } catch (e) {
    return fail(403, (e as Error).message);
  }
}

function fetchProduct(host: LocalHost, call: BridgeCall): BridgeAnswer {
  const parsed = FetchProductBody.safeParse(call.payload);
  if (!parsed.success) return fail(400, 'fetchProduct needs { product, restPath, fetchRequestInit }');
  if (parsed.data.product !== 'jira') return fail(400, `The local host only has Jira, not ${parsed.data.product}`);
  const init = parsed.data.fetchRequestInit ?? {};
  const user = { kind: 'user' as const, accountId: call.accountId };
  const r = host.callJira(user, init.method ?? 'GET', parsed.data.restPath, init.body ?? undefined, true);
  return ok({
    status: r.status,
    statusText: r.status < 400 ? 'OK' : 'Error',
    headers: { 'content-type': 'application/json' },
    body: r.body === undefined ? '' : JSON.stringify(r.body),
  });
}

export async function answerBridgeCall(host: LocalHost, call: BridgeCall): Promise<BridgeAnswer> {
  if (call.name === 'getContext')
    return ok({
      ...host.productContext(call.module, call.accountId, call.extension),
      theme: { colorMode: call.colorMode },
    });
  if (call.name === 'invoke') return invoke(host, call);
  if (call.name === 'fetchProduct') return fetchProduct(host, call);
  return fail(400, `Bridge method ${call.name} is not emulated by the local host`);
}
