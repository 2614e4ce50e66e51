import { token } from '@atlaskit/tokens';
import type { FatigueReasonCode, ResponseStats } from '@contracts/project';
import { formatPercent, NOT_ENOUGH_DATA } from '../../ui/format';
import { Muted } from '../../ui/section';

const FATIGUE_LABEL: Record<FatigueReasonCode, string> = {
  cooldown: 'Cooldown',
  'max-asks-reached': 'Max asks per ticket',
  'ask-pending': 'Ask already pending',
  'sampled-out': 'Sampling',
};

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</dt>
      <dd style={{ margin: 0, font: token('font.heading.small') }}>{value}</dd>
    </div>
  );
}

/** Are people answering, and are we asking too often? */
export function ResponseFiguresView({ figures }: { figures: ResponseStats }) {
  const held = figures.suppressed.filter((s) => s.count > 0);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      {/* padding 0: Atlaskit's css-reset indents a dl by 40 px. */}
      <dl style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300'), margin: 0, padding: 0 }}>
        <Figure
          label="Response rate"
          value={figures.responseRate !== null ? formatPercent(figures.responseRate) : NOT_ENOUGH_DATA}
        />
        <Figure label="Asks sent" value={String(figures.sent)} />
        <Figure label="Answered" value={String(figures.answered)} />
        <Figure label="Expired" value={String(figures.expired)} />
        <Figure
          label="Requesters asked"
          value={`${figures.requestersSaturated ? '≥ ' : ''}${figures.requestersAsked}`}
        />
        <Figure
          label="Asks per requester"
          value={figures.meanAsksPerRequester !== null ? figures.meanAsksPerRequester.toFixed(1) : '—'}
        />
      </dl>
      {held.length > 0 ? (
        <p style={{ margin: 0 }}>
          Held back by fatigue rules: {held.map((s) => `${FATIGUE_LABEL[s.reason]} ${s.count}`).join(' · ')}
        </p>
      ) : (
        <Muted>No ask was held back by a fatigue rule.</Muted>
      )}
    </div>
  );
}
