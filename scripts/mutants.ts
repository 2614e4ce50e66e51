/**
 * `npm run test:mutants`: proves the model-based suite can fail. Each mutant is one deliberate
 * fault, applied to a copy of the repository in a temporary folder; the suite must go red on
 * every mutant (and stay green on the unmutated copy). Mutants find their code by what it says,
 * not by file name, so moving a file does not silently disarm them; a mutant whose pattern matches
 * nothing, or more than once, is an error of this script.
 *
 * Usage: npm run test:mutants [-- --only name,name] [-- --histories N]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SUITE = ['test/model/model-based.test.ts'];

interface Mutant {
  readonly name: string;
  readonly fault: string;
  /** The code to change (a regular expression that must match exactly once in src/). */
  readonly find: RegExp;
  readonly replace: string;
}

export const MUTANTS: readonly Mutant[] = [
  {
    name: 'inverted-csat',
    fault: 'a csat5/emoji5 answer of 4–5 counts as bad and 1–3 as good (SCORING.md §1 inverted)',
    find: /favourable: \(s\) => s >= 4/,
    replace: 'favourable: (s) => s < 4',
  },
  {
    name: 'inverted-reopen',
    fault:
      'a reopened ticket counts as good on the reopen indicator and one never reopened as bad (SCORING.md §1 inverted)',
    find: /indicators\.reopen = \{ good: reopenCount\(e\) === 0, day \}/,
    replace: 'indicators.reopen = { good: reopenCount(e) !== 0, day }',
  },
  {
    name: 'cooldown-off-by-one',
    fault: 'the per-requester cooldown lasts one hour longer than the plan says',
    find: /now - lastAskedAt < f\.cooldownHours \* HOUR_MS/,
    replace: 'now - lastAskedAt < (f.cooldownHours + 1) * HOUR_MS',
  },
  {
    name: 'no-duplicate-check',
    fault: 'a redelivered event is judged again: its domain events are not checked against the ones applied',
    find: /!\(known\?\.experience\.appliedKeys\.some\(\(k\) => k\.key === ev\.key\) \?\? false\) &&/,
    replace: 'true &&',
  },
  {
    name: 'reporter-from-record',
    fault: 'the requester is taken from the stored record instead of the event payload (B2 reintroduced)',
    find: /const reporterId = payload\.issue\.fields\.reporter\?\.accountId \?\? known\?\.experience\.reporterId \?\? null;/,
    replace: 'const reporterId = known?.experience.reporterId ?? null;',
  },
  {
    name: 'rollup-delta-twice',
    fault: "a ticket's rollup delta is added to its bucket twice",
    find: /const bucket = applyDeltaToBucket\(current\?\.value\.bucket \?\? null, part\.ref, part\.delta\);/,
    replace:
      'const bucket = applyDeltaToBucket(applyDeltaToBucket(current?.value.bucket ?? null, part.ref, part.delta), part.ref, part.delta);',
  },
  {
    name: 'participant-answers',
    fault: "a participant may answer the requester's survey (B1 reintroduced)",
    find: /stored\.ask\.requesterId !== accountId\)\s*\n?\s*throw new NotFoundError/,
    replace: 'false)\n    throw new NotFoundError',
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A copy of the repository with its own src/ and test/, sharing node_modules. */
function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sentio-mutant-'));
  for (const name of readdirSync(ROOT)) {
    if (['node_modules', '.git', '.local-data', 'test-results', 'coverage'].includes(name)) continue;
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function mutate(dir: string, m: Mutant): string {
  const hits = sourceFiles(join(dir, 'src')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const found = text.match(new RegExp(m.find.source, 'g'));
    return found === null ? [] : [{ file, text, count: found.length }];
  });
  const total = hits.reduce((n, h) => n + h.count, 0);
  if (total !== 1) throw new Error(`mutant ${m.name}: its pattern matches ${total} places in src/, not exactly one`);
  const hit = hits[0] as { file: string; text: string };
  writeFileSync(hit.file, hit.text.replace(m.find, m.replace));
  return relative(dir, hit.file);
}

interface Outcome {
  readonly red: boolean;
  readonly broken: boolean;
  readonly summary: string;
  readonly seconds: number;
}

function runSuite(dir: string, histories: string | undefined): Outcome {
  const started = Date.now();
  const res = spawnSync('npx', ['vitest', 'run', ...SUITE], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...(histories === undefined ? {} : { SENTIO_MODEL_HISTORIES: histories }),
      FORCE_COLOR: '0',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  // eslint-disable-next-line no-control-regex
  const out = `${res.stdout}\n${res.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  const rows = out.split('\n').filter((l) => /^\s+\S.*expected=.*losses=-?\d+ extra=\d+\s*$/.test(l));
  const losses = rows.map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => !/losses=0 extra=0$/.test(l));
  const failed = (/Tests\s+(\d+) failed/.exec(out) ?? [])[1] ?? '0';
  return {
    // Caught means the comparison with the model found losses or extra facts; a red run for any
    // other reason (coverage, a crash) proves nothing about the oracle and is reported as such.
    red: losses.length > 0,
    broken: res.status !== 0 && losses.length === 0,
    summary: losses.length > 0 ? losses.join('; ') : `no losses (${failed} test(s) failed, exit ${res.status})`,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : null;
  const histories = args.includes('--histories') ? args[args.indexOf('--histories') + 1] : undefined;
  const chosen = MUTANTS.filter((m) => only === null || only.includes(m.name));
  const rows: string[] = [];
  let ok = true;

  const baseline = copyRepo();
  try {
    const clean = runSuite(baseline, histories);
    const verdict = clean.red || clean.broken ? `RED (the suite must pass here): ${clean.summary}` : 'green';
    rows.push(`| (none) | the code as it is | — | ${verdict} | ${clean.seconds} s |`);
    if (clean.red || clean.broken) ok = false;
  } finally {
    rmSync(baseline, { recursive: true, force: true });
  }

  for (const m of chosen) {
    const dir = copyRepo();
    try {
      const file = mutate(dir, m);
      const outcome = runSuite(dir, histories);
      if (!outcome.red) ok = false;
      rows.push(
        `| ${m.name} | ${m.fault} (\`${file}\`) | ${outcome.red ? 'caught' : 'SURVIVED'} | ${outcome.summary} | ${outcome.seconds} s |`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    ['| mutant | fault | verdict | what the suite reported | time |', '|---|---|---|---|---|', ...rows].join('\n'),
  );
  const caught = rows.filter((r) => r.includes('| caught |')).length;
  console.log(
    `\n${caught} of ${chosen.length} mutants caught${ok ? '' : ' — NOT all: the oracle has a blind spot or the baseline is red'}`,
  );
  process.exit(ok ? 0 : 1);
}

main();
