/**
 * The manifest rules of the Forge docs that @forge/manifest's validator lets through (it ignores
 * unknown keys): documented keys per module, documented event names, the `unlicensedAccess` values
 * each module supports, resource folders and icon files that exist, absolute URLs where the docs
 * ask for one. The allowed values come from test/manifest/forge-modules.json (each entry names the
 * doc page it was copied from).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import forgeModules from './forge-modules.json';

const Entry = z.looseObject({ key: z.string() });
export const ManifestShape = z.looseObject({
  modules: z.record(z.string(), z.array(Entry)),
  resources: z.array(z.object({ key: z.string(), path: z.string() }).loose()).default([]),
});
export type ManifestShape = z.infer<typeof ManifestShape>;

const Docs = z.object({
  modules: z.record(
    z.string(),
    z.object({
      source: z.string(),
      keys: z.array(z.string()),
      unlicensedAccess: z.array(z.string()),
      absoluteUrl: z.array(z.string()).optional(),
    }),
  ),
  productEvents: z.object({ source: z.string(), events: z.array(z.string()) }),
});
const docs = Docs.parse(forgeModules);

const RESOURCE_REF = /^resource:([^;]+);(.+)$/;

function iconProblems(m: ManifestShape, root: string, where: string, value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const ref = RESOURCE_REF.exec(value);
  if (ref === null) return [];
  const resource = m.resources.find((r) => r.key === ref[1]);
  if (resource === undefined) return [`${where}: ${value} names no declared resource`];
  const file = path.join(root, resource.path, ref[2] ?? '');
  return existsSync(file) ? [] : [`${where}: ${value} is missing (${path.relative(root, file)})`];
}

function entryProblems(m: ManifestShape, root: string, kind: string, entry: Record<string, unknown>): string[] {
  const spec = docs.modules[kind];
  const where = `${kind} ${String(entry['key'])}`;
  if (spec === undefined) return [`${where}: module kind not in forge-modules.json`];
  const out: string[] = [];
  for (const key of Object.keys(entry))
    if (!spec.keys.includes(key)) out.push(`${where}: '${key}' is not a documented property (${spec.source})`);
  const access = entry['unlicensedAccess'];
  if (access !== undefined) {
    const values = Array.isArray(access) ? access : [access];
    for (const v of values)
      if (!spec.unlicensedAccess.includes(String(v)))
        out.push(`${where}: unlicensedAccess '${String(v)}' is not supported by this module`);
  }
  for (const field of spec.absoluteUrl ?? []) {
    const v = entry[field];
    if (typeof v !== 'string' || !/^https:\/\/[^/]+\//.test(v)) out.push(`${where}: ${field} must be an absolute URL`);
  }
  out.push(...iconProblems(m, root, `${where} icon`, entry['icon']));
  if (kind === 'trigger' && Array.isArray(entry['events']))
    for (const e of entry['events'])
      if (!docs.productEvents.events.includes(String(e)))
        out.push(`${where}: '${String(e)}' is not a documented event`);
  return out;
}

/** Every rule of the docs this manifest breaks, as readable lines; [] when none. */
export function manifestProblems(raw: unknown, root: string): string[] {
  const m = ManifestShape.parse(raw);
  const out: string[] = [];
  for (const r of m.resources)
    if (!existsSync(path.join(root, r.path))) out.push(`resource ${r.key}: ${r.path} does not exist`);
  for (const [kind, entries] of Object.entries(m.modules))
    for (const entry of entries) out.push(...entryProblems(m, root, kind, entry));
  return out;
}
