/**
 * Plays a history on the local host, as the people in it would: changes on the JSM site (which
 * emits the product events real Jira would), requesters in the portal and on one-click links,
 * agents in the issue panel, an admin on the configure page, the hourly job. Events reach the app
 * through the suite's delivery (deliver.ts): each group in its reordering, groups interleaved,
 * `concurrency` at a time, faults on first attempts, and for a crash burst in a child process that
 * is killed part-way. What the app then holds and answers is read back (observe.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prng } from '../../../local/faults';
import { startHost, type RunningHost } from '../../../local/index';
import { adminResolvers, agentResolvers, portalResolvers, type ResolverContract } from '../../../src/contracts';
import type { SurveyPlanInput } from '../../../src/domain/survey-plan';
import type { XlaDefinitionInput } from '../../../src/domain/xla';
import {
  AGENTS,
  CUSTOMERS,
  REQUEST_TYPES,
  SLA_NAMES,
  type Group,
  type History,
  type ModelPlan,
  type ModelScope,
  type ModelXla,
  type Person,
  type Step,
  type TicketAction,
} from '../reference/history';
import { deliverAndKill } from './crash';
import { deliver, EventSwitch, interleave, reorder, type AttemptFault, type Delivery, type JiraEvent } from './deliver';
import { chips } from '../../support/chips';

export const MODULE = {
  portal: 'sentio-portal-survey',
  agent: 'sentio-issue-panel',
  admin: 'sentio-admin-page',
  project: 'sentio-project-page',
} as const;
export const ONE_CLICK = 'sentio-one-click-answer';
const HOURLY = 'sentio-hourly';

export interface RunFigures {
  events: number;
  deliveries: number;
  retries: number;
  /** Deliveries Forge would have given up on. */
  lost: number;
  faultsInjected: number;
  duplicates: number;
  groups: number;
  crashes: number;
  /** Deliveries acknowledged before the kill, and redelivered after the restart. */
  ackedBeforeKill: number;
  redeliveredAfterKill: number;
}

/** Every count at zero: one history's starting figures, and the suite's running total. */
export function emptyFigures(): RunFigures {
  return {
    events: 0,
    deliveries: 0,
    retries: 0,
    lost: 0,
    faultsInjected: 0,
    duplicates: 0,
    groups: 0,
    crashes: 0,
    ackedBeforeKill: 0,
    redeliveredAfterKill: 0,
  };
}

/** What the people of the history saw when they acted (compared with the model step by step). */
export interface PortalSeen {
  readonly step: number;
  readonly ref: string;
  readonly who: string;
  /** Id of the ask the portal showed, or null. */
  readonly shown: string | null;
  /** 'recorded', 'nothing-shown', or the envelope's error code/reason. */
  readonly outcome: string;
  /** The same person tried to answer the requester's ask by its id (must change nothing). */
  readonly foreignAttempt: string | null;
}

export interface OneClickSeen {
  readonly step: number;
  readonly ref: string;
  /** Id of the ask the link answers (from the token), or null. */
  readonly ask: string | null;
  /** 'no-link', 'recorded', 'already-recorded', 'expired', 'refused'. */
  readonly outcome: string;
  /** KVS writes of the GET that showed the confirm page (must be 0). */
  readonly getWrites: number;
  /** The POST sent again: 'already-recorded' and no write is right. */
  readonly replay: string;
}

export interface ManualSeen {
  readonly step: number;
  readonly ref: string;
  readonly planId: string;
  readonly at: number;
  readonly outcome: string;
}

export interface Played {
  readonly h: RunningHost;
  readonly keys: ReadonlyMap<string, string>;
  readonly refs: ReadonlyMap<string, string>;
  readonly portal: readonly PortalSeen[];
  readonly oneClicks: readonly OneClickSeen[];
  readonly manual: readonly ManualSeen[];
  readonly figures: RunFigures;
  readonly ids: Ids;
  /** Frees the host and its data folder. */
  readonly close: () => Promise<void>;
}

export interface Ids {
  readonly person: (p: Person) => string;
  readonly personOf: (accountId: string) => string;
  readonly project: (key: string) => string;
  readonly requestType: (name: string) => string;
  readonly priority: (name: string) => string;
}

function idsOf(h: RunningHost): Ids {
  const customers = h.users.customers.slice(0, CUSTOMERS);
  const agents = h.users.agents.slice(0, AGENTS);
  const priorities = h.host.callJira(
    { kind: 'user', accountId: h.users.admins[0] ?? '' },
    'GET',
    '/rest/api/3/priority/search',
    undefined,
    false,
  ).body as { values: Array<{ id: string; name: string }> };
  const types = new Map<string, string>();
  for (const key of Object.keys(REQUEST_TYPES)) {
    const project = h.site.raw.project(key);
    for (const t of h.site.raw.requestTypes(project?.id)) types.set(t.name, t.id);
  }
  const need = (v: string | undefined, what: string): string => {
    if (v === undefined) throw new Error(`the site has no ${what}`);
    return v;
  };
  return {
    person: (p) => need(p.startsWith('c') ? customers[Number(p.slice(1))] : agents[Number(p.slice(1))], p),
    personOf: (id) => {
      const c = customers.indexOf(id);
      if (c >= 0) return `c${c}`;
      const a = agents.indexOf(id);
      return a >= 0 ? `a${a}` : id;
    },
    project: (key) => need(h.site.raw.project(key)?.id, `project ${key}`),
    requestType: (name) => need(types.get(name), `request type ${name}`),
    priority: (name) => need(priorities.values.find((p) => p.name === name)?.id, `priority ${name}`),
  };
}

function scopeOf(ids: Ids, s: ModelScope) {
  return {
    projectIds: s.projects.map(ids.project),
    requestTypeIds: s.requestTypes.map(ids.requestType),
    priorities: s.priorities.map(ids.priority),
  };
}

/** How a plan delivers one-click links in the app's configuration (DESIGN.md "delivery"). */
export function deliveryOf(oneClick: boolean): SurveyPlanInput['delivery'] {
  return { portal: true, publicComment: oneClick };
}

export function planInput(ids: Ids, p: ModelPlan): SurveyPlanInput {
  const w = p.waypoint;
  const lostTime = p.question.lostTime;
  return {
    id: p.id,
    name: p.name,
    enabled: p.enabled,
    scope: scopeOf(ids, p.scope),
    waypoint:
      w.kind === 'status-changed'
        ? { kind: w.kind, toStatuses: [...w.toStatuses], toCategories: [] }
        : w.kind === 'reassigned'
          ? { kind: w.kind, fromNth: w.fromNth }
          : w.kind === 'idle' || w.kind === 'long-running'
            ? { kind: w.kind, hours: w.hours }
            : { kind: w.kind },
    question: { kind: p.question.kind, text: p.question.text },
    followUps: {
      reasonChips: {
        negative: chips(...p.question.chips.negative),
        neutral: chips(...p.question.chips.neutral),
        positive: chips(...p.question.chips.positive),
      },
      comment: { ...p.question.comment },
      lostTime:
        lostTime === null
          ? {
              enabled: false,
              choices: [
                { id: 'none', label: 'None', minutes: 0 },
                { id: 'some', label: 'Some', minutes: 60 },
              ],
            }
          : { enabled: true, choices: lostTime.map((c) => ({ id: c.id, label: c.id, minutes: c.minutes })) },
    },
    delivery: deliveryOf(p.oneClick),
    fatigue: {
      samplingPercent: p.fatigue.samplingPercent,
      cooldownHours: p.fatigue.cooldownHours,
      maxAsksPerTicket: p.fatigue.maxAsksPerTicket,
      noNewAskWhilePending: p.fatigue.noNewAskWhilePending,
      expiryHours: p.fatigue.expiryHours,
      reminder:
        p.fatigue.reminderAfterHours === null
          ? { enabled: false, afterHours: Math.min(24, p.fatigue.expiryHours) }
          : { enabled: true, afterHours: p.fatigue.reminderAfterHours },
    },
  };
}

export function xlaInput(ids: Ids, x: ModelXla): XlaDefinitionInput {
  return {
    id: x.id,
    name: x.name,
    description: '',
    enabled: true,
    scope: scopeOf(ids, x.scope),
    indicators: x.indicators.map((i) => ({ ...i })),
    targetScore: x.targetScore,
    window: { kind: 'rolling', days: 30 },
    minSample: x.minSample,
    halfLifeDays: x.halfLifeDays,
    smoothing: { kind: 'fixed', strength: x.strength },
    waitThresholdHours: x.waitThresholdHours,
    csatSource: { waypoints: [...x.csatSource.waypoints], midFlightOnly: x.csatSource.midFlightOnly },
    slaNames: [...x.slaNames],
  };
}

export type Envelope =
  { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; reason?: string } };

export async function call(
  h: RunningHost,
  moduleKey: string,
  contract: ResolverContract,
  payload: unknown,
  as: string,
  extension: Record<string, unknown> = {},
): Promise<Envelope> {
  const res = await h.invoke(moduleKey, contract.name, payload, as, extension);
  if (!res.ok) throw new Error(`${contract.name} failed: ${res.error?.message ?? 'unknown'}`);
  return res.value as Envelope;
}

export function portalExtension(h: RunningHost, issueKey: string): Record<string, unknown> {
  const issue = h.site.raw.issue(issueKey);
  if (!issue) throw new Error(`no issue ${issueKey}`);
  const project = h.site.raw.project(issue.projectId);
  return {
    request: { key: issue.key, typeId: issue.requestTypeId },
    portal: { id: project?.serviceDeskId },
    project: { id: project?.id, key: project?.key, type: 'service_desk' },
  };
}

export function issueExtension(h: RunningHost, issueKey: string): Record<string, unknown> {
  const issue = h.site.raw.issue(issueKey);
  if (!issue) throw new Error(`no issue ${issueKey}`);
  const project = h.site.raw.project(issue.projectId);
  return {
    issue: { key: issue.key, id: issue.id, type: 'Service Request' },
    project: { id: project?.id, key: project?.key, type: 'service_desk' },
  };
}

const outcomeOf = (env: Envelope): string => (env.ok ? 'recorded' : (env.error.reason ?? env.error.code));

/** Every one-click link Sentio has sent for a request, newest last, wherever it sent them. */
export function oneClickLinks(h: RunningHost, issueKey: string): Array<{ score: number; token: string }> {
  const issue = h.site.raw.issue(issueKey);
  if (!issue) return [];
  const out: Array<{ score: number; token: string }> = [];
  for (const c of h.site.raw.comments(issue.id)) {
    if (c.author !== h.users.app) continue;
    const text = JSON.stringify(c.body);
    // Each link is named in the requester's words ("4, Satisfied: …"); its score is in the token's claims.
    for (const m of text.matchAll(/https?:\/\/[^\s"\\]+/g)) {
      const token = new URL(m[0]).searchParams.get('t');
      if (token === null) continue;
      const claims = JSON.parse(Buffer.from(token.split('.')[2] ?? '', 'base64url').toString('utf8')) as {
        s?: unknown;
      };
      if (typeof claims.s === 'number') out.push({ score: claims.s, token });
    }
  }
  return out;
}

export async function webtrigger(
  h: RunningHost,
  method: 'GET' | 'POST',
  token: string,
): Promise<{ statusCode: number; body: string; writes: number }> {
  const res = await h.host.webtrigger(ONE_CLICK, {
    method,
    path: '/',
    headers: { 'content-type': ['application/x-www-form-urlencoded'] },
    query: method === 'GET' ? { t: [token] } : {},
    body: method === 'POST' ? `t=${encodeURIComponent(token)}` : '',
  });
  const writes = h.metrics.invocations({ kind: 'webtrigger' }).at(-1)?.kvs.writes ?? -1;
  return { statusCode: res.statusCode, body: res.body, writes };
}

interface Live {
  h: RunningHost;
  sw: EventSwitch;
  ids: Ids;
}

async function open(dataDir: string, clock: number, concurrency: number, sw: EventSwitch) {
  const h = await startHost({
    dataDir,
    seed: 'basic',
    clock,
    delayScale: 0,
    scheduler: false,
    concurrency,
    handlers: { 'issue-event': sw.handler },
  });
  sw.bind(h);
  return h;
}

export async function playHistory(history: History): Promise<Played> {
  const crash = history.steps.some((s) => s.kind === 'burst' && s.crash);
  const dir = crash ? mkdtempSync(join(tmpdir(), 'sentio-model-')) : null;
  const dataDir = dir ?? ':memory:';
  const first = history.steps[0];
  const clock0 = first === undefined ? history.end : 'at' in first ? first.at : first.deliverAt;
  let sw = new EventSwitch();
  const live: Live = {
    h: await open(dataDir, clock0, history.delivery.concurrency, sw),
    sw,
    ids: undefined as unknown as Ids,
  };
  live.ids = idsOf(live.h);
  const r = prng(history.seed ^ 0x5eed);
  const figures = emptyFigures();
  const keys = new Map<string, string>();
  const refs = new Map<string, string>();
  const comments = new Map<string, { id: string; author: string }>();
  const portal: PortalSeen[] = [];
  const oneClicks: OneClickSeen[] = [];
  const manual: ManualSeen[] = [];
  const admin = (): string => live.h.users.admins[0] ?? '';
  /** A configuration change the history makes: the admin saves it, and a refusal stops the run. */
  const saveAsAdmin = async (contract: ResolverContract, payload: unknown): Promise<void> => {
    const env = await call(live.h, MODULE.admin, contract, payload, admin());
    if (!env.ok) throw new Error(`${contract.name} refused: ${JSON.stringify(env.error)}`);
  };

  // The configuration, replaced wholesale by an import (the default XLA goes).
  live.h.site.setTime(clock0);
  const imported = await call(
    live.h,
    MODULE.admin,
    adminResolvers.importConfig,
    {
      config: {
        format: 'sentio-config',
        version: 1,
        xlas: history.xlas.map((x) => xlaInput(live.ids, x)),
        plans: history.plans.map((p) => planInput(live.ids, p)),
      },
      mode: 'replace',
    },
    admin(),
  );
  if (!imported.ok) throw new Error(`the configuration was refused: ${JSON.stringify(imported.error)}`);
  await live.h.waitForIdle();

  let lastSeq = live.h.events(1).at(-1)?.seq ?? 0;
  const newEvents = (): JiraEvent[] => {
    const fresh = live.h.events(200).filter((e) => e.seq > lastSeq);
    lastSeq = fresh.at(-1)?.seq ?? lastSeq;
    return fresh.filter((e) => !e.selfGenerated).map((e) => e.payload);
  };

  const perform = (a: TicketAction): void => {
    const site = live.h.site;
    site.setTime(a.at);
    const key = (ref: string): string => {
      const k = keys.get(ref);
      if (k === undefined) throw new Error(`ticket ${ref} was not raised`);
      return k;
    };
    switch (a.kind) {
      case 'create': {
        const issue = site.createTicket({
          projectKey: a.ticket.project,
          requestType: a.ticket.requestType,
          summary: `Model ${a.ticket.ref}`,
          reporter: live.ids.person(a.ticket.reporter),
          priority: a.ticket.priority,
        });
        keys.set(a.ticket.ref, issue.key);
        refs.set(issue.key, a.ticket.ref);
        site.setSla(issue.key, SLA_NAMES.firstResponse, { goalMinutes: a.ticket.firstResponseGoalMin });
        site.setSla(issue.key, SLA_NAMES.resolution, { goalMinutes: a.ticket.resolutionGoalMin });
        return;
      }
      case 'comment': {
        const author = live.ids.person(a.author);
        const c = site.comment(key(a.ref), a.text, { author, public: a.public });
        comments.set(a.comment, { id: c.id, author });
        return;
      }
      case 'edit': {
        const c = comments.get(a.comment);
        if (c === undefined) throw new Error(`edit of unknown comment ${a.comment}`);
        site.editComment(key(a.ref), c.id, a.text, c.author);
        return;
      }
      case 'status':
        site.transition(key(a.ref), a.to, live.ids.person(a.actor));
        return;
      case 'assign':
        site.assign(key(a.ref), live.ids.person(a.to), live.ids.person(a.actor));
        return;
      case 'participant':
        site.addParticipant(key(a.ref), live.ids.person(a.who));
        return;
    }
  };

  /** One attempt's fault, dealt from the history's profile (never to the last attempt Forge allows). */
  const faultsFor = (): AttemptFault[] => {
    const p = history.delivery;
    if (p.faults === 'none') return [];
    const out: AttemptFault[] = [];
    for (let attempt = 0; attempt < 3 && r() < p.faultRate; attempt++) {
      const target = p.faults === 'jira' ? 'jira' : p.faults === 'kvs' ? 'kvs' : r() < 0.5 ? 'kvs' : 'jira';
      const kind = p.faults === 'timeouts' ? 'timeout' : (([429, 500, 503] as const)[Math.floor(r() * 3)] ?? 500);
      out.push({
        target: p.faults === 'timeouts' && r() < 0.5 ? 'jira' : target,
        kind,
        failAt: 1 + Math.floor(r() * 5),
      });
    }
    return out;
  };

  const burst = async (step: Extract<Step, { kind: 'burst' }>): Promise<void> => {
    const byGroup = new Map<Group, { events: JiraEvent[]; trigger: Set<number> }>();
    for (const g of step.groups) byGroup.set(g, { events: [], trigger: new Set() });
    const ordered = step.groups
      .flatMap((g) => g.actions.map((a, i) => ({ g, a, trigger: g.trigger === i })))
      .sort((x, y) => x.a.at - y.a.at);
    for (const { g, a, trigger } of ordered) {
      perform(a);
      const slot = byGroup.get(g);
      if (slot === undefined) continue;
      for (const e of newEvents()) {
        if (trigger) slot.trigger.add(slot.events.length);
        slot.events.push(e);
      }
    }
    await live.h.waitForIdle();
    const sequences = step.groups.map((g) => {
      const { events, trigger } = byGroup.get(g) ?? { events: [], trigger: new Set<number>() };
      figures.events += events.length;
      return reorder(events, trigger, g.reordering, r);
    });
    figures.groups += step.groups.length;
    const plan: Delivery[] = interleave(sequences, r).map((event) => ({ event, faults: faultsFor() }));
    figures.duplicates += plan.length - sequences.reduce((n, s) => n + new Set(s).size, 0);
    live.h.site.setTime(step.deliverAt);
    if (step.crash && dir !== null) {
      await crashAndRestart(step.deliverAt, plan);
      return;
    }
    const before = live.sw.faultsInjected;
    const jitter = (): number => (r() < 0.3 ? Math.floor(r() * 4) : 0);
    const result = await deliver(live.h, live.sw, plan, history.delivery.concurrency, undefined, jitter);
    figures.deliveries += result.deliveries;
    figures.retries += result.retries;
    figures.lost += result.lost;
    figures.faultsInjected += live.sw.faultsInjected - before;
  };

  /** Delivers the burst in a child process, kills it part-way, restarts here and delivers what was not acknowledged. */
  const crashAndRestart = async (clock: number, plan: readonly Delivery[]): Promise<void> => {
    if (dir === null) throw new Error('a crash needs a data folder');
    await live.h.close();
    // Killed once a third to two thirds of the deliveries have returned: others are in flight.
    const killAfter = Math.max(1, Math.floor(plan.length * (1 / 3 + r() / 3)));
    const acked = await deliverAndKill(
      dir,
      clock,
      history.delivery.concurrency,
      plan.map((d) => d.event),
      killAfter,
    );
    figures.crashes += 1;
    figures.ackedBeforeKill += acked.size;
    sw = new EventSwitch();
    live.sw = sw;
    live.h = await open(dataDir, clock, history.delivery.concurrency, sw);
    live.ids = idsOf(live.h);
    lastSeq = live.h.events(1).at(-1)?.seq ?? lastSeq;
    // Forge delivers at least once: whatever was not acknowledged comes again, and some acknowledged ones too.
    const again = plan.filter((_, i) => !acked.has(i) || r() < 0.2).map((d) => ({ event: d.event, faults: [] }));
    figures.redeliveredAfterKill += again.length;
    const result = await deliver(live.h, live.sw, again, history.delivery.concurrency);
    figures.deliveries += result.deliveries + acked.size;
    figures.retries += result.retries;
    figures.lost += result.lost;
  };

  const requesterOfRef = (ref: string): Person => {
    for (const s of history.steps)
      if (s.kind === 'burst')
        for (const g of s.groups)
          for (const a of g.actions) if (a.kind === 'create' && a.ticket.ref === ref) return a.ticket.reporter;
    throw new Error(`no ticket ${ref}`);
  };

  for (const [index, step] of history.steps.entries()) {
    switch (step.kind) {
      case 'burst':
        await burst(step);
        break;
      case 'portal-answer': {
        live.h.site.setTime(step.at);
        const key = keys.get(step.ref) ?? '';
        const ext = portalExtension(live.h, key);
        const who = live.ids.person(step.who);
        const seen = await call(live.h, MODULE.portal, portalResolvers.getMyAsk, {}, who, ext);
        const view = seen.ok ? (seen.data as { ask: { askId: string } | null }).ask : null;
        let outcome = seen.ok ? 'nothing-shown' : `view:${seen.error.code}`;
        if (view !== null) {
          const answered = await call(
            live.h,
            MODULE.portal,
            portalResolvers.answerAsk,
            { askId: view.askId, ...step.answer, reasons: [...step.answer.reasons] },
            who,
            ext,
          );
          outcome = outcomeOf(answered);
        }
        // Someone other than the requester also tries the requester's live ask by its id.
        let foreignAttempt: string | null = null;
        const requester = live.ids.person(requesterOfRef(step.ref));
        if (who !== requester) {
          const theirs = await call(live.h, MODULE.portal, portalResolvers.getMyAsk, {}, requester, ext);
          const target = theirs.ok ? (theirs.data as { ask: { askId: string } | null }).ask : null;
          if (target !== null)
            foreignAttempt = outcomeOf(
              await call(live.h, MODULE.portal, portalResolvers.answerAsk, { askId: target.askId, score: 1 }, who, ext),
            );
        }
        portal.push({
          step: index,
          ref: step.ref,
          who: step.who,
          shown: view?.askId ?? null,
          outcome,
          foreignAttempt,
        });
        break;
      }
      case 'one-click': {
        live.h.site.setTime(step.at);
        const key = keys.get(step.ref) ?? '';
        const links = oneClickLinks(live.h, key).filter((l) => l.score === step.score);
        const link = links.at(-1);
        if (link === undefined) {
          oneClicks.push({ step: index, ref: step.ref, ask: null, outcome: 'no-link', getWrites: 0, replay: 'none' });
          break;
        }
        const claims = JSON.parse(Buffer.from(link.token.split('.')[2] ?? '', 'base64url').toString('utf8')) as {
          a: string;
        };
        const shown = await webtrigger(live.h, 'GET', link.token);
        const posted = await webtrigger(live.h, 'POST', link.token);
        const replay = await webtrigger(live.h, 'POST', link.token);
        const outcome =
          posted.statusCode === 200 && /Thank you/.test(posted.body)
            ? 'recorded'
            : posted.statusCode === 410
              ? 'expired'
              : posted.statusCode === 200 && /Already recorded/.test(posted.body)
                ? 'already-recorded'
                : `refused:${posted.statusCode}`;
        oneClicks.push({
          step: index,
          ref: step.ref,
          ask: claims.a,
          outcome: outcome.startsWith('refused') ? 'refused' : outcome,
          getWrites: shown.writes,
          replay:
            replay.writes === 0 && (replay.statusCode !== 200 || /Already recorded/.test(replay.body))
              ? 'unchanged'
              : `changed:${replay.statusCode}`,
        });
        break;
      }
      case 'manual': {
        live.h.site.setTime(step.at);
        const key = keys.get(step.ref) ?? '';
        const env = await call(
          live.h,
          MODULE.agent,
          agentResolvers.askNow,
          { planId: step.planId },
          live.ids.person(step.agent),
          issueExtension(live.h, key),
        );
        const data = env.ok ? (env.data as { outcome: string; reason?: string }) : null;
        manual.push({
          step: index,
          ref: step.ref,
          planId: step.planId,
          at: step.at,
          outcome: env.ok
            ? data?.outcome === 'asked'
              ? 'asked'
              : (data?.reason ?? 'refused')
            : `error:${env.error.code}`,
        });
        break;
      }
      case 'tick': {
        live.h.site.setTime(step.at);
        const res = await live.h.tick(HOURLY);
        if (!res.ok) throw new Error(`the hourly job failed: ${res.error?.message ?? ''}`);
        await live.h.waitForIdle();
        break;
      }
      case 'save-plan': {
        live.h.site.setTime(step.at);
        await saveAsAdmin(adminResolvers.savePlan, { plan: planInput(live.ids, step.plan) });
        break;
      }
      case 'save-xla': {
        live.h.site.setTime(step.at);
        await saveAsAdmin(adminResolvers.saveXla, { xla: xlaInput(live.ids, step.xla) });
        await live.h.waitForIdle();
        break;
      }
    }
  }
  live.h.site.setTime(history.end);
  return {
    get h() {
      return live.h;
    },
    keys,
    refs,
    portal,
    oneClicks,
    manual,
    figures,
    get ids() {
      return live.ids;
    },
    close: async () => {
      await live.h.close();
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
    },
  };
}
