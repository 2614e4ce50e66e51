// Reads manifest.yml into the wiring the host needs. Everything the host runs is looked up here,
// so a module that is not in the manifest does not run locally either.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const AttributeSchema = z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) });
const EntityIndexSchema = z.object({
  name: z.string(),
  partition: z.array(z.string()).optional(),
  range: z.array(z.string()).min(1).max(1),
});
const EntitySchema = z.object({
  name: z.string(),
  attributes: z.record(z.string(), AttributeSchema),
  indexes: z.array(EntityIndexSchema).default([]),
});

const FunctionSchema = z.object({
  key: z.string(),
  handler: z.string().regex(/^[\w-]+\.[\w$]+$/),
  timeoutSeconds: z.number().int().positive().max(900).optional(),
});

const TriggerSchema = z.object({
  key: z.string(),
  function: z.string(),
  events: z.array(z.string()).min(1),
  filter: z.object({ ignoreSelf: z.boolean().optional() }).passthrough().optional(),
});
const ScheduledTriggerSchema = z.object({
  key: z.string(),
  function: z.string(),
  interval: z.enum(['fiveMinute', 'hour', 'day', 'week']),
});
const WebTriggerSchema = z.object({
  key: z.string(),
  function: z.string(),
  response: z.object({ type: z.enum(['dynamic', 'static']) }).optional(),
});
const ConsumerSchema = z.object({
  key: z.string(),
  queue: z.string(),
  function: z.string().optional(),
  resolver: z.object({ function: z.string(), method: z.string() }).optional(),
});
const UiModuleSchema = z
  .object({
    key: z.string(),
    resource: z.string().optional(),
    resolver: z.object({ function: z.string() }).optional(),
    title: z.string().optional(),
    label: z.string().optional(),
    unlicensedAccess: z.array(z.string()).optional(),
    useAsConfig: z.boolean().optional(),
    edit: z.object({ resource: z.string() }).optional(),
  })
  .passthrough();
const EntityPropertySchema = z.object({
  key: z.string(),
  entityType: z.string(),
  propertyKey: z.string(),
  values: z.array(z.object({ path: z.string(), type: z.string(), searchAlias: z.string().optional() })).default([]),
});
export type EntityPropertyDefinition = z.infer<typeof EntityPropertySchema>;
const ResourceSchema = z.object({ key: z.string(), path: z.string() }).passthrough();

const ManifestSchema = z.object({
  app: z.object({
    id: z.string(),
    runtime: z.object({ name: z.string() }).passthrough().optional(),
    storage: z.object({ entities: z.array(EntitySchema).default([]) }).optional(),
  }),
  permissions: z
    .object({
      scopes: z.array(z.string()).default([]),
      content: z.object({ styles: z.array(z.string()).optional(), scripts: z.array(z.string()).optional() }).optional(),
    })
    .optional(),
  modules: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  resources: z.array(ResourceSchema).default([]),
});

export type EntityDefinition = z.infer<typeof EntitySchema>;
export type EntityIndexDefinition = z.infer<typeof EntityIndexSchema>;
export type FunctionDefinition = z.infer<typeof FunctionSchema>;
export type TriggerDefinition = z.infer<typeof TriggerSchema>;
export type ScheduledTriggerDefinition = z.infer<typeof ScheduledTriggerSchema>;
export type WebTriggerDefinition = z.infer<typeof WebTriggerSchema>;
export type ConsumerDefinition = z.infer<typeof ConsumerSchema>;
export type UiModule = z.infer<typeof UiModuleSchema> & { type: string };
export type ResourceDefinition = z.infer<typeof ResourceSchema>;

export interface AppManifest {
  appId: string;
  scopes: string[];
  styles: string[];
  entities: EntityDefinition[];
  functions: Map<string, FunctionDefinition>;
  triggers: TriggerDefinition[];
  scheduledTriggers: ScheduledTriggerDefinition[];
  webTriggers: WebTriggerDefinition[];
  consumers: ConsumerDefinition[];
  uiModules: UiModule[];
  resources: ResourceDefinition[];
  entityProperties: EntityPropertyDefinition[];
}

const NON_UI_MODULES = new Set([
  'trigger',
  'scheduledTrigger',
  'webtrigger',
  'consumer',
  'function',
  'jira:entityProperty',
]);

export function parseManifest(text: string): AppManifest {
  const raw = ManifestSchema.parse(parse(text));
  const list = <T>(kind: string, schema: z.ZodType<T>): T[] => (raw.modules[kind] ?? []).map((m) => schema.parse(m));
  const functions = new Map(list('function', FunctionSchema).map((f) => [f.key, f]));
  const uiModules: UiModule[] = [];
  for (const [type, modules] of Object.entries(raw.modules)) {
    if (NON_UI_MODULES.has(type)) continue;
    for (const m of modules) uiModules.push({ ...UiModuleSchema.parse(m), type });
  }
  const manifest: AppManifest = {
    appId: raw.app.id,
    scopes: raw.permissions?.scopes ?? [],
    styles: raw.permissions?.content?.styles ?? [],
    entities: raw.app.storage?.entities ?? [],
    functions,
    triggers: list('trigger', TriggerSchema),
    scheduledTriggers: list('scheduledTrigger', ScheduledTriggerSchema),
    webTriggers: list('webtrigger', WebTriggerSchema),
    consumers: list('consumer', ConsumerSchema),
    uiModules,
    resources: raw.resources,
    entityProperties: list('jira:entityProperty', EntityPropertySchema),
  };
  // Every function reference must resolve, as `forge lint` would insist.
  const refs = [
    ...manifest.triggers.map((t) => t.function),
    ...manifest.scheduledTriggers.map((t) => t.function),
    ...manifest.webTriggers.map((t) => t.function),
    ...manifest.consumers.map((c) => c.function ?? c.resolver?.function ?? ''),
    ...manifest.uiModules.flatMap((m) => (m.resolver ? [m.resolver.function] : [])),
  ];
  for (const ref of refs) {
    if (!functions.has(ref)) throw new Error(`manifest.yml: module refers to unknown function '${ref}'`);
  }
  return manifest;
}

export function loadManifest(path: string): AppManifest {
  return parseManifest(readFileSync(path, 'utf8'));
}
