/**
 * A throw-away copy of the project for the linter: links to the real sources and a manifest.yml
 * written without one scope.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';

const Scopes = z.object({ permissions: z.object({ scopes: z.array(z.string()) }) });

/**
 * Scopes whose use the linter cannot see in our code, with the reason; each is still required by
 * a documented API (local/CONFORMANCE.md cites the page).
 */
const NOT_CHECKED: Record<string, string> = {
  'storage:app':
    'the linter checks storage scopes for @forge/api storage only, not @forge/kvs; required by storage-reference/entities-api',
  'report:personal-data':
    'the linter has no check for privacy.reportPersonalData; required by runtime-reference/privacy-api',
};

export function scopesOf(root: string): string[] {
  return Scopes.parse(parseDocument(readFileSync(path.join(root, 'manifest.yml'), 'utf8')).toJS()).permissions.scopes;
}

export interface ProjectCopy {
  readonly dir: string;
  readonly notCheckedByLinter: string | undefined;
  remove(): void;
}

const LINKED = ['src', 'static', 'node_modules', 'tsconfig.json', 'package.json', '.gitignore'];

export function projectWithout(root: string, scope: string): ProjectCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'sentio-lint-'));
  for (const name of LINKED) symlinkSync(path.join(root, name), path.join(dir, name));
  const doc = parseDocument(readFileSync(path.join(root, 'manifest.yml'), 'utf8'));
  const scopes = doc.getIn(['permissions', 'scopes']);
  if (!scopes || typeof scopes !== 'object' || !('items' in scopes) || !Array.isArray(scopes.items))
    throw new Error('manifest.yml has no permissions.scopes list');
  const index = scopesOf(root).indexOf(scope);
  doc.deleteIn(['permissions', 'scopes', index]);
  writeFileSync(path.join(dir, 'manifest.yml'), doc.toString());
  return {
    dir,
    notCheckedByLinter: NOT_CHECKED[scope],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
