import { Lozenge } from '../../ui/lozenge';
import { token } from '@atlaskit/tokens';
import type { Scorecard } from '@domain/scorecard';
import { Explain } from '../../ui/explain';
import { ArrowDownIcon } from '../../ui/icons/arrow-down';
import { ArrowRightIcon } from '../../ui/icons/arrow-right';
import { ArrowUpIcon } from '../../ui/icons/arrow-up';
import { formatDate, formatScore, formatSigned } from '../../ui/format';
import { ScoreBar } from '../../ui/lazy-charts';
import {
  certainty,
  headlineExplain,
  intervalExplain,
  notEnoughDataText,
  STATUS_TEXT,
  statusReason,
  windowText,
} from './scorecard-words';

const APPEARANCE = { met: 'success', 'at-risk': 'moved', breached: 'removed', 'not-enough-data': 'default' } as const;

/** The headline of one XLA: score with its interval, band, how sure it is, target and trend. */
export function ScorecardCard({ card, compact = false }: { card: Scorecard; compact?: boolean }) {
  const scored = card.score !== null && card.status !== 'not-enough-data';
  const spoken = scored
    ? `score ${formatScore(card.score ?? 0)} of 100, ${STATUS_TEXT[card.status]}`
    : card.status === 'not-enough-data'
      ? STATUS_TEXT[card.status]
      : 'no score';
  const sure = certainty(card);
  return (
    <article
      aria-label={`${card.name}: ${spoken}`}
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large'),
        padding: token('space.150'),
        background: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.075'),
        minWidth: 0,
        // In the gadget the cards stack in a column, where a 260 px basis would be their height.
        flex: compact ? '0 0 auto' : '1 1 260px',
      }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: token('space.100'),
          alignItems: 'flex-start',
          flexWrap: 'wrap',
        }}
      >
        <strong>{card.name}</strong>
        <Explain text={statusReason(card)}>
          <Lozenge appearance={APPEARANCE[card.status]} isBold={card.status === 'breached'}>
            {STATUS_TEXT[card.status]}
          </Lozenge>
        </Explain>
      </div>
      {scored && card.score !== null ? (
        <>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: token('space.100'), flexWrap: 'wrap' }}>
            <Explain text={headlineExplain(card)}>
              <span style={{ font: token('font.heading.xlarge') }}>{formatScore(card.score)}</span>
            </Explain>
            {card.interval !== null ? (
              <Explain text={intervalExplain()}>
                <span style={{ color: token('color.text.subtle') }}>
                  95 % interval {formatScore(card.interval.lower)}–{formatScore(card.interval.upper)}
                </span>
              </Explain>
            ) : null}
          </div>
          <ScoreBar
            score={card.score}
            interval={card.interval}
            target={card.targetScore}
            band={card.status === 'met' ? 'met' : card.status === 'at-risk' ? 'at-risk' : 'breached'}
            label={`Score ${formatScore(card.score)} on a 0 to 100 bar, target ${formatScore(card.targetScore)}`}
          />
        </>
      ) : card.operationalOnly && card.operations !== null ? (
        <Explain
          text={`No survey answers or scored comments yet, so there is no XLA score. The operational indicators alone score ${formatScore(card.operations)}.`}
        >
          <span style={{ font: token('font.heading.small') }}>Operations only: {formatScore(card.operations)}</span>
        </Explain>
      ) : (
        <Explain
          text={`The XLA needs ${formatScore(card.minSample)} answers (recent ones count more) before it shows a score; it has ≈ ${card.sampleSize.toFixed(1)}.`}
        >
          <span style={{ font: token('font.heading.small') }}>{notEnoughDataText(card)}</span>
        </Explain>
      )}
      <span style={{ color: token('color.text.subtle') }}>
        Target {formatScore(card.targetScore)} · {windowText(card)}
      </span>
      {scored ? (
        <Explain text={sure.explain}>
          <span style={{ color: token('color.text.subtle') }}>
            {sure.data}
            {sure.precision !== null ? ` · ${sure.precision}` : ''}
          </span>
        </Explain>
      ) : null}
      <TrendLine card={card} />
    </article>
  );
}

function TrendLine({ card }: { card: Scorecard }) {
  const { trend } = card;
  const previous = `${formatDate(Date.parse(trend.previous.from))} – ${formatDate(Date.parse(trend.previous.to))}`;
  if (trend.change === null || trend.direction === null) {
    return (
      <span style={{ color: token('color.text.subtlest') }}>
        No trend: the previous window ({previous}) has{' '}
        {trend.previousScore === null ? 'no score' : 'no comparable score'}.
      </span>
    );
  }
  const Arrow = trend.direction === 'up' ? ArrowUpIcon : trend.direction === 'down' ? ArrowDownIcon : ArrowRightIcon;
  const colour = !trend.real
    ? token('color.text.subtle')
    : trend.direction === 'up'
      ? token('color.text.success')
      : trend.direction === 'down'
        ? token('color.text.danger')
        : token('color.text.subtle');
  const why = trend.real
    ? `A real change: at least one weighted indicator moved the same way by more than chance explains (its 95 % Newcombe interval excludes 0). Previous window ${previous}, score ${formatScore(trend.previousScore ?? 0)}.`
    : `Within noise: no weighted indicator moved by more than chance explains. Previous window ${previous}, score ${formatScore(trend.previousScore ?? 0)}.`;
  return (
    <Explain text={why}>
      <span style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center', color: colour }}>
        <Arrow label="" color="currentColor" size="small" />
        {formatSigned(trend.change)} points vs previous window {trend.real ? '(real change)' : '(within noise)'}
      </span>
    </Explain>
  );
}
