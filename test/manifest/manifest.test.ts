import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const manifestPath = fileURLToPath(new URL('../../manifest.yml', import.meta.url));

const ModuleEntry = z.looseObject({ key: z.string() });
const ManifestShape = z.looseObject({
  app: z.looseObject({
    runtime: z.looseObject({ name: z.string() }),
    storage: z.looseObject({ entities: z.array(z.looseObject({ name: z.string() })) }),
  }),
  permissions: z.looseObject({ scopes: z.array(z.string()) }),
  modules: z.record(z.string(), z.array(ModuleEntry)),
  resources: z.array(z.looseObject({ key: z.string(), path: z.string() })),
});

function readManifest() {
  return ManifestShape.parse(parse(readFileSync(manifestPath, 'utf8')));
}

/** Every module kind DESIGN.md names; the validator ignores unknown keys, so misspellings pass it. */
const EXPECTED_MODULE_KINDS = [
  'jira:issuePanel',
  'jira:issueContext',
  'jira:projectPage',
  'jira:adminPage',
  'jira:projectSettingsPage',
  'jira:dashboardGadget',
  'jiraServiceManagement:portalRequestDetailPanel',
  'trigger',
  'scheduledTrigger',
  'webtrigger',
  'consumer',
  'jira:entityProperty',
  'function',
] as const;

describe('manifest.yml', () => {
  it('passes the Forge manifest validator with no error (ValidationTypes.FULL)', async () => {
    const processor = ProcessorBuilder.instance().withValidation(ValidationTypes.FULL).build();
    const result = await processor.process(manifestPath);
    const errors = (result.errors ?? []).filter((e) => e.level === 'error').map((e) => `${e.message} (line ${e.line})`);
    expect(errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('declares exactly the module kinds of DESIGN.md', () => {
    expect(Object.keys(readManifest().modules).sort()).toEqual([...EXPECTED_MODULE_KINDS].sort());
  });

  it('runs on nodejs22.x', () => {
    expect(readManifest().app.runtime.name).toBe('nodejs22.x');
  });

  it('lets unlicensed customers see the portal survey and uses the admin page as the app configuration', () => {
    const { modules } = readManifest();
    expect(modules['jiraServiceManagement:portalRequestDetailPanel']?.[0]?.['unlicensedAccess']).toEqual(['customer']);
    expect(modules['jira:adminPage']?.[0]?.['useAsConfig']).toBe(true);
  });

  it('listens to the five issue events and ignores the app’s own writes', () => {
    const trigger = readManifest().modules['trigger']?.[0];
    expect(trigger?.['events']).toEqual([
      'avi:jira:created:issue',
      'avi:jira:updated:issue',
      'avi:jira:commented:issue',
      'avi:jira:assigned:issue',
      'avi:jira:deleted:issue',
    ]);
    expect(trigger?.['filter']).toEqual({ ignoreSelf: true });
  });

  it('schedules an hourly and a weekly trigger', () => {
    const intervals = (readManifest().modules['scheduledTrigger'] ?? []).map((m) => m['interval']).sort();
    expect(intervals).toEqual(['hour', 'week']);
  });

  it('asks only for the scopes the app uses, each with a comment saying why', () => {
    const text = readFileSync(manifestPath, 'utf8');
    const scopes = readManifest().permissions.scopes;
    expect([...scopes].sort()).toEqual(
      // read:jira-user: GET /rest/api/3/user (the requester's language; whether an account exists) asks for it
      // in Atlassian's API description (x-atlassian-oauth2-scopes of that operation).
      [
        'read:jira-work',
        'write:jira-work',
        'read:servicedesk-request',
        'read:jira-user',
        'storage:app',
        'report:personal-data',
      ].sort(),
    );
    for (const scope of scopes) {
      const line = text.split('\n').findIndex((l) => l.trim() === `- ${scope}`);
      expect(text.split('\n')[line - 1]?.trim().startsWith('#'), `${scope} has a comment`).toBe(true);
    }
  });
});
