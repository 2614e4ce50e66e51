// Seeds the site. The demo drives 90 simulated days of ticket life through the site, so the app's
// trigger receives every event and builds its own storage; nothing writes the app's data directly.
// A seeded PRNG makes the run deterministic (the same tickets, comments and timings every time,
// relative to the day it starts).
import { getMyAsk, answerAsk } from '../src/contracts/portal.js';
import { SCALES } from '../src/domain/question.js';
import { withBulkWrites } from './db.js';
import { prng } from './faults.js';
import type { LocalHost } from './host.js';
import { SLA_NAMES } from './site/sla.js';

const HOUR = 3_600_000;
const MIN = 60_000;
const DAY = 24 * HOUR;

/** People of the basic site; ids look like Atlassian account ids so the app treats them as such. */
const PEOPLE = {
  admins: [{ id: '5b10a2844c20165700ede21g', name: 'Ada Okafor' }],
  agents: [
    { id: '5b10ac8d82e05b22cc7d4ef5', name: 'Sam Rivera', style: 'fast and brief' },
    { id: '5b10ac8d82e05b22cc7d4ef6', name: 'Priya Nair', style: 'thorough and warm' },
    { id: '5b10ac8d82e05b22cc7d4ef7', name: 'Max Keller', style: 'passes tickets on' },
    { id: '5b10ac8d82e05b22cc7d4ef8', name: 'Lena Varga', style: 'slow to first reply' },
  ],
  customers: [
    'Chris Doyle', 'Mia Laurent', 'Tom Becker', 'Aisha Khan', 'Jonas Berg', 'Elena Rossi', 'Omar Haddad',
    'Grace Liu', 'Pablo Ortega', 'Hannah Schmidt', 'Kofi Mensah', 'Yuki Tanaka', 'Nora Fischer', 'Ravi Patel',
  ].map((name, i) => ({ id: `qm:7c1d3e0f-5a11-4b2c-9d00-${String(100000000000 + i)}`, name })),
};

const PROJECTS = [
  {
    key: 'IT',
    name: 'IT Service Desk',
    types: [
      { name: 'Get IT help', frt: 240, ttr: 2880 },
      { name: 'Report a system problem', frt: 60, ttr: 480 },
      { name: 'Request new software', frt: 480, ttr: 4320 },
      { name: 'Request access', frt: 240, ttr: 1440 },
    ],
  },
  {
    key: 'HR',
    name: 'HR Service Desk',
    types: [
      { name: 'Onboard a new hire', frt: 480, ttr: 7200 },
      { name: 'Payroll question', frt: 240, ttr: 2880 },
    ],
  },
];

export function seedBasicSite(host: LocalHost): void {
  const site = host.site;
  for (const a of PEOPLE.admins) site.addUser({ accountId: a.id, displayName: a.name, role: 'admin' });
  for (const a of PEOPLE.agents) site.addUser({ accountId: a.id, displayName: a.name, role: 'agent', style: a.style });
  for (const c of PEOPLE.customers) site.addUser({ accountId: c.id, displayName: c.name, role: 'customer' });
  for (const p of PROJECTS) {
    site.addProject({ key: p.key, name: p.name, lead: PEOPLE.admins[0]?.id });
    for (const t of p.types) site.addRequestType({ projectKey: p.key, name: t.name, frtGoalMin: t.frt, ttrGoalMin: t.ttr });
  }
}

export interface DemoReport {
  tickets: number;
  actions: number;
  events: number;
  answers: number;
  ms: number;
  invocations: number;
  failedDeliveries: number;
}

type Action =
  | { at: number; kind: 'create'; ref: number; project: string; type: string; summary: string; reporter: string; priority: string }
  | { at: number; kind: 'assign'; ref: number; who: string; actor: string }
  | { at: number; kind: 'comment'; ref: number; who: string; text: string; public: boolean }
  | { at: number; kind: 'status'; ref: number; status: string; actor: string }
  | { at: number; kind: 'answer'; ref: number; who: string; mood: 'happy' | 'meh' | 'unhappy' };

const SUMMARIES: Record<string, string[]> = {
  'Get IT help': ['Laptop will not connect to Wi-Fi', 'Outlook keeps asking for my password', 'Printer on floor 3 is jammed', 'Second monitor not detected', 'VPN drops every few minutes'],
  'Report a system problem': ['Payroll portal returns error 500', 'Shared drive is read-only', 'CRM very slow since this morning', 'Cannot log in to the expenses tool'],
  'Request new software': ['Need Figma licence', 'Install Python 3.12 on my workstation', 'Request a Miro account', 'Adobe Acrobat Pro for contracts'],
  'Request access': ['Access to the finance share', 'Admin rights on the test server', 'Add me to the sales Slack channels', 'Access to the HR reporting dashboard'],
  'Onboard a new hire': ['New starter in Marketing on Monday', 'Onboarding for two engineers', 'Contractor starting next week'],
  'Payroll question': ['Overtime missing from last payslip', 'Change of bank details', 'Tax code looks wrong'],
};

const AGENT_REPLIES = {
  warm: ['Hi! Thanks for reaching out, I am looking into this now and will keep you posted.', 'Sorry about the trouble. I have found the cause and I am fixing it.'],
  brief: ['On it.', 'Looking.', 'Fixed, please check.'],
  chase: ['Could you send a screenshot of the error, please?', 'Can you confirm which device this is on?'],
};
const CUSTOMER_TEXT = {
  happy: ['Thank you so much, that was quick!', 'Works perfectly now, great help.', 'Brilliant, thanks for sorting it.'],
  meh: ['Ok, thanks.', 'Here is the screenshot you asked for.', 'It is on my work laptop.'],
  chaser: ['Any update on this?', 'Hello? Is anyone looking at this?', 'This is still blocking me, any news?'],
  angry: ['This is the third time I have asked. Still broken and I cannot work.', 'Really frustrating, nobody is responding and I have lost a whole day.', 'It broke again. This is not fixed at all.'],
};

/** One ticket's journey as timed actions. The journey kinds give the dashboards their shape. */
function journey(r: () => number, ref: number, created: number, horizon: number): Action[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const project = r() < 0.75 ? PROJECTS[0] : PROJECTS[1];
  if (!project) return [];
  const type = pick(project.types);
  const reporter = pick(PEOPLE.customers).id;
  const agents = PEOPLE.agents;
  const style = r();
  const agent = style < 0.35 ? agents[0] : style < 0.65 ? agents[1] : style < 0.85 ? agents[3] : agents[2];
  if (!agent) return [];
  const priority = r() < 0.15 ? 'High' : r() < 0.8 ? 'Medium' : 'Low';
  const out: Action[] = [{ at: created, kind: 'create', ref, project: project.key, type: type.name, summary: pick(SUMMARIES[type.name] ?? ['Help needed']), reporter, priority }];
  let t = created;
  const step = (minMin: number, maxMin: number): number => {
    t += Math.round((minMin + r() * (maxMin - minMin)) * MIN);
    return t;
  };
  const kind = r();
  // Slow agents breach first response; others usually reply within the goal.
  const firstReply = agent.id === agents[3]?.id ? type.frt * (1.2 + r()) : type.frt * (0.1 + r() * 0.6);
  out.push({ at: step(5, 40), kind: 'assign', ref, who: agent.id, actor: PEOPLE.admins[0]?.id ?? agent.id });
  t = created + Math.round(firstReply * MIN);
  const warm = agent.id === agents[1]?.id;
  out.push({ at: t, kind: 'comment', ref, who: agent.id, text: pick(warm ? AGENT_REPLIES.warm : AGENT_REPLIES.brief), public: true });
  out.push({ at: step(1, 10), kind: 'status', ref, status: 'In Progress', actor: agent.id });

  if (kind < 0.45) {
    // Happy path, possibly with a question to the customer.
    if (r() < 0.4) {
      out.push({ at: step(20, 120), kind: 'comment', ref, who: agent.id, text: pick(AGENT_REPLIES.chase), public: true });
      out.push({ at: step(1, 3), kind: 'status', ref, status: 'Waiting for customer', actor: agent.id });
      out.push({ at: step(30, 600), kind: 'comment', ref, who: reporter, text: pick(CUSTOMER_TEXT.meh), public: true });
      out.push({ at: step(1, 5), kind: 'status', ref, status: 'In Progress', actor: agent.id });
    }
    out.push({ at: step(60, type.ttr * 0.5), kind: 'status', ref, status: 'Resolved', actor: agent.id });
    out.push({ at: step(10, 240), kind: 'comment', ref, who: reporter, text: pick(CUSTOMER_TEXT.happy), public: true });
    out.push({ at: step(5, 60), kind: 'answer', ref, who: reporter, mood: 'happy' });
  } else if (kind < 0.6) {
    // SLA breached, but the customer was kept informed and ended happy (breach that did not hurt).
    out.push({ at: step(60, 240), kind: 'comment', ref, who: agent.id, text: 'Quick update: the vendor is on it, I will check again this afternoon.', public: true });
    out.push({ at: step(type.ttr * 0.9, type.ttr * 1.6), kind: 'status', ref, status: 'Resolved', actor: agent.id });
    out.push({ at: step(10, 120), kind: 'comment', ref, who: reporter, text: 'Took a while but thanks for keeping me updated.', public: true });
    out.push({ at: step(5, 60), kind: 'answer', ref, who: reporter, mood: 'meh' });
  } else if (kind < 0.78) {
    // Unhappy journey: bounced between agents, chasers, breach, angry comments.
    for (let i = 0; i < 2 + Math.floor(r() * 3); i++) {
      const next = agents[(agents.indexOf(agent) + i + 1) % agents.length];
      if (next) out.push({ at: step(120, 600), kind: 'assign', ref, who: next.id, actor: next.id });
      if (r() < 0.7) out.push({ at: step(60, 480), kind: 'comment', ref, who: reporter, text: pick(CUSTOMER_TEXT.chaser), public: true });
      if (r() < 0.3) out.push({ at: step(10, 60), kind: 'comment', ref, who: agent.id, text: 'Passing to the right team.', public: false });
    }
    out.push({ at: step(60, 240), kind: 'comment', ref, who: reporter, text: pick(CUSTOMER_TEXT.angry), public: true });
    out.push({ at: step(5, 60), kind: 'answer', ref, who: reporter, mood: 'unhappy' });
    out.push({ at: step(type.ttr * 0.8, type.ttr * 2), kind: 'status', ref, status: 'Resolved', actor: agent.id });
  } else if (kind < 0.88) {
    // Reopened: resolved too early.
    out.push({ at: step(60, type.ttr * 0.4), kind: 'status', ref, status: 'Resolved', actor: agent.id });
    out.push({ at: step(60, 1440), kind: 'comment', ref, who: reporter, text: CUSTOMER_TEXT.angry[2] ?? 'Broken again.', public: true });
    out.push({ at: step(5, 60), kind: 'status', ref, status: 'In Progress', actor: agent.id });
    out.push({ at: step(5, 30), kind: 'answer', ref, who: reporter, mood: 'unhappy' });
    out.push({ at: step(120, type.ttr * 0.5), kind: 'status', ref, status: 'Resolved', actor: agent.id });
    out.push({ at: step(10, 120), kind: 'answer', ref, who: reporter, mood: 'meh' });
  } else {
    // Canceled or still open (long-running).
    if (r() < 0.5) out.push({ at: step(60, 600), kind: 'status', ref, status: 'Canceled', actor: reporter === agent.id ? agent.id : agent.id });
    else out.push({ at: step(60, 600), kind: 'comment', ref, who: reporter, text: pick(CUSTOMER_TEXT.chaser), public: true });
  }
  return out.filter((a) => a.at < horizon);
}

/**
 * Drives the demo: creates the site, then replays every ticket's journey in time order with the
 * site clock set to each action's time, delivering events to the app as Jira would.
 */
export async function seedDemo(host: LocalHost, opts: { tickets?: number; days?: number; seed?: number } = {}): Promise<DemoReport> {
  const started = Date.now();
  seedBasicSite(host);
  const days = opts.days ?? 90;
  const count = opts.tickets ?? 300;
  const r = prng(opts.seed ?? 20260101);
  const today = Math.floor(Date.now() / DAY) * DAY;
  const start = today - days * DAY;
  const horizon = Date.now();
  const actions: Action[] = [];
  for (let i = 0; i < count; i++) {
    // Weekdays are busier; working hours 08:00–18:00 UTC.
    let day = Math.floor(r() * days);
    if (new Date(start + day * DAY).getUTCDay() % 6 === 0 && r() < 0.7) day = Math.min(days - 1, day + 1);
    const created = start + day * DAY + 8 * HOUR + Math.floor(r() * 10 * HOUR);
    actions.push(...journey(r, i, created, horizon));
  }
  actions.sort((a, b) => a.at - b.at || a.ref - b.ref);
  const keys = new Map<number, string>();
  const reporters = new Map<number, string>();
  let answers = 0;
  const eventsBefore = host.events(1).at(-1)?.seq ?? 0;
  const hourly = host.manifest.scheduledTriggers.filter((t) => t.interval === 'hour');
  let nextTick = start + 6 * HOUR;

  await withBulkWrites(host.db, async () => {
    for (const a of actions) {
      // Time-based waypoints: run the hourly trigger as simulated time passes (every 6 h to keep seeding fast).
      while (nextTick <= a.at) {
        host.clock.set(nextTick);
        for (const t of hourly) await host.tick(t.key);
        await host.waitForIdle();
        nextTick += 6 * HOUR;
      }
      host.clock.set(a.at);
      const key = keys.get(a.ref);
      try {
        if (a.kind === 'create') {
          const issue = host.site.createTicket({ projectKey: a.project, requestType: a.type, summary: a.summary, reporter: a.reporter, priority: a.priority });
          keys.set(a.ref, issue.key);
          reporters.set(a.ref, a.reporter);
          if (a.priority === 'High') host.site.setSla(issue.key, SLA_NAMES.firstResponse, { goalMinutes: 30 });
        } else if (!key) {
          continue;
        } else if (a.kind === 'assign') host.site.assign(key, a.who, { accountId: a.actor });
        else if (a.kind === 'comment') host.site.comment(key, { body: a.text, public: a.public }, { accountId: a.who });
        else if (a.kind === 'status') host.site.transition(key, a.status, { accountId: a.actor });
        else if (a.kind === 'answer') {
          if (await answerPendingAsk(host, key, a.who, a.mood, r)) answers += 1;
        }
      } catch (e) {
        if (host.isClosed) throw e;
      }
      await host.waitForIdle();
    }
  });
  host.clock.release();
  const events = (host.events(1).at(-1)?.seq ?? 0) - eventsBefore;
  const failed = host.deliveries({ limit: 100000 }).filter((d) => d.state === 'failed').length;
  return { tickets: keys.size, actions: actions.length, events, answers, ms: Date.now() - started, invocations: host.metrics.summary().invocations, failedDeliveries: failed };
}

/** The requester answers their pending ask in the portal, through the app's own resolver. */
async function answerPendingAsk(host: LocalHost, issueKey: string, requester: string, mood: 'happy' | 'meh' | 'unhappy', r: () => number): Promise<boolean> {
  const portal = host.manifest.uiModules.find((m) => m.type === 'jiraServiceManagement:portalRequestDetailPanel');
  const issue = host.site.issue(issueKey);
  if (!portal || !issue) return false;
  const project = host.site.project(issue.projectId);
  const ext = { request: { key: issue.key, typeId: issue.requestTypeId }, portal: { id: project?.serviceDeskId }, project: { id: project?.id, key: project?.key, type: 'service_desk' } };
  const mine = await host.invoke(portal.key, getMyAsk.name, {}, requester, ext);
  const parsed = getMyAsk.response.safeParse(unwrap(mine.value));
  const ask = parsed.success ? parsed.data.ask : null;
  if (!ask || ask.status !== 'pending') return false;
  const { min, max } = SCALES[ask.question.kind];
  const good = mood === 'happy' ? 0.85 + r() * 0.15 : mood === 'meh' ? 0.4 + r() * 0.3 : r() * 0.3;
  // CES is inverted: a low effort score is the good one.
  const unit = ask.question.kind === 'ces7' ? 1 - good : good;
  const score = Math.round(min + unit * (max - min));
  const res = await host.invoke(portal.key, answerAsk.name, { askId: ask.askId, score, reasons: [], comment: null, lostTimeChoiceId: null }, requester, ext);
  return res.ok;
}

/** Resolvers answer an envelope `{ ok, data }` or the bare value; accept both. */
function unwrap(v: unknown): unknown {
  if (typeof v === 'object' && v !== null && 'ok' in v && 'data' in v) return (v as { data: unknown }).data;
  return v;
}
