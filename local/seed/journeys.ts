// The demo's ticket journeys: for each request type a mix of stories (smooth, bounced, watermelon…),
// each written as timed actions by people of the basic site. A seeded PRNG makes them deterministic.
import { DAY, HOUR, MIN, PEOPLE, PROJECTS, HR_ONLY_AGENT } from './site.js';

export type Mood = 'delighted' | 'happy' | 'meh' | 'unhappy' | 'angry';
export type Kind =
  'smooth' | 'question' | 'breach-informed' | 'bounced' | 'watermelon' | 'reopened' | 'canceled' | 'stuck';

export type Action =
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
export const VERBATIMS: Record<'praise' | 'fine' | 'slow' | 'bounced' | 'watermelon' | 'broken', string[]> = {
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

type Project = (typeof PROJECTS)[number];
type RequestType = Project['types'][number];

/** Who works a ticket: HR by Priya and Hana (no access to IT), access requests by Sam and Max, IT by all four. */
function teamOf(project: Project, type: RequestType): Array<readonly [string, number]> {
  const [sam, priya, max, lena] = PEOPLE.agents.map((a) => a.id) as [string, string, string, string];
  if (project.key === 'HR')
    return [
      [priya, 45],
      [HR_ONLY_AGENT.id, 40],
      [sam, 15],
    ];
  if (type.name === 'Request access')
    return [
      [sam, 60],
      [max, 40],
    ];
  return [
    [sam, 40],
    [priya, 35],
    [lena, 15],
    [max, 10],
  ];
}

/**
 * One ticket's journey as timed actions, written step by step. The order of the random draws is
 * part of the demo: the same seed gives the same site.
 */
class Journey {
  readonly out: Action[] = [];
  private t: number;
  private readonly sam: string;
  private readonly priya: string;
  private readonly max: string;
  private readonly lena: string;

  constructor(
    private readonly r: () => number,
    private readonly ref: number,
    private readonly created: number,
    private readonly project: Project,
    private readonly type: RequestType,
    private readonly reporter: string,
    private readonly kind: Kind,
    private readonly agent: string,
  ) {
    this.t = created;
    [this.sam, this.priya, this.max, this.lena] = PEOPLE.agents.map((a) => a.id) as [string, string, string, string];
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)] as T;
  }

  private step(minMin: number, maxMin: number): number {
    this.t += Math.round((minMin + this.r() * Math.max(0, maxMin - minMin)) * MIN);
    return this.t;
  }

  private say(who: string, text: string, isPublic = true, minMin = 5, maxMin = 60): void {
    this.out.push({ at: this.step(minMin, maxMin), kind: 'comment', ref: this.ref, who, text, public: isPublic });
  }

  private status(s: string, actor: string, minMin = 1, maxMin = 10): void {
    this.out.push({ at: this.step(minMin, maxMin), kind: 'status', ref: this.ref, status: s, actor });
  }

  /** A status change at a fixed moment (the story decides when), which moves the clock there. */
  private statusAt(at: number, s: string): void {
    this.out.push({ at, kind: 'status', ref: this.ref, status: s, actor: this.agent });
  }

  private answer(mood: Mood, p: number, minMin = 10, maxMin = 240): void {
    const r = this.r;
    const at = this.step(minMin, maxMin);
    this.out.push({
      at,
      kind: 'answer',
      ref: this.ref,
      who: this.reporter,
      mood,
      p,
      story: this.kind,
      u: [r(), r(), r(), r(), r(), r()],
    });
  }

  private happyOrMeh(pHappy: number): Mood {
    return this.r() < pHappy ? (this.r() < 0.5 ? 'delighted' : 'happy') : 'meh';
  }

  /** Triage assigns; the first public reply comes early, except from Lena (slow to first reply) and in stuck tickets. */
  opening(priority: string, admin: string): void {
    const { agent } = this;
    this.out.push({ at: this.step(5, 40), kind: 'assign', ref: this.ref, who: agent, actor: admin });
    const slow = agent === this.lena || this.kind === 'stuck';
    // High priority has a 30-minute first-response goal (set through setSla); the others follow the request type's goal.
    const frt = priority === 'High' ? 30 : this.type.frt;
    this.t = this.created + Math.round(frt * (slow ? 0.8 + this.r() * 0.9 : 0.2 + this.r() * 0.6) * MIN);
    const warm = agent === this.priya || agent === HR_ONLY_AGENT.id;
    this.say(agent, this.pick(warm ? AGENT_TEXT.warm : AGENT_TEXT.brief), true, 0, 0);
    this.status('In Progress', agent);
  }

  smooth(): void {
    const { agent, type } = this;
    if (type.name === 'Onboard a new hire') {
      // Prepared, then parked until the start date (Pending does not count as waiting for support).
      this.status('Pending', agent, 60, 240);
      this.statusAt(this.step(type.ttr * 0.2, type.ttr * 0.6), 'Resolved');
    } else {
      this.statusAt(this.step(30, Math.min(type.ttr * 0.4, 16 * 60)), 'Resolved');
    }
    if (this.r() < 0.5) this.say(this.reporter, this.pick(CUSTOMER_TEXT.happy), true, 10, 240);
    this.answer(this.happyOrMeh(0.92), 0.6);
  }

  question(): void {
    const { agent, reporter } = this;
    this.say(agent, this.pick(AGENT_TEXT.question), true, 20, 120);
    this.status('Waiting for customer', agent, 1, 3);
    // The mid-flight ask ("how is it going so far?") appears now.
    this.answer(this.happyOrMeh(0.8), 0.55, 10, 180);
    this.say(reporter, this.pick(CUSTOMER_TEXT.info), true, 30, 600);
    this.status('In Progress', agent, 5, 60);
    this.statusAt(this.step(60, Math.min(this.type.ttr * 0.4, 16 * 60)), 'Resolved');
    if (this.r() < 0.4) this.say(reporter, this.pick(CUSTOMER_TEXT.happy), true, 10, 240);
    this.answer(this.happyOrMeh(0.85), 0.55);
  }

  /** The resolution SLA breaches, but the requester hears from us regularly: a breach that did not hurt. */
  breachInformed(): void {
    const { agent, type } = this;
    const updates = 2 + Math.floor(this.r() * 2);
    for (let i = 0; i < updates; i++)
      this.say(agent, this.pick(AGENT_TEXT.update), true, (type.ttr * 0.3) / 1.5, type.ttr * 0.45);
    this.statusAt(
      Math.max(this.t + 30 * MIN, this.created + Math.round(type.ttr * (1.15 + this.r() * 0.5) * MIN)),
      'Resolved',
    );
    this.t = this.out.at(-1)?.at ?? this.t;
    this.say(this.reporter, this.pick(CUSTOMER_TEXT.informed), true, 10, 180);
    this.answer(this.r() < 0.6 ? 'happy' : 'meh', 0.6);
  }

  /** Passed between agents, chased, breached: a breach that hurt (still open when stuck). */
  bounced(): void {
    const { agent, reporter, sam, priya } = this;
    const ring = this.project.key === 'HR' ? [sam, priya, HR_ONLY_AGENT.id] : [this.max, this.lena, sam, priya];
    const hops = 2 + Math.floor(this.r() * 3);
    for (let i = 0; i < hops; i++) {
      const next = ring[(ring.indexOf(agent) + i + 1) % ring.length] ?? sam;
      if (this.r() < 0.4) {
        const passer = next === agent ? agent : (ring[(ring.indexOf(agent) + i) % ring.length] ?? agent);
        this.say(passer, this.pick(AGENT_TEXT.pass), false, 10, 60);
      }
      this.out.push({ at: this.step(120, 600), kind: 'assign', ref: this.ref, who: next, actor: next });
      // From the second reassignment on the app asks "are we getting you to the right person?".
      if (i === 1) this.answer(this.r() < 0.85 ? 'unhappy' : 'meh', 0.75, 20, 240);
      if (this.r() < 0.75) this.say(reporter, this.pick(CUSTOMER_TEXT.chaser), true, 60, 480);
    }
    if (this.r() < 0.4) {
      const holder = ring[(ring.indexOf(agent) + hops) % ring.length] ?? agent;
      this.say(holder, this.pick(AGENT_TEXT.question), true, 30, 240);
      this.status('Waiting for customer', holder, 1, 3);
      this.answer('unhappy', 0.7, 10, 180);
      this.say(reporter, this.pick(CUSTOMER_TEXT.info), true, 60, 600);
      this.status('In Progress', agent, 5, 60);
    }
    this.say(reporter, this.pick(CUSTOMER_TEXT.angry), true, 60, 600);
    if (this.kind === 'stuck') {
      // Still open: more chasers, no resolution in sight.
      for (let i = 0; i < 3; i++) this.say(reporter, this.pick(CUSTOMER_TEXT.chaser), true, 600, 1800);
      return;
    }
    this.statusAt(
      Math.max(this.t + 60 * MIN, this.created + Math.round(this.type.ttr * (1.1 + this.r()) * MIN)),
      'Resolved',
    );
    this.t = this.out.at(-1)?.at ?? this.t;
    this.answer(this.r() < 0.5 ? 'angry' : 'unhappy', 0.75);
  }

  /** Closed fast (every SLA met) with the problem still there. */
  watermelon(): void {
    this.say(this.agent, this.pick(AGENT_TEXT.done), true, 10, 60);
    this.status('Resolved', this.agent, 1, 5);
    if (this.r() < 0.6) this.say(this.reporter, this.pick(CUSTOMER_TEXT.watermelon), true, 30, 300);
    this.answer(this.r() < 0.9 ? 'unhappy' : 'meh', 0.85);
  }

  reopened(): void {
    this.statusAt(this.step(60, this.type.ttr * 0.3), 'Resolved');
    this.say(this.reporter, this.pick(CUSTOMER_TEXT.reopen), true, 120, 1440);
    this.status('In Progress', this.agent, 5, 60);
    this.answer('unhappy', 0.6, 5, 60);
    this.statusAt(this.step(120, this.type.ttr * 0.4), 'Resolved');
    this.answer('meh', 0.5);
  }

  canceled(): void {
    this.statusAt(this.step(60, 600), 'Canceled');
  }
}

/** Who takes a ticket first, by the story it will tell. */
function firstAgent(
  r: () => number,
  pick: <T>(xs: readonly T[]) => T,
  project: Project,
  type: RequestType,
  kind: Kind,
): string {
  const [sam, priya, max, lena] = PEOPLE.agents.map((a) => a.id) as [string, string, string, string];
  const hr = project.key === 'HR';
  if (kind === 'bounced' || kind === 'stuck') return hr ? sam : pick([max, lena, max]);
  if (kind === 'breach-informed') return hr ? HR_ONLY_AGENT.id : pick([lena, priya]);
  if (kind === 'watermelon') return hr ? sam : pick([sam, sam, max]);
  return weighted(r, teamOf(project, type));
}

/** One ticket's journey as timed actions; tickets of the last week are more often stuck (still open, at risk). */
function journey(r: () => number, ref: number, created: number, horizon: number): Action[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const project = r() < 0.75 ? PROJECTS[0] : PROJECTS[1];
  if (!project) return [];
  const type = pick(project.types);
  const reporter = pick(PEOPLE.customers).id;
  const admin = PEOPLE.admins[0]?.id ?? PEOPLE.agents[0]?.id ?? '';
  const recent = horizon - created < 7 * DAY;
  let kind: Kind = weighted<Kind>(r, MIX[type.name] ?? [['smooth', 1]]);
  if (recent && kind !== 'watermelon' && r() < 0.2) kind = 'stuck';
  const agent = firstAgent(r, pick, project, type, kind);
  const priority = r() < 0.15 ? 'High' : r() < 0.8 ? 'Medium' : 'Low';
  const summary = pick(SUMMARIES[type.name] ?? ['Help needed']);
  const j = new Journey(r, ref, created, project, type, reporter, kind, agent);
  j.out.push({ at: created, kind: 'create', ref, project: project.key, type: type.name, summary, reporter, priority });
  j.opening(priority, admin);
  const story: Record<Kind, () => void> = {
    smooth: () => j.smooth(),
    question: () => j.question(),
    'breach-informed': () => j.breachInformed(),
    bounced: () => j.bounced(),
    stuck: () => j.bounced(),
    watermelon: () => j.watermelon(),
    reopened: () => j.reopened(),
    canceled: () => j.canceled(),
  };
  story[kind]();
  return j.out.filter((a) => a.at < horizon);
}

/** Every ticket's journey over `days` up to `horizon`, in time order. */
export function planDemo(
  r: () => number,
  count: number,
  days: number,
  horizon: number,
): { start: number; actions: Action[] } {
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
  return { start, actions };
}
