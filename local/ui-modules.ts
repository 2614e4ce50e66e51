// UI modules as the bridge reaches them: the product context a Custom UI frame sees
// (`view.getContext()`), its resolver called as the signed-in person (`invoke`), unlicensed
// access per module, and the bridge's rate limit. Identity comes from here, never from a payload.
import type { AppManifest, UiModule } from './manifest.js';
import type { AppIdentity, InvokeResult, Invoker } from './platform.js';
import { hostNow } from './runtime.js';
import type { JiraSite } from './site/site.js';

export class UiModules {
  /** Invocation rate for the bridge: 500 invoke calls per 25 s per session. */
  private readonly invokeWindows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly manifest: AppManifest,
    private readonly site: JiraSite,
    private readonly invoker: Invoker,
    private readonly identity: AppIdentity,
    private readonly installContext: () => { installContext: string },
    private readonly baseUrl: () => string,
  ) {}

  module(moduleKey: string): UiModule | undefined {
    return this.manifest.uiModules.find((m) => m.key === moduleKey);
  }

  /** Checks the bridge's rate limit (500 invoke calls per 25 s) for one session. */
  allowInvoke(sessionKey: string): boolean {
    const now = hostNow();
    const w = this.invokeWindows.get(sessionKey);
    if (!w || now - w.start > 25_000) {
      this.invokeWindows.set(sessionKey, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= 500;
  }

  /**
   * Calls a UI module's resolver as `accountId`, the way the bridge's `invoke` reaches it; customers
   * only on modules that open themselves to them (`unlicensedAccess: [customer]`).
   */
  async invoke(
    moduleKey: string,
    functionKey: string,
    payload: unknown,
    accountId: string,
    extension: Record<string, unknown> = {},
  ): Promise<InvokeResult> {
    const m = this.module(moduleKey);
    if (!m?.resolver) throw new Error(`module '${moduleKey}' has no resolver in manifest.yml`);
    const user = this.site.user(accountId);
    if (!user || !user.active) throw new Error(`unknown or inactive account '${accountId}'`);
    if (user.role === 'customer' && !(m.unlicensedAccess ?? []).includes('customer')) {
      throw new Error(`module '${moduleKey}' does not allow unlicensed (customer) access`);
    }
    const context = this.productContext(m, accountId, extension);
    return this.invoker.invoke({
      kind: 'resolver',
      functionKey: m.resolver.function,
      moduleKey,
      cause: functionKey,
      principalAccountId: accountId,
      args: [
        { call: { functionKey, payload }, context },
        {
          principal: { accountId },
          installContext: this.installContext().installContext,
          license: { isActive: true },
          installation: { ari: `ari:cloud:ecosystem::installation/${this.identity.installationId}` },
        },
      ],
    });
  }

  /** The context a Custom UI module sees (`view.getContext()`), and that its resolver receives. */
  productContext(m: UiModule, accountId: string, extension: Record<string, unknown>): Record<string, unknown> {
    const user = this.site.user(accountId);
    const { cloudId, appId, environmentId, appVersion } = this.identity;
    return {
      accountId,
      accountType: user?.role === 'customer' ? 'customer' : 'licensed',
      cloudId,
      siteUrl: this.baseUrl(),
      localId: `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${m.key}`,
      moduleKey: m.key,
      environmentId,
      environmentType: 'DEVELOPMENT',
      appVersion,
      // The user's own language, as Forge gives it (a Forge locale code; Jira's profile says de_DE).
      locale: (user?.locale ?? 'en_US').replace('_', '-'),
      timezone: user?.timeZone ?? 'UTC',
      theme: { colorMode: 'light' },
      license: { isActive: true },
      extension: { type: m.type, ...extension },
    };
  }
}
