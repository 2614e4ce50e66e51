/**
 * CPU bombs down the whole event path: a requester posts (or edits into) a 100 KB comment built to
 * make a scorer or a text preparer slow — one repeated character, digits, newlines, punctuation,
 * emoji, negations, quoted-reply markers, URLs — or an ADF document nested thousands deep. Jira
 * delivers the event; the app's trigger must finish it inside the function's time limit, in one
 * delivery (no timeout, no retry), and store a record of bounded size. How fast it is, per KB, is
 * measured by `npm run bench` (BENCHMARKS.md), never asserted here.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { attack } from './support/attacks';
import { savePlan, startAdversary, surveyPlan, type Adversary } from './support/site';

const KB100 = 100 * 1024;
const fill = (unit: string): string => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);

const BOMBS: ReadonlyArray<readonly [string, string]> = [
  ['one repeated letter', fill('a')],
  ['digits', fill('7')],
  ['newlines', fill('\n')],
  ['exclamation marks', fill('!')],
  ['spaces', fill(' ')],
  ['emoji', fill('😡')],
  ['one negative word', fill('awful ')],
  ['negations', fill('not ')],
  ['quoted-reply markers', fill('> ')],
  ['"On … wrote:" lines', fill('On Mon, 5 Jan 2026 at 09:00, Chris wrote:\n')],
  ['URLs', fill('https://example.com/a?b=c ')],
  ['chaser phrases', fill('any update? ')],
  ['one word of 100 KB between spaces', ` ${fill('x')} `],
];

/** An ADF document nested `depth` levels deep (each level a blockquote in a blockquote). */
function nestedAdf(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'still broken' }] };
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', version: 1, content: [node] };
}

describe('CPU bombs through the event path', () => {
  let a: Adversary;

  beforeAll(async () => {
    a = await startAdversary();
    await savePlan(a, surveyPlan('on-create', { kind: 'created' }));
  });

  afterAll(async () => {
    await a?.close();
  });

  /** The trigger invocations the change caused: every one finished in time, none asked for a retry. */
  async function delivered(change: () => void): Promise<void> {
    const before = a.h.metrics.invocations({ kind: 'trigger' }).length;
    change();
    await a.h.waitForIdle();
    const runs = a.h.metrics.invocations({ kind: 'trigger' }).slice(before);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs)
      expect({ outcome: run.outcome, error: run.error ?? null }).toEqual({ outcome: 'ok', error: null });
    const tickets = a.h.host.kvs.dump('entity', 'ticket');
    for (const t of tickets) expect(JSON.stringify(t.value).length).toBeLessThan(240 * 1024);
  }

  for (const [label, text] of BOMBS) {
    attack('CPU bombs', `a 100 KB comment of ${label} is handled in one delivery`, async () => {
      const key = a.h.site.createTicket({ projectKey: 'IT', summary: label, reporter: a.people.requester }).key;
      await a.h.waitForIdle();
      await delivered(() => a.h.site.comment(key, text, { author: a.people.requester }));
    });
  }
  attack('CPU bombs', 'a comment edited into 100 KB of one letter is handled in one delivery', async () => {
    const key = a.h.site.createTicket({ projectKey: 'IT', summary: 'edit', reporter: a.people.requester }).key;
    const c = a.h.site.comment(key, 'Any update on this?', { author: a.people.requester });
    await a.h.waitForIdle();
    await delivered(() => a.h.site.editComment(key, c.id, fill('a'), a.people.requester));
  });
  attack('CPU bombs', 'an ADF comment nested 1 000 blockquotes deep is handled in one delivery', async () => {
    const key = a.h.site.createTicket({ projectKey: 'IT', summary: 'adf', reporter: a.people.requester }).key;
    await a.h.waitForIdle();
    await delivered(() => a.h.site.comment(key, nestedAdf(1_000) as never, { author: a.people.requester }));
  });
});
