/** Rotating the one-click signing key, against hand-written fakes. */
import { describe, expect, it } from 'vitest';
import { rotateSigningKey } from '../../../src/app/configuration/rotate-signing-key';
import { signToken, verifyToken } from '../../../src/app/surveys/one-click-token';
import { NOW } from '../builders';
import { fakeWorld } from '../fakes/ports';

describe('rotating the one-click signing key', () => {
  it('signs with the new key, still verifies links of the previous one, and audits who did it', async () => {
    const w = fakeWorld();
    const old = w.keys.current;
    const oldLink = signToken({ a: 'ask-1', s: 4, e: NOW + 3_600_000, n: 'nonce-1234' }, old);
    const result = await rotateSigningKey(w.ports, 'admin-1');
    expect(result).toEqual({ keyId: w.keys.current.id, previousKeyId: old.id, rotatedAt: NOW });
    expect(verifyToken(oldLink, w.keys, NOW)).toMatchObject({ ok: true, claims: { a: 'ask-1', s: 4 } });
    expect(w.audit.map((a) => [a.actorId, a.action, a.target])).toEqual([
      ['admin-1', 'secret-rotated', 'one-click-signing-key'],
    ]);
    expect(JSON.stringify(w.audit)).not.toContain(w.keys.current.secret);
    // A second rotation retires the first key: its links no longer verify.
    await rotateSigningKey(w.ports, 'admin-1');
    expect(verifyToken(oldLink, w.keys, NOW)).toEqual({ ok: false, reason: 'forged' });
  });
});
