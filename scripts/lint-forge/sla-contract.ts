/**
 * Contract check of the live SLA read against JSM's REST API description (operation
 * getSlaInformation, `GET /rest/servicedeskapi/request/{issueIdOrKey}/sla`). Oracle: the published
 * description, not the code: its response schema (PagedDTOSlaInformationDTO, every object closed
 * with `additionalProperties: false`), its example answer and its OAuth scopes.
 *
 * 1. The description's example answer is valid under its own schema, and the app's schema
 *    (`LiveSlaPageSchema` in src/platform/jira-client.ts) reads it with every time it carries.
 * 2. The local host's answers, through the unmodified `@forge/api` client, for SLAs that are
 *    breached and running, paused, met, and completed then reopened, are valid under the schema
 *    and read by the app's schema.
 * 3. The check can fail: an answer with a field the description does not have is rejected.
 * 4. The operation's current scopes are in manifest.yml (no Beta-only scope is needed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { LiveSlaPageSchema } from '../../src/platform/jira-client';

const SLA_PATH = '/rest/servicedeskapi/request/{issueIdOrKey}/sla';
const MINUTE = 60_000;

const Operation = z.looseObject({
  'x-atlassian-oauth2-scopes': z.array(z.object({ scopes: z.array(z.string()), state: z.string() })),
  responses: z.looseObject({
    '200': z.looseObject({
      content: z.looseObject({ 'application/json': z.looseObject({ example: z.string() }) }),
    }),
  }),
});

function validatorFor(openapiDir: string) {
  // The description's own schema, read as JSON Schema by zod (its `$ref`s point into `$defs`).
  const text = readFileSync(path.join(openapiDir, 'jira-service-management.json'), 'utf8');
  const doc = z
    .looseObject({
      paths: z.record(z.string(), z.record(z.string(), z.unknown())),
      components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
    })
    .parse(JSON.parse(text.replaceAll('"#/components/schemas/', '"#/$defs/')));
  const schema = z.fromJSONSchema({
    $ref: '#/$defs/PagedDTOSlaInformationDTO',
    $defs: doc.components.schemas,
  } as Parameters<typeof z.fromJSONSchema>[0]);
  const op = Operation.parse(doc.paths[SLA_PATH]?.['get']);
  return {
    problems: (body: unknown): string[] => {
      const r = schema.safeParse(body);
      return r.success ? [] : r.error.issues.map((i) => `/${i.path.join('/')} ${i.message}`);
    },
    example: JSON.parse(op.responses['200'].content['application/json'].example) as unknown,
    currentScopes: op['x-atlassian-oauth2-scopes'].filter((s) => s.state === 'Current').flatMap((s) => s.scopes),
  };
}

/** The host's SLA answers for requests in each state the panel shows, read with `@forge/api` as the app. */
async function hostAnswers(): Promise<Array<{ what: string; body: unknown }>> {
  const { startHost } = await import('../../local/index');
  const { asApp, route } = await import('@forge/api');
  const h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    clock: Date.UTC(2026, 0, 5, 9),
    delayScale: 0,
    scheduler: false,
    handlers: { 'issue-event': () => undefined },
  });
  try {
    const agent = h.users.agents[0] ?? '';
    const reporter = h.users.customers[0] ?? '';
    const raise = (summary: string) => {
      const t = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary, reporter });
      h.site.setSla(t.key, 'Time to first response', { goalMinutes: 30 });
      return t.key;
    };
    const breached = raise('breached, running');
    const paused = raise('paused');
    const met = raise('met and resolved');
    const reopened = raise('resolved, then reopened');
    h.site.advance(10 * MINUTE);
    for (const key of [paused, met, reopened]) h.site.comment(key, 'On it.', { author: agent, public: true });
    h.site.transition(paused, 'Waiting for customer', agent);
    h.site.transition(met, 'Resolved', agent);
    h.site.transition(reopened, 'Resolved', agent);
    h.site.advance(2 * 60 * MINUTE);
    h.site.transition(reopened, 'Waiting for support', reporter);
    const out: Array<{ what: string; body: unknown }> = [];
    for (const [what, key] of Object.entries({ breached, paused, met, reopened })) {
      const res = await asApp().requestJira(route`/rest/servicedeskapi/request/${key}/sla`);
      out.push({ what: `${what} (${res.status})`, body: await res.json() });
    }
    return out;
  } finally {
    await h.close();
  }
}

/** Every way the read disagrees with the description; empty when it agrees. */
export async function slaContractProblems(openapiDir: string, root: string): Promise<string[]> {
  const { problems, example, currentScopes } = validatorFor(openapiDir);
  const found: string[] = [];
  const check = (what: string, body: unknown) => {
    for (const p of problems(body)) found.push(`${what}: the description rejects it: ${p}`);
    const read = LiveSlaPageSchema.safeParse(body);
    if (!read.success) found.push(`${what}: the app's schema rejects it: ${read.error.message}`);
    return read.success ? read.data : null;
  };

  const fromExample = check('the description’s example', example);
  // As the description's example reads by eye: three SLAs of two completed cycles and an ongoing one each.
  const shape = fromExample?.values.map((v) => [v.completedCycles.length, v.ongoingCycle?.remainingTime?.millis]);
  if (
    JSON.stringify(shape) !==
    JSON.stringify([
      [2, 8760000],
      [2, 66360000],
      [2, 138360000],
    ])
  )
    found.push(`the description's example read as ${JSON.stringify(shape)}`);

  const answers = await hostAnswers();
  for (const { what, body } of answers) check(`the local host, ${what}`, body);

  // The validator is not blind to fields the description does not have.
  const first = answers[0]?.body as { values?: Array<Record<string, unknown>> } | undefined;
  const extra = { ...first, values: (first?.values ?? []).map((v) => ({ ...v, slaState: 'x' })) };
  if (problems(extra).length === 0) found.push('an answer with a field the description lacks was accepted');

  const manifest = z
    .object({ permissions: z.object({ scopes: z.array(z.string()) }) })
    .parse(parseYaml(readFileSync(path.join(root, 'manifest.yml'), 'utf8')));
  for (const s of currentScopes)
    if (!manifest.permissions.scopes.includes(s)) found.push(`manifest.yml lacks ${s}, which ${SLA_PATH} needs`);
  console.log(
    `\nSLA read against the JSM description: the example and ${answers.length} host answers (${answers.map((a) => a.what).join(', ')}); scope ${currentScopes.join(', ')}.`,
  );
  return found;
}
