/**
 * Random but seeded ticket journeys, played on the local host's JSM site: every change makes the
 * site emit the product events real Jira would (created, updated, assigned, commented).
 */
import { HOUR, MINUTE, T0, type Host } from './harness';

export type JourneyAction =
  | {
      readonly at: number;
      readonly ref: number;
      readonly kind: 'create';
      readonly project: 'IT' | 'HR';
      readonly reporter: string;
      readonly priority: string;
    }
  | { readonly at: number; readonly ref: number; readonly kind: 'assign'; readonly who: string; readonly actor: string }
  | {
      readonly at: number;
      readonly ref: number;
      readonly kind: 'comment';
      readonly who: string;
      readonly text: string;
      readonly public: boolean;
    }
  | { readonly at: number; readonly ref: number; readonly kind: 'edit-last-comment'; readonly text: string }
  | {
      readonly at: number;
      readonly ref: number;
      readonly kind: 'status';
      readonly status: string;
      readonly actor: string;
    }
  | { readonly at: number; readonly ref: number; readonly kind: 'participant'; readonly who: string };

const REQUESTER_TEXT = [
  'Thanks, that works now!',
  'Any update on this?',
  'Still broken and I cannot work. Really frustrating.',
  'Here is the screenshot you asked for.',
  'Brilliant, thank you so much 🙏',
  'Hello? Is anyone looking at this? Still waiting.',
  'Ça ne marche toujours pas.',
  '',
];
const AGENT_TEXT = [
  'Looking into it now.',
  'Could you send a screenshot, please?',
  'Fixed, please check.',
  'Passing this to the network team.',
];

export interface People {
  readonly agents: readonly string[];
  readonly customers: readonly string[];
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
}

/** One ticket's journey: 3–9 timed actions over up to a few days. */
export function journey(r: () => number, ref: number, people: People, start: number): JourneyAction[] {
  const reporter = pick(r, people.customers);
  const agent = pick(r, people.agents);
  const out: JourneyAction[] = [
    {
      at: start,
      ref,
      kind: 'create',
      project: r() < 0.7 ? 'IT' : 'HR',
      reporter,
      priority: pick(r, ['High', 'Medium', 'Low']),
    },
  ];
  let t = start;
  let resolved = false;
  let commented = false;
  const steps = 2 + Math.floor(r() * 7);
  for (let i = 0; i < steps; i++) {
    t += Math.round((5 + r() * 600) * MINUTE);
    const roll = r();
    if (roll < 0.15) out.push({ at: t, ref, kind: 'assign', who: pick(r, people.agents), actor: agent });
    else if (roll < 0.35) {
      out.push({ at: t, ref, kind: 'comment', who: agent, text: pick(r, AGENT_TEXT), public: r() < 0.8 });
      commented = true;
    } else if (roll < 0.55) {
      out.push({ at: t, ref, kind: 'comment', who: reporter, text: pick(r, REQUESTER_TEXT), public: true });
      commented = true;
    } else if (roll < 0.6 && commented)
      out.push({ at: t, ref, kind: 'edit-last-comment', text: pick(r, REQUESTER_TEXT) });
    else if (roll < 0.65) {
      const other = pick(r, people.customers);
      if (other !== reporter) {
        out.push({ at: t, ref, kind: 'participant', who: other });
        t += MINUTE;
        out.push({ at: t, ref, kind: 'comment', who: other, text: pick(r, REQUESTER_TEXT), public: true });
        commented = true;
      }
    } else if (roll < 0.8)
      out.push({
        at: t,
        ref,
        kind: 'status',
        status: pick(r, ['In Progress', 'Waiting for customer', 'Pending']),
        actor: agent,
      });
    else if (!resolved) {
      out.push({ at: t, ref, kind: 'status', status: 'Resolved', actor: agent });
      resolved = true;
    } else {
      // Reopened: done → not done.
      out.push({ at: t, ref, kind: 'status', status: 'In Progress', actor: agent });
      resolved = false;
    }
  }
  if (!resolved && r() < 0.6) out.push({ at: t + HOUR, ref, kind: 'status', status: 'Resolved', actor: agent });
  return out;
}

/** `count` journeys starting over `days` days from T0, merged in time order. */
export function journeys(seed: () => number, count: number, people: People, days = 10): JourneyAction[] {
  const all: JourneyAction[] = [];
  for (let i = 0; i < count; i++) all.push(...journey(seed, i, people, T0 + Math.floor(seed() * days * 24) * HOUR));
  return all.sort((a, b) => a.at - b.at || a.ref - b.ref);
}

/** Plays the actions on the site with its clock at each action's time; returns the issue keys by ref. */
export async function playJourneys(
  h: Host,
  actions: readonly JourneyAction[],
  afterEach?: () => Promise<void>,
): Promise<Map<number, string>> {
  const keys = new Map<number, string>();
  const lastComment = new Map<number, { id: string; author: string }>();
  for (const a of actions) {
    h.site.setTime(a.at);
    if (a.kind === 'create') {
      const issue = h.site.createTicket({
        projectKey: a.project,
        summary: `Journey ${a.ref}`,
        reporter: a.reporter,
        priority: a.priority,
      });
      keys.set(a.ref, issue.key);
    } else {
      const key = keys.get(a.ref);
      if (key === undefined) continue;
      if (a.kind === 'assign') h.site.assign(key, a.who, a.actor);
      else if (a.kind === 'comment') {
        const c = h.site.comment(key, a.text, { author: a.who, public: a.public });
        lastComment.set(a.ref, { id: c.id, author: a.who });
      } else if (a.kind === 'edit-last-comment') {
        const c = lastComment.get(a.ref);
        if (c !== undefined) h.site.editComment(key, c.id, a.text, c.author);
      } else if (a.kind === 'status') h.site.transition(key, a.status, a.actor);
      else h.site.addParticipant(key, a.who);
    }
    if (afterEach) await afterEach();
  }
  return keys;
}
