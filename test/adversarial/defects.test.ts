/**
 * The defects an outside adversarial run reported (issue 11), each reproduced as it was reported.
 * B1 (a participant reads and replaces the requester's answer) is in access.test.ts; the resolver
 * named "constructor" in payloads.test.ts; the CSV formula guard in csv.test.ts.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { deliver, EventSwitch, type JiraEvent } from '../model/support/deliver';
import { attack } from './support/attacks';
import {
  MODULE,
  call,
  myAsk,
  ok,
  oneClick,
  projectContext,
  savePlan,
  sentLinks,
  startAdversary,
  storage,
  surveyPlan,
  type Adversary,
} from './support/site';

describe('B2: asks lost when events arrive out of order', () => {
  attack(
    'reported defects',
    'B2: 20 requests each followed at once by a reporter comment, 4 deliveries in flight: 20 asks',
    async () => {
      const a = await startAdversary({ concurrency: 4 });
      try {
        await savePlan(a, surveyPlan('on-create', { kind: 'created' }));
        const keys: string[] = [];
        for (let i = 0; i < 20; i++) {
          const reporter = a.h.users.customers[i % 14] ?? '';
          const key = a.h.site.createTicket({ projectKey: 'IT', summary: `B2 ${i}`, reporter }).key;
          a.h.site.comment(key, 'Please look at this today.', { author: reporter });
          keys.push(key);
        }
        await a.h.waitForIdle();
        const asked = [];
        for (const [i, key] of keys.entries())
          asked.push((await myAsk(a, key, a.h.users.customers[i % 14] ?? '')) !== null);
        expect(asked.filter(Boolean).length).toBe(20);
      } finally {
        await a.close();
      }
    },
  );
  attack('reported defects', 'B2: the created event delivered after the comment still asks the requester', async () => {
    const sw = new EventSwitch();
    const a = await startAdversary({ handlers: { 'issue-event': sw.handler } });
    try {
      sw.bind(a.h);
      await savePlan(a, surveyPlan('on-create', { kind: 'created' }));
      const from = a.h.events(1).at(-1)?.seq ?? 0;
      const key = a.h.site.createTicket({
        projectKey: 'IT',
        summary: 'Late created',
        reporter: a.people.requester,
      }).key;
      a.h.site.advance(1_000);
      a.h.site.comment(key, 'Any update on this?', { author: a.people.requester });
      await a.h.waitForIdle();
      const events: JiraEvent[] = a.h
        .events(10)
        .filter((e) => e.seq > from)
        .map((e) => e.payload);
      await deliver(
        a.h,
        sw,
        [...events].reverse().map((event) => ({ event, faults: [] })),
        1,
      );
      expect((await myAsk(a, key))?.status).toBe('pending');
    } finally {
      await a.close();
    }
  });
});

describe('B3: the first signing key', () => {
  attack('reported defects', 'B3: concurrent first deliveries share one signing key: every link verifies', async () => {
    const a = await startAdversary({ concurrency: 8 });
    try {
      await savePlan(
        a,
        surveyPlan('with-links', { kind: 'created' }, { delivery: { portal: true, publicComment: true } }),
      );
      const keys = Array.from(
        { length: 8 },
        (_, i) =>
          a.h.site.createTicket({ projectKey: 'IT', summary: `B3 ${i}`, reporter: a.h.users.customers[i] ?? '' }).key,
      );
      await a.h.waitForIdle();
      for (const key of keys) {
        const link = sentLinks(a.h, key)[0];
        expect(link, `no link on ${key}`).toBeDefined();
        expect((await oneClick(a.h, 'GET', link?.token ?? '')).statusCode, key).toBe(200);
      }
    } finally {
      await a.close();
    }
  });
});

describe('B4: one-click links are bearer tokens', () => {
  let a: Adversary;
  beforeAll(async () => {
    a = await startAdversary();
  });
  afterAll(async () => {
    await a?.close();
  });

  attack(
    'reported defects',
    'B4: a plan saved without a word about one-click posts no link anyone else can read',
    async () => {
      await savePlan(a, surveyPlan('defaults', { kind: 'created' }));
      const key = a.h.site.createTicket({ projectKey: 'IT', summary: 'B4 default', reporter: a.people.requester }).key;
      await a.h.waitForIdle();
      expect((await myAsk(a, key))?.status).toBe('pending');
      expect(sentLinks(a.h, key)).toEqual([]);
    },
  );
  attack('reported defects', 'B4: a one-click answer records the channel the link came by', async () => {
    await savePlan(a, surveyPlan('defaults', { kind: 'created' }, { delivery: { portal: true, publicComment: true } }));
    const key = a.h.site.createTicket({ projectKey: 'IT', summary: 'B4 channel', reporter: a.people.requester }).key;
    await a.h.waitForIdle();
    const link = sentLinks(a.h, key).find((l) => l.score === 5);
    expect((await oneClick(a.h, 'POST', link?.token ?? '')).statusCode).toBe(200);
    const asks = a.h.host.kvs.dump('entity', 'ask').map((r) => JSON.stringify(r.value));
    const answered = asks.find((t) => t.includes('"via":"one-click"'));
    expect(answered).toBeDefined();
    expect(answered).toMatch(/"channel":"public-comment"/);
  });
  attack('reported defects', 'B4: the plan editor contract states who can see one-click links', async () => {
    const env = ok(
      await call<{ plans: Array<{ delivery: Record<string, unknown> }> }>(
        a.h,
        MODULE.admin,
        'getConfig',
        {},
        a.people.admin,
      ),
    );
    expect(env.plans[0]?.delivery).toBeDefined();
    // The plan editor's words beside the toggle (locales/admin/en-US.json, admin.plan.oneClickAudience).
    const words = (await import('../../locales/admin/en-US.json')).default.admin.plan.oneClickAudience;
    expect(words).toMatch(/agent/i);
    expect(words).toMatch(/participant/i);
  });
});

describe('B7: imports with duplicate ids', () => {
  let a: Adversary;
  beforeAll(async () => {
    a = await startAdversary();
  });
  afterAll(async () => {
    await a?.close();
  });
  const xla = (name: string) => ({
    id: 'twice',
    name,
    indicators: [{ id: 'csat', weight: 1, floor: 0.5, target: 0.9, prior: 0.8 }],
  });

  for (const [what, config, field] of [
    ['XLA', { format: 'sentio-config', version: 1, xlas: [xla('One'), xla('Two')], plans: [] }, 'config.xlas[1].id'],
    [
      'plan',
      {
        format: 'sentio-config',
        version: 1,
        xlas: [],
        plans: [surveyPlan('twice', { kind: 'created' }), surveyPlan('twice', { kind: 'resolved' })],
      },
      'config.plans[1].id',
    ],
  ] as const)
    attack('reported defects', `B7: an import with one ${what} id twice is refused, naming the field`, async () => {
      const before = storage(a.h);
      const env = await call(a.h, MODULE.admin, 'importConfig', { config, mode: 'merge' }, a.people.admin);
      expect(env.ok ? 'ok' : env.error.code).toBe('validation');
      const fields = env.ok ? [] : ((env.error as { fields?: Array<{ field: string; message: string }> }).fields ?? []);
      expect(fields.map((f) => f.field)).toContain(field);
      expect(fields.find((f) => f.field === field)?.message).toMatch(/twice/);
      expect(storage(a.h)).toBe(before);
    });
});

describe('minor defects', () => {
  let a: Adversary;
  beforeAll(async () => {
    a = await startAdversary();
    await savePlan(a, surveyPlan('on-create', { kind: 'created' }));
  });
  afterAll(async () => {
    await a?.close();
  });

  for (const [module, name, payload, context] of [
    [MODULE.admin, 'getAuditLog', { cursor: 'not-a-cursor' }, 'admin'],
    [MODULE.admin, 'getAuditLog', { cursor: '{"__proto__":1}' }, 'admin'],
    [MODULE.project, 'getVerbatims', { cursor: 'not-a-cursor' }, 'agent'],
  ] as const)
    attack(
      'reported defects',
      `a garbage cursor to ${name} (${payload.cursor}) is a validation error, not internal`,
      async () => {
        const as = context === 'admin' ? a.people.admin : a.people.agent;
        const env = await call(a.h, module, name, payload, as, context === 'agent' ? projectContext(a.h, 'IT') : {});
        expect(env.ok ? 'ok' : env.error.code).toBe('validation');
      },
    );

  for (const who of ['requester', 'participant'] as const)
    attack(
      'reported defects',
      `the ${who} reading the issue property through Jira finds no risk, mood or score`,
      async () => {
        const key = a.h.site.createTicket({
          projectKey: 'IT',
          summary: 'Property',
          reporter: a.people.requester,
          participants: [a.people.participant],
        }).key;
        a.h.site.comment(key, 'This is terrible, nothing works and I have lost a whole day.', {
          author: a.people.requester,
        });
        await a.h.waitForIdle();
        const ask = await myAsk(a, key);
        ok(
          await call(
            a.h,
            MODULE.portal,
            'answerAsk',
            { askId: ask?.askId, score: 1, reasons: ['Slow'] },
            a.people.requester,
            {
              request: { key },
            },
          ),
        );
        await a.h.waitForIdle();
        const res = a.h.host.callJira(
          { kind: 'user', accountId: a.people[who] },
          'GET',
          `/rest/api/3/issue/${key}/properties/sentio-experience`,
          undefined,
          false,
        );
        const value = (res.body as { value?: Record<string, unknown> }).value ?? {};
        expect(Object.keys(value).filter((k) => ['risk', 'mood', 'lastScore', 'riskScore'].includes(k))).toEqual([]);
      },
    );
});
