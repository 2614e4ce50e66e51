/**
 * Forge i18n as the platform serves it. `forge deploy` turns manifest.yml `translations` into a
 * bundle that both clients read, which the app calls unmodified:
 * - Custom UI: `i18n` of @forge/bridge fetches `./__LOCALES__/i18n-info.json` and
 *   `./__LOCALES__/<locale>.json` relative to the resource's page;
 * - functions: `i18n` of @forge/api reads the same two files from `<appCodeDir>/__LOCALES__/`,
 *   `appCodeDir` being `__forge_runtime__.container.appCodeDir`.
 * Which text a key resolves to (fallback rules, nested and flattened keys) is the clients' own code
 * (@forge/i18n); the host only hands over the files. local/CONFORMANCE.md "Translations".
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const I18N_FOLDER = '__LOCALES__';
const INFO_FILE = 'i18n-info.json';

const TranslationsSchema = z.object({
  resources: z.array(z.object({ key: z.string(), path: z.string() }).strict()).min(1),
  fallback: z.record(z.string(), z.union([z.string(), z.array(z.string())])).refine((f) => 'default' in f, {
    message: 'translations.fallback.default is required',
  }),
});

export interface I18nBundle {
  /** File name under `__LOCALES__/` → its JSON text. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * The bundle of a manifest's `translations`, or null when it declares none (the clients then fail,
 * as on Forge). Paths are read from the app's root, as the host reads `resources` (a test's edited
 * copy of manifest.yml elsewhere still points at the repository's message files).
 */
export function loadI18nBundle(manifestPath: string, appRoot: string): I18nBundle | null {
  const raw = (parse(readFileSync(manifestPath, 'utf8')) as { translations?: unknown } | null)?.translations;
  if (raw === undefined) return null;
  const t = TranslationsSchema.parse(raw);
  const files = new Map<string, string>();
  for (const r of t.resources) {
    // Parsed and re-serialised: a broken file fails here, as `forge deploy` refuses it.
    files.set(`${r.key}.json`, JSON.stringify(JSON.parse(readFileSync(join(appRoot, r.path), 'utf8'))));
  }
  files.set(INFO_FILE, JSON.stringify({ config: { locales: t.resources.map((r) => r.key), fallback: t.fallback } }));
  return { files };
}

/** A file a Custom UI frame asks for under `__LOCALES__/`, or null (not found). */
export function i18nFile(bundle: I18nBundle | null, rel: string): string | null {
  if (bundle === null || !rel.startsWith(`${I18N_FOLDER}/`)) return null;
  return bundle.files.get(rel.slice(I18N_FOLDER.length + 1)) ?? null;
}

/**
 * A folder holding `__LOCALES__/` for the functions' `appCodeDir`: named by the bundle's content, so
 * hosts in one process or several share it and a changed message file gets a new folder.
 */
export function writeAppCodeDir(bundle: I18nBundle | null): string | undefined {
  if (bundle === null) return undefined;
  const hash = createHash('sha256');
  for (const [name, text] of [...bundle.files].sort(([a], [b]) => a.localeCompare(b))) hash.update(name).update(text);
  const dir = join(tmpdir(), `sentio-app-code-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, I18N_FOLDER, INFO_FILE))) return dir;
  const staging = `${dir}.${process.pid}.${Date.now()}`;
  mkdirSync(join(staging, I18N_FOLDER), { recursive: true });
  for (const [name, text] of bundle.files) writeFileSync(join(staging, I18N_FOLDER, name), text);
  try {
    renameSync(staging, dir);
  } catch {
    // Another host wrote the same content first.
  }
  return dir;
}
