/**
 * The project dashboard: scorecards, series, watermelon, at-risk tickets, verbatims, response
 * stats and CSV — from rollup buckets (O(days × shards) reads) and the at-risk index (one page),
 * never from a scan of tickets.
 */
import type { DashboardWindow } from '../contracts/project';
import type { RollupBucket } from '../domain/rollup';
import type { Scorecard } from '../domain/scorecard';
import { buildScorecard, currentWindow, previousWindow } from '../domain/scoring';
import { dayKeyOf } from '../domain/time';
import type { XlaDefinition, XlaWindow } from '../domain/xla';
import { ForbiddenError } from './errors';
import { effectiveConfig } from './load-config';
import { cachedSitePriors } from './site-priors';
import type { AppPorts, CallerJira } from './ports';
import { moodOf } from '../domain/ticket';

export async function assertProjectViewer(caller: CallerJira, projectId: string): Promise<void> {
  if (!(await caller.canBrowseProject(projectId)))
    throw new ForbiddenError('You need permission to browse this project.');
}

function windowOf(w: DashboardWindow): XlaWindow {
  return w === 'month' ? { kind: 'calendar-month' } : { kind: 'rolling', days: w === '7d' ? 7 : w === '90d' ? 90 : 30 };
}

async function bucketsFor(
  ports: AppPorts,
  generation: string,
  projectId: string,
  window: XlaWindow,
  today: string,
): Promise<RollupBucket[]> {
  const from = previousWindow(window, today).from;
  const stored = await ports.store.bucketsIn({
    generation,
    projectId,
    fromDay: from,
    toDay: currentWindow(window, today).to,
  });
  return stored.flatMap((b) => (b.bucket === null ? [] : [b.bucket]));
}

export async function buildScorecards(ports: AppPorts, projectId: string, w: DashboardWindow): Promise<Scorecard[]> {
  const config = await effectiveConfig(ports);
  const today = dayKeyOf(ports.clock.now());
  const window = windowOf(w);
  const xlas = config.xlas.filter(
    (x) => x.enabled && (x.scope.projectIds.length === 0 || x.scope.projectIds.includes(projectId)),
  );
  if (xlas.length === 0) return [];
  const [buckets, priors] = await Promise.all([
    bucketsFor(ports, config.rollups?.active ?? '', projectId, window, today),
    cachedSitePriors(ports),
  ]);
  // The site-wide μ of each XLA (src/app/site-priors.ts): one cached document, whatever the site's size.
  return xlas.map((xla: XlaDefinition) =>
    buildScorecard({ ...xla, window }, buckets, today, { sitePriors: priors.get(xla.id) }),
  );
}

export async function atRiskTickets(ports: AppPorts, projectId: string, minRiskScore: number, limit: number) {
  const tickets = await ports.store.atRiskTickets({ projectId, minRiskScore, limit });
  return tickets.map((t) => ({
    issueKey: t.experience.issueKey,
    riskScore: t.riskScore,
    mood: moodOf(t.experience)?.mood ?? null,
    lastScore: t.experience.answers[t.experience.answers.length - 1]?.score ?? null,
  }));
}

/** Verbatims of at-risk and recent tickets from the risk index (bounded by `limit`, not by tickets). */
export async function verbatims(ports: AppPorts, projectId: string, limit: number) {
  const tickets = await ports.store.atRiskTickets({ projectId, minRiskScore: 0, limit: 100 });
  return tickets
    .flatMap((t) =>
      t.experience.answers.flatMap((a) =>
        a.comment === null
          ? []
          : [{ issueKey: t.experience.issueKey, at: a.answeredAt, score: a.score, comment: a.comment }],
      ),
    )
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // Quote everything and neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function scorecardsCsv(cards: readonly Scorecard[]): string {
  const rows: Array<Array<string | number | null>> = [
    ['xla', 'from', 'to', 'score', 'status', 'confidence', 'indicator', 'indicator_score', 'n'],
  ];
  for (const c of cards) {
    rows.push([c.xlaId, c.range.from, c.range.to, c.score, c.status, c.confidence, '', null, c.sampleSize]);
    for (const i of c.indicators)
      rows.push([c.xlaId, c.range.from, c.range.to, c.score, c.status, c.confidence, i.id, i.score, i.n]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
}
