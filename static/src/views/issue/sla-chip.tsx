import { token } from '@atlaskit/tokens';
import type { SlaReadingView, SlaStandingView } from '@contracts/agent';
import type { Locale, Translator } from '@domain/i18n';
import { useMessages } from '../../i18n/messages';
import { Explain } from '../../ui/explain';
import { Lozenge, type LozengeAppearance } from '../../ui/lozenge';
import { numberFormat } from '@domain/i18n/formatters';

const APPEARANCE: Readonly<Record<SlaStandingView['state'], LozengeAppearance>> = {
  breached: 'removed',
  'at-risk': 'moved',
  'on-track': 'inprogress',
  paused: 'default',
  met: 'success',
};

const STATE_KEY = {
  breached: 'issuePanel.sla.state.breached',
  'at-risk': 'issuePanel.sla.state.atRisk',
  'on-track': 'issuePanel.sla.state.onTrack',
  paused: 'issuePanel.sla.state.paused',
  met: 'issuePanel.sla.state.met',
} as const satisfies Readonly<Record<SlaStandingView['state'], string>>;

function unit(locale: Locale, n: number, name: 'minute' | 'hour' | 'day'): string {
  return numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(n);
}

/**
 * A length of time as people say it, in one or two units like Jira's SLA panel: "2 hours 5 minutes",
 * "3 Tage 4 Stunden"; the units and their plurals are Intl's for the reader's locale.
 */
export function durationWords(m: Translator, ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return unit(m.locale, minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const [big, small] =
    hours < 48
      ? [unit(m.locale, hours, 'hour'), minutes % 60 === 0 ? null : unit(m.locale, minutes % 60, 'minute')]
      : [unit(m.locale, Math.floor(hours / 24), 'day'), hours % 24 === 0 ? null : unit(m.locale, hours % 24, 'hour')];
  return small === null ? big : m.t('issuePanel.sla.twoUnits', { big, small });
}

/** "2 hours overdue", "20 minutes left", "1 hour to spare"; null when JSM gave no time. */
function timeWords(m: Translator, s: SlaStandingView): string | null {
  if (s.remainingMs === null) return null;
  const time = durationWords(m, s.remainingMs);
  if (s.remainingMs < 0) return m.t('issuePanel.sla.overdue', { time });
  return s.state === 'met' ? m.t('issuePanel.sla.toSpare', { time }) : m.t('issuePanel.sla.left', { time });
}

function standingWords(m: Translator, s: SlaStandingView): string {
  const time = timeWords(m, s);
  const state = m.t(STATE_KEY[s.state]);
  const line =
    time === null
      ? m.t('issuePanel.sla.standing', { name: s.name, state })
      : m.t('issuePanel.sla.standingTime', { name: s.name, state, time });
  return s.breachedBefore && s.state !== 'breached' ? m.t('issuePanel.sla.breachedEarlier', { line }) : line;
}

/**
 * The SLA chip: the worst of the ticket's SLAs as JSM computes them now, with the time left or
 * overdue; every SLA in its explanation. A failed read says so instead of guessing.
 */
export function SlaChip({ reading }: { reading: SlaReadingView }) {
  const m = useMessages();
  if (reading.read === 'failed')
    return (
      <Explain text={m.t('issuePanel.sla.failed.explain')}>
        <Lozenge appearance="default">{m.t('issuePanel.sla.failed.title')}</Lozenge>
      </Explain>
    );
  const [worst] = reading.slas;
  // The read stopped at its bound with more pages left: the chip speaks for the first SLAs only.
  const firstOnly = reading.more === true ? m.t('issuePanel.sla.firstOnly', { count: reading.slas.length }) : null;
  if (worst === undefined)
    return (
      <Explain text={m.t('issuePanel.sla.none.explain')}>
        <Lozenge appearance="default">{m.t('issuePanel.sla.none.title')}</Lozenge>
      </Explain>
    );
  const time = timeWords(m, worst);
  const earlierBreach = worst.state !== 'breached' && reading.slas.some((s) => s.breachedBefore);
  const headline =
    worst.state === 'met' && reading.slas.length > 1
      ? m.t('issuePanel.sla.allMet')
      : m.t('issuePanel.sla.headline', { state: m.t(STATE_KEY[worst.state]) });
  const detail = time === null ? worst.name : m.t('issuePanel.sla.nameTime', { name: worst.name, time });
  return (
    <>
      <Explain
        text={
          <>
            {reading.slas.map((s) => (
              <span key={s.name} style={{ display: 'block' }}>
                {m.t('issuePanel.sla.sentence', { text: standingWords(m, s) })}
              </span>
            ))}
            <span style={{ display: 'block' }}>{m.t('issuePanel.sla.how')}</span>
          </>
        }
      >
        <Lozenge appearance={APPEARANCE[worst.state]}>{headline}</Lozenge>{' '}
        <span>{earlierBreach ? m.t('issuePanel.sla.earlierCycle', { detail }) : detail}</span>
      </Explain>
      {firstOnly !== null ? (
        <span className="sentio-sla-first-only" style={{ display: 'block', color: token('color.text.subtle') }}>
          {firstOnly}
        </span>
      ) : null}
    </>
  );
}
