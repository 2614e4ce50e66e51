// Seeds the site. The demo first configures the app through its own admin resolvers (as the admin),
// then drives 90 simulated days of ticket life through the site, so the app's trigger receives every
// event and builds its own storage, and requesters answer the app's asks through its portal resolvers
// (as the customer). Nothing writes the app's data directly. A seeded PRNG makes the run deterministic
// (the same tickets, comments, timings and answers every time, relative to the day it starts).
import { getConfig, getRecomputeStatus, savePlan, saveXla } from '../src/contracts/admin.js';
import { getMyAsk, answerAsk, type PortalAskView } from '../src/contracts/portal.js';
import {
  getAtRiskTickets,
  getResponseStats,
  getScorecards,
  getVerbatims,
  getWatermelon,
} from '../src/contracts/project.js';
import type { ResolverContract } from '../src/contracts/resolver.js';
import { SCALES, scoreBand } from '../src/domain/question.js';
import type { SurveyPlanInput } from '../src/domain/survey-plan.js';
import type { XlaDefinitionInput } from '../src/domain/xla.js';
import { withBulkWrites } from './db.js';
import { prng } from './faults.js';
import type { LocalHost } from './host.js';
import { hostNow } from './runtime.js';
import { SLA_NAMES } from './site/sla.js';

const HOUR = 3_600_000;
const MIN = 60_000;
const DAY = 24 * HOUR;

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
    'Chris Doyle',
    'Mia Laurent',
    'Tom Becker',
    'Aisha Khan',
    'Jonas Berg',
    'Elena Rossi',
    'Omar Haddad',
    'Grace Liu',
    'Pablo Ortega',
    'Hannah Schmidt',
    'Kofi Mensah',
    'Yuki Tanaka',
    'Nora Fischer',
    'Ravi Patel',
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
    for (const t of p.types)
      site.addRequestType({ projectKey: p.key, name: t.name, frtGoalMin: t.frt, ttrGoalMin: t.ttr });
  }
}

/** A demo-only agent who works HR and has no browse permission on IT (the per-project permission setting). */
export const HR_ONLY_AGENT = { id: '5b10ac8d82e05b22cc7d4ef9', name: 'Hana Ito', style: 'HR only: no access to IT' };

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

type Mood = 'delighted' | 'happy' | 'meh' | 'unhappy' | 'angry';
type Kind = 'smooth' | 'question' | 'breach-informed' | 'bounced' | 'watermelon' | 'reopened' | 'canceled' | 'stuck';

type Action =
  | {
      at: number;
      kind: 'create';
      ref: number;
      project: string;
      type: string;
      summary: string;
      reporter: string;
      priority: string;
    }
  | { at: number; kind: 'assign'; ref: number; who: string; actor: string }
  | { at: number; kind: 'comment'; ref: number; who: string; text: string; public: boolean }
  | { at: number; kind: 'status'; ref: number; status: string; actor: string }
  /** The requester opens the portal: answers the live ask with probability `p`, as `mood` says; `u` are its dice. */
  | { at: number; kind: 'answer'; ref: number; who: string; mood: Mood; p: number; story: Kind; u: number[] };

const SUMMARIES: Record<string, string[]> = {
  'Get IT help': [
    'Laptop will not connect to Wi-Fi',
    'Outlook keeps asking for my password',
    'Printer on floor 3 is jammed',
    'Second monitor not detected',
    'VPN drops every few minutes',
  ],
  'Report a system problem': [
    'Payroll portal returns error 500',
    'Shared drive is read-only',
    'CRM very slow since this morning',
    'Cannot log in to the expenses tool',
  ],
  'Request new software': [
    'Need Figma licence',
    'Install Python 3.12 on my workstation',
    'Request a Miro account',
    'Adobe Acrobat Pro for contracts',
  ],
  'Request access': [
    'Access to the finance share',
    'Admin rights on the test server',
    'Add me to the sales Slack channels',
    'Access to the HR reporting dashboard',
  ],
  'Onboard a new hire': [
    'New starter in Marketing on Monday',
    'Onboarding for two engineers',
    'Contractor starting next week',
  ],
  'Payroll question': ['Overtime missing from last payslip', 'Change of bank details', 'Tax code looks wrong'],
};

/** How each request type's tickets tend to go: the dashboards' shape comes from here. */
const MIX: Record<string, Array<[Kind, number]>> = {
  'Get IT help': [
    ['smooth', 58],
    ['question', 25],
    ['breach-informed', 5],
    ['bounced', 4],
    ['reopened', 3],
    ['canceled', 3],
    ['stuck', 2],
  ],
  // Outages: passed between teams, chased, reopened.
  'Report a system problem': [
    ['smooth', 30],
    ['question', 15],
    ['breach-informed', 12],
    ['bounced', 22],
    ['reopened', 10],
    ['canceled', 3],
    ['stuck', 8],
  ],
  // Slow (vendor, approvals) but the requester hears from us: breaches that do not hurt.
  'Request new software': [
    ['smooth', 40],
    ['question', 18],
    ['breach-informed', 34],
    ['bounced', 2],
    ['reopened', 2],
    ['canceled', 4],
  ],
  // Fast, SLA met, and still unhappy: access is granted to the wrong thing and closed without asking.
  'Request access': [
    ['watermelon', 70],
    ['smooth', 20],
    ['question', 6],
    ['canceled', 4],
  ],
  'Onboard a new hire': [
    ['smooth', 55],
    ['question', 35],
    ['breach-informed', 6],
    ['reopened', 1],
    ['canceled', 3],
  ],
  'Payroll question': [
    ['smooth', 50],
    ['question', 30],
    ['bounced', 6],
    ['breach-informed', 6],
    ['watermelon', 4],
    ['reopened', 4],
  ],
};

const AGENT_TEXT = {
  warm: [
    'Hi! Thanks for reaching out, I am looking into this now and will keep you posted.',
    'Sorry about the trouble. I have found the cause and I am fixing it now.',
  ],
  brief: ['On it.', 'Looking.', 'Checking.'],
  question: [
    'Could you send a screenshot of the error, please?',
    'Can you confirm which device this is on?',
    'Which cost centre should this go to?',
  ],
  update: [
    'Quick update: the vendor is on it, I will check again this afternoon.',
    'Still with the vendor. Next update tomorrow morning.',
    'Waiting on approval from your manager; I have reminded them.',
  ],
  done: ['This should be sorted now, please let us know if not.', 'Done, access granted.', 'Fixed, please check.'],
  pass: ['Passing to the right team.', 'Not mine, reassigning.'],
};

const CUSTOMER_TEXT = {
  happy: [
    'Thank you so much, that was quick!',
    'Works perfectly now, great help.',
    'Brilliant, thanks for sorting it.',
  ],
  informed: ['Took a while but thanks for keeping me updated.', 'Thanks for the regular updates, much appreciated.'],
  info: ['Here is the screenshot you asked for.', 'It is on my work laptop.', 'Cost centre 4410, thanks.'],
  chaser: [
    'Any update on this?',
    'Still waiting on this, it has been two days.',
    'Hello? Is anyone looking at this?',
    'Following up again: this is still blocking me.',
  ],
  angry: [
    'This is the third time I have asked. Still broken and I cannot work.',
    'Really frustrating, nobody is responding and I have lost a whole day.',
    'I keep being passed from one person to another. Terrible.',
  ],
  reopen: [
    'It broke again. This is not fixed at all.',
    'Why was this closed? Nothing works and I wasted my whole morning.',
  ],
  watermelon: [
    'You closed this but I still cannot get into the folder. Very disappointing.',
    'Access was given to the wrong group again, this is useless.',
    'Nobody asked me before closing it and the problem is still there.',
  ],
};

/** What requesters write in an answer's comment box, by how the journey went. */
const VERBATIMS: Record<'praise' | 'fine' | 'slow' | 'bounced' | 'watermelon' | 'broken', string[]> = {
  praise: [
    'Super quick and friendly, thank you!',
    'Priya explained everything clearly.',
    'Fixed before I had finished my coffee.',
  ],
  fine: ['Fine in the end.', 'OK, a bit slow but fine.'],
  slow: ['Took days to get a first answer.', 'Nobody told me what was happening for a week.'],
  bounced: ['I had to explain the problem to three different people.', 'Passed around between teams, nobody owned it.'],
  watermelon: [
    'Closed within the hour, but I still cannot do my job.',
    'You marked it done without checking with me. It is not done.',
    'Got access to the wrong folder. Again.',
  ],
  broken: ['It broke again the next day.', 'The fix did not last.'],
};

/** A weighted pick. */
function weighted<T>(r: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return (items.at(-1) as readonly [T, number])[0];
}

/** One ticket's journey as timed actions; tickets of the last week are more often stuck (still open, at risk). */
function journey(r: () => number, ref: number, created: number, horizon: number): Action[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const project = r() < 0.75 ? PROJECTS[0] : PROJECTS[1];
  if (!project) return [];
  const type = pick(project.types);
  const reporter = pick(PEOPLE.customers).id;
  const [sam, priya, max, lena] = PEOPLE.agents.map((a) => a.id) as [string, string, string, string];
  const admin = PEOPLE.admins[0]?.id ?? sam;
  // HR is worked by Priya and Hana (who has no access to IT); IT by the four IT agents.
  // The access team is Sam and Max.
  const team: Array<readonly [string, number]> =
    project.key === 'HR'
      ? [
          [priya, 45],
          [HR_ONLY_AGENT.id, 40],
          [sam, 15],
        ]
      : type.name === 'Request access'
        ? [
            [sam, 60],
            [max, 40],
          ]
        : [
            [sam, 40],
            [priya, 35],
            [lena, 15],
            [max, 10],
          ];
  const recent = horizon - created < 7 * DAY;
  let kind: Kind = weighted<Kind>(r, MIX[type.name] ?? [['smooth', 1]]);
  if (recent && kind !== 'watermelon' && r() < 0.2) kind = 'stuck';
  const agent =
    kind === 'bounced' || kind === 'stuck'
      ? project.key === 'HR'
        ? sam
        : pick([max, lena, max])
      : kind === 'breach-informed'
        ? project.key === 'HR'
          ? HR_ONLY_AGENT.id
          : pick([lena, priya])
        : kind === 'watermelon'
          ? project.key === 'HR'
            ? sam
            : pick([sam, sam, max])
          : weighted(r, team);
  const priority = r() < 0.15 ? 'High' : r() < 0.8 ? 'Medium' : 'Low';
  const out: Action[] = [
    {
      at: created,
      kind: 'create',
      ref,
      project: project.key,
      type: type.name,
      summary: pick(SUMMARIES[type.name] ?? ['Help needed']),
      reporter,
      priority,
    },
  ];
  let t = created;
  const step = (minMin: number, maxMin: number): number => {
    t += Math.round((minMin + r() * Math.max(0, maxMin - minMin)) * MIN);
    return t;
  };
  const say = (who: string, text: string, isPublic = true, minMin = 5, maxMin = 60): void => {
    out.push({ at: step(minMin, maxMin), kind: 'comment', ref, who, text, public: isPublic });
  };
  const status = (s: string, actor: string, minMin = 1, maxMin = 10): void => {
    out.push({ at: step(minMin, maxMin), kind: 'status', ref, status: s, actor });
  };
  const answer = (mood: Mood, p: number, minMin = 10, maxMin = 240): void => {
    out.push({
      at: step(minMin, maxMin),
      kind: 'answer',
      ref,
      who: reporter,
      mood,
      p,
      story: kind,
      u: [r(), r(), r(), r(), r(), r()],
    });
  };
  const happyOrMeh = (pHappy: number): Mood => (r() < pHappy ? (r() < 0.5 ? 'delighted' : 'happy') : 'meh');

  // Triage assigns; the first public reply comes early, except from Lena (slow to first reply) and in stuck tickets.
  out.push({ at: step(5, 40), kind: 'assign', ref, who: agent, actor: admin });
  const slow = agent === lena || kind === 'stuck';
  // High priority has a 30-minute first-response goal (set below through setSla); the others follow the request type's goal.
  const frt = priority === 'High' ? 30 : type.frt;
  t = created + Math.round(frt * (slow ? 0.8 + r() * 0.9 : 0.2 + r() * 0.6) * MIN);
  say(agent, pick(agent === priya || agent === HR_ONLY_AGENT.id ? AGENT_TEXT.warm : AGENT_TEXT.brief), true, 0, 0);
  status('In Progress', agent);

  switch (kind) {
    case 'smooth': {
      if (type.name === 'Onboard a new hire') {
        // Prepared, then parked until the start date (Pending does not count as waiting for support).
        status('Pending', agent, 60, 240);
        out.push({ at: step(type.ttr * 0.2, type.ttr * 0.6), kind: 'status', ref, status: 'Resolved', actor: agent });
      } else {
        out.push({
          at: step(30, Math.min(type.ttr * 0.4, 16 * 60)),
          kind: 'status',
          ref,
          status: 'Resolved',
          actor: agent,
        });
      }
      if (r() < 0.5) say(reporter, pick(CUSTOMER_TEXT.happy), true, 10, 240);
      answer(happyOrMeh(0.92), 0.6);
      break;
    }
    case 'question': {
      say(agent, pick(AGENT_TEXT.question), true, 20, 120);
      status('Waiting for customer', agent, 1, 3);
      // The mid-flight ask ("how is it going so far?") appears now.
      answer(happyOrMeh(0.8), 0.55, 10, 180);
      say(reporter, pick(CUSTOMER_TEXT.info), true, 30, 600);
      status('In Progress', agent, 5, 60);
      out.push({
        at: step(60, Math.min(type.ttr * 0.4, 16 * 60)),
        kind: 'status',
        ref,
        status: 'Resolved',
        actor: agent,
      });
      if (r() < 0.4) say(reporter, pick(CUSTOMER_TEXT.happy), true, 10, 240);
      answer(happyOrMeh(0.85), 0.55);
      break;
    }
    case 'breach-informed': {
      // The resolution SLA breaches, but the requester hears from us regularly: a breach that did not hurt.
      const updates = 2 + Math.floor(r() * 2);
      for (let i = 0; i < updates; i++)
        say(agent, pick(AGENT_TEXT.update), true, (type.ttr * 0.3) / 1.5, type.ttr * 0.45);
      out.push({
        at: Math.max(t + 30 * MIN, created + Math.round(type.ttr * (1.15 + r() * 0.5) * MIN)),
        kind: 'status',
        ref,
        status: 'Resolved',
        actor: agent,
      });
      t = out.at(-1)?.at ?? t;
      say(reporter, pick(CUSTOMER_TEXT.informed), true, 10, 180);
      answer(r() < 0.6 ? 'happy' : 'meh', 0.6);
      break;
    }
    case 'bounced':
    case 'stuck': {
      // Passed between agents, chased, breached: a breach that hurt.
      const ring = project.key === 'HR' ? [sam, priya, HR_ONLY_AGENT.id] : [max, lena, sam, priya];
      const hops = 2 + Math.floor(r() * 3);
      for (let i = 0; i < hops; i++) {
        const next = ring[(ring.indexOf(agent) + i + 1) % ring.length] ?? sam;
        if (r() < 0.4)
          say(
            next === agent ? agent : (ring[(ring.indexOf(agent) + i) % ring.length] ?? agent),
            pick(AGENT_TEXT.pass),
            false,
            10,
            60,
          );
        out.push({ at: step(120, 600), kind: 'assign', ref, who: next, actor: next });
        // From the second reassignment on the app asks "are we getting you to the right person?".
        if (i === 1) answer(r() < 0.85 ? 'unhappy' : 'meh', 0.75, 20, 240);
        if (r() < 0.75) say(reporter, pick(CUSTOMER_TEXT.chaser), true, 60, 480);
      }
      if (r() < 0.4) {
        say(ring[(ring.indexOf(agent) + hops) % ring.length] ?? agent, pick(AGENT_TEXT.question), true, 30, 240);
        status('Waiting for customer', ring[(ring.indexOf(agent) + hops) % ring.length] ?? agent, 1, 3);
        answer('unhappy', 0.7, 10, 180);
        say(reporter, pick(CUSTOMER_TEXT.info), true, 60, 600);
        status('In Progress', agent, 5, 60);
      }
      say(reporter, pick(CUSTOMER_TEXT.angry), true, 60, 600);
      if (kind === 'stuck') {
        // Still open: more chasers, no resolution in sight.
        for (let i = 0; i < 3; i++) say(reporter, pick(CUSTOMER_TEXT.chaser), true, 600, 1800);
        break;
      }
      out.push({
        at: Math.max(t + 60 * MIN, created + Math.round(type.ttr * (1.1 + r()) * MIN)),
        kind: 'status',
        ref,
        status: 'Resolved',
        actor: agent,
      });
      t = out.at(-1)?.at ?? t;
      answer(r() < 0.5 ? 'angry' : 'unhappy', 0.75);
      break;
    }
    case 'watermelon': {
      // Closed fast (every SLA met) with the problem still there.
      say(agent, pick(AGENT_TEXT.done), true, 10, 60);
      status('Resolved', agent, 1, 5);
      if (r() < 0.6) say(reporter, pick(CUSTOMER_TEXT.watermelon), true, 30, 300);
      answer(r() < 0.9 ? 'unhappy' : 'meh', 0.85);
      break;
    }
    case 'reopened': {
      out.push({ at: step(60, type.ttr * 0.3), kind: 'status', ref, status: 'Resolved', actor: agent });
      say(reporter, pick(CUSTOMER_TEXT.reopen), true, 120, 1440);
      status('In Progress', agent, 5, 60);
      answer('unhappy', 0.6, 5, 60);
      out.push({ at: step(120, type.ttr * 0.4), kind: 'status', ref, status: 'Resolved', actor: agent });
      answer('meh', 0.5);
      break;
    }
    case 'canceled': {
      out.push({ at: step(60, 600), kind: 'status', ref, status: 'Canceled', actor: agent });
      break;
    }
  }
  return out.filter((a) => a.at < horizon);
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

/** The survey plans an admin would save: mid-flight, after ping-pong, and at resolution. */
export const DEMO_PLANS: SurveyPlanInput[] = [
  {
    id: 'waiting-for-you',
    name: 'Mid-flight: when we wait for the requester',
    waypoint: { kind: 'status-changed', toStatuses: ['Waiting for customer'] },
    question: { kind: 'emoji5', text: 'How is this request going so far?' },
    followUps: {
      reasonChips: {
        negative: ['Slow replies', 'Asked for the same thing twice', 'Unclear next steps'],
        neutral: ['Fine so far'],
        positive: ['Quick replies', 'Clear updates', 'Friendly'],
      },
      comment: { enabled: true, maxLength: 500 },
    },
    translations: {
      'de-DE': {
        text: 'Wie läuft Ihre Anfrage bisher?',
        reasonChips: {
          negative: ['Langsame Antworten', 'Zweimal dasselbe gefragt', 'Unklare nächste Schritte'],
          neutral: ['Bisher in Ordnung'],
          positive: ['Schnelle Antworten', 'Klare Updates', 'Freundlich'],
        },
      },
      'ja-JP': {
        text: 'これまでのリクエストの対応はいかがですか？',
        reasonChips: {
          negative: ['返信が遅い', '同じことを二度聞かれた', '次の手順がわからない'],
          neutral: ['今のところ問題ない'],
          positive: ['返信が早い', '状況がよくわかる', '親切'],
        },
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
      reasonChips: {
        negative: ['Passed around', 'Had to repeat myself', 'Nobody owns it'],
        neutral: [],
        positive: ['Good handover'],
      },
      comment: { enabled: true, maxLength: 500 },
    },
    translations: {
      'de-DE': {
        text: 'Sind Sie bei der richtigen Person gelandet?',
        reasonChips: {
          negative: ['Weitergereicht', 'Musste mich wiederholen', 'Niemand zuständig'],
          positive: ['Gute Übergabe'],
        },
      },
      'ja-JP': {
        text: '適切な担当者につながっていますか？',
        reasonChips: {
          negative: ['たらい回し', '同じ説明を繰り返した', '担当者がいない'],
          positive: ['引き継ぎが良い'],
        },
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
      reasonChips: {
        negative: ['Took too long', 'Not fixed', 'Closed without asking me', 'Poor communication'],
        neutral: ['OK in the end'],
        positive: ['Fast', 'Fixed first time', 'Kept me informed', 'Friendly'],
      },
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
        reasonChips: {
          negative: ['Hat zu lange gedauert', 'Nicht behoben', 'Ohne Rückfrage geschlossen', 'Schlechte Kommunikation'],
          neutral: ['Am Ende in Ordnung'],
          positive: ['Schnell', 'Beim ersten Mal behoben', 'Gut informiert', 'Freundlich'],
        },
      },
      'ja-JP': {
        text: 'このリクエストへの対応にどの程度満足していますか？',
        reasonChips: {
          negative: ['時間がかかりすぎた', '解決していない', '確認なしで閉じられた', '連絡が不十分'],
          neutral: ['最終的には問題ない'],
          positive: ['早い', '一度で解決', '状況を知らせてくれた', '親切'],
        },
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
  const days = opts.days ?? 90;
  const count = opts.tickets ?? 300;
  const r = prng(opts.seed ?? 20260101);
  const horizon = hostNow();
  const today = Math.floor(horizon / DAY) * DAY;
  const start = today - days * DAY;
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
  let answers = 0;
  let ignored = 0;
  let noAsk = 0;
  const eventsBefore = host.events(1).at(-1)?.seq ?? 0;
  const hourly = host.manifest.scheduledTriggers.filter((t) => t.interval === 'hour');
  let nextTick = start + 6 * HOUR;

  await withBulkWrites(host.db, async () => {
    host.clock.set(start);
    await configureApp(host);
    for (const a of actions) {
      // Time-based waypoints, reminders and expiry: the hourly trigger runs as simulated time passes
      // (every 6 simulated hours, to keep seeding fast).
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
          const issue = host.site.createTicket({
            projectKey: a.project,
            requestType: a.type,
            summary: a.summary,
            reporter: a.reporter,
            priority: a.priority,
          });
          keys.set(a.ref, issue.key);
          if (a.priority === 'High') host.site.setSla(issue.key, SLA_NAMES.firstResponse, { goalMinutes: 30 });
        } else if (!key) {
          continue;
        } else if (a.kind === 'assign') host.site.assign(key, a.who, { accountId: a.actor });
        else if (a.kind === 'comment') host.site.comment(key, { body: a.text, public: a.public }, { accountId: a.who });
        else if (a.kind === 'status') host.site.transition(key, a.status, { accountId: a.actor });
        else if (a.kind === 'answer') {
          const outcome = await answerInPortal(host, key, a);
          if (outcome === 'answered') answers += 1;
          else if (outcome === 'ignored') ignored += 1;
          else noAsk += 1;
        }
      } catch (e) {
        if (host.isClosed) throw e;
      }
      await host.waitForIdle();
    }
    // Up to now: the last ticks, so asks already past their expiry are expired.
    while (nextTick <= horizon) {
      host.clock.set(nextTick);
      for (const t of hourly) await host.tick(t.key);
      nextTick += 6 * HOUR;
    }
    await host.waitForIdle();
  });
  host.clock.release();
  const events = (host.events(1).at(-1)?.seq ?? 0) - eventsBefore;
  const failed = host.deliveries({ limit: 100000 }).filter((d) => d.state === 'failed').length;
  const report: DemoReport = {
    tickets: keys.size,
    actions: actions.length,
    events,
    answers,
    ignored,
    noAsk,
    ms: 0,
    invocations: host.metrics.summary().invocations,
    failedDeliveries: failed,
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
            chips[Math.floor(u3 * chips.length)] ?? '',
            ...(u4 < 0.35 ? [chips[Math.floor(u4 * 3 * chips.length) % chips.length] ?? ''] : []),
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
