// `npm start`'s command line, as host options (local/main.ts). Kept apart from main.ts so a test can
// check what each flag turns on without starting the demo site.
import type { HostOptions } from './host-options.js';
import { latencyProfile } from './latency.js';

export interface StartOptions {
  readonly host: HostOptions & { reset: boolean; host: string };
  readonly port: number;
  readonly build: boolean;
}

/** @throws Error with the flag's name and what it accepts, for a value it does not */
export function startOptions(args: readonly string[], env: NodeJS.ProcessEnv = {}): StartOptions {
  const flag = (name: string): boolean => args.includes(`--${name}`);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const latency = option('latency');
  if (flag('latency') && latency === undefined) throw new Error('--latency needs a profile: none or forge');
  // Checked here, so a typo stops `npm start` with the profiles it knows before anything starts.
  const profile = latency === undefined ? undefined : latencyProfile(latency).name;
  const dataDir = option('data-dir');
  return {
    build: !flag('no-build'),
    port: Number(option('port') ?? env.PORT ?? 8080),
    host: {
      reset: flag('reset'),
      seed: flag('empty') ? 'basic' : 'demo',
      scheduler: !flag('no-scheduler'),
      verbose: flag('verbose'),
      host: option('host') ?? '127.0.0.1',
      ...(dataDir !== undefined ? { dataDir } : {}),
      ...(profile !== undefined ? { latency: profile } : {}),
    },
  };
}
