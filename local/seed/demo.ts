// The demo seed. It first configures the app through its own admin resolvers (as the admin), then
// drives 90 simulated days of ticket life through the site, so the app's trigger receives every
// event and builds its own storage, and requesters answer the app's asks through its portal
// resolvers (as the customer). Nothing writes the app's data directly. A seeded PRNG makes the run
// deterministic (the same tickets, comments, timings and answers every time, relative to the day it starts).
import { getConfig, getRecomputeStatus, savePlan, saveXla } from '../../src/contracts/admin.js';
import { getMyAsk, answerAsk, type PortalAskView } from '../../src/contracts/portal.js';
import {
  getAtRiskTickets,
  getResponseStats,
  getScorecards,
  getVerbatims,
  getWatermelon,
} from '../../src/contracts/project.js';
import type { ResolverContract } from '../../src/contracts/resolver.js';
import { SCALES, scoreBand, type ScoreBand } from '../../src/domain/question.js';
import { SCORE_BANDS, type SurveyPlanInput } from '../../src/domain/survey-plan.js';
import type { XlaDefinitionInput } from '../../src/domain/xla.js';
import { withBulkWrites } from '../db.js';
import { prng } from '../faults.js';
import type { LocalHost } from '../host.js';
import { hostNow } from '../runtime.js';
import { SLA_NAMES } from '../site/sla.js';
import { HOUR, HR_ONLY_AGENT, PEOPLE, seedBasicSite } from './site.js';
import { type Action, VERBATIMS, planDemo, type Mood, type Kind } from './journeys.js';

/**
 * Requesters of the demo site who read Jira in another language (Jira profile form): `npm start`
 * shows their portal surveys in German, Japanese, French and Spanish. The basic site (tests) keeps
 * everyone in English.
 */
const CUSTOMER_LOCALES: Readonly<Record<string, string>> = {
  'Hannah Schmidt': 'de_DE',
  'Nora Fischer': 'de_DE',
  'Yuki Tanaka': 'ja_JP',
  'Mia Laurent': 'fr_FR',
  'Pablo Ortega': 'es_ES',
};

export interface DemoReport {
  tickets: number;
  actions: number;
  events: number;
  /** Survey answers given through the portal resolvers. */
  answers: number;
  /** Pending asks the requesters looked at and left unanswered (they expire through the hourly tick). */
  ignored: number;
  /** Visits to the portal that found no open ask (a fatigue rule held it back, or it was answered or expired). */
  noAsk: number;
  ms: number;
  invocations: number;
  failedDeliveries: number;
  /** What the app itself reports afterwards (its own resolvers), per project. */
  summary?: DemoSummary[];
}

export interface DemoSummary {
  project: string;
  /** `getResponseStats` over 90 days. */
  asks: { sent: number; answered: number; expired: number; responseRate: number | null };
  /** `getScorecards` over 30 days. */
  scorecards: Array<{ xla: string; score: number | null; status: string; csat: number | null; sla: number | null }>;
  /** Request types the watermelon view flags (SLA met, experience poor), 30 days. */
  watermelons: string[];
  atRisk: number;
  verbatims: number;
}

/** The XLA beside the default: how looked-after requesters feel while the ticket is still open. */
const MID_FLIGHT_XLA: XlaDefinitionInput = {
  id: 'looked-after',
  name: 'Requesters feel looked after while they wait',
  description: 'Mid-flight answers and tone while the request is open, with waits and chasers as the operations side.',
  indicators: [
    { id: 'csat', weight: 0.6, floor: 0.5, target: 0.9, prior: 0.8 },
    { id: 'sentiment', weight: 0.4, floor: 0.6, target: 0.9, prior: 0.85 },
    { id: 'wait', weight: 0.5, floor: 0.5, target: 0.9, prior: 0.85 },
    { id: 'chaser', weight: 0.5, floor: 0.7, target: 0.95, prior: 0.9 },
  ],
  targetScore: 75,
  csatSource: { waypoints: [], midFlightOnly: true },
};

/** One reason chip of the demo: its id and its words in English, German and Japanese. */
type DemoChip = readonly [id: string, en: string, de: string, ja: string];

/** A plan's chips per band, with the German and Japanese wording keyed by chip id. */
function demoChips(bands: Readonly<Record<ScoreBand, readonly DemoChip[]>>) {
  const all = SCORE_BANDS.flatMap((b) => bands[b]);
  const wording = (at: 2 | 3) => Object.fromEntries(all.map((c) => [c[0], c[at]]));
  return {
    reasonChips: {
      negative: bands.negative.map(([id, label]) => ({ id, label })),
      neutral: bands.neutral.map(([id, label]) => ({ id, label })),
      positive: bands.positive.map(([id, label]) => ({ id, label })),
    },
    'de-DE': wording(2),
    'ja-JP': wording(3),
  };
}

const WAITING_CHIPS = demoChips({
  negative: [
    ['slow-replies', 'Slow replies', 'Langsame Antworten', '返信が遅い'],
    ['asked-twice', 'Asked for the same thing twice', 'Zweimal dasselbe gefragt', '同じことを二度聞かれた'],
    ['unclear-next-steps', 'Unclear next steps', 'Unklare nächste Schritte', '次の手順がわからない'],
  ],
  neutral: [['fine-so-far', 'Fine so far', 'Bisher in Ordnung', '今のところ問題ない']],
  positive: [
    ['quick-replies', 'Quick replies', 'Schnelle Antworten', '返信が早い'],
    ['clear-updates', 'Clear updates', 'Klare Updates', '状況がよくわかる'],
    ['friendly', 'Friendly', 'Freundlich', '親切'],
  ],
});

const PASSED_CHIPS = demoChips({
  negative: [
    ['passed-around', 'Passed around', 'Weitergereicht', 'たらい回し'],
    ['repeated-myself', 'Had to repeat myself', 'Musste mich wiederholen', '同じ説明を繰り返した'],
    ['nobody-owns-it', 'Nobody owns it', 'Niemand zuständig', '担当者がいない'],
  ],
  neutral: [],
  positive: [['good-handover', 'Good handover', 'Gute Übergabe', '引き継ぎが良い']],
});

const RESOLUTION_CHIPS = demoChips({
  negative: [
    ['took-too-long', 'Took too long', 'Hat zu lange gedauert', '時間がかかりすぎた'],
    ['not-fixed', 'Not fixed', 'Nicht behoben', '解決していない'],
    ['closed-without-asking', 'Closed without asking me', 'Ohne Rückfrage geschlossen', '確認なしで閉じられた'],
    ['poor-communication', 'Poor communication', 'Schlechte Kommunikation', '連絡が不十分'],
  ],
  neutral: [['ok-in-the-end', 'OK in the end', 'Am Ende in Ordnung', '最終的には問題ない']],
  positive: [
    ['fast', 'Fast', 'Schnell', '早い'],
    ['fixed-first-time', 'Fixed first time', 'Beim ersten Mal behoben', '一度で解決'],
    ['kept-me-informed', 'Kept me informed', 'Gut informiert', '状況を知らせてくれた'],
    ['friendly', 'Friendly', 'Freundlich', '親切'],
  ],
});

/** The survey plans an admin would save: mid-flight, after ping-pong, and at resolution. */
export const DEMO_PLANS: SurveyPlanInput[] = [
  {
    id: 'waiting-for-you',
    name: 'Mid-flight: when we wait for the requester',
    waypoint: { kind: 'status-changed', toStatuses: ['Waiting for customer'] },
    question: { kind: 'emoji5', text: 'How is this request going so far?' },
    followUps: {
      reasonChips: WAITING_CHIPS.reasonChips,
      comment: { enabled: true, maxLength: 500 },
    },
    translations: {
      'de-DE': {
        text: 'Wie läuft Ihre Anfrage bisher?',
        reasonChips: WAITING_CHIPS['de-DE'],
      },
      'ja-JP': {
        text: 'これまでのリクエストの対応はいかがですか？',
        reasonChips: WAITING_CHIPS['ja-JP'],
      },
      'fr-FR': { text: 'Comment se passe votre demande jusqu’ici ?' },
    },
    fatigue: {
      samplingPercent: 100,
      cooldownHours: 24,
      maxAsksPerTicket: 2,
      noNewAskWhilePending: true,
      expiryHours: 48,
      reminder: { enabled: true, afterHours: 24 },
    },
  },
  {
    id: 'passed-around',
    name: 'Ping-pong check from the second reassignment',
    waypoint: { kind: 'reassigned', fromNth: 2 },
    question: { kind: 'thumbs', text: 'Are we getting you to the right person?' },
    followUps: {
      reasonChips: PASSED_CHIPS.reasonChips,
      comment: { enabled: true, maxLength: 500 },
    },
    translations: {
      'de-DE': {
        text: 'Sind Sie bei der richtigen Person gelandet?',
        reasonChips: PASSED_CHIPS['de-DE'],
      },
      'ja-JP': {
        text: '適切な担当者につながっていますか？',
        reasonChips: PASSED_CHIPS['ja-JP'],
      },
    },
    fatigue: {
      samplingPercent: 100,
      cooldownHours: 12,
      maxAsksPerTicket: 3,
      noNewAskWhilePending: true,
      expiryHours: 24,
      reminder: { enabled: false, afterHours: 12 },
    },
  },
  {
    id: 'at-resolution',
    name: 'Satisfaction at resolution, with time lost',
    waypoint: { kind: 'resolved' },
    question: { kind: 'csat5', text: 'How satisfied are you with how we handled this request?' },
    followUps: {
      reasonChips: RESOLUTION_CHIPS.reasonChips,
      comment: { enabled: true, maxLength: 1000 },
      lostTime: {
        enabled: true,
        choices: [
          { id: 'none', label: 'No time lost', minutes: 0 },
          { id: 'under-1h', label: 'Less than an hour', minutes: 30 },
          { id: '1-4h', label: '1–4 hours', minutes: 150 },
          { id: '4-8h', label: 'Half a day or more', minutes: 360 },
          { id: 'over-1d', label: 'More than a day', minutes: 960 },
        ],
      },
    },
    translations: {
      'de-DE': {
        text: 'Wie zufrieden sind Sie mit der Bearbeitung Ihrer Anfrage?',
        reasonChips: RESOLUTION_CHIPS['de-DE'],
      },
      'ja-JP': {
        text: 'このリクエストへの対応にどの程度満足していますか？',
        reasonChips: RESOLUTION_CHIPS['ja-JP'],
      },
      'es-ES': { text: '¿Qué tan satisfecho está con la gestión de su solicitud?' },
      'pt-BR': { text: 'Quão satisfeito você está com o atendimento da sua solicitação?' },
    },
    fatigue: {
      samplingPercent: 100,
      cooldownHours: 8,
      maxAsksPerTicket: 3,
      noNewAskWhilePending: true,
      expiryHours: 72,
      reminder: { enabled: true, afterHours: 24 },
    },
  },
];

/** Calls a resolver as a person and returns its envelope's data; a refusal or failure stops the seed. */
async function call<C extends ResolverContract>(
  host: LocalHost,
  moduleKey: string,
  contract: C,
  payload: unknown,
  as: string,
  extension: Record<string, unknown> = {},
): Promise<ReturnType<C['response']['parse']>> {
  const res = await host.invoke(moduleKey, contract.name, payload, as, extension);
  if (!res.ok) throw res.error ?? new Error(`${contract.name} failed`);
  const env = res.value as { ok?: boolean; data?: unknown; error?: { code: string; message: string } };
  if (env.ok !== true)
    throw new Error(`${contract.name} refused: ${env.error?.code ?? '?'} ${env.error?.message ?? JSON.stringify(env)}`);
  return contract.response.parse(env.data) as ReturnType<C['response']['parse']>;
}

function moduleOfType(host: LocalHost, type: string): string {
  const m = host.manifest.uiModules.find((u) => u.type === type);
  if (!m) throw new Error(`manifest.yml has no ${type} module`);
  return m.key;
}

/** The admin configures the app on the admin page: keeps the default XLA, adds one, saves the plans. */
async function configureApp(host: LocalHost): Promise<void> {
  const admin = PEOPLE.admins[0]?.id ?? '';
  const page = moduleOfType(host, 'jira:adminPage');
  const config = await call(host, page, getConfig, {}, admin);
  let version = config.version;
  // Saving anything ends the implicit default, so the default XLA is saved as it stands first.
  for (const xla of [...config.xlas, MID_FLIGHT_XLA])
    version = (await call(host, page, saveXla, { xla, expectedVersion: version }, admin)).config.version;
  for (const plan of DEMO_PLANS)
    version = (await call(host, page, savePlan, { plan, expectedVersion: version }, admin)).config.version;
  await host.waitForIdle();
  await call(host, page, getRecomputeStatus, {}, admin);
}

/**
 * Drives the demo: the admin configures the app, then every ticket's journey is replayed in time
 * order with the site clock set to each action's time, delivering events to the app as Jira would.
 * Handlers see the simulated time through `Date.now()` (runtime.ts `installAppClock`), so asks are
 * created, reminded and expired (by the hourly trigger) in simulated time too.
 */
interface Replay {
  readonly keys: Map<number, string>;
  answers: number;
  ignored: number;
  noAsk: number;
}

/** One action on the site, as the person it names (the app hears of it through its triggers). */
async function applyAction(host: LocalHost, a: Action, replay: Replay): Promise<void> {
  if (a.kind === 'create') {
    const issue = host.site.createTicket({
      projectKey: a.project,
      requestType: a.type,
      summary: a.summary,
      reporter: a.reporter,
      priority: a.priority,
    });
    replay.keys.set(a.ref, issue.key);
    if (a.priority === 'High') host.site.setSla(issue.key, SLA_NAMES.firstResponse, { goalMinutes: 30 });
    return;
  }
  const key = replay.keys.get(a.ref);
  if (!key) return;
  if (a.kind === 'assign') host.site.assign(key, a.who, { accountId: a.actor });
  else if (a.kind === 'comment') host.site.comment(key, { body: a.text, public: a.public }, { accountId: a.who });
  else if (a.kind === 'status') host.site.transition(key, a.status, { accountId: a.actor });
  else {
    const outcome = await answerInPortal(host, key, a);
    if (outcome === 'answered') replay.answers += 1;
    else if (outcome === 'ignored') replay.ignored += 1;
    else replay.noAsk += 1;
  }
}

/**
 * Replays the actions in time order with the site clock at each one. Time-based waypoints,
 * reminders and expiry: the hourly trigger runs as simulated time passes (every 6 simulated hours,
 * to keep seeding fast), and up to now at the end, so asks already past their expiry are expired.
 */
async function replayDemo(host: LocalHost, start: number, actions: Action[], horizon: number): Promise<Replay> {
  const replay: Replay = { keys: new Map(), answers: 0, ignored: 0, noAsk: 0 };
  const hourly = host.manifest.scheduledTriggers.filter((t) => t.interval === 'hour');
  let nextTick = start + 6 * HOUR;
  const tickUntil = async (until: number, settle: boolean): Promise<void> => {
    while (nextTick <= until) {
      host.clock.set(nextTick);
      for (const t of hourly) await host.tick(t.key);
      if (settle) await host.waitForIdle();
      nextTick += 6 * HOUR;
    }
  };
  host.clock.set(start);
  await configureApp(host);
  for (const a of actions) {
    await tickUntil(a.at, true);
    host.clock.set(a.at);
    try {
      await applyAction(host, a, replay);
    } catch (e) {
      if (host.isClosed) throw e;
    }
    await host.waitForIdle();
  }
  await tickUntil(horizon, false);
  await host.waitForIdle();
  return replay;
}

export async function seedDemo(
  host: LocalHost,
  opts: { tickets?: number; days?: number; seed?: number; summary?: boolean } = {},
): Promise<DemoReport> {
  const started = hostNow();
  seedBasicSite(host);
  for (const c of PEOPLE.customers) {
    const locale = CUSTOMER_LOCALES[c.name];
    if (locale !== undefined) host.site.addUser({ accountId: c.id, displayName: c.name, role: 'customer', locale });
  }
  host.site.addUser({
    accountId: HR_ONLY_AGENT.id,
    displayName: HR_ONLY_AGENT.name,
    role: 'agent',
    style: HR_ONLY_AGENT.style,
  });
  host.site.setBrowsePermission('IT', HR_ONLY_AGENT.id, false);
  const horizon = hostNow();
  const { start, actions } = planDemo(prng(opts.seed ?? 20260101), opts.tickets ?? 300, opts.days ?? 90, horizon);
  const eventsBefore = host.events(1).at(-1)?.seq ?? 0;
  const replay = await withBulkWrites(host.db, () => replayDemo(host, start, actions, horizon));
  host.clock.release();
  const report: DemoReport = {
    tickets: replay.keys.size,
    actions: actions.length,
    events: (host.events(1).at(-1)?.seq ?? 0) - eventsBefore,
    answers: replay.answers,
    ignored: replay.ignored,
    noAsk: replay.noAsk,
    ms: 0,
    invocations: host.metrics.summary().invocations,
    failedDeliveries: host.deliveries({ limit: 100000 }).filter((d) => d.state === 'failed').length,
  };
  if (opts.summary !== false) report.summary = await summariseDemo(host);
  report.ms = hostNow() - started;
  return report;
}

/** The requester opens the portal (getMyAsk, as the customer) and maybe answers (answerAsk). */
async function answerInPortal(
  host: LocalHost,
  issueKey: string,
  a: Extract<Action, { kind: 'answer' }>,
): Promise<'answered' | 'ignored' | 'none'> {
  const portal = moduleOfType(host, 'jiraServiceManagement:portalRequestDetailPanel');
  const issue = host.site.issue(issueKey);
  if (!issue) return 'none';
  const project = host.site.project(issue.projectId);
  const ext = {
    request: { key: issue.key, typeId: issue.requestTypeId },
    portal: { id: project?.serviceDeskId },
    project: { id: project?.id, key: project?.key, type: 'service_desk' },
  };
  const { ask } = await call(host, portal, getMyAsk, {}, a.who, ext);
  if (!ask || ask.status !== 'pending') return 'none';
  const [u0 = 0, u1 = 0, u2 = 0, u3 = 0, u4 = 0, u5 = 0] = a.u;
  if (u0 >= a.p) return 'ignored';
  const answer = composeAnswer(ask, a.mood, a.story, [u1, u2, u3, u4, u5]);
  await call(host, portal, answerAsk, { askId: ask.askId, ...answer }, a.who, ext);
  return 'answered';
}

/** A score, chips, a comment and time lost that fit the mood and the journey. */
function composeAnswer(
  ask: PortalAskView,
  mood: Mood,
  story: Kind,
  u: number[],
): { score: number; reasons: string[]; comment: string | null; lostTimeChoiceId: string | null } {
  const [u1 = 0, u2 = 0, u3 = 0, u4 = 0, u5 = 0] = u;
  const q = ask.question;
  const { min, max } = SCALES[q.kind];
  const unit = { delighted: 1, happy: 0.75 + u1 * 0.25, meh: 0.5 + u1 * 0.3, unhappy: u1 * 0.3, angry: 0 }[mood];
  // CES is inverted: a low effort score is the good one.
  const score = Math.round(min + (q.kind === 'ces7' ? 1 - unit : unit) * (max - min));
  const band = scoreBand(q.kind, score);
  const chips = q.reasonChips[band];
  const wantChips = band === 'negative' ? u2 < 0.8 : band === 'positive' ? u2 < 0.4 : u2 < 0.2;
  const reasons =
    wantChips && chips.length > 0
      ? [
          ...new Set([
            chips[Math.floor(u3 * chips.length)]?.id ?? '',
            ...(u4 < 0.35 ? [chips[Math.floor(u4 * 3 * chips.length) % chips.length]?.id ?? ''] : []),
          ]),
        ].filter(Boolean)
      : [];
  const topic =
    story === 'watermelon'
      ? 'watermelon'
      : story === 'bounced' || story === 'stuck'
        ? 'bounced'
        : story === 'reopened'
          ? 'broken'
          : story === 'breach-informed'
            ? 'slow'
            : 'slow';
  const pool = band === 'negative' ? VERBATIMS[topic] : band === 'positive' ? VERBATIMS.praise : VERBATIMS.fine;
  const wantComment = q.comment.enabled && (band === 'negative' ? u4 < 0.7 : band === 'positive' ? u4 < 0.3 : u4 < 0.2);
  const comment = wantComment ? (pool[Math.floor(u5 * pool.length)] ?? null) : null;
  const lost = {
    delighted: 'none',
    happy: u5 < 0.7 ? 'none' : 'under-1h',
    meh: u5 < 0.5 ? 'under-1h' : '1-4h',
    unhappy: u5 < 0.5 ? '1-4h' : '4-8h',
    angry: 'over-1d',
  }[mood];
  const lostTimeChoiceId = q.lostTime.enabled && q.lostTime.choices.some((c) => c.id === lost) ? lost : null;
  return { score, reasons, comment, lostTimeChoiceId };
}

/** What the app's own project resolvers say about the demo (as the admin), for the start-up banner. */
export async function summariseDemo(host: LocalHost): Promise<DemoSummary[]> {
  const admin = PEOPLE.admins[0]?.id ?? '';
  const page = moduleOfType(host, 'jira:projectPage');
  const out: DemoSummary[] = [];
  for (const p of host.site.projects()) {
    const ext = { project: { id: p.id, key: p.key, type: 'service_desk' } };
    const [stats, cards, melon, risk, verbatims] = await Promise.all([
      call(host, page, getResponseStats, { window: '90d' }, admin, ext),
      call(host, page, getScorecards, { window: '30d' }, admin, ext),
      call(host, page, getWatermelon, { window: '30d' }, admin, ext),
      call(host, page, getAtRiskTickets, {}, admin, ext),
      call(host, page, getVerbatims, { window: '30d', limit: 100 }, admin, ext),
    ]);
    const rate = (card: (typeof cards.scorecards)[number], id: string): number | null => {
      const i = card.indicators.find((x) => x.id === id);
      return i && i.n > 0 && i.rate !== null ? Math.round(i.rate * 100) / 100 : null;
    };
    out.push({
      project: p.key,
      asks: {
        sent: stats.sent,
        answered: stats.answered,
        expired: stats.expired,
        responseRate: stats.responseRate === null ? null : Math.round(stats.responseRate * 100) / 100,
      },
      scorecards: cards.scorecards.map((c) => ({
        xla: c.xlaId,
        score: c.score === null ? null : Math.round(c.score),
        status: c.status,
        csat: rate(c, 'csat'),
        sla: rate(c, 'sla'),
      })),
      watermelons: melon.rows
        .filter((row) => row.flagged)
        .map((row) => `${row.xlaId}: ${host.site.requestType(row.requestTypeId ?? '')?.name ?? 'no request type'}`),
      atRisk: risk.tickets.length,
      verbatims: verbatims.verbatims.length,
    });
  }
  return out;
}
