/**
 * Every message key the agent panel, the glance and the project page ask for exists in every
 * message file (oracle: the files themselves, read as Forge reads them, not the UI's types).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../src/domain/i18n';

const root = join(import.meta.dirname, '..', '..');

type Tree = { [key: string]: string | Tree };
/** Every key of a message file in Forge's dotted form. */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.add(`${prefix}${k}`);
    else for (const kk of keysOf(v, `${prefix}${k}.`)) out.add(kk);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) return filesUnder(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

/** Keys written out in the code: `m.t('a.b')`, `t('a.b')` and `'a.b'` values of key tables of these areas. */
export function keysIn(source: string, areas: readonly string[]): string[] {
  const found = new Set<string>();
  const area = areas.join('|');
  for (const match of source.matchAll(new RegExp(`['\`]((?:${area})\\.[A-Za-z0-9.-]+)['\`]`, 'g'))) {
    const key = match[1] ?? '';
    if (!key.endsWith('.')) found.add(key);
  }
  return [...found].sort();
}

const VIEWS = ['static/src/views/issue', 'static/src/glance', 'static/src/views/project', 'static/src/ui'];
const AREAS = ['issuePanel', 'glance', 'ticket', 'projectPage', 'scale', 'common'];
// The manifest's file and the views' own (locales/issue, locales/project: static/src/i18n/area-files.ts).
const read = (path: string): Tree => JSON.parse(readFileSync(join(root, path), 'utf8')) as Tree;
const files = new Map(
  SUPPORTED_LOCALES.map((l) => [
    l,
    keysOf({ ...read(`locales/${l}.json`), ...read(`locales/issue/${l}.json`), ...read(`locales/project/${l}.json`) }),
  ]),
);

describe('message keys of the agent and project views', () => {
  it('finds keys in calls and key tables, not in prose (the check can fail)', () => {
    expect(keysIn("m.t('issuePanel.a.b'); const K = { x: 'ticket.risk.low' }; // issuePanel.c", AREAS)).toEqual([
      'issuePanel.a.b',
      'ticket.risk.low',
    ]);
  });

  for (const dir of VIEWS) {
    const used = filesUnder(dir).flatMap((f) => keysIn(readFileSync(join(root, f), 'utf8'), AREAS));
    const shared = filesUnder('static/src/i18n').flatMap((f) => keysIn(readFileSync(join(root, f), 'utf8'), AREAS));

    it(`${dir}: asks only for keys every locale file has`, () => {
      expect(used.length).toBeGreaterThan(5);
      for (const [locale, keys] of files) {
        expect(
          [...used, ...shared].filter((k) => !keys.has(k)),
          locale,
        ).toEqual([]);
      }
    });
  }

  it('has the indicator and waypoint wordings the panel builds keys for', () => {
    const en = files.get('en-US') ?? new Set<string>();
    for (const id of ['csat', 'sentiment', 'sla', 'reopen', 'reassign', 'wait', 'chaser'])
      for (const part of ['good', 'bad', 'missing', 'means'])
        expect(en.has(`issuePanel.indicator.${id}.${part}`)).toBe(true);
  });
});
