import {
  AT_RISK_MARGIN,
  DEFAULT_HALF_LIFE_DAYS,
  EXPERIENCE_SHARE,
  OPERATIONS_LIFT_CAP,
  WATERMELON_OPERATIONS_MIN,
} from '@domain/scoring/constants';
import { isLiftCapped } from '@domain/scoring/score';
import type { IndicatorId } from '@domain/indicator';
import type { MessageKey, Translator } from '@domain/i18n';
import type { IndicatorCard, Scorecard } from '@domain/scorecard';
import { formatPercent } from '@domain/i18n/format';
import { formatScore } from '../../ui/format';
import { numberFormat } from '@domain/i18n/formatters';

/**
 * What each figure of a scorecard means, in words a service owner reads: computed from the same
 * scorecard the figures come from, with the rules of SCORING.md (§2–§3) named, never a second
 * calculation of the score. The words are the project page's message files (locales/project).
 */

export const STATUS_KEY = {
  met: 'projectPage.card.status.met',
  'at-risk': 'projectPage.card.status.atRisk',
  breached: 'projectPage.card.status.breached',
  'not-enough-data': 'projectPage.card.status.notEnoughData',
} as const satisfies Readonly<Record<Scorecard['status'], MessageKey>>;

const INDICATOR_KEY = {
  csat: 'projectPage.indicatorName.csat',
  sentiment: 'projectPage.indicatorName.sentiment',
  sla: 'projectPage.indicatorName.sla',
  reopen: 'projectPage.indicatorName.reopen',
  reassign: 'projectPage.indicatorName.reassign',
  wait: 'projectPage.indicatorName.wait',
  chaser: 'projectPage.indicatorName.chaser',
} as const satisfies Readonly<Record<IndicatorId, MessageKey>>;

/** An indicator's short name in the reader's words ("Satisfaction", "Zufriedenheit"). */
export function indicatorName(m: Translator, id: IndicatorId): string {
  return m.t(INDICATOR_KEY[id]);
}

export function windowText(m: Translator, card: Scorecard): string {
  return card.window.kind === 'calendar-month'
    ? m.t('projectPage.card.window.month')
    : m.t('projectPage.card.window.days', { days: card.window.days });
}

/** Why the card is in its band, against the target. */
export function statusReason(m: Translator, card: Scorecard): string {
  if (card.status === 'not-enough-data') return notEnoughDataText(m, card);
  const values = {
    score: card.score !== null ? formatScore(card.score) : '—',
    target: formatScore(card.targetScore),
    margin: AT_RISK_MARGIN,
  };
  if (card.status === 'met') return m.t('projectPage.card.reason.met', values);
  if (card.status === 'at-risk') return m.t('projectPage.card.reason.atRisk', values);
  return m.t('projectPage.card.reason.breached', values);
}

/** "Not enough data: 2 of 5 answers", with what counts as an answer. */
export function notEnoughDataText(m: Translator, card: Scorecard): string {
  return m.t('projectPage.card.notEnoughData', { have: effective(card.sampleSize), need: formatScore(card.minSample) });
}

/** An effective sample as people count it: one decimal under 10 ("2.5"), whole above. */
function effective(n: number): number {
  return n < 10 ? Math.round(n * 10) / 10 : Math.round(n);
}

const LEVEL_KEY = {
  none: 'projectPage.card.confidence.none',
  low: 'projectPage.card.confidence.low',
  medium: 'projectPage.card.confidence.medium',
  high: 'projectPage.card.confidence.high',
} as const satisfies Readonly<Record<Scorecard['confidence'], MessageKey>>;

/** How sure the score is: the amount of data (SCORING.md §3 confidence) and the interval's width. */
export function certainty(m: Translator, card: Scorecard): { data: string; precision: string | null; explain: string } {
  const data = m.t('projectPage.card.data', {
    level: m.t(LEVEL_KEY[card.confidence]),
    answers: effective(card.sampleSize),
  });
  const width = card.interval !== null ? card.interval.upper - card.interval.lower : null;
  const points = width === null ? '' : formatScore(width);
  const precision =
    width === null
      ? null
      : m.t(
          width < 10
            ? 'projectPage.card.precision.narrow'
            : width < 25
              ? 'projectPage.card.precision.moderate'
              : 'projectPage.card.precision.wide',
          { points },
        );
  const explain = `${m.t('projectPage.card.explainData')} ${
    width === null ? m.t('projectPage.card.explainNoInterval') : m.t('projectPage.card.explainInterval', { points })
  }`;
  return { data, precision, explain };
}

/** The headline's arithmetic: X and O blended 70/30, operations lifting experience by at most 10. */
export function headlineExplain(m: Translator, card: Scorecard): string {
  const { experience: x, operations: o } = card;
  const decay = m.t('projectPage.card.decay', { window: windowText(m, card), days: DEFAULT_HALF_LIFE_DAYS });
  if (x === null) return m.t('projectPage.card.headline.noExperience', { decay });
  if (o === null) return m.t('projectPage.card.headline.experienceOnly', { x: formatScore(x), decay });
  const blend = m.t('projectPage.card.headline.blend', {
    xShare: EXPERIENCE_SHARE,
    x,
    oShare: 1 - EXPERIENCE_SHARE,
    o,
  });
  if (isLiftCapped(x, o))
    return m.t('projectPage.card.headline.capped', { x, o, cap: OPERATIONS_LIFT_CAP, blend, decay });
  const total = EXPERIENCE_SHARE * x + (1 - EXPERIENCE_SHARE) * o;
  return m.t('projectPage.card.headline.blended', { blend, total, decay });
}

export function intervalExplain(m: Translator): string {
  return m.t('projectPage.card.intervalExplain');
}

/** One indicator's points: its score × its share of the group × the group's share of the XLA. */
export function contributionText(m: Translator, card: Scorecard, indicator: IndicatorCard): string {
  const name = indicatorName(m, indicator.id);
  if (indicator.weight === 0) return m.t('projectPage.card.contribution.notCounted', { name });
  if (indicator.score === null || indicator.weightShare === null)
    return m.t('projectPage.card.contribution.noData', { name });
  if (indicator.contribution === null) return m.t('projectPage.card.contribution.noScore', { name });
  const { experience: x, operations: o } = card;
  const group = indicator.group;
  const share = m.t('projectPage.card.contribution.share', {
    score: indicator.score,
    share: formatPercent(m.locale, indicator.weightShare),
    group,
  });
  const renormalised =
    indicator.weightShare !== indicator.weight
      ? m.t('projectPage.card.contribution.renormalised', { weight: indicator.weight, group })
      : '';
  const capped = x !== null && o !== null && isLiftCapped(x, o);
  let rule: string;
  if (group === 'X') {
    rule =
      o === null || capped
        ? ''
        : m.t('projectPage.card.contribution.experienceShare', { share: formatPercent(m.locale, EXPERIENCE_SHARE) });
  } else {
    rule = capped
      ? m.t('projectPage.card.contribution.liftCap', { cap: OPERATIONS_LIFT_CAP, o: o ?? 0 })
      : m.t('projectPage.card.contribution.operationsShare', { share: formatPercent(m.locale, 1 - EXPERIENCE_SHARE) });
  }
  return m.t('projectPage.card.contribution.total', { share, rule, points: indicator.contribution, renormalised });
}

/** How an indicator's score comes from its rate: smoothed toward the prior, floor → 0, target → 100. */
export function indicatorScoreText(m: Translator, indicator: IndicatorCard): string {
  if (indicator.rate === null || indicator.smoothedRate === null) return m.t('projectPage.card.indicatorScore.noData');
  return m.t('projectPage.card.indicatorScore.text', {
    rate: formatPercent(m.locale, indicator.rate),
    good: indicator.good,
    n: indicator.n,
    source: indicator.priorSource === 'site' ? 'site' : 'default',
    prior: formatPercent(m.locale, indicator.prior),
    strength: formatScore(indicator.strength),
    smoothed: formatPercent(m.locale, indicator.smoothedRate),
    floor: formatPercent(m.locale, indicator.floor),
    target: formatPercent(m.locale, indicator.target),
  });
}

/** Points with one decimal as the reader writes them: "39.2", "39,2". */
export function pointsText(m: Translator, points: number): string {
  return numberFormat(m.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(points);
}

export { WATERMELON_OPERATIONS_MIN };
