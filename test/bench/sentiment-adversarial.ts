/**
 * Hostile comments through the production comment path (ADF → text → prepareComment → score): 100 KB
 * of one repeated character, digits, newlines, nested quotes, long URLs and the other shapes that
 * made a regex backtrack. Gates are same-run ratios, never wall-clock budgets:
 *   - cost: each 100 KB input costs at most MAX_TYPICAL_COMMENTS ordinary comments of the labelled
 *     service-desk set, measured in the same run;
 *   - growth: four times the input (5,000 → 20,000 characters, below every cap) costs at most
 *     MAX_GROWTH times as much (linear work gives 4×, quadratic 16×).
 * Absolute times are printed as information.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adfToText, createCommentScorer } from '../../src/domain/sentiment';
import { fmt, table, type BenchResult } from './lib';

export const MAX_TYPICAL_COMMENTS = 2_000;
export const MAX_GROWTH = 8;
const SIZE = 100_000;
const GROWTH_FROM = 5_000;
const GROWTH_TO = 20_000;
const MIN_SAMPLE_MS = 25;
const SAMPLES = 7;

interface Case {
  readonly name: string;
  /** A comment body of about n characters: text, or an ADF document (as Jira sends it). */
  readonly make: (n: number) => string | object;
}

const fill = (unit: string, n: number): string => unit.repeat(Math.max(1, Math.floor(n / unit.length)));
const paragraph = (text: string): object => ({ type: 'paragraph', content: [{ type: 'text', text }] });

export const ADVERSARIAL_CASES: readonly Case[] = [
  { name: 'one letter repeated (a…)', make: (n) => fill('a', n) },
  { name: 'one punctuation mark repeated (!…)', make: (n) => fill('!', n) },
  { name: 'one run of digits', make: (n) => fill('7', n) },
  { name: 'digit groups (1234567890 …)', make: (n) => fill('1234567890 ', n) },
  { name: 'newlines only', make: (n) => fill('\n', n) },
  { name: 'CR LF pairs', make: (n) => fill('\r\n', n) },
  { name: 'spaces between two words', make: (n) => `a${fill(' ', n)}b` },
  { name: 'spaces and tabs', make: (n) => `a${fill(' \t', n)}b` },
  { name: 'nested quote marks (>>>…)', make: (n) => fill('>', n) },
  { name: 'nested quoted lines (> > > text)', make: (n) => fill('> > > > > > > > still broken\n', n) },
  { name: 'unclosed {quote} / {code tags', make: (n) => fill('{quote}{code', n) },
  { name: 'backticks', make: (n) => fill('`', n) },
  { name: 'long URL', make: (n) => `see https://example.com/${fill('a/', n)}` },
  { name: 'long URL without scheme', make: (n) => `see example.com/${fill('ab.', n)}` },
  { name: 'e-mail-like run (aaa…@)', make: (n) => `${fill('a', n)}@` },
  { name: 'mention brackets ([~[~…)', make: (n) => fill('[~', n) },
  { name: 'reply-header-like lines', make: (n) => fill('On Monday the desk\n', n) },
  { name: '"From:" then blank lines', make: (n) => `From: agent\n${fill('\n', n)}Sent: Monday` },
  { name: 'sign-off lines (Thanks)', make: (n) => fill('Thanks\n', n) },
  { name: 'one-word sentences (bad. …)', make: (n) => fill('bad. ', n) },
  { name: 'filler words (the the …)', make: (n) => fill('the ', n) },
  { name: 'negators (not not …)', make: (n) => fill('not ', n) },
  { name: 'idioms (piece of cake …)', make: (n) => fill('piece of cake ', n) },
  { name: 'laughter (hahaha…)', make: (n) => `${fill('ha', n)}x` },
  { name: 'resolution claims (closed but still …)', make: (n) => fill('closed but still not fixed ', n) },
  { name: 'places (on the floor …)', make: (n) => fill('on the 3rd floor in room 4b ', n) },
  { name: 'thanks with problem words', make: (n) => fill('thanks, the error is gone ', n) },
  { name: 'praise openers (great, …)', make: (n) => fill('great, ', n) },
  { name: 'one long question (why …?)', make: (n) => `${fill('why does it keep ', n)}?` },
  { name: 'accented letter (é…)', make: (n) => fill('é', n) },
  { name: 'emoji (😡…)', make: (n) => fill('😡', n) },
  {
    name: 'ADF: one text node of spaces',
    make: (n) => ({ type: 'doc', version: 1, content: [paragraph(`a${fill(' ', n)}b`)] }),
  },
  {
    name: 'ADF: many short paragraphs',
    make: (n) => ({
      type: 'doc',
      version: 1,
      content: Array.from({ length: Math.floor(n / 10) }, () => paragraph('still bad')),
    }),
  },
];

/**
 * Milliseconds per call of fn: repeated until MIN_SAMPLE_MS has passed, the least of SAMPLES. The
 * least, not the median: on a shared machine other work only ever adds time, so the fastest sample
 * is the closest to the work itself.
 */
function msPerCall(fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s += 1) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      fn();
      calls += 1;
      elapsed = performance.now() - start;
    } while (elapsed < MIN_SAMPLE_MS);
    samples.push(elapsed / calls);
  }
  return Math.min(...samples);
}

function serviceDeskTexts(): string[] {
  const file = join(process.cwd(), 'test/fixtures/sentiment/service-desk.tsv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => (l.split('\t')[5] ?? '').replaceAll('\\n', '\n'));
}

export async function benchSentimentAdversarial(): Promise<BenchResult> {
  const score = createCommentScorer();
  // The production comment path: the event carries ADF, the app turns it into text and scores it.
  const run = (body: string | object): void => {
    score(adfToText(body));
  };
  const typical = serviceDeskTexts();
  const typicalMs = msPerCall(() => {
    for (const t of typical) run(t);
  });
  const perComment = typicalMs / typical.length;

  const rows: string[][] = [];
  let worstCost = 0;
  let worstGrowth = 0;
  let failures = 0;
  for (const c of ADVERSARIAL_CASES) {
    const big = c.make(SIZE);
    const ms = msPerCall(() => run(big));
    const small = c.make(GROWTH_FROM);
    const large = c.make(GROWTH_TO);
    const growth = msPerCall(() => run(large)) / msPerCall(() => run(small));
    const cost = ms / perComment;
    const ok = cost <= MAX_TYPICAL_COMMENTS && growth <= MAX_GROWTH;
    if (!ok) failures += 1;
    worstCost = Math.max(worstCost, cost);
    worstGrowth = Math.max(worstGrowth, growth);
    rows.push([c.name, fmt(ms, 2), fmt(cost, 0), fmt(growth, 1), ok ? 'met' : '**not met**']);
  }

  const detail = [
    `Production comment path (\`adfToText\` → \`prepareComment\` → \`score\`), each input ${SIZE.toLocaleString('en-GB')} characters. Typical comment: the ${typical.length} comments of \`test/fixtures/sentiment/service-desk.tsv\`, ${fmt(perComment * 1000, 1)} µs each in this run (${fmt(1000 / perComment, 0)} comments/s). Gates (same run): a 100 KB input costs ≤ ${MAX_TYPICAL_COMMENTS.toLocaleString('en-GB')} typical comments; ${GROWTH_FROM.toLocaleString('en-GB')} → ${GROWTH_TO.toLocaleString('en-GB')} characters grows the cost ≤ ${MAX_GROWTH}× (linear 4×, quadratic 16×). Times are the least of ${SAMPLES} samples of ≥ ${MIN_SAMPLE_MS} ms each.`,
    '',
    table(['input (100 KB)', 'ms (info)', 'typical comments', 'growth 4× input', ''], rows),
  ].join('\n');

  return {
    title: 'Hostile comments (sentiment, linear time)',
    summary: [
      {
        item: `Sentiment: ${ADVERSARIAL_CASES.length} hostile 100 KB comments, worst cost in typical comments`,
        result: fmt(worstCost, 0),
        budget: `≤ ${MAX_TYPICAL_COMMENTS.toLocaleString('en-GB')}`,
        met: worstCost <= MAX_TYPICAL_COMMENTS,
      },
      {
        item: 'Sentiment: worst growth for 4× the input',
        result: `${fmt(worstGrowth, 1)}×`,
        budget: `≤ ${MAX_GROWTH}× (linear 4×)`,
        met: worstGrowth <= MAX_GROWTH,
      },
      { item: 'Sentiment: hostile inputs over a bound', result: String(failures), budget: '0', met: failures === 0 },
    ],
    detail,
  };
}
