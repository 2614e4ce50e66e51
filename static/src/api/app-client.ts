import { forgeHost } from '../host/forge-host';
import { createClient } from './client';

/**
 * The app's one typed client in the browser. Its first invoke of a view's first calls takes the
 * answer the entry already asked for (`invokeEarly` in host/forge-host.ts). Browser only (it wraps
 * `@forge/bridge`); tests give the app a client over a fake host instead.
 */
export const appClient = createClient(forgeHost);
