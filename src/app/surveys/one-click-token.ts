/**
 * One-click answer tokens: `v1.<kid>.<payload>.<mac>`, HMAC-SHA256 over `v1.<kid>.<payload>`.
 * The payload carries the ask id, the score, the expiry and a nonce; the key id picks the current
 * or the previous signing key, so rotating the secret does not break links already e-mailed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { HmacKey } from '../ports';

export const TokenClaimsSchema = z
  .object({
    a: z.string().min(1).max(80), // ask id
    s: z.number().int().min(0).max(10), // score
    e: z.number().int(), // expires at (epoch ms)
    n: z.string().min(8).max(64), // nonce
    c: z.enum(['public-comment']).optional(), // the channel the link was sent by (absent on older links)
  })
  .strict();
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

const TOKEN_PATTERN = /^v1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, signed: string): Buffer {
  return createHmac('sha256', secret).update(signed).digest();
}

export function signToken(claims: TokenClaims, key: HmacKey): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signed = `v1.${key.id}.${payload}`;
  return `${signed}.${mac(key.secret, signed).toString('base64url')}`;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' };

export function verifyToken(
  token: string,
  keys: { readonly current: HmacKey; readonly previous: HmacKey | null },
  now: number,
): TokenCheck {
  const m = TOKEN_PATTERN.exec(token);
  if (m === null) return { ok: false, reason: 'malformed' };
  const [, kid, payload, sig] = m;
  const key = [keys.current, keys.previous].find((k) => k !== null && k.id === kid);
  if (key === undefined || key === null || payload === undefined || sig === undefined)
    return { ok: false, reason: 'forged' };
  const expected = mac(key.secret, `v1.${kid}.${payload}`);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = TokenClaimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (now >= claims.data.e) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}
