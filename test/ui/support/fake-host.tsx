import { render, screen } from '@testing-library/react';
import type { ResolverContract, ResponseOf } from '@contracts/resolver';
import type { ErrorBody } from '@contracts/envelope';
import { createClient } from '../../../static/src/api/client';
import { App } from '../../../static/src/app/app';
import { startView } from '../../../static/src/app/routes';
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
  answer<C extends ResolverContract>(
    contract: C,
    data: ResponseOf<C> | ((payload: Record<string, unknown>) => ResponseOf<C>),
  ): this {
    this.handlers.set(contract.name, (payload) => ({
      ok: true,
      data: typeof data === 'function' ? (data as (p: Record<string, unknown>) => unknown)(payload) : data,
    }));
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

/**
 * Renders the app as the browser entry starts it: the view's first calls are started as soon as the
 * module is known (`startView`), before the view's chunk is in, and the app renders with that client.
 * `callsBeforeRender` says how many calls the prefetch made.
 */
export async function renderStarted(host: FakeHost) {
  const client = createClient(host);
  await startView(host.context, client);
  const callsBeforeRender = host.calls.map((c) => c.name).sort();
  return { ...render(<App host={host} context={host.context} client={client} />), callsBeforeRender };
}

/** Finds `text` inside a message (a `Notice`), so a test checks the message, not a stray copy of its words. */
export async function findInNotice(text: string | RegExp): Promise<HTMLElement> {
  const found = await screen.findByText(text);
  if (found.closest('[data-notice]') === null) throw new Error(`${String(text)} is not inside a message`);
  return found;
}
