/**
 * No words written into the translated views: each must come from the message files, or a reader
 * in another language sees English. The finder is checked on a sample with every kind of literal
 * (so it can fail) and on a clean one (so it does not cry wolf at code).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiteralStrings } from './literal-strings';

const root = join(import.meta.dirname, '..', '..');

/**
 * The UI folders (and single files) whose every word comes from the message files (locales/ and
 * its folders). The page shown when a view cannot start sits among the start path's code.
 */
const TRANSLATED = [
  'static/src/app/start-failed.tsx',
  'static/src/views/portal',
  'static/src/i18n',
  'static/src/views/issue',
  'static/src/glance',
  'static/src/views/project',
  'static/src/views/admin',
  'static/src/ui',
];

/**
 * Files of those folders still worded in English. Each must still hold literals: once translated
 * it leaves this list, or the test fails. Empty now; kept so a file can wait here visibly.
 */
const NOT_YET = new Set<string>([]);

function filesUnder(dir: string): string[] {
  if (statSync(join(root, dir)).isFile()) return [dir];
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) return filesUnder(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

describe('literal user-facing strings', () => {
  it('finds JSX text, literal JSX expressions, user-facing attributes and sentences — not code', () => {
    const sample = [
      "import x from './not-a-sentence';",
      'export function A() {',
      "  const msg = 'Something went wrong';",
      '  return (<div className="sentio-tap" aria-label="Feedback form" data-kind="stars" id="a-b">',
      '    Hello there',
      "    {'Send'}",
      '    <Spinner label="Loading" size="small" />',
      '  </div>);',
      '}',
      'const shown = `${count} of ${total}`;',
      'const more = `Showing ${count}`;',
      "const LOOK = { error: { icon: 'color.icon.danger', label: 'Error' }, info: { title: `${n}-Note` } };",
    ].join('\n');
    expect(findLiteralStrings('sample.tsx', sample).map((f) => [f.line, f.where, f.text])).toEqual([
      [3, 'sentence', 'Something went wrong'],
      [4, 'attribute', 'Feedback form'],
      [5, 'jsx-text', 'Hello there'],
      [6, 'jsx-expression', 'Send'],
      [7, 'attribute', 'Loading'],
      [10, 'template', '`${count} of ${total}`'],
      [11, 'template', '`Showing ${count}`'],
      [12, 'property', 'Error'],
      [12, 'property', '`${n}-Note`'],
    ]);
    const clean = [
      "import { useMessages } from '../i18n/messages';",
      'export function B() {',
      '  const m = useMessages();',
      '  return <button type="button" className="x" aria-label={m.t(\'portal.send\')}>{m.t(\'portal.send\')}</button>;',
      '}',
      // Code in templates and objects: class names, keys, paths, units, CSS, key tables.
      'const a = `sentio-${kind} ${m.locale}/${unit}`;',
      'const b = m.t(`issuePanel.reason.${code}`);',
      'const c = `translate(${x}px, ${y}px)`;',
      "const d = <div style={{ border: `1px solid ${token('color.border')}` }} />;",
      "const e = [{ key: 'ticket', label: 'projectPage.atRisk.col.ticket' }, { title: 'low-score' }];",
    ].join('\n');
    expect(findLiteralStrings('clean.tsx', clean)).toEqual([]);
  });

  for (const dir of TRANSLATED) {
    it(`has no literal user-facing string in ${dir}`, () => {
      const findings = filesUnder(dir)
        .filter((f) => !NOT_YET.has(f))
        .flatMap((f) =>
          findLiteralStrings(f, readFileSync(join(root, f), 'utf8')).map(
            (x) => `${f}:${x.line} ${x.where} "${x.text}"`,
          ),
        );
      expect(findings).toEqual([]);
    });
  }

  it('lists as not yet translated only files that still hold literals', () => {
    const done = [...NOT_YET].filter((f) => findLiteralStrings(f, readFileSync(join(root, f), 'utf8')).length === 0);
    expect(done).toEqual([]);
  });
});
