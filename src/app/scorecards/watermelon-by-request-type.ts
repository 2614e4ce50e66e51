/**
 * The watermelon view (SCORING.md §3) per request type: each XLA scored over one request type's
 * rollup segments beside that segment's SLA-met rate. Reads the same buckets as the scorecards, so
 * it costs O(days × shards × segments), whatever the number of tickets.
 */
import type { DashboardWindow, WatermelonRow } from './read-models';
import type { RollupBucket } from '../../domain/rollup';
import type { Scorecard } from '../../domain/scorecard';
import { buildScorecard } from '../../domain/scoring';
import type { AppPorts } from '../ports';
import { loadProjectRollups } from './project-rollups';
import { requestTypeNameOf, requestTypeNames, type RequestTypeNames } from './request-type-names';
import { cachedSitePriors } from './cached-site-priors';

/** The buckets reduced to one XLA and one request type (null: tickets without a request type). */
function segmentBuckets(buckets: readonly RollupBucket[], xlaId: string, requestTypeId: string | null): RollupBucket[] {
  return buckets.flatMap((b) => {
    const rows = (b.x[xlaId] ?? []).filter((row) => row[0] === requestTypeId);
    return rows.length === 0 ? [] : [{ ...b, x: { [xlaId]: rows } }];
  });
}

function requestTypesOf(buckets: readonly RollupBucket[], xlaId: string): Array<string | null> {
  const ids = new Set<string | null>();
  for (const b of buckets) for (const row of b.x[xlaId] ?? []) ids.add(row[0]);
  return [...ids];
}

export function watermelonRowOf(
  card: Scorecard,
  requestTypeId: string | null,
  names: RequestTypeNames = new Map(),
): WatermelonRow {
  const sla = card.indicators.find((i) => i.id === 'sla');
  return {
    xlaId: card.xlaId,
    requestTypeId,
    requestTypeName: requestTypeNameOf(names, requestTypeId),
    slaMetRate: sla !== undefined && sla.n > 0 ? sla.rate : null,
    slaTickets: sla?.n ?? 0,
    xlaScore: card.score,
    operations: card.operations,
    status: card.status,
    sampleSize: card.sampleSize,
    tickets: Math.max(0, ...card.indicators.filter((i) => i.group === 'X').map((i) => i.n)),
    flagged: card.watermelon.flagged,
    basis: card.watermelon.basis,
    upper: card.watermelon.upper,
    threshold: card.watermelon.threshold,
  };
}

export async function watermelonByRequestType(ports: AppPorts, projectId: string, w: DashboardWindow) {
  const [{ xlas, buckets, today, range }, priors, names] = await Promise.all([
    loadProjectRollups(ports, projectId, w),
    cachedSitePriors(ports),
    requestTypeNames(ports),
  ]);
  const rows: WatermelonRow[] = [];
  for (const xla of xlas) {
    const perType = requestTypesOf(buckets, xla.id).map((rt) =>
      watermelonRowOf(
        buildScorecard(xla, segmentBuckets(buckets, xla.id, rt), today, { sitePriors: priors.get(xla.id) }),
        rt,
        names,
      ),
    );
    // Request types with nothing in the current window (only in the previous one) are left out.
    const shown = perType.filter((r) => r.tickets > 0 || r.slaTickets > 0);
    shown.sort(
      (a, b) =>
        Number(b.flagged) - Number(a.flagged) ||
        b.tickets + b.slaTickets - (a.tickets + a.slaTickets) ||
        String(a.requestTypeId).localeCompare(String(b.requestTypeId)),
    );
    rows.push(...shown);
  }
  return { range: xlas.length === 0 ? null : range, xlas: xlas.map((x) => ({ xlaId: x.id, name: x.name })), rows };
}
