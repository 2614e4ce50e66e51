import type { ExportedConfig } from '../../contracts/admin';
import type { AppPorts } from '../ports';
import { effectiveConfig } from './effective-config';

/** The XLAs and plans as a file another site (or this one, later) can import. */
export async function exportConfig(ports: AppPorts): Promise<ExportedConfig> {
  const c = await effectiveConfig(ports);
  return { format: 'sentio-config', version: 1, xlas: [...c.xlas], plans: [...c.plans] };
}
