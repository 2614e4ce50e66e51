import { defaultXla } from '../../domain/xla';
import type { AppPorts, StoredConfig } from '../ports';

/** The configuration in force: a site that never saved one scores with the default XLA. */
export async function effectiveConfig(ports: AppPorts): Promise<StoredConfig> {
  const config = await ports.config.getConfig();
  return config.version === 0 && config.xlas.length === 0 ? { ...config, xlas: [defaultXla()] } : config;
}
