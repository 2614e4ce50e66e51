/**
 * Expected (the reference model) against observed (the app on the local host), per category.
 * For each category: how many facts the model expects, how many the app shows exactly so, and
 * losses = expected − matched; facts the app shows that the model does not expect are counted
 * apart (extra). Every figure comes from this comparison; none is written by hand.
 */
import type { Scorecard } from '../../../src/domain/scorecard';
import type { History } from '../reference/history';
import { askKey, type Expected } from '../reference/model';
import { TOLERANCE, type IndicatorResult, type ModelScorecard } from '../reference/scoring';
import type { Observed } from './observe';
import type { Played } from './run';

export const CATEGORIES = [
  'asks',
  'refusals',
  'answers',
  'portal',
  'one-click',
  'manual',
  'outcomes',
  'scorecard values',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Tally {
  expected: number;
  matched: number;
  extra: number;
  /** Why facts did not match, first few per history. */
  readonly details: string[];
}

export type Report = Record<Category, Tally>;

export function emptyReport(): Report {
  const tally = (): Tally => ({ expected: 0, matched: 0, extra: 0, details: [] });
  const report: Partial<Report> = {};
  for (const c of CATEGORIES) report[c] = tally();
  return report as Report;
}

export function losses(t: Tally): number {
  return t.expected - t.matched;
}

export function addReports(into: Report, from: Report): void {
  for (const c of CATEGORIES) {
    into[c].expected += from[c].expected;
    into[c].matched += from[c].matched;
    into[c].extra += from[c].extra;
    into[c].details.push(...from[c].details);
  }
}

const MAX_DETAILS = 12;

function note(t: Tally, what: string): void {
  if (t.details.length < MAX_DETAILS) t.details.push(what);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function compare(history: History, expected: Expected, observed: Observed, played: Played): Report {
  const report = emptyReport();
  const keyOfId = new Map(observed.asks.map((a) => [a.id, a.key]));
  const askKeyOfId = (id: string | null): string | null =>
    id === null ? null : (keyOfId.get(id) ?? `unknown ask ${id}`);
  const tag = (s: string): string => `[${history.name}] ${s}`;

  // Asks: every ask sent, with its plan, waypoint, requester, times, mid-flight flag, status and reminder.
  {
    const t = report.asks;
    const seen = new Map(observed.asks.map((a) => [a.key, a]));
    for (const e of expected.asks) {
      t.expected += 1;
      const o = seen.get(askKey(e));
      const want = {
        waypoint: e.waypoint,
        requester: e.requester,
        expiresAt: e.expiresAt,
        midFlight: e.midFlight,
        status: e.status,
        reminded: e.reminded,
      };
      if (o === undefined) {
        note(t, tag(`ask ${askKey(e)} (${e.waypoint}) was not sent`));
        continue;
      }
      const got = {
        waypoint: o.waypoint,
        requester: o.requester,
        expiresAt: o.expiresAt,
        midFlight: o.midFlight,
        status: o.status,
        reminded: o.reminded,
      };
      if (same(want, got)) t.matched += 1;
      else note(t, tag(`ask ${askKey(e)}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`));
    }
    const wanted = new Set(expected.asks.map(askKey));
    for (const o of observed.asks)
      if (!wanted.has(o.key)) {
        t.extra += 1;
        note(t, tag(`unexpected ask ${o.key} (${o.waypoint}, ${o.status})`));
      }
  }

  // Answers: what each answered ask holds.
  {
    const t = report.answers;
    const seen = new Map(observed.asks.map((a) => [a.key, a]));
    for (const e of expected.asks) {
      const o = seen.get(askKey(e));
      if (e.answer === null) {
        if (o?.answer != null) {
          t.extra += 1;
          note(t, tag(`ask ${askKey(e)} holds an answer nobody entitled gave: ${JSON.stringify(o.answer)}`));
        }
        continue;
      }
      t.expected += 1;
      const want = { ...e.answer, reasons: [...e.answer.reasons].sort() };
      const got = o?.answer == null ? null : { ...o.answer, reasons: [...o.answer.reasons].sort() };
      if (
        got !== null &&
        same(
          [want.score, want.via, want.answeredAt, want.reasons, want.comment, want.lostTimeChoiceId],
          [got.score, got.via, got.answeredAt, got.reasons, got.comment, got.lostTimeChoiceId],
        )
      )
        t.matched += 1;
      else note(t, tag(`answer to ${askKey(e)}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`));
    }
  }

  // Refusals: every plan that reached its waypoint on an event or an agent's request and did not ask.
  {
    const t = report.refusals;
    const keyOf = (d: { ref: string; planId: string; at: number }): string => `${d.ref}|${d.planId}|${d.at}`;
    // The agent hears a manual refusal at once (compared under "manual"); events' decisions are kept.
    const compared = expected.decisions.filter((d) => d.source === 'event');
    const times = new Set(compared.map((d) => d.at));
    const tickTimes = new Set(history.steps.filter((s) => s.kind === 'tick').map((s) => s.at));
    const got = new Map<string, string[]>();
    for (const d of observed.decisions) {
      if (tickTimes.has(d.at) && !times.has(d.at)) continue;
      got.set(keyOf(d), [...(got.get(keyOf(d)) ?? []), d.asked ? 'asked' : d.reason]);
    }
    for (const e of compared) {
      const o = got.get(keyOf(e)) ?? [];
      const answer = e.asked ? 'asked' : null;
      const hit = o.findIndex((r) => (answer !== null ? r === answer : e.reasons.includes(r)));
      if (!e.asked) t.expected += 1;
      if (hit >= 0) {
        if (!e.asked) t.matched += 1;
        o.splice(hit, 1);
      } else if (!e.asked)
        note(
          t,
          tag(
            `${keyOf(e)} (${e.waypoint}): expected a refusal in ${JSON.stringify(e.reasons)}, the app kept ${JSON.stringify(o)}`,
          ),
        );
      got.set(keyOf(e), o);
    }
    for (const [k, rest] of got)
      for (const r of rest) {
        if (r === 'asked') continue; // an unexpected ask is counted under asks
        t.extra += 1;
        note(t, tag(`unexpected refusal ${k}: ${r}`));
      }
  }

  // Portal: what each person was shown, and what their answer did.
  {
    const t = report.portal;
    for (const e of expected.portal) {
      t.expected += 1;
      const o = played.portal.find((p) => p.step === e.step);
      const outcome =
        e.outcome.kind === 'recorded'
          ? ['recorded']
          : e.outcome.kind === 'refused'
            ? e.outcome.codes
            : ['nothing-shown'];
      const ok =
        o !== undefined &&
        askKeyOfId(o.shown) === e.shown &&
        outcome.includes(o.outcome) &&
        (o.foreignAttempt === null || o.foreignAttempt !== 'recorded');
      if (ok) t.matched += 1;
      else
        note(
          t,
          tag(
            `portal visit of ${e.who} on ${e.ref} (step ${e.step}): expected ${e.shown ?? 'nothing'} → ${outcome.join('|')}, got ${JSON.stringify(o)}`,
          ),
        );
    }
  }

  // One-click: the link's ask, what the POST did, that the GET and a replay recorded nothing.
  {
    const t = report['one-click'];
    for (const e of expected.oneClicks) {
      t.expected += 1;
      const o = played.oneClicks.find((p) => p.step === e.step);
      const ok =
        o !== undefined &&
        askKeyOfId(o.ask) === e.ask &&
        o.outcome === e.outcome &&
        o.getWrites === 0 &&
        (o.outcome === 'no-link' || o.replay === 'unchanged');
      if (ok) t.matched += 1;
      else
        note(
          t,
          tag(`one-click on ${e.ref} (step ${e.step}): expected ${e.ask} → ${e.outcome}, got ${JSON.stringify(o)}`),
        );
    }
  }

  // Manual asks: what "ask for feedback now" answered the agent.
  {
    const t = report.manual;
    for (const e of expected.decisions.filter((d) => d.source === 'manual')) {
      t.expected += 1;
      const o = played.manual.find((m) => m.ref === e.ref && m.at === e.at && m.planId === e.planId);
      const ok = o !== undefined && (e.asked ? o.outcome === 'asked' : e.reasons.includes(o.outcome));
      if (ok) t.matched += 1;
      else
        note(
          t,
          tag(
            `askNow ${e.planId} on ${e.ref} at ${e.at}: expected ${e.asked ? 'asked' : e.reasons.join('|')}, got ${o?.outcome}`,
          ),
        );
    }
  }

  // Outcomes: each ticket's good/bad per XLA and indicator, and the day it counts.
  {
    const t = report.outcomes;
    const key = (o: { ref: string; xlaId: string; indicator: string }): string => `${o.ref}|${o.xlaId}|${o.indicator}`;
    const seen = new Map(observed.outcomes.map((o) => [key(o), o]));
    for (const e of expected.outcomes) {
      t.expected += 1;
      const o = seen.get(key(e));
      if (o !== undefined && o.good === e.good && o.day === e.day) t.matched += 1;
      else
        note(
          t,
          tag(
            `outcome ${key(e)}: expected ${e.good ? 'good' : 'bad'} on ${e.day}, got ${o === undefined ? 'none' : `${o.good ? 'good' : 'bad'} on ${o.day}`}`,
          ),
        );
      seen.delete(key(e));
    }
    for (const [k, o] of seen) {
      t.extra += 1;
      note(t, tag(`unexpected outcome ${k}: ${o.good ? 'good' : 'bad'} on ${o.day}`));
    }
  }

  // Scorecard values: every figure of every scorecard, within 1e-9.
  {
    const t = report['scorecard values'];
    for (const [project, cards] of expected.scorecards) {
      const got = observed.scorecards.get(project) ?? [];
      for (const e of cards) {
        const o = got.find((c) => c.xlaId === e.xlaId);
        for (const [name, want, have] of scorecardValues(e, o)) {
          t.expected += 1;
          if (close(want, have)) t.matched += 1;
          else note(t, tag(`${project} ${e.xlaId} ${name}: expected ${String(want)}, got ${String(have)}`));
        }
      }
      for (const o of got)
        if (!cards.some((c) => c.xlaId === o.xlaId)) {
          t.extra += 1;
          note(t, tag(`${project}: unexpected scorecard ${o.xlaId}`));
        }
    }
  }
  return report;
}

type Value = number | string | boolean | null | undefined;

function close(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a));
  return a === b;
}

function indicatorValues(
  e: IndicatorResult,
  o: Scorecard['indicators'][number] | undefined,
): Array<[string, Value, Value]> {
  const p = `indicator ${e.id}`;
  return [
    [`${p} n`, e.n, o?.n],
    [`${p} good`, e.good, o?.good],
    [`${p} n_eff`, e.nEff, o?.nEff],
    [`${p} rate`, e.rate, o?.rate],
    [`${p} smoothed`, e.smoothed, o?.smoothedRate],
    [`${p} prior`, e.prior, o?.prior],
    [`${p} lower`, e.interval?.lower ?? null, o?.interval?.lower ?? null],
    [`${p} upper`, e.interval?.upper ?? null, o?.interval?.upper ?? null],
    [`${p} score`, e.score, o?.score],
  ];
}

/** The figures a scorecard shows, expected beside observed. */
export function scorecardValues(e: ModelScorecard, o: Scorecard | undefined): Array<[string, Value, Value]> {
  const c = e.composite;
  return [
    ['range from', e.range.from, o?.range.from],
    ['score', c.score, o?.score],
    ['status', c.status, o?.status],
    ['confidence', c.confidence, o?.confidence],
    ['sample size', c.sampleSize, o?.sampleSize],
    ['experience', c.status === 'not-enough-data' ? null : c.experience, o?.experience],
    ['operations', c.operations, o?.operations],
    ['previous score', e.previous.score, o?.trend.previousScore],
    ['watermelon', e.watermelon, o?.watermelon.flagged],
    ['happiness', e.happiness?.score ?? null, o?.happiness?.score ?? null],
    ['happiness lower', e.happiness?.interval.lower ?? null, o?.happiness?.interval.lower ?? null],
    ['happiness upper', e.happiness?.interval.upper ?? null, o?.happiness?.interval.upper ?? null],
    ['lost time mean', e.lostTime?.meanMinutes ?? null, o?.lostTime?.meanMinutes ?? null],
    ['lost time n', e.lostTime?.n ?? null, o?.lostTime?.n ?? null],
    ...e.indicators.flatMap((i) =>
      indicatorValues(
        i,
        o?.indicators.find((x) => x.id === i.id),
      ),
    ),
  ];
}
