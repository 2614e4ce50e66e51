/**
 * One-click links are bearer tokens: HMAC-signed, expiring, single-use (DESIGN.md data flow 3).
 * Every forged, tampered, expired, replayed or malformed token gets a clear page and changes
 * nothing; a GET only ever shows a confirm page, so a mail scanner that opens links records nothing.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { attack } from './support/attacks';
import {
  HOUR,
  MODULE,
  T0,
  call,
  decodeToken,
  encodeToken,
  myAsk,
  ok,
  oneClick,
  savePlan,
  sentLinks,
  startAdversary,
  storage,
  storedSigningKeys,
  surveyPlan,
  type Adversary,
  type Claims,
} from './support/site';

describe('one-click tokens', () => {
  let a: Adversary;
  let spareKey = '';
  let link = '';
  let spare = '';

  /** A request with a pending ask and the links that came with it. */
  async function raise(summary: string): Promise<{ key: string; tokens: Array<{ score: number; token: string }> }> {
    const issue = a.h.site.createTicket({ projectKey: 'IT', summary, reporter: a.people.requester });
    await a.h.waitForIdle();
    return { key: issue.key, tokens: sentLinks(a.h, issue.key) };
  }

  beforeAll(async () => {
    a = await startAdversary();
    await savePlan(
      a,
      surveyPlan('with-links', { kind: 'created' }, { delivery: { portal: true, publicComment: true } }),
    );
    const first = await raise('Token target');
    link = first.tokens.find((t) => t.score === 4)?.token ?? '';
    const second = await raise('Spare');
    spareKey = second.key;
    spare = second.tokens.find((t) => t.score === 5)?.token ?? '';
    expect(link).not.toBe('');
    expect(spare).not.toBe('');
  });

  afterAll(async () => {
    await a?.close();
  });

  /** The attack's POST (and GET) are refused with `status` and leave storage as it was. */
  async function refused(token: string, status: number): Promise<void> {
    const before = storage(a.h);
    for (const method of ['POST', 'GET']) {
      const res = await oneClick(a.h, method, token);
      expect({ method, status: res.statusCode, writes: res.writes }).toEqual({ method, status, writes: 0 });
      expect(res.body).not.toMatch(/\n\s+at |node_modules|Error:/);
    }
    expect(storage(a.h)).toBe(before);
  }

  const retoken = (token: string, change: (c: Claims) => Claims): string => {
    const { kid, claims, sig } = decodeToken(token);
    return `v1.${kid}.${Buffer.from(JSON.stringify(change(claims))).toString('base64url')}.${sig}`;
  };
  const insider = (): { id: string; secret: string } => {
    const k = storedSigningKeys(a.h)[0];
    if (k === undefined) throw new Error('no signing key stored');
    return k;
  };

  attack('tokens', 'forged: signed with a secret Sentio never had', () => {
    const { kid, claims } = decodeToken(link);
    return refused(encodeToken(kid, claims, 'an-attacker-secret-of-sufficient-length!!'), 403);
  });
  attack('tokens', 'forged: a key id Sentio never issued', () => {
    const { claims } = decodeToken(link);
    return refused(encodeToken('made-up-key-id', claims, 'an-attacker-secret-of-sufficient-length!!'), 403);
  });
  attack('tokens', 'tampered: score raised, signature kept', () =>
    refused(
      retoken(link, (c) => ({ ...c, s: 1 })),
      403,
    ),
  );
  attack('tokens', 'tampered: another ask id, signature kept', () =>
    refused(
      retoken(link, (c) => ({ ...c, a: decodeToken(spare).claims.a })),
      403,
    ),
  );
  attack('tokens', 'tampered: expiry pushed out, signature kept', () =>
    refused(
      retoken(link, (c) => ({ ...c, e: c.e + 365 * 24 * HOUR })),
      403,
    ),
  );
  attack('tokens', 'tampered: nonce changed to replay a used link', () =>
    refused(
      retoken(link, (c) => ({ ...c, n: `${c.n}x` })),
      403,
    ),
  );
  attack('tokens', 'tampered: one signature character flipped', () => {
    const sig = link.slice(-43);
    const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    return refused(`${link.slice(0, -43)}${flipped}`, 403);
  });
  attack('tokens', 'tampered: signature truncated', () => refused(link.slice(0, -5), 400));
  attack('tokens', 'malformed: empty signature', () => refused(`${link.slice(0, -43)}`, 400));
  attack('tokens', 'malformed: another token version', () => refused(link.replace(/^v1\./, 'v2.'), 400));
  attack('tokens', 'malformed: an extra segment', () => refused(`${link}.extra`, 400));
  for (const [name, token] of [
    ['empty', ''],
    ['one character', 'x'],
    ['10 000 characters', 'v1.'.padEnd(10_000, 'A')],
    ['unicode', 'v1.ключ.данные.подпись'],
    ['a NUL byte', `v1.a\u0000b.c.d`],
    ['JSON instead of a token', '{"a":"ask","s":5}'],
  ] as const)
    attack('tokens', `malformed: ${name}`, () => refused(token, 400));
  attack('tokens', 'insider-signed claims with an extra field are refused as malformed', () =>
    refused(encodeToken(insider().id, { ...decodeToken(link).claims, admin: true }, insider().secret), 400),
  );
  attack('tokens', 'insider-signed score off every scale (99) is refused', () =>
    refused(encodeToken(insider().id, { ...decodeToken(link).claims, s: 99 }, insider().secret), 400),
  );
  attack('tokens', 'insider-signed negative score is refused', () =>
    refused(encodeToken(insider().id, { ...decodeToken(link).claims, s: -1 }, insider().secret), 400),
  );
  attack('tokens', 'insider-signed token for an ask that does not exist changes nothing', () =>
    refused(
      encodeToken(insider().id, { ...decodeToken(link).claims, a: 'ask-1-0000000000000000' }, insider().secret),
      409,
    ),
  );
  attack('tokens', "insider-signed token whose expiry is not the ask's changes nothing", () =>
    refused(
      encodeToken(insider().id, { ...decodeToken(link).claims, e: decodeToken(link).claims.e - 1 }, insider().secret),
      409,
    ),
  );
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS'])
    attack('tokens', `${method} is not a way to answer`, async () => {
      const before = storage(a.h);
      const res = await oneClick(a.h, method, link, { body: `t=${encodeURIComponent(link)}`, query: { t: [link] } });
      expect([res.statusCode, res.writes]).toEqual([405, 0]);
      expect(storage(a.h)).toBe(before);
    });

  attack('tokens', 'replayed: the second POST of a link records nothing and keeps the answer', async () => {
    const first = await oneClick(a.h, 'POST', spare);
    expect(first.statusCode).toBe(200);
    expect(first.writes).toBeGreaterThan(0);
    const before = storage(a.h);
    const again = await oneClick(a.h, 'POST', spare);
    expect([again.statusCode, again.writes]).toEqual([200, 0]);
    expect(again.body).toContain('Already recorded');
    expect(storage(a.h)).toBe(before);
    expect((await myAsk(a, spareKey))?.answer?.score).toBe(5);
  });
  attack(
    'tokens',
    'replayed after the requester changed the answer in the portal: the old link does not win',
    async () => {
      const ask = await myAsk(a, spareKey);
      ok(
        await call(
          a.h,
          MODULE.portal,
          'answerAsk',
          { askId: ask?.askId, score: 2, reasons: ['Slow'] },
          a.people.requester,
          {
            request: { key: spareKey },
          },
        ),
      );
      const again = await oneClick(a.h, 'POST', spare);
      expect([again.statusCode, again.writes]).toEqual([200, 0]);
      expect((await myAsk(a, spareKey))?.answer?.score).toBe(2);
    },
  );
  attack('tokens', 'expired: a genuine link after its survey closed records nothing', async () => {
    const fresh = await raise('Expiring');
    const token = fresh.tokens[0]?.token ?? '';
    a.h.site.setTime(T0 + 49 * HOUR);
    try {
      await refused(token, 410);
    } finally {
      a.h.site.setTime(T0);
    }
  });
  attack('tokens', 'a key rotated out twice no longer verifies', async () => {
    const fresh = await raise('Rotated');
    const token = fresh.tokens[0]?.token ?? '';
    ok(await call(a.h, MODULE.admin, 'rotateSigningKey', {}, a.people.admin));
    const once = await oneClick(a.h, 'GET', token);
    expect(once.statusCode).toBe(200);
    ok(await call(a.h, MODULE.admin, 'rotateSigningKey', {}, a.people.admin));
    await refused(token, 403);
  });
});

describe('GET never records', () => {
  let a: Adversary;
  let key = '';
  let tokens: Array<{ score: number; token: string }> = [];

  beforeAll(async () => {
    a = await startAdversary();
    await savePlan(
      a,
      surveyPlan('with-links', { kind: 'created' }, { delivery: { portal: true, publicComment: true } }),
    );
    const issue = a.h.site.createTicket({ projectKey: 'IT', summary: 'Scanned', reporter: a.people.requester });
    key = issue.key;
    await a.h.waitForIdle();
    tokens = sentLinks(a.h, key);
  });

  afterAll(async () => {
    await a?.close();
  });

  const unanswered = async (): Promise<void> => {
    expect((await myAsk(a, key))?.answer ?? null).toBeNull();
  };

  for (const score of [1, 2, 3, 4, 5])
    attack(
      'GET never records',
      `a scanner opening the score-${score} link sees a confirm form and nothing is stored`,
      async () => {
        const token = tokens.find((t) => t.score === score)?.token ?? '';
        const before = storage(a.h);
        const res = await oneClick(a.h, 'GET', token);
        expect([res.statusCode, res.writes]).toEqual([200, 0]);
        expect(res.body).toContain('method="POST"');
        expect(storage(a.h)).toBe(before);
        await unanswered();
      },
    );
  attack(
    'GET never records',
    'the confirm page runs no script (a scanner that runs scripts submits nothing)',
    async () => {
      const res = await oneClick(a.h, 'GET', tokens[0]?.token ?? '');
      expect(res.body).not.toMatch(/<script|onload=|onerror=|http-equiv="refresh"/i);
    },
  );
  attack('GET never records', 'a GET carrying the token in a form body too records nothing', async () => {
    const token = tokens[0]?.token ?? '';
    const before = storage(a.h);
    const res = await oneClick(a.h, 'GET', token, { body: `t=${encodeURIComponent(token)}`, query: { t: [token] } });
    expect(res.writes).toBe(0);
    expect(storage(a.h)).toBe(before);
    await unanswered();
  });
  attack('GET never records', 'HEAD records nothing', async () => {
    const before = storage(a.h);
    const res = await oneClick(a.h, 'HEAD', tokens[0]?.token ?? '', { query: { t: [tokens[0]?.token ?? ''] } });
    expect(res.writes).toBe(0);
    expect(storage(a.h)).toBe(before);
  });
  attack('GET never records', 'twenty GETs in a row record nothing', async () => {
    const before = storage(a.h);
    for (let i = 0; i < 20; i++) expect((await oneClick(a.h, 'GET', tokens[i % 5]?.token ?? '')).writes).toBe(0);
    expect(storage(a.h)).toBe(before);
    await unanswered();
  });
  attack('GET never records', 'a GET with two tokens in the query records nothing', async () => {
    const before = storage(a.h);
    const res = await oneClick(a.h, 'GET', null, { query: { t: [tokens[0]?.token ?? '', tokens[4]?.token ?? ''] } });
    expect(res.writes).toBe(0);
    expect(storage(a.h)).toBe(before);
  });
  attack('GET never records', 'after the POST, a GET shows "already recorded" and writes nothing', async () => {
    const token = tokens.find((t) => t.score === 4)?.token ?? '';
    expect((await oneClick(a.h, 'POST', token)).statusCode).toBe(200);
    const before = storage(a.h);
    const res = await oneClick(a.h, 'GET', token);
    expect([res.statusCode, res.writes]).toEqual([200, 0]);
    expect(res.body).toContain('Already recorded');
    expect(storage(a.h)).toBe(before);
    expect((await myAsk(a, key))?.answer?.score).toBe(4);
  });
});
