import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Scorecard } from '@domain/scorecard';
import { formatSigned, NOT_ENOUGH_DATA } from '../../ui/format';

const STATUS = {
  met: { text: 'Met', appearance: 'success' },
  'at-risk': { text: 'At risk', appearance: 'moved' },
  breached: { text: 'Breached', appearance: 'removed' },
  'not-enough-data': { text: NOT_ENOUGH_DATA, appearance: 'default' },
} as const;

const CONFIDENCE = {
  none: 'no confidence',
  low: 'low confidence',
  medium: 'medium confidence',
  high: 'high confidence',
} as const;

function windowText(card: Scorecard): string {
  return card.window.kind === 'calendar-month' ? 'this calendar month' : `last ${card.window.days} days`;
}

/** The headline of one XLA: score with its interval, band, confidence, target and trend. */
export function ScorecardCard({ card, compact = false }: { card: Scorecard; compact?: boolean }) {
  const status = STATUS[card.status];
  const headline = headlineOf(card);
  return (
    <article
      aria-label={`${card.name}: ${headline.spoken}`}
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large'),
        padding: token('space.150'),
        background: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.075'),
        minWidth: compact ? 0 : 220,
        // In the gadget the cards stack in a column, where a 220 px basis would be their height.
        flex: compact ? '0 0 auto' : '1 1 220px',
      }}
    >
      <div
        style={{ display: 'flex', justifyContent: 'space-between', gap: token('space.100'), alignItems: 'flex-start' }}
      >
        <strong>{card.name}</strong>
        <Lozenge appearance={status.appearance} isBold={card.status === 'breached'}>
          {status.text}
        </Lozenge>
      </div>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: token('space.100'), flexWrap: 'wrap' }}>
        <span style={{ font: headline.big ? token('font.heading.xlarge') : token('font.heading.small') }}>
          {headline.text}
        </span>
        {card.interval !== null && card.score !== null ? (
          <span style={{ color: token('color.text.subtle') }}>
            95 % interval {card.interval.lower.toFixed(0)}–{card.interval.upper.toFixed(0)}
          </span>
        ) : null}
      </div>
      <span style={{ color: token('color.text.subtle') }}>
        Target {card.targetScore} · {CONFIDENCE[card.confidence]} (n ≈ {card.sampleSize.toFixed(0)}, minimum{' '}
        {card.minSample}) · {windowText(card)}
      </span>
      <TrendLine card={card} />
    </article>
  );
}

function headlineOf(card: Scorecard): { text: string; spoken: string; big: boolean } {
  if (card.score !== null && card.status !== 'not-enough-data') {
    return {
      text: card.score.toFixed(0),
      spoken: `score ${card.score.toFixed(0)} of 100, ${STATUS[card.status].text}`,
      big: true,
    };
  }
  if (card.operationalOnly && card.operations !== null) {
    return {
      text: `Operational only: ${card.operations.toFixed(0)}`,
      spoken: `no experience data, operations ${card.operations.toFixed(0)}`,
      big: false,
    };
  }
  return { text: NOT_ENOUGH_DATA, spoken: NOT_ENOUGH_DATA, big: false };
}

function TrendLine({ card }: { card: Scorecard }) {
  const { trend } = card;
  if (trend.change === null || trend.direction === null) {
    return (
      <span style={{ color: token('color.text.subtlest') }}>
        No trend: the previous window has {trend.previousScore === null ? 'no score' : 'no comparable score'}.
      </span>
    );
  }
  const arrow = trend.direction === 'up' ? '▲' : trend.direction === 'down' ? '▼' : '▶';
  const colour = !trend.real
    ? token('color.text.subtle')
    : trend.direction === 'up'
      ? token('color.text.success')
      : trend.direction === 'down'
        ? token('color.text.danger')
        : token('color.text.subtle');
  return (
    <span style={{ display: 'flex', gap: token('space.075'), alignItems: 'center', flexWrap: 'wrap' }}>
      <span style={{ color: colour }}>
        <span aria-hidden>{arrow} </span>
        {formatSigned(trend.change)} points vs previous window
      </span>
      {trend.real ? (
        <Lozenge appearance="inprogress">Real change</Lozenge>
      ) : (
        <span style={{ color: token('color.text.subtlest') }}>(within noise)</span>
      )}
    </span>
  );
}
