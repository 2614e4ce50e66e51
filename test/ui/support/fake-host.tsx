import { render, waitFor } from '@testing-library/react';
import type { ResolverContract, ResponseOf } from '../../../src/contracts/resolver';
import type { ErrorBody } from '../../../src/contracts/envelope';
import { App } from '../../../static/src/app/app';
import type { Host, HostFlag, ModuleKey, NavigationTarget, ViewContext } from '../../../static/src/host/host';

type Answer = { ok: true; data: unknown } | { ok: false; error: ErrorBody } | Promise<never>;
type Handler = (payload: Record<string, unknown>) => Answer | Promise<Answer>;

/** A stand-in for the Forge bridge: answers resolver calls by contract name and records them. */
export class FakeHost implements Host {
  readonly calls: Array<{ name: string; payload: Record<string, unknown> }> = [];
  readonly navigations: NavigationTarget[] = [];
  readonly submitted: Array<Record<string, unknown>> = [];
  readonly flags: HostFlag[] = [];
  private readonly handlers = new Map<string, Handler>();

  constructor(readonly context: ViewContext) {}

  /** Answers `contract` with data that must match its response schema (checked by the client). */
  answer<C extends ResolverContract>(contract: C, data: ResponseOf<C> | ((payload: Record<string, unknown>) => ResponseOf<C>)): this {
    this.handlers.set(contract.name, (payload) => ({ ok: true, data: typeof data === 'function' ? (data as (p: Record<string, unknown>) => unknown)(payload) : data }));
    return this;
  }

  fail(contract: ResolverContract, error: ErrorBody): this {
    this.handlers.set(contract.name, () => ({ ok: false, error }));
    return this;
  }

  /** A call that never settles: the view stays in its loading state. */
  hang(contract: ResolverContract): this {
    this.handlers.set(contract.name, () => new Promise<never>(() => undefined));
    return this;
  }

  callsTo(contract: ResolverContract) {
    return this.calls.filter((c) => c.name === contract.name).map((c) => c.payload);
  }

  async invoke(name: string, payload: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ name, payload });
    const handler = this.handlers.get(name);
    if (handler === undefined) throw new Error(`no fake answer for ${name}`);
    return handler(payload);
  }

  async getContext(): Promise<ViewContext> {
    return this.context;
  }

  async navigate(target: NavigationTarget): Promise<void> {
    this.navigations.push(target);
  }

  async submitGadgetConfig(config: Record<string, unknown>): Promise<void> {
    this.submitted.push(config);
  }

  showFlag(flag: HostFlag): void {
    this.flags.push(flag);
  }
}

export function hostFor(moduleKey: ModuleKey, extension: ViewContext['extension'] = {}): FakeHost {
  return new FakeHost({ moduleKey, extension });
}

/** Renders the whole app as Forge would for `host`'s module: routing and lazy loading included. */
export function renderApp(host: FakeHost) {
  return render(<App host={host} context={host.context} />);
}

/** Waits until lazily loaded section messages have replaced their plain stand-ins. */
export async function noticesSettled(): Promise<void> {
  await waitFor(() => {
    if (document.querySelector('[data-notice="plain"]') !== null) throw new Error('a notice is still loading');
  });
}
