import { config } from 'zod';

/**
 * A view parses a handful of answers, once each: zod's JIT (code generated with `new Function` on
 * a schema's first parse) costs more to compile than it saves here, and under a content security
 * policy without 'unsafe-eval' zod falls back to this anyway. Imported first by the app shell.
 */
config({ jitless: true });
