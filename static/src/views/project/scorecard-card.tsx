import { Lozenge } from '../../ui/lozenge';
import { token } from '@atlaskit/tokens';
import type { Scorecard } from '@domain/scorecard';
import { Explain } from '../../ui/explain';
import { ArrowDownIcon } from '../../ui/icons/arrow-down';
import { ArrowRightIcon } from '../../ui/icons/arrow-right';
import { ArrowUpIcon } from '../../ui/icons/arrow-up';
import { formatScore, formatSigned } from '../../ui/format';
import { ScoreBar } from '../../ui/lazy-charts';
import { formatDate } from '@domain/i18n';
import { useMessages } from '../../i18n/messages';
import {
  certainty,
  headlineExplain,
  intervalExplain,
  notEnoughDataText,
  STATUS_KEY,
  statusReason,
  windowText,
} from './scorecard-words';

const APPEARANCE = { met: 'success', 'at-risk': 'moved', breached: 'removed', 'not-enough-data': 'default' } as const;

/** The headline of one XLA: score with its interval, band, how sure it is, target and trend. */
export function ScorecardCard({ card, compact = false }: { card: Scorecard; compact?: boolean }) {
  const m = useMessages();
  const scored = card.score !== null && card.status !== 'not-enough-data';
  const status = m.t(STATUS_KEY[card.status]);
  const spoken = scored
    ? m.t('projectPage.card.spoken', { score: formatScore(card.score ?? 0), status })
    : card.status === 'not-enough-data'
      ? status
      : m.t('projectPage.card.noScore');
  const sure = certainty(m, card);
  return (
    <article
      aria-label={m.t('projectPage.card.label', { name: card.name, spoken })}
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
        <Explain text={statusReason(m, card)}>
          <Lozenge appearance={APPEARANCE[card.status]} isBold={card.status === 'breached'}>
            {status}
          </Lozenge>
        </Explain>
      </div>
      {scored && card.score !== null ? (
        <>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: token('space.100'), flexWrap: 'wrap' }}>
            <Explain text={headlineExplain(m, card)}>
              <span style={{ font: token('font.heading.xlarge') }}>{formatScore(card.score)}</span>
            </Explain>
            {card.interval !== null ? (
              <Explain text={intervalExplain(m)}>
                <span style={{ color: token('color.text.subtle') }}>
                  {m.t('projectPage.card.interval', {
                    lower: formatScore(card.interval.lower),
                    upper: formatScore(card.interval.upper),
                  })}
                </span>
              </Explain>
            ) : null}
          </div>
          <ScoreBar
            score={card.score}
            interval={card.interval}
            target={card.targetScore}
            band={card.status === 'met' ? 'met' : card.status === 'at-risk' ? 'at-risk' : 'breached'}
            label={m.t('projectPage.card.bar', {
              score: formatScore(card.score),
              target: formatScore(card.targetScore),
            })}
          />
        </>
      ) : card.operationalOnly && card.operations !== null ? (
        <Explain text={m.t('projectPage.card.opsOnly.explain', { ops: formatScore(card.operations) })}>
          <span style={{ font: token('font.heading.small') }}>
            {m.t('projectPage.card.opsOnly.text', { ops: formatScore(card.operations) })}
          </span>
        </Explain>
      ) : (
        <Explain text={m.t('projectPage.card.needs', { need: formatScore(card.minSample), have: card.sampleSize })}>
          <span style={{ font: token('font.heading.small') }}>{notEnoughDataText(m, card)}</span>
        </Explain>
      )}
      <span style={{ color: token('color.text.subtle') }}>
        {m.t('projectPage.card.target', { target: formatScore(card.targetScore), window: windowText(m, card) })}
      </span>
      {scored ? (
        <Explain text={sure.explain}>
          <span style={{ color: token('color.text.subtle') }}>
            {sure.precision !== null
              ? m.t('projectPage.card.dataPrecision', { data: sure.data, precision: sure.precision })
              : sure.data}
          </span>
        </Explain>
      ) : null}
      <TrendLine card={card} />
    </article>
  );
}

function TrendLine({ card }: { card: Scorecard }) {
  const m = useMessages();
  const { trend } = card;
  const previous = m.t('projectPage.card.trend.range', {
    from: formatDate(m.locale, Date.parse(trend.previous.from)),
    to: formatDate(m.locale, Date.parse(trend.previous.to)),
  });
  if (trend.change === null || trend.direction === null) {
    return (
      <span style={{ color: token('color.text.subtlest') }}>
        {m.t(trend.previousScore === null ? 'projectPage.card.trend.noScore' : 'projectPage.card.trend.noComparable', {
          previous,
        })}
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
  const why = m.t(trend.real ? 'projectPage.card.trend.real' : 'projectPage.card.trend.noise', {
    previous,
    score: formatScore(trend.previousScore ?? 0),
  });
  return (
    <Explain text={why}>
      <span style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center', color: colour }}>
        <Arrow label="" color="currentColor" size="small" />
        {m.t('projectPage.card.trend.line', { change: formatSigned(trend.change), real: trend.real ? 'yes' : 'no' })}
      </span>
    </Explain>
  );
}
