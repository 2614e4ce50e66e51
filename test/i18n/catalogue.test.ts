/**
 * The message files (locales/*.json) against two oracles not written from Sentio's beliefs: the
 * Forge docs (mirror/manifest-reference/translations/index.md — resource keys are Forge supported
 * locale codes, the default fallback file holds every key, files total ≤ 100 KB) with Atlassian's
 * own list of supported codes from @forge/i18n; and the default file, en-US, which every other
 * locale must mirror key for key and placeholder for placeholder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseIcu, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { FORGE_SUPPORTED_LOCALE_CODES } from '@forge/i18n';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '../../src/domain/i18n';

const root = fileURLToPath(new URL('../../', import.meta.url));
const Translations = z.object({
  translations: z.object({
    resources: z.array(z.object({ key: z.string(), path: z.string() })),
    fallback: z.looseObject({ default: z.string() }),
  }),
});
const manifest = Translations.parse(parseYaml(readFileSync(`${root}manifest.yml`, 'utf8'))).translations;

type Tree = { [key: string]: string | Tree };
function read(path: string): Tree {
  return JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as Tree;
}

/** Every leaf as "a.b.c" → text; a non-string, non-object leaf is a finding of its own. */
export function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v))
      for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, `\u0000not a string: ${JSON.stringify(v)}`);
  }
  return out;
}

/** The placeholders a message uses, with their ICU type ("count:plural", "name:argument"). */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (els: MessageFormatElement[]): void => {
    for (const el of els) {
      if (el.type === TYPE.argument) found.add(`${el.value}:argument`);
      else if (el.type === TYPE.number) found.add(`${el.value}:number`);
      else if (el.type === TYPE.date) found.add(`${el.value}:date`);
      else if (el.type === TYPE.time) found.add(`${el.value}:time`);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parseIcu(message, { ignoreTag: true }));
  return [...found].sort();
}

/** What is wrong with `other` measured against the default file: missing, extra, or different placeholders. */
export function compareCatalogues(reference: Tree, other: Tree): string[] {
  const ref = leaves(reference);
  const cand = leaves(other);
  const problems: string[] = [];
  for (const [key, text] of ref) {
    const mine = cand.get(key);
    if (mine === undefined) problems.push(`missing ${key}`);
    else if (mine.trim() === '') problems.push(`empty ${key}`);
    else if (mine.startsWith('\u0000')) problems.push(`${key}: ${mine.slice(1)}`);
    else {
      let a: string[];
      let b: string[];
      try {
        a = placeholders(text);
        b = placeholders(mine);
      } catch (e) {
        problems.push(`${key}: not ICU MessageFormat (${(e as Error).message})`);
        continue;
      }
      if (a.join() !== b.join()) problems.push(`${key}: placeholders ${b.join(' ')} instead of ${a.join(' ')}`);
    }
  }
  for (const key of cand.keys()) if (!ref.has(key)) problems.push(`extra ${key}`);
  return problems;
}

describe('message files', () => {
  const files = new Map(manifest.resources.map((r) => [r.key, r.path]));

  it('lists exactly the shipped locales in manifest.yml, each a Forge supported locale code', () => {
    expect([...files.keys()].sort()).toEqual([...SUPPORTED_LOCALES].sort());
    for (const key of files.keys()) expect(FORGE_SUPPORTED_LOCALE_CODES).toContain(key);
    expect(manifest.fallback.default).toBe(DEFAULT_LOCALE);
    for (const [key, path] of files) expect(path).toBe(`locales/${key}.json`);
  });

  it('keeps every file within Forge’s combined 100 KB for translation files', () => {
    const total = [...files.values()].reduce((sum, p) => sum + statSync(`${root}${p}`).size, 0);
    expect(total).toBeLessThanOrEqual(100 * 1000);
  });

  it('parses every default message as ICU MessageFormat', () => {
    for (const [key, text] of leaves(read(`locales/${DEFAULT_LOCALE}.json`))) {
      expect(() => placeholders(text), key).not.toThrow();
    }
  });

  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    it(`has every key of ${DEFAULT_LOCALE} in ${locale}, with the same placeholders and nothing extra`, () => {
      expect(compareCatalogues(read(`locales/${DEFAULT_LOCALE}.json`), read(`locales/${locale}.json`))).toEqual([]);
    });
  }

  // The views' own words are bundled with the UI, not declared in the manifest: the admin page's
  // (static/src/views/admin/admin-messages.tsx), the issue panel's and the project page's
  // (static/src/i18n/area-files.ts), and the words shown when a view cannot start
  // (static/src/app/start-failed.tsx). Same format, same rules, outside the manifest's 100 KB.
  const FRONTEND_AREAS = {
    admin: ['admin'],
    issue: ['issuePanel'],
    project: ['projectPage'],
    start: ['startFailed'],
  } as const;

  it('keeps the views’ own message files out of manifest.yml, each under its own top-level areas', () => {
    for (const path of files.values()) expect(path).toMatch(/^locales\/[^/]+\.json$/);
    const manifestAreas = Object.keys(read(`locales/${DEFAULT_LOCALE}.json`));
    for (const [folder, areas] of Object.entries(FRONTEND_AREAS)) {
      for (const area of areas) expect(manifestAreas).not.toContain(area);
      for (const locale of SUPPORTED_LOCALES)
        expect(Object.keys(read(`locales/${folder}/${locale}.json`))).toEqual(areas);
    }
  });

  it('lists every folder of view message files (a new folder is checked too)', () => {
    const folders = readdirSync(`${root}locales`, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(Object.keys(FRONTEND_AREAS).sort());
  });

  for (const folder of Object.keys(FRONTEND_AREAS)) {
    it(`parses every default ${folder} message as ICU MessageFormat`, () => {
      for (const [key, text] of leaves(read(`locales/${folder}/${DEFAULT_LOCALE}.json`))) {
        expect(() => placeholders(text), key).not.toThrow();
      }
    });

    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
      it(`has every ${folder} key of ${DEFAULT_LOCALE} in ${locale}, with the same placeholders and nothing extra`, () => {
        expect(
          compareCatalogues(read(`locales/${folder}/${DEFAULT_LOCALE}.json`), read(`locales/${folder}/${locale}.json`)),
        ).toEqual([]);
      });
    }
  }

  it('finds a missing key, an extra key, a changed placeholder and broken ICU (the check can fail)', () => {
    const reference: Tree = { a: { b: 'Hello {name}' }, c: '{n, plural, one {# x} other {# xs}}', d: 'plain' };
    expect(
      compareCatalogues(reference, { a: { b: 'Hallo {nom}' }, c: '{n, plural, one {# x' as string, e: 'extra' }),
    ).toEqual([
      'a.b: placeholders nom:argument instead of name:argument',
      expect.stringMatching(/^c: not ICU MessageFormat/),
      'missing d',
      'extra e',
    ]);
  });
});
