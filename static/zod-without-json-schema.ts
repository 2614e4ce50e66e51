/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** zod's two modules that turn a schema into a JSON Schema (zod/v4/core). */
const JSON_SCHEMA_MODULES =
  /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;

/**
 * The UI only parses with zod; it never turns a schema into a JSON Schema. zod 4's classic API
 * imports its JSON Schema generator into every schema class all the same (`toJSONSchema()` and the
 * `~standard.jsonSchema` of Standard Schema), which nothing can tree-shake: ≈ 18 KB minified,
 * ≈ 4.5 KB gzip in every view. In the browser builds those two modules are replaced by stand-ins
 * with the same export names, so parsing, errors and every check are zod's own, unchanged; a call
 * to the JSON Schema side throws a clear error instead of working. The server, the tests under
 * jsdom and `npm run lint:forge` use the whole of zod (this plugin is only in the Vite builds).
 */
export function zodWithoutJsonSchema(): Plugin {
  const STUB = '\0sentio-zod-no-json-schema:';
  return {
    name: 'sentio-zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined || !/[\\/]node_modules[\\/]zod[\\/]/.test(importer)) return null;
      const path = resolve(dirname(importer), source);
      return JSON_SCHEMA_MODULES.test(path) ? STUB + path : null;
    },
    load(id) {
      if (!id.startsWith(STUB)) return null;
      const original = readFileSync(id.slice(STUB.length), 'utf8');
      // The same names as the module replaced (read from it, so a zod update cannot leave one out).
      const names = new Set<string>();
      for (const m of original.matchAll(/^export (?:const|function|class) (\w+)/gm)) names.add(m[1] ?? '');
      for (const m of original.matchAll(/^export \{([^}]*)\}/gm))
        for (const part of (m[1] ?? '').split(',')) {
          const name = part.trim().split(/\s+as\s+/)[1] ?? part.trim();
          if (name !== '') names.add(name);
        }
      const lines = [
        'const unavailable = () => { throw new Error("zod JSON Schema generation is not part of the Sentio UI bundle"); };',
        // The `create…Method` factories run when `~standard` is first read: they hand back a method
        // that throws only when called, so reading `~standard` (Standard Schema validation) still works.
        ...[...names].map((n) =>
          n.startsWith('create') ? `export const ${n} = () => unavailable;` : `export const ${n} = unavailable;`,
        ),
      ];
      return lines.join('\n');
    },
  };
}
