import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTE_SCOPES } from '../../local/site/route-scopes';
import { manifestProblems } from './manifest-rules';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifestPath = fileURLToPath(new URL('../../manifest.yml', import.meta.url));
const text = readFileSync(manifestPath, 'utf8');

const ManifestShape = z.looseObject({
  app: z.looseObject({ runtime: z.looseObject({ name: z.string() }) }),
  permissions: z.looseObject({ scopes: z.array(z.string()) }),
  modules: z.record(z.string(), z.array(z.looseObject({ key: z.string() }))),
});
type Raw = Record<string, unknown> & { modules: Record<string, Array<Record<string, unknown>>> };

function fresh(): Raw {
  return parse(text) as Raw;
}
function moduleOf(m: Raw, kind: string): Record<string, unknown> {
  const entry = m.modules[kind]?.[0];
  if (entry === undefined) throw new Error(`manifest.yml has no ${kind}`);
  return entry;
}

describe('manifest.yml', () => {
  it('passes the Forge manifest validator with no error (ValidationTypes.FULL)', async () => {
    const processor = ProcessorBuilder.instance().withValidation(ValidationTypes.FULL).build();
    const result = await processor.process(manifestPath);
    const errors = (result.errors ?? []).filter((e) => e.level === 'error').map((e) => `${e.message} (line ${e.line})`);
    expect(errors).toEqual([]);
    expect(result.success).toBe(true);
  }, 60_000);

  it('breaks none of the documented rules the validator lets through', () => {
    expect(manifestProblems(fresh(), root)).toEqual([]);
  });

  it('runs on nodejs22.x', () => {
    expect(ManifestShape.parse(fresh()).app.runtime.name).toBe('nodejs22.x');
  });
});

/** Each mistake the validator accepts, injected into a copy of the manifest: the rules must refuse it. */
describe('manifest rules refuse injected mistakes', () => {
  const cases: Array<[string, (m: Raw) => void, RegExp]> = [
    [
      'a misspelled unlicencedAccess',
      (m) => {
        const panel = moduleOf(m, 'jiraServiceManagement:portalRequestDetailPanel');
        panel['unlicencedAccess'] = panel['unlicensedAccess'];
        delete panel['unlicensedAccess'];
      },
      /'unlicencedAccess' is not a documented property/,
    ],
    [
      'unlicensedAccess: [anonymous] on the portal request detail panel',
      (m) => {
        moduleOf(m, 'jiraServiceManagement:portalRequestDetailPanel')['unlicensedAccess'] = ['anonymous'];
      },
      /unlicensedAccess 'anonymous' is not supported/,
    ],
    [
      'a made-up event avi:jira:commentd:issue',
      (m) => {
        (moduleOf(m, 'trigger')['events'] as string[]).push('avi:jira:commentd:issue');
      },
      /'avi:jira:commentd:issue' is not a documented event/,
    ],
    [
      'a missing icon file',
      (m) => {
        moduleOf(m, 'jira:issuePanel')['icon'] = 'resource:ui;missing-icon.svg';
      },
      /missing-icon\.svg is missing/,
    ],
    [
      'a missing resource folder',
      (m) => {
        (m['resources'] as Array<Record<string, unknown>>).push({ key: 'extra', path: 'static/no-such-dir' });
      },
      /static\/no-such-dir does not exist/,
    ],
    [
      'a relative gadget thumbnail',
      (m) => {
        moduleOf(m, 'jira:dashboardGadget')['thumbnail'] = 'resource:ui;icon.svg';
      },
      /thumbnail must be an absolute URL/,
    ],
    [
      'an unknown key on the trigger',
      (m) => {
        moduleOf(m, 'trigger')['filters'] = { ignoreSelf: true };
      },
      /'filters' is not a documented property/,
    ],
  ];
  for (const [name, inject, expected] of cases) {
    it(`refuses ${name}`, () => {
      const m = fresh();
      inject(m);
      const problems = manifestProblems(m, root);
      expect(
        problems.some((p) => expected.test(p)),
        problems.join('\n'),
      ).toBe(true);
    });
  }
});

/**
 * The scopes are exactly those the app's REST calls need (derived from the route → scope table
 * that `npm run lint:forge` checks against Atlassian's API descriptions) plus the two scopes of
 * Forge APIs: storage:app (storage-reference/entities-api) and report:personal-data (privacy API).
 */
describe('scopes', () => {
  const src = fileURLToPath(new URL('../../src', import.meta.url));
  const source = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(src, f), 'utf8'))
    .join('\n');

  it('are the smallest set covering every requestJira call of the app', () => {
    const calls = [...source.matchAll(/requestJira\(\s*route`([^`]+)`,\s*\{\s*method: '([A-Z]+)'/g)].map((m) => ({
      path: (m[1] ?? '').replace(/\?.*$/, ''),
      method: m[2] ?? '',
    }));
    expect(calls.length).toBeGreaterThan(10);
    const needed = new Set<string>(['storage:app', 'report:personal-data']);
    for (const call of calls) {
      const route = ROUTE_SCOPES.find(
        (r) =>
          r.method === call.method &&
          new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(call.path.replace(/\$\{[^}]+\}/g, 'x')),
      );
      expect(route, `${call.method} ${call.path} is in local/site/route-scopes.ts`).toBeDefined();
      for (const s of route?.current ?? []) needed.add(s);
    }
    expect([...ManifestShape.parse(fresh()).permissions.scopes].sort()).toEqual([...needed].sort());
  });

  it('each carry a comment saying why', () => {
    const lines = text.split('\n');
    for (const scope of ManifestShape.parse(fresh()).permissions.scopes) {
      const line = lines.findIndex((l) => l.trim() === `- ${scope}`);
      expect(lines[line - 1]?.trim().startsWith('#'), `${scope} has a comment`).toBe(true);
    }
  });
});
