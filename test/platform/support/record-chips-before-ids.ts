/**
 * Records what Sentio stored for reason chips before chips had ids, into
 * test/platform/fixtures/stored-chips-before-ids.json: a plan with English chips and German
 * chips translated place by place, an ask a German requester answered by picking a chip (stored
 * as its English words), the ticket record that answer folded into, and the plan as saved again
 * after the admin moved a chip (so the ask's frozen chips and the plan's differ in place).
 *
 * The committed file was recorded on the code before chip ids (commit 38a8e23), unpacked with
 * `git archive 38a8e23 | tar -x -C <dir>` beside this repository's node_modules:
 *
 *   npx tsx test/platform/support/record-chips-before-ids.ts
 *
 * It is the oracle that stored data of that format reads into today's shape with nothing lost
 * (test/platform/chip-ids-migration.test.ts). Never re-record it with today's code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../../../local/index';

const OUT = join(import.meta.dirname, '..', 'fixtures', 'stored-chips-before-ids.json');
const MODULE = { portal: 'sentio-portal-survey', admin: 'sentio-admin-page' } as const;

const planWith = (negative: string[], germanNegative: string[]) => ({
  id: 'chips-check',
  name: 'Chips check',
  waypoint: { kind: 'created' },
  question: { kind: 'csat5', text: 'How satisfied are you so far?' },
  followUps: { reasonChips: { negative, neutral: ['OK'], positive: ['Friendly', 'Fast'] } },
  translations: {
    'de-DE': {
      text: 'Wie zufrieden sind Sie bisher?',
      reasonChips: { negative: germanNegative, neutral: [], positive: ['', 'Schnell'] },
    },
  },
});

async function main(): Promise<void> {
  const h = await startHost({ dataDir: ':memory:', seed: 'basic', delayScale: 0, scheduler: false, concurrency: 1 });
  try {
    const admin = h.users.admins[0] ?? '';
    const requester = h.users.customers[0] ?? '';
    const ok = async (module: string, name: string, payload: unknown, as: string, extension = {}) => {
      const r = await h.invoke(module, name, payload, as, extension);
      const envelope = r.value as { ok: boolean; data?: unknown; error?: unknown } | undefined;
      if (!r.ok || envelope?.ok !== true) throw new Error(`${name} failed: ${JSON.stringify(envelope ?? r.error)}`);
      return envelope as { ok: true; data: Record<string, unknown> };
    };
    await ok(
      MODULE.admin,
      'savePlan',
      { plan: planWith(['Too slow', 'Not fixed'], ['Zu langsam', 'Nicht behoben']) },
      admin,
    );
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'No VPN',
      reporter: requester,
    });
    await h.waitForIdle();
    const request = { request: { key: t.key } };
    const mine = await ok(MODULE.portal, 'getMyAsk', { locale: 'de-DE' }, requester, request);
    const askId = (mine.data.ask as { askId: string }).askId;
    await ok(
      MODULE.portal,
      'answerAsk',
      { askId, score: 2, reasons: ['Not fixed'], comment: 'Immer noch kaputt', locale: 'de-DE' },
      requester,
      request,
    );
    await h.waitForIdle();
    const before = h.host.kvs.dump('entity', 'doc').find((r) => r.key === 'config');
    // The admin moves "Not fixed" first; the German list is moved with it, place by place.
    const { data } = await ok(MODULE.admin, 'getConfig', {}, admin);
    await ok(
      MODULE.admin,
      'savePlan',
      {
        plan: planWith(['Not fixed', 'Too slow'], ['Nicht behoben', 'Zu langsam']),
        expectedVersion: data.version,
      },
      admin,
    );
    const after = h.host.kvs.dump('entity', 'doc').find((r) => r.key === 'config');
    const rows = {
      configBeforeMove: before,
      configAfterMove: after,
      ask: h.host.kvs.dump('entity', 'ask').find((r) => r.key === askId),
      ticket: h.host.kvs.dump('entity', 'ticket').find((r) => r.key === t.id),
    };
    writeFileSync(OUT, JSON.stringify(rows, null, 1) + '\n');
    console.log(Object.keys(rows).join(', '));
  } finally {
    await h.close();
  }
}

await main();
