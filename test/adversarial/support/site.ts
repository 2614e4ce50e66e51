/**
 * The adversary's site: the local host with the real app, a survey on every new request (and, where
 * a test opts in, one-click links), and the people an attack needs — a requester with a
 * participant, another customer, an agent without access to the IT project, an agent, an admin.
 * Storage is read straight from the host's tables, so "nothing changed" is judged on what is
 * stored, not on what the app says.
 */
import { createHmac } from 'node:crypto';
import { startHost, type HostOptions, type RunningHost } from '../../../local/index';
import type { Envelope } from '../../../src/contracts';

export const T0 = Date.UTC(2026, 0, 5, 9);
export const HOUR = 3_600_000;

export const MODULE = {
  portal: 'sentio-portal-survey',
  agent: 'sentio-issue-panel',
  admin: 'sentio-admin-page',
  project: 'sentio-project-page',
  settings: 'sentio-project-settings',
  gadget: 'sentio-scorecard-gadget',
} as const;
export const ONE_CLICK = 'sentio-one-click-answer';

export interface People {
  readonly admin: string;
  readonly agent: string;
  /** An agent who cannot browse the IT project. */
  readonly restricted: string;
  readonly requester: string;
  readonly participant: string;
  readonly stranger: string;
}

export interface Adversary {
  readonly h: RunningHost;
  readonly people: People;
  close(): Promise<void>;
}

export async function startAdversary(opts: Partial<HostOptions> = {}): Promise<Adversary> {
  const h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    clock: T0,
    delayScale: 0,
    scheduler: false,
    ...opts,
  });
  const people: People = {
    admin: h.users.admins[0] ?? '',
    agent: h.users.agents[0] ?? '',
    restricted: h.users.agents[3] ?? '',
    requester: h.users.customers[0] ?? '',
    participant: h.users.customers[2] ?? '',
    stranger: h.users.customers[1] ?? '',
  };
  h.site.setBrowsePermission('IT', people.restricted, false);
  return { h, people, close: () => h.close() };
}

export async function call<T = unknown>(
  h: RunningHost,
  moduleKey: string,
  name: string,
  payload: unknown,
  as: string,
  extension: Record<string, unknown> = {},
): Promise<Envelope<T>> {
  const res = await h.invoke(moduleKey, name, payload, as, extension);
  if (!res.ok) throw new Error(`${name} threw: ${res.error?.message ?? 'unknown'}`);
  return res.value as Envelope<T>;
}

export function ok<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

/** What a page of the portal, the issue view or a project page passes as the Forge context. */
export function portalContext(h: RunningHost, key: string): Record<string, unknown> {
  const issue = h.site.raw.issue(key);
  const project = issue === undefined ? undefined : h.site.raw.project(issue.projectId);
  return {
    request: { key, typeId: issue?.requestTypeId },
    portal: { id: project?.serviceDeskId },
    project: { id: project?.id, key: project?.key, type: 'service_desk' },
  };
}

export function issueContext(h: RunningHost, key: string): Record<string, unknown> {
  const issue = h.site.raw.issue(key);
  const project = issue === undefined ? undefined : h.site.raw.project(issue.projectId);
  return {
    issue: { key, id: issue?.id, type: 'Service Request' },
    project: { id: project?.id, key: project?.key, type: 'service_desk' },
  };
}

export function projectContext(h: RunningHost, projectKey: string): Record<string, unknown> {
  const p = h.site.raw.project(projectKey);
  return { project: { id: p?.id, key: projectKey, type: 'service_desk' } };
}

/** Every row the app has stored (KVS, entities, secrets), as one comparable text. */
export function storage(h: RunningHost): string {
  return JSON.stringify(
    (h.host.db.prepare('SELECT ns, entity, key, value FROM kvs ORDER BY ns, entity, key').all() as unknown[]).map(
      (r) => r,
    ),
  );
}

/** KVS writes of the latest invocation of a kind (resolver, webtrigger, trigger). */
export function lastWrites(h: RunningHost, kind: 'resolver' | 'webtrigger' | 'trigger'): number {
  return h.metrics.invocations({ kind }).at(-1)?.kvs.writes ?? -1;
}

/** A survey plan for the adversary's site, in the admin's words (defaults filled by the app). */
export function surveyPlan(id: string, waypoint: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: `Plan ${id}`,
    waypoint,
    question: { kind: 'csat5', text: 'How satisfied are you so far?' },
    followUps: {
      reasonChips: {
        negative: [{ id: 'Slow', label: 'Slow' }],
        neutral: [],
        positive: [{ id: 'Quick', label: 'Quick' }],
      },
    },
    fatigue: {
      samplingPercent: 100,
      cooldownHours: 0,
      maxAsksPerTicket: 5,
      noNewAskWhilePending: true,
      expiryHours: 48,
      reminder: { enabled: false, afterHours: 24 },
    },
    ...extra,
  };
}

export async function savePlan(a: Adversary, plan: Record<string, unknown>): Promise<void> {
  ok(await call(a.h, MODULE.admin, 'savePlan', { plan }, a.people.admin));
}

/** The requester's pending ask on a request, as their portal shows it. */
export async function myAsk(a: Adversary, key: string, as = a.people.requester) {
  return ok(
    await call<{
      ask: { askId: string; status: string; answer: { score: number; comment: string | null } | null } | null;
    }>(a.h, MODULE.portal, 'getMyAsk', {}, as, portalContext(a.h, key)),
  ).ask;
}

// --- one-click tokens: the format one-click links carry (v1.<key id>.<claims>.<HMAC-SHA256>) ----

export interface Claims {
  readonly a: string;
  readonly s: number;
  readonly e: number;
  readonly n: string;
  readonly [more: string]: unknown;
}

export function decodeToken(token: string): { kid: string; claims: Claims; sig: string } {
  const [, kid = '', payload = '', sig = ''] = token.split('.');
  return { kid, claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims, sig };
}

export function encodeToken(kid: string, claims: Claims, secret: string): string {
  const signed = `v1.${kid}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** The signing keys as stored in the app's secret storage (what an insider with storage access would see). */
export function storedSigningKeys(h: RunningHost): Array<{ id: string; secret: string }> {
  const rows = h.host.db.prepare("SELECT value FROM kvs WHERE ns = 'secret'").all() as Array<{ value: string }>;
  return rows.flatMap((r) => {
    const v = JSON.parse(r.value) as {
      current?: { id: string; secret: string };
      previous?: { id: string; secret: string } | null;
    };
    return [v.current, v.previous ?? undefined].filter((k): k is { id: string; secret: string } => k !== undefined);
  });
}

/** Every one-click link Sentio sent for a request, wherever it sent it (newest last). */
/** The score a one-click token carries: `v1.<key>.<base64url claims>.<mac>`, claims `{ s }`. */
export function scoreInToken(token: string): number {
  const claims = JSON.parse(Buffer.from(token.split('.')[2] ?? '', 'base64url').toString('utf8')) as { s?: unknown };
  return typeof claims.s === 'number' ? claims.s : Number.NaN;
}

export function sentLinks(h: RunningHost, key: string): Array<{ score: number; token: string; channel: string }> {
  const issue = h.site.raw.issue(key);
  if (issue === undefined) return [];
  const out: Array<{ score: number; token: string; channel: string }> = [];
  for (const c of h.site.raw.comments(issue.id)) {
    // Each link is named in the requester's words ("4, Satisfied: …"); its score is in the token's claims.
    for (const m of JSON.stringify(c.body).matchAll(/https?:\/\/[^\s"\\]+/g)) {
      const token = new URL(m[0]).searchParams.get('t');
      if (token !== null)
        out.push({ score: scoreInToken(token), token, channel: c.public ? 'public comment' : 'internal comment' });
    }
  }
  return out;
}

export async function oneClick(
  h: RunningHost,
  method: string,
  token: string | null,
  extra: { body?: string; query?: Record<string, string[]> } = {},
): Promise<{ statusCode: number; body: string; writes: number }> {
  const res = await h.host.webtrigger(ONE_CLICK, {
    method,
    path: '/',
    headers: { 'content-type': ['application/x-www-form-urlencoded'] },
    query: extra.query ?? (method === 'GET' && token !== null ? { t: [token] } : {}),
    body: extra.body ?? (method === 'POST' && token !== null ? `t=${encodeURIComponent(token)}` : ''),
  });
  return { statusCode: res.statusCode, body: res.body, writes: lastWrites(h, 'webtrigger') };
}
