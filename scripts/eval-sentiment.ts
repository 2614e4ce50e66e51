/**
 * Measures the comment-sentiment scorer on the human-labelled sets in test/fixtures/sentiment/
 * (see its README). Prints, per file: polarity accuracy, Pearson r with the human mean (VADER files),
 * negative precision and recall, and throughput; then the cold-load time of the bundled scorer.
 *
 *   npm run eval:sentiment               # the scorer
 *   npm run eval:sentiment -- --baseline # also the untuned wink/VADER library average, for comparison
 *
 * The sets are in the repository with their licences (test/fixtures/sentiment/README.md), so a fresh
 * clone needs nothing beside it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCommentScorer, NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD } from '../src/domain/sentiment/index.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SENTIMENT_DATA_DIR = resolve(REPO_ROOT, 'test/fixtures/sentiment');

/** The acceptance targets; the thresholds test fails below them. */
export const SENTIMENT_TARGETS = {
  uciAccuracy: 0.75,
  tweetsR: 0.88,
  amazonSnippetsR: 0.62,
  negativeRecall: 0.7,
  negativePrecision: 0.85,
  commentsPerSecond: 20_000,
  coldLoadMs: 50,
} as const;

type SetKind = 'vader' | 'uci';

export interface LabelledText {
  readonly text: string;
  /** VADER sets: mean human rating −4..+4. UCI sets: +1 positive, −1 negative. */
  readonly rating: number;
}

export interface LabelledSet {
  readonly file: string;
  readonly kind: SetKind;
  readonly items: readonly LabelledText[];
}

export const SENTIMENT_FILES: readonly { file: string; kind: SetKind }[] = [
  { file: 'tweets_GroundTruth.txt', kind: 'vader' },
  { file: 'movieReviewSnippets_GroundTruth.txt', kind: 'vader' },
  { file: 'amazonReviewSnippets_GroundTruth.txt', kind: 'vader' },
  { file: 'amazon_cells_labelled.txt', kind: 'uci' },
  { file: 'yelp_labelled.txt', kind: 'uci' },
];

/** Ratings within ±0.5 are neutral for polarity (data README). */
const VADER_NEUTRAL_BAND = 0.5;

function parseLine(line: string, kind: SetKind): LabelledText | undefined {
  if (kind === 'vader') {
    // id <TAB> rating <TAB> text (the text may itself contain tabs)
    const [, rating, ...text] = line.split('\t');
    const r = Number(rating);
    return Number.isFinite(r) && text.length > 0 ? { text: text.join('\t'), rating: r } : undefined;
  }
  // text <TAB> label
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return undefined;
  const label = line.slice(tab + 1).trim();
  if (label !== '0' && label !== '1') return undefined;
  return { text: line.slice(0, tab), rating: label === '1' ? 1 : -1 };
}

export function loadSentimentSets(dir: string = SENTIMENT_DATA_DIR): LabelledSet[] {
  return SENTIMENT_FILES.map(({ file, kind }) => {
    const lines = readFileSync(join(dir, file), 'utf8').split(/\r?\n/);
    const items = lines.map((l) => parseLine(l, kind)).filter((x): x is LabelledText => x !== undefined);
    return { file, kind, items };
  });
}

/** s for a comment, or null when unscorable; the production path: prepare, then score. */
export type CommentScorerFn = (text: string) => number | null;

export function sentioScorer(): CommentScorerFn {
  const score = createCommentScorer();
  return (text) => {
    const r = score(text);
    return r.kind === 'scored' ? r.s : null;
  };
}

export interface SetMetrics {
  readonly file: string;
  readonly n: number;
  readonly unscorable: number;
  /** Share of polar items whose predicted class (±0.05 thresholds; unscorable = neutral) matches. */
  readonly accuracy: number;
  /** Pearson r of s (unscorable = 0) with the human mean; VADER sets only. */
  readonly r: number | null;
  readonly negativePrecision: number;
  readonly negativeRecall: number;
  readonly truePositiveNegatives: number;
  readonly predictedNegatives: number;
  readonly labelledNegatives: number;
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += xs[i] ?? 0;
    my += ys[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

function predictedClass(s: number | null): -1 | 0 | 1 {
  if (s === null) return 0;
  if (s <= NEGATIVE_THRESHOLD) return -1;
  return s >= POSITIVE_THRESHOLD ? 1 : 0;
}

export function evaluateSet(set: LabelledSet, score: CommentScorerFn): SetMetrics {
  const scores = set.items.map((item) => score(item.text));
  let polar = 0;
  let correct = 0;
  let tp = 0;
  let predictedNegatives = 0;
  let labelledNegatives = 0;
  set.items.forEach((item, i) => {
    const predicted = predictedClass(scores[i] ?? null);
    const truth =
      set.kind === 'uci'
        ? Math.sign(item.rating)
        : Math.abs(item.rating) > VADER_NEUTRAL_BAND
          ? Math.sign(item.rating)
          : 0;
    if (truth !== 0) {
      polar += 1;
      if (predicted === truth) correct += 1;
    }
    if (truth === -1) labelledNegatives += 1;
    if (predicted === -1) {
      predictedNegatives += 1;
      if (truth === -1) tp += 1;
    }
  });
  return {
    file: set.file,
    n: set.items.length,
    unscorable: scores.filter((s) => s === null).length,
    accuracy: polar === 0 ? 0 : correct / polar,
    r:
      set.kind === 'vader'
        ? pearson(
            scores.map((s) => s ?? 0),
            set.items.map((x) => x.rating),
          )
        : null,
    negativePrecision: predictedNegatives === 0 ? 0 : tp / predictedNegatives,
    negativeRecall: labelledNegatives === 0 ? 0 : tp / labelledNegatives,
    truePositiveNegatives: tp,
    predictedNegatives,
    labelledNegatives,
  };
}

/** Negative precision and recall pooled over several sets. */
export function pooledNegatives(metrics: readonly SetMetrics[]): { precision: number; recall: number } {
  const tp = metrics.reduce((a, m) => a + m.truePositiveNegatives, 0);
  const predicted = metrics.reduce((a, m) => a + m.predictedNegatives, 0);
  const labelled = metrics.reduce((a, m) => a + m.labelledNegatives, 0);
  return { precision: predicted === 0 ? 0 : tp / predicted, recall: labelled === 0 ? 0 : tp / labelled };
}

/** Comments per second through prepare + score, warm, over at least `minMs` of work. */
function throughput(texts: readonly string[], score: CommentScorerFn, minMs = 300): number {
  for (const t of texts) score(t);
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const t of texts) score(t);
    done += texts.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (done / elapsed) * 1000;
}

/**
 * Cold load as deployed: the scorer bundled (esbuild, like the Forge bundler) and loaded in a fresh
 * Node process, timed from import to the first score. Median of `runs`.
 */
async function coldLoadMs(runs = 7): Promise<number | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sentio-sentiment-'));
  try {
    const bundle = join(dir, 'scorer.mjs');
    await esbuild.build({
      entryPoints: [join(REPO_ROOT, 'src/domain/sentiment/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      `const t0 = performance.now();
const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
m.createCommentScorer()('The VPN is still down.');
process.stdout.write(String(performance.now() - t0));`,
    );
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(Number(execFileSync(process.execPath, [probe], { encoding: 'utf8' })));
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function libraryAverage(): Promise<CommentScorerFn> {
  const wink = (await import('wink-sentiment')).default;
  const { SentimentIntensityAnalyzer } = await import('vader-sentiment');
  return (text) => {
    const v = SentimentIntensityAnalyzer.polarity_scores(text.toLowerCase()).compound;
    const w = Math.max(-1, Math.min(1, wink(text).normalizedScore / 5));
    return (v + w) / 2;
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

function table(title: string, metrics: readonly SetMetrics[], rates: readonly (number | null)[]): string {
  const rows = metrics.map((m, i) => {
    const rate = rates[i];
    return `| ${m.file} | ${m.n} | ${m.unscorable} | ${pct(m.accuracy)} | ${m.r === null ? '—' : m.r.toFixed(3)} | ${pct(m.negativePrecision)} | ${pct(m.negativeRecall)} | ${rate == null ? '—' : Math.round(rate).toLocaleString('en-US')} |`;
  });
  const uci = metrics.filter((m) => m.file.endsWith('_labelled.txt'));
  const uciAcc = uci.reduce((a, m) => a + m.accuracy * m.n, 0) / uci.reduce((a, m) => a + m.n, 0);
  const pooled = pooledNegatives(metrics);
  const uciPooled = pooledNegatives(uci);
  return [
    `### ${title}`,
    '',
    '| file | n | unscorable | polarity accuracy | Pearson r | neg. precision | neg. recall | comments/s |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    `| **UCI amazon + yelp** | ${uci.reduce((a, m) => a + m.n, 0)} | | **${pct(uciAcc)}** | | **${pct(uciPooled.precision)}** | **${pct(uciPooled.recall)}** | |`,
    `| **all five, pooled negatives** | | | | | **${pct(pooled.precision)}** | **${pct(pooled.recall)}** | |`,
  ].join('\n');
}

async function main(): Promise<void> {
  const sets = loadSentimentSets();
  const scorer = sentioScorer();
  const metrics = sets.map((s) => evaluateSet(s, scorer));
  const rates = sets.map((s) =>
    throughput(
      s.items.map((x) => x.text),
      scorer,
    ),
  );
  const all = sets.flatMap((s) => s.items.map((x) => x.text));
  const overall = throughput(all, scorer, 1000);
  console.log(table('Sentio scorer (prepareComment + score)', metrics, rates));
  console.log(`\nThroughput over all ${all.length} texts: ${Math.round(overall).toLocaleString('en-US')} comments/s`);
  const cold = await coldLoadMs();
  console.log(
    cold === null
      ? 'Cold load: esbuild not available, not measured'
      : `Cold load (bundled, fresh process, import → first score, median of 7): ${cold.toFixed(1)} ms`,
  );
  if (process.argv.includes('--baseline')) {
    const baseline = await libraryAverage();
    const bm = sets.map((s) => evaluateSet(s, baseline));
    console.log(
      `\n${table(
        'Untuned library average: (VADER(lower-cased) + wink/5) / 2',
        bm,
        sets.map(() => null),
      )}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
