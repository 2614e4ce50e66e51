// Invocations: loading the app's handlers named in manifest.yml, running each call inside its own
// invocation context with the platform's time limit, and counting what it cost.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { AppManifest, FunctionDefinition } from './manifest.js';
import { emptyMetrics, type InvocationKind, type InvocationMetrics, type MetricsLog } from './metrics.js';
import {
  type ForgeRuntime,
  hostNow,
  type InvocationStore,
  invocationStorage,
  noopMetrics,
  type PlatformHandler,
} from './runtime.js';

export type Handler = (...args: unknown[]) => unknown;

/** The platform's default limits, in seconds. https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/ */
export const TIME_LIMITS = {
  resolver: 25,
  trigger: 25,
  scheduled: 25,
  webtrigger: 55,
  consumer: 25,
  direct: 25,
} as const;

export class FunctionTimeoutError extends Error {
  readonly code = 'FUNCTION_TIME_OUT';
  constructor(fnKey: string, seconds: number) {
    super(`Function '${fnKey}' timed out after ${seconds} s (FUNCTION_TIME_OUT).`);
  }
}

export class HandlerMissingError extends Error {
  readonly code = 'FUNCTION_NOT_FOUND';
}

export interface AppIdentity {
  appId: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
  appVersion: string;
  /** The folder holding the deployed `__LOCALES__/` bundle (local/i18n.ts), if the manifest has translations. */
  appCodeDir?: string;
}

/** Loads handlers lazily, once: `index.onIssueEvent` → export `onIssueEvent` of `src/index.ts`. */
export class HandlerRegistry {
  private modules = new Map<string, Promise<Record<string, unknown>>>();

  constructor(
    private readonly rootDir: string,
    private readonly overrides: Record<string, Handler> = {},
    private readonly srcDir = 'src',
  ) {}

  private load(path: string, file: string): Promise<Record<string, unknown>> {
    return loadApp(path, this.rootDir, file);
  }

  async resolve(fn: FunctionDefinition): Promise<Handler> {
    const override = this.overrides[fn.key] ?? this.overrides[fn.handler];
    if (override) return override;
    const [file, exportName] = fn.handler.split('.') as [string, string];
    let mod = this.modules.get(file);
    if (!mod) {
      const candidates = ['.ts', '.tsx', '.js'].map((ext) => join(this.rootDir, this.srcDir, `${file}${ext}`));
      const path = candidates.find((p) => existsSync(p));
      mod = path
        ? this.load(path, file)
        : Promise.reject(new HandlerMissingError(`${this.srcDir}/${file}.ts does not exist`));
      this.modules.set(file, mod);
    }
    let loaded: Record<string, unknown>;
    try {
      loaded = await mod;
    } catch (e) {
      this.modules.delete(file);
      throw e instanceof HandlerMissingError
        ? e
        : new HandlerMissingError(`Cannot load ${this.srcDir}/${file}: ${(e as Error).message}`);
    }
    const handler = loaded[exportName];
    if (typeof handler !== 'function')
      throw new HandlerMissingError(
        `${this.srcDir}/${file} does not export a function '${exportName}' (manifest function '${fn.key}')`,
      );
    return handler as Handler;
  }
}

/**
 * Loads the app the way Forge runs it: bundled, with a bundler's CommonJS interop, so
 * `import Resolver from '@forge/resolver'` gets the class (Node's own ESM loader would hand over the
 * whole `module.exports`). Under vitest the module runner already applies that interop, so tests
 * import the source directly and keep coverage.
 */
async function loadApp(entry: string, rootDir: string, name: string): Promise<Record<string, unknown>> {
  if (process.env.VITEST) return (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const outDir = join(rootDir, '.local-data', 'build');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    sourcemap: 'inline',
    packages: 'external',
    plugins: [cjsDefaultInterop(rootDir)],
    logLevel: 'warning',
  });
  try {
    return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
  } finally {
    // Loaded modules stay in memory (with their inline source map); the file is not needed again.
    rmSync(outfile, { force: true });
  }
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
);

/** Bare imports of CommonJS packages compiled from ESM (`__esModule`) get `exports.default` as default. */
function cjsDefaultInterop(rootDir: string): Plugin {
  const req = createRequire(join(rootDir, 'package.json'));
  return {
    name: 'cjs-default-interop',
    setup(b) {
      b.onResolve({ filter: /^[@a-z]/ }, (args) => {
        if (args.namespace === 'cjs-interop' || args.kind !== 'import-statement') return undefined;
        let mod: unknown;
        try {
          mod = req(args.path);
        } catch {
          return undefined;
        }
        const m = mod as Record<string, unknown> | undefined;
        if (!m || m.__esModule !== true || !('default' in m)) return undefined;
        return { path: args.path, namespace: 'cjs-interop' };
      });
      b.onLoad({ filter: /.*/, namespace: 'cjs-interop' }, (args) => {
        const names = Object.keys(req(args.path) as object).filter(
          (k) => k !== 'default' && k !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(k) && !RESERVED.has(k),
        );
        const contents = [
          "import { createRequire } from 'node:module';",
          `const m = createRequire(${JSON.stringify(join(rootDir, 'package.json'))})(${JSON.stringify(args.path)});`,
          'export default m.default;',
          ...names.map((n) => `export const ${n} = m[${JSON.stringify(n)}];`),
        ].join('\n');
        return { contents, loader: 'js' };
      });
    },
  };
}

export interface InvokeSpec {
  kind: InvocationKind;
  functionKey: string;
  moduleKey: string;
  cause: string;
  principalAccountId?: string | undefined;
  args: unknown[];
  /** Overrides the kind's default limit (consumers and scheduled triggers take `timeoutSeconds`). */
  timeoutSeconds?: number | undefined;
}

export interface InvokeResult {
  ok: boolean;
  value?: unknown;
  error?: Error;
  timedOut: boolean;
  metrics: InvocationMetrics;
}

export class Invoker {
  constructor(
    private readonly manifest: AppManifest,
    private readonly registry: HandlerRegistry,
    private readonly identity: AppIdentity,
    private readonly host: PlatformHandler,
    private readonly log: MetricsLog,
    /** Scales every time limit (tests use a small value to exercise timeouts quickly). */
    private readonly timeLimitScale = 1,
    /** What `Date.now()` answers inside an invocation; undefined → the system clock. */
    private readonly appNow: () => number | undefined = () => undefined,
  ) {}

  runtimeFor(invocationId: string, moduleKey: string, deadline: number): ForgeRuntime {
    return {
      appContext: {
        appId: this.identity.appId,
        appVersion: this.identity.appVersion,
        environmentId: this.identity.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId,
        installationId: this.identity.installationId,
        moduleKey,
        license: { isActive: true },
        installation: { ari: `ari:cloud:ecosystem::installation/${this.identity.installationId}`, contexts: [] },
        permissions: { scopes: this.manifest.scopes, external: {} },
      },
      lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, deadline - hostNow()) },
      metrics: noopMetrics(),
      contextAri: `ari:cloud:jira::site/${this.identity.cloudId}`,
      proxy: { token: 'local-host-token', url: 'http://local-host.invalid' },
      tracing: {
        traceId: randomUUID().replace(/-/g, '').slice(0, 16),
        spanId: randomUUID().replace(/-/g, '').slice(0, 16),
      },
      externalAuth: [],
      container: { appCodeDir: this.identity.appCodeDir },
    };
  }

  newStore(
    kind: InvocationKind,
    functionKey: string,
    moduleKey: string,
    cause: string,
    principal: string | undefined,
    limitSeconds: number,
  ): InvocationStore {
    const invocationId = randomUUID();
    const deadline = hostNow() + limitSeconds * 1000;
    return {
      host: this.host,
      runtime: this.runtimeFor(invocationId, moduleKey, deadline),
      metrics: emptyMetrics(invocationId, kind, functionKey, moduleKey, cause, hostNow()),
      principalAccountId: principal,
      deadline,
      expired: false,
      // The direct store (code outside any invocation) keeps the system clock.
      clock: kind === 'direct' && cause === 'direct' ? undefined : this.appNow,
    };
  }

  async invoke(spec: InvokeSpec): Promise<InvokeResult> {
    const fn = this.manifest.functions.get(spec.functionKey);
    if (!fn) throw new Error(`manifest.yml has no function '${spec.functionKey}'`);
    const limit = (spec.timeoutSeconds ?? TIME_LIMITS[spec.kind]) * this.timeLimitScale;
    const store = this.newStore(
      spec.kind,
      spec.functionKey,
      spec.moduleKey,
      spec.cause,
      spec.principalAccountId,
      limit,
    );
    this.log.add(store.metrics);
    const started = hostNow();
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = await this.registry.resolve(fn);
      const run = invocationStorage.run(store, () => Promise.resolve().then(() => handler(...spec.args)));
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          store.expired = true;
          reject(new FunctionTimeoutError(spec.functionKey, limit));
        }, limit * 1000);
        timer.unref();
      });
      const value = await Promise.race([run, timeout]);
      store.metrics.outcome = isRetryRequest(value) ? 'retry' : 'ok';
      return { ok: true, value, timedOut: false, metrics: store.metrics };
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const timedOut = e instanceof FunctionTimeoutError;
      store.metrics.outcome = timedOut ? 'timeout' : 'error';
      store.metrics.error = error.message;
      return { ok: false, error, timedOut, metrics: store.metrics };
    } finally {
      if (timer) clearTimeout(timer);
      store.metrics.durationMs = hostNow() - started;
    }
  }
}

/** `InvocationError` from `@forge/events` serialises to `{ _retry: true, retryOptions }`. */
export function isRetryRequest(
  v: unknown,
): v is { _retry: true; retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } } {
  return typeof v === 'object' && v !== null && (v as { _retry?: unknown })._retry === true;
}
