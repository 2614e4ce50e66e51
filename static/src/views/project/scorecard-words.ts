import {
  AT_RISK_MARGIN,
  DEFAULT_HALF_LIFE_DAYS,
  EXPERIENCE_SHARE,
  OPERATIONS_LIFT_CAP,
  WATERMELON_OPERATIONS_MIN,
} from '@domain/scoring/constants';
import { isLiftCapped } from '@domain/scoring/score';
import type { IndicatorCard, Scorecard } from '@domain/scorecard';
import { formatPercent, formatScore } from '../../ui/format';
import { INDICATOR_NAME } from '../../ui/indicator-names';

/**
 * What each figure of a scorecard means, in words a service owner reads: computed from the same
 * scorecard the figures come from, with the rules of SCORING.md (§2–§3) named, never a second
 * calculation of the score.
 */

const pct = (share: number): string => `${Math.round(share * 100)} %`;
const pts = (v: number): string => v.toFixed(1);

export function windowText(card: Scorecard): string {
  return card.window.kind === 'calendar-month' ? 'this calendar month' : `last ${card.window.days} days`;
}

export const STATUS_TEXT = {
  met: 'Met',
  'at-risk': 'At risk',
  breached: 'Breached',
  'not-enough-data': 'Not enough data',
} as const;

/** Why the card is in its band, against the target. */
export function statusReason(card: Scorecard): string {
  const target = formatScore(card.targetScore);
  if (card.status === 'not-enough-data') return notEnoughDataText(card);
  const score = card.score !== null ? formatScore(card.score) : '—';
  if (card.status === 'met') return `Met: ${score} is at or above the target ${target}.`;
  if (card.status === 'at-risk')
    return `At risk: ${score} is below the target ${target}, by less than ${AT_RISK_MARGIN} points.`;
  return `Breached: ${score} is more than ${AT_RISK_MARGIN} points below the target ${target}.`;
}

/** "Not enough data: 2 of 5 answers", with what counts as an answer. */
export function notEnoughDataText(card: Scorecard): string {
  return `Not enough data: ${effective(card.sampleSize)} of ${formatScore(card.minSample)} answers needed`;
}

function effective(n: number): string {
  return n < 10 ? n.toFixed(1).replace(/\.0$/, '') : n.toFixed(0);
}

/** How sure the score is: the amount of data (SCORING.md §3 confidence) and the interval's width. */
export function certainty(card: Scorecard): { data: string; precision: string | null; explain: string } {
  const level = { none: 'No data', low: 'Little data', medium: 'Some data', high: 'Plenty of data' }[card.confidence];
  const data = `${level} (≈ ${effective(card.sampleSize)} answers)`;
  const width = card.interval !== null ? card.interval.upper - card.interval.lower : null;
  const precision =
    width === null
      ? null
      : `${width < 10 ? 'narrow' : width < 25 ? 'moderate' : 'wide'} interval (${formatScore(width)} points)`;
  const explain =
    `“Data” counts the answers and scored comments behind the experience indicators, recent ones counting more ` +
    `(effective sample: none 0, little under 5, some under 30, plenty from 30). ` +
    (width === null
      ? 'Without enough data there is no interval.'
      : `How precise the score is shows in its 95 % interval: ${formatScore(width)} points wide here. ` +
        'Even with plenty of data the interval stays wide when answers are split between good and bad.');
  return { data, precision, explain };
}

/** The headline's arithmetic: X and O blended 70/30, operations lifting experience by at most 10. */
export function headlineExplain(card: Scorecard): string {
  const { experience: x, operations: o } = card;
  const decay = `Answers from the ${windowText(card)}; a day's weight halves every ${DEFAULT_HALF_LIFE_DAYS} days.`;
  if (x === null) return `No experience data yet, so no XLA score. ${decay}`;
  if (o === null) return `Score = experience ${formatScore(x)} (no operational data). ${decay}`;
  const blend = `${EXPERIENCE_SHARE} × ${pts(x)} + ${(1 - EXPERIENCE_SHARE).toFixed(1)} × ${pts(o)}`;
  if (isLiftCapped(x, o))
    return (
      `Score = experience ${pts(x)} + ${OPERATIONS_LIFT_CAP}: good operations (${pts(o)}) may lift a poor ` +
      `experience by at most ${OPERATIONS_LIFT_CAP} points (the blend ${blend} would be higher). ${decay}`
    );
  return `Score = ${blend} (70 % experience, 30 % operations) = ${pts(EXPERIENCE_SHARE * x + (1 - EXPERIENCE_SHARE) * o)}. ${decay}`;
}

export function intervalExplain(): string {
  return (
    'With this many answers the true score lies in this range 95 times in 100 (Wilson intervals carried ' +
    'through the same scoring). It is rarely centred on the score: near 0 or 100 the range leans toward the ' +
    'middle, and scores are clipped to 0–100.'
  );
}

/** One indicator's points: its score × its share of the group × the group's share of the XLA. */
export function contributionText(card: Scorecard, indicator: IndicatorCard): string {
  const name = INDICATOR_NAME[indicator.id];
  if (indicator.weight === 0) return `${name} has weight 0 in this XLA: shown, not counted.`;
  if (indicator.score === null || indicator.weightShare === null) return `${name} has no data in this window.`;
  if (indicator.contribution === null) return `${name} adds no points: the XLA has no score in this window.`;
  const { experience: x, operations: o } = card;
  const group = indicator.group === 'X' ? 'experience' : 'operations';
  const share = `${pts(indicator.score)} × ${pct(indicator.weightShare)} of ${group}`;
  const renormalised =
    indicator.weightShare !== indicator.weight
      ? ` (weight ${indicator.weight} out of the ${group} weights that have data)`
      : '';
  const capped = x !== null && o !== null && isLiftCapped(x, o);
  let rule: string;
  if (indicator.group === 'X') {
    rule = o === null || capped ? '' : ` × ${pct(EXPERIENCE_SHARE)} (experience share)`;
  } else {
    rule = capped
      ? ` × ${OPERATIONS_LIFT_CAP} / ${pts(o ?? 0)} (operations add at most ${OPERATIONS_LIFT_CAP} points)`
      : ` × ${pct(1 - EXPERIENCE_SHARE)} (operations share)`;
  }
  return `${share}${rule} = ${pts(indicator.contribution)} points${renormalised}.`;
}

/** How an indicator's score comes from its rate: smoothed toward the prior, floor → 0, target → 100. */
export function indicatorScoreText(indicator: IndicatorCard): string {
  if (indicator.rate === null || indicator.smoothedRate === null) return 'No data in this window.';
  return (
    `Observed ${formatPercent(indicator.rate)} (${indicator.good} of ${indicator.n} tickets, recent ones weigh more), ` +
    `pulled toward the ${indicator.priorSource === 'site' ? 'site-wide' : 'default'} rate ${formatPercent(indicator.prior)} ` +
    `as if ${formatScore(indicator.strength)} more tickets had it: ${formatPercent(indicator.smoothedRate)}. ` +
    `Floor ${formatPercent(indicator.floor)} scores 0, target ${formatPercent(indicator.target)} scores 100.`
  );
}

export { WATERMELON_OPERATIONS_MIN };
