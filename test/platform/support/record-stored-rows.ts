/**
 * Records every row the app stores, as the local host keeps it, into
 * test/platform/fixtures/stored-rows-v1.json: one journey that writes each entity and document at
 * least once (config, plans, a ticket through an answer and resolution, an ask, rollup buckets,
 * accounts, projects, the audit log, a finished recompute, the hourly job's documents, the scope
 * options cache).
 *
 *   npx tsx test/platform/support/record-stored-rows.ts
 *
 * The committed file was recorded with the code before the storage layout moved into
 * src/platform (see test/platform/stored-shapes.test.ts): it is the oracle that the stored format
 * did not change. Re-record only for a deliberate format change, with a new version.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../../../local/index';
import { journeyXla, plan } from '../../integration/support/config';

const OUT = join(import.meta.dirname, '..', 'fixtures', 'stored-rows-v1.json');
const MODULE = { portal: 'sentio-portal-survey', admin: 'sentio-admin-page' } as const;

async function main(): Promise<void> {
  const h = await startHost({ dataDir: ':memory:', seed: 'basic', delayScale: 0, scheduler: false, concurrency: 1 });
  try {
    const admin = h.users.admins[0] ?? '';
    const requester = h.users.customers[0] ?? '';
    const [agent = ''] = h.users.agents;
    const ok = async (module: string, name: string, payload: unknown, as: string, extension = {}) => {
      const r = await h.invoke(module, name, payload, as, extension);
      const envelope = r.value as { ok: boolean; data?: unknown; error?: unknown } | undefined;
      if (!r.ok || envelope?.ok !== true) throw new Error(`${name} failed: ${JSON.stringify(envelope ?? r.error)}`);
      return envelope;
    };
    await ok(MODULE.admin, 'saveXla', { xla: journeyXla() }, admin);
    const waiting = plan('waiting-check', { kind: 'status-changed', toStatuses: ['Waiting for customer'] });
    await ok(MODULE.admin, 'savePlan', { plan: { ...waiting, delivery: { publicComment: true } } }, admin);
    await ok(MODULE.admin, 'listScopeOptions', {}, admin);
    await h.waitForIdle();
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'No VPN',
      reporter: requester,
    });
    await h.waitForIdle();
    h.site.assign(t.key, agent, admin);
    h.site.comment(t.key, 'Looking into it now.', { author: agent, public: true });
    h.site.transition(t.key, 'Waiting for customer', agent);
    await h.waitForIdle();
    const request = { request: { key: t.key } };
    const mine = (await ok(MODULE.portal, 'getMyAsk', {}, requester, request)) as { data: { ask: { askId: string } } };
    const answer = { askId: mine.data.ask.askId, score: 2, reasons: [], comment: 'Still waiting, this is slow.' };
    await ok(MODULE.portal, 'answerAsk', answer, requester, request);
    h.site.comment(t.key, 'This is taking far too long and I cannot work.', { author: requester, public: true });
    h.site.transition(t.key, 'Resolved', agent);
    await h.waitForIdle();
    await h.tick('sentio-hourly');
    // Two hours on, the generation the first recompute replaced is ripe for clean-up (`rollup-gc`).
    h.site.advance(2 * 3_600_000);
    await h.tick('sentio-hourly');
    await ok(MODULE.admin, 'rotateSigningKey', {}, admin);
    await h.waitForIdle();
    const entities = ['ticket', 'ask', 'rollup', 'audit', 'account', 'doc', 'project'];
    const rows = Object.fromEntries(entities.map((e) => [e, h.host.kvs.dump('entity', e)]));
    writeFileSync(OUT, JSON.stringify(rows, null, 1) + '\n');
    console.log(entities.map((e) => `${e}: ${rows[e]?.length ?? 0}`).join(', '));
  } finally {
    await h.close();
  }
}

await main();
