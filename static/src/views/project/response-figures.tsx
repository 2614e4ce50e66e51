import { token } from '@atlaskit/tokens';
import type { FatigueReasonCode, ResponseStats } from '@contracts/project';
import { Explain } from '../../ui/explain';
import { WarningIcon } from '../../ui/icons/warning';
import { formatPercent } from '../../ui/format';
import { Muted } from '../../ui/section';

const FATIGUE_LABEL: Record<FatigueReasonCode, string> = {
  cooldown: 'asked the same person too recently',
  'max-asks-reached': 'ticket already had its maximum asks',
  'ask-pending': 'an earlier ask was still waiting',
  'sampled-out': 'left out by sampling',
};

/** More asks per requester than this in one window reads as survey fatigue. */
export const FATIGUE_ASKS_PER_REQUESTER = 2;

function Figure({ label, value, explain }: { label: string; value: string; explain: string }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</dt>
      <dd style={{ margin: 0, font: token('font.heading.small') }}>
        <Explain text={explain}>{value}</Explain>
      </dd>
    </div>
  );
}

/** Are people answering, and are we asking too often? */
export function ResponseFiguresView({ figures }: { figures: ResponseStats }) {
  const held = figures.suppressed.filter((s) => s.count > 0);
  const closed = figures.answered + figures.expired;
  const pending = Math.max(0, figures.sent - closed);
  const perRequester = figures.meanAsksPerRequester;
  const fatigued = perRequester !== null && perRequester > FATIGUE_ASKS_PER_REQUESTER;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      {/* padding 0: Atlaskit's css-reset indents a dl by 40 px. */}
      <dl style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300'), margin: 0, padding: 0 }}>
        <Figure
          label="Response rate"
          value={figures.responseRate !== null ? formatPercent(figures.responseRate) : 'None closed yet'}
          explain={`Answered ÷ closed asks: ${figures.answered} answered of ${closed} that were answered or expired. ${pending} still waiting ${pending === 1 ? 'is' : 'are'} not counted until answered or expired.`}
        />
        <Figure
          label="Asks sent"
          value={String(figures.sent)}
          explain="Surveys created in this window, by any plan or by an agent."
        />
        <Figure
          label="Answered"
          value={String(figures.answered)}
          explain="Asks of this window the requester answered."
        />
        <Figure
          label="Expired"
          value={String(figures.expired)}
          explain="Asks that ran out of time without an answer."
        />
        <Figure label="Still waiting" value={String(pending)} explain="Asks sent − answered − expired: still open." />
        <Figure
          label="Requesters asked"
          value={`${figures.requestersSaturated ? 'at least ' : ''}${figures.requestersAsked}`}
          explain="Different people asked in this window (an estimate: exact for a few, within a few per cent for hundreds)."
        />
        <Figure
          label="Asks per requester"
          value={perRequester !== null ? perRequester.toFixed(1) : '—'}
          explain={`Asks sent ÷ requesters asked. Above ${FATIGUE_ASKS_PER_REQUESTER} in one window, people start to ignore surveys.`}
        />
      </dl>
      {fatigued ? (
        <p
          role="status"
          style={{
            margin: 0,
            display: 'flex',
            gap: token('space.050'),
            alignItems: 'center',
            color: token('color.text.warning'),
          }}
        >
          <WarningIcon label="" color="currentColor" size="small" />
          Survey fatigue: each requester was asked {perRequester.toFixed(1)} times on average in this window. Consider a
          longer cooldown or fewer waypoints.
        </p>
      ) : null}
      {held.length > 0 ? (
        <p style={{ margin: 0 }}>
          Held back by fatigue rules:{' '}
          {held.map((s) => `${s.count} ${s.count === 1 ? 'ask' : 'asks'} (${FATIGUE_LABEL[s.reason]})`).join(', ')}.
        </p>
      ) : (
        <Muted>No ask was held back by a fatigue rule.</Muted>
      )}
    </div>
  );
}
