import { token } from '@atlaskit/tokens';
import type { FatigueReasonCode, ResponseStats } from '@contracts/project';
import { formatNumber, formatPercent, type MessageKey, type Translator } from '@domain/i18n';
import { useMessages } from '../../i18n/messages';
import { Explain } from '../../ui/explain';
import { WarningIcon } from '../../ui/icons/warning';
import { Muted } from '../../ui/section';
import { listFormat } from '@domain/i18n/formatters';

const FATIGUE_LABEL: Record<FatigueReasonCode, MessageKey> = {
  cooldown: 'projectPage.response.held.cooldown',
  'max-asks-reached': 'projectPage.response.held.max-asks-reached',
  'ask-pending': 'projectPage.response.held.ask-pending',
  'sampled-out': 'projectPage.response.held.sampled-out',
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

/**
 * The share of requester comments the English scorer could not read, with its denominator in words:
 * they are left out of tone (SCORING.md §4), so a large share means tone says little for this project.
 */
export function languageShareText(m: Translator, figures: ResponseStats): string {
  if (figures.requesterComments === 0) return m.t('projectPage.response.language.none');
  return m.t('projectPage.response.language.share', {
    share: formatPercent(m.locale, figures.notScoredLanguage / figures.requesterComments),
    count: figures.notScoredLanguage,
    total: figures.requesterComments,
  });
}

/** Are people answering, and are we asking too often? And how much of what they wrote could be read? */
export function ResponseFiguresView({ figures }: { figures: ResponseStats }) {
  const m = useMessages();
  const n = (x: number, digits = 0) => formatNumber(m.locale, x, digits);
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
          label={m.t('projectPage.response.rate')}
          value={
            figures.responseRate !== null
              ? formatPercent(m.locale, figures.responseRate)
              : m.t('projectPage.response.noneClosed')
          }
          explain={m.t('projectPage.response.rateExplain', { answered: figures.answered, closed, pending })}
        />
        <Figure
          label={m.t('projectPage.response.sent')}
          value={n(figures.sent)}
          explain={m.t('projectPage.response.sentExplain')}
        />
        <Figure
          label={m.t('projectPage.response.answered')}
          value={n(figures.answered)}
          explain={m.t('projectPage.response.answeredExplain')}
        />
        <Figure
          label={m.t('projectPage.response.expired')}
          value={n(figures.expired)}
          explain={m.t('projectPage.response.expiredExplain')}
        />
        <Figure
          label={m.t('projectPage.response.waiting')}
          value={n(pending)}
          explain={m.t('projectPage.response.waitingExplain')}
        />
        <Figure
          label={m.t('projectPage.response.requesters')}
          value={
            figures.requestersSaturated
              ? m.t('projectPage.response.atLeast', { count: n(figures.requestersAsked) })
              : n(figures.requestersAsked)
          }
          explain={m.t('projectPage.response.requestersExplain')}
        />
        <Figure
          label={m.t('projectPage.response.perRequester')}
          value={perRequester !== null ? n(perRequester, 1) : '—'}
          explain={m.t('projectPage.response.perRequesterExplain', { limit: FATIGUE_ASKS_PER_REQUESTER })}
        />
        <Figure
          label={m.t('projectPage.response.language.label')}
          value={
            figures.requesterComments > 0
              ? formatPercent(m.locale, figures.notScoredLanguage / figures.requesterComments)
              : '—'
          }
          explain={m.t('projectPage.response.language.explain')}
        />
      </dl>
      <p style={{ margin: 0 }} data-testid="language-share">
        {languageShareText(m, figures)}
      </p>
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
          {m.t('projectPage.response.fatigue', { times: n(perRequester, 1) })}
        </p>
      ) : null}
      {held.length > 0 ? (
        <p style={{ margin: 0 }}>
          {m.t('projectPage.response.heldBack', {
            list: listFormat(m.locale, { style: 'long', type: 'conjunction' }).format(
              held.map((s) =>
                m.t('projectPage.response.heldItem', { count: s.count, why: m.t(FATIGUE_LABEL[s.reason]) }),
              ),
            ),
          })}
        </p>
      ) : (
        <Muted>{m.t('projectPage.response.noneHeld')}</Muted>
      )}
    </div>
  );
}
