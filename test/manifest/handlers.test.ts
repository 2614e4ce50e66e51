import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as entry from '../../src/index';

const manifestPath = fileURLToPath(new URL('../../manifest.yml', import.meta.url));
const Functions = z.looseObject({
  modules: z.looseObject({ function: z.array(z.looseObject({ key: z.string(), handler: z.string() })) }),
});

describe('src/index.ts', () => {
  const handlers = Functions.parse(parse(readFileSync(manifestPath, 'utf8'))).modules.function.map((f) => f.handler);
  const exported = Object.keys(entry).sort();

  it('exports every handler the manifest names, as a function', () => {
    for (const handler of handlers) {
      const [file, name] = handler.split('.');
      expect(file).toBe('index');
      expect(typeof (entry as Record<string, unknown>)[name ?? ''], handler).toBe('function');
    }
  });

  it('exports nothing the manifest does not reference', () => {
    expect(exported).toEqual(handlers.map((h) => h.split('.')[1]).sort());
  });
});
