/**
 * Are people answering, and are we asking too often? From the survey-activity cells every ticket
 * writes into the rollup buckets with its contribution (src/domain/rollup/survey-stats.ts): the
 * same O(days × shards) reads as the scorecards.
 */
import type { DashboardWindow, ResponseStats } from './read-models';
import { FATIGUE_REASONS, surveyStatsOf } from '../../domain/rollup';
import type { AppPorts } from '../ports';
import { loadProjectRollups } from './project-rollups';

export async function projectResponseStats(
  ports: AppPorts,
  projectId: string,
  w: DashboardWindow,
): Promise<ResponseStats> {
  const { buckets, range } = await loadProjectRollups(ports, projectId, w);
  const stats = surveyStatsOf(buckets, range);
  const closed = stats.answered + stats.expired;
  return {
    range,
    sent: stats.sent,
    answered: stats.answered,
    expired: stats.expired,
    responseRate: closed > 0 ? stats.answered / closed : null,
    requestersAsked: stats.requestersAsked,
    requestersSaturated: stats.requestersSaturated,
    meanAsksPerRequester: stats.requestersAsked > 0 ? stats.sent / stats.requestersAsked : null,
    suppressed: FATIGUE_REASONS.map((reason) => ({ reason, count: stats.held[reason] })),
    requesterComments: stats.requesterComments,
    notScoredLanguage: stats.notScoredLanguage,
  };
}
