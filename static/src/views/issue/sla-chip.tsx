import type { SlaReadingView, SlaStandingView } from '@contracts/agent';
import { Explain } from '../../ui/explain';
import { Lozenge, type LozengeAppearance } from '../../ui/lozenge';

const APPEARANCE: Readonly<Record<SlaStandingView['state'], LozengeAppearance>> = {
  breached: 'removed',
  'at-risk': 'moved',
  'on-track': 'inprogress',
  paused: 'default',
  met: 'success',
};

const STATE_WORDS: Readonly<Record<SlaStandingView['state'], string>> = {
  breached: 'breached',
  'at-risk': 'at risk',
  'on-track': 'on track',
  paused: 'paused',
  met: 'met',
};

const units = new Map<string, Intl.NumberFormat>();
function unit(n: number, name: 'minute' | 'hour' | 'day'): string {
  let f = units.get(name);
  if (f === undefined)
    units.set(name, (f = new Intl.NumberFormat(undefined, { style: 'unit', unit: name, unitDisplay: 'long' })));
  return f.format(n);
}

/** A length of time as people say it, in one or two units like Jira's SLA panel: "2 hours 5 minutes", "3 days 4 hours". */
export function durationWords(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const [big, small] =
    hours < 48
      ? [unit(hours, 'hour'), minutes % 60 === 0 ? '' : unit(minutes % 60, 'minute')]
      : [unit(Math.floor(hours / 24), 'day'), hours % 24 === 0 ? '' : unit(hours % 24, 'hour')];
  return small === '' ? big : `${big} ${small}`;
}

/** "2 hours overdue", "20 minutes left", "met with 1 hour to spare"; empty when JSM gave no time. */
function timeWords(s: SlaStandingView): string {
  if (s.remainingMs === null) return '';
  const span = durationWords(s.remainingMs);
  if (s.remainingMs < 0) return `${span} overdue`;
  return s.state === 'met' ? `${span} to spare` : `${span} left`;
}

function standingWords(s: SlaStandingView): string {
  const time = timeWords(s);
  const before = s.breachedBefore && s.state !== 'breached' ? ' (breached in an earlier cycle)' : '';
  return `${s.name}: ${STATE_WORDS[s.state]}${time === '' ? '' : `, ${time}`}${before}`;
}

const HOW =
  'Read from Jira’s SLAs when this panel opened, as Jira’s SLA panel shows them: at risk is less than 30 minutes left.';

/**
 * The SLA chip: the worst of the ticket's SLAs as JSM computes them now, with the time left or
 * overdue; every SLA in its explanation. A failed read says so instead of guessing.
 */
export function SlaChip({ reading }: { reading: SlaReadingView }) {
  if (reading.read === 'failed')
    return (
      <Explain text="Jira did not answer when Sentio asked for this request’s SLAs. Jira’s SLA panel still shows them; reopen this panel to try again.">
        <Lozenge appearance="default">SLA could not be read</Lozenge>
      </Explain>
    );
  const [worst] = reading.slas;
  if (worst === undefined)
    return (
      <Explain text="Jira lists no running or completed SLA on this request.">
        <Lozenge appearance="default">No SLA running</Lozenge>
      </Explain>
    );
  const time = timeWords(worst);
  const earlierBreach = worst.state !== 'breached' && reading.slas.some((s) => s.breachedBefore);
  const headline = worst.state === 'met' && reading.slas.length > 1 ? 'SLAs met' : `SLA ${STATE_WORDS[worst.state]}`;
  return (
    <Explain
      text={
        <>
          {reading.slas.map((s) => (
            <span key={s.name} style={{ display: 'block' }}>
              {standingWords(s)}.
            </span>
          ))}
          <span style={{ display: 'block' }}>{HOW}</span>
        </>
      }
    >
      <Lozenge appearance={APPEARANCE[worst.state]}>{headline}</Lozenge>{' '}
      <span>
        {worst.name}
        {time === '' ? '' : `, ${time}`}
        {earlierBreach ? ' (an earlier cycle breached)' : ''}
      </span>
    </Explain>
  );
}
