/**
 * The small Forge-backed ports: queue, secret storage, personal-data reporting, the web trigger
 * address, clock and randomness.
 */
import { privacy, webTrigger } from '@forge/api';
import { InvocationError, InvocationErrorCode, Queue as ForgeQueue } from '@forge/events';
import { kvs } from '@forge/kvs';
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock, HmacKey, Links, PersonalData, Queue, Random, Secrets } from '../app/ports';
import { kvsCall } from './kvs-errors';
import { SECRET_KEY } from './storage-layout';

export const RECOMPUTE_QUEUE = 'sentio-recompute';
export const ONE_CLICK_WEBTRIGGER = 'sentio-one-click-answer';

export const systemClock: Clock = { now: () => Date.now() };

export const cryptoRandom: Random = {
  next: () => randomBytes(4).readUInt32BE(0) / 4_294_967_296,
  id: () => randomUUID(),
};

export function createQueue(): Queue {
  return {
    async pushRecompute(body) {
      // https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
      const queue = new ForgeQueue({ key: RECOMPUTE_QUEUE });
      await queue.push({ body: { jobId: body.jobId } });
    },
  };
}

const HmacKeySchema = z.object({ id: z.string().min(1), secret: z.string().min(32) });
const SigningKeysSchema = z.object({ current: HmacKeySchema, previous: HmacKeySchema.nullable() });

/**
 * One-click signing keys in KVS secret storage (encrypted at rest, never returned by queries).
 * The first use creates a key; rotation keeps the previous one so links already sent still verify.
 * https://developer.atlassian.com/platform/forge/storage-reference/secret-store/
 */
export function createSecrets(random: Random): Secrets {
  return {
    async signingKeys() {
      const raw = await kvsCall(SECRET_KEY.signingKeys, () => kvs.getSecret(SECRET_KEY.signingKeys));
      const parsed = SigningKeysSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      const fresh = { current: { id: random.id(), secret: randomBytes(32).toString('base64url') }, previous: null };
      await kvsCall(SECRET_KEY.signingKeys, () => kvs.setSecret(SECRET_KEY.signingKeys, fresh));
      return fresh;
    },
    async rotateSigningKey(next: HmacKey) {
      const raw = await kvsCall(SECRET_KEY.signingKeys, () => kvs.getSecret(SECRET_KEY.signingKeys));
      const parsed = SigningKeysSchema.safeParse(raw);
      const value = { current: next, previous: parsed.success ? parsed.data.current : null };
      await kvsCall(SECRET_KEY.signingKeys, () => kvs.setSecret(SECRET_KEY.signingKeys, value));
    },
  };
}

const AccountUpdatesSchema = z.array(z.object({ accountId: z.string(), status: z.enum(['closed', 'updated']) }));

export const personalData: PersonalData = {
  async report(accounts) {
    // https://developer.atlassian.com/platform/forge/runtime-reference/privacy-api/
    const updates: unknown = await privacy.reportPersonalData(
      accounts.map((a) => ({ accountId: a.accountId, updatedAt: new Date(a.updatedAt).toISOString() })),
    );
    return AccountUpdatesSchema.parse(updates ?? []);
  },
};

export const webTriggerLinks: Links = {
  async oneClickUrl() {
    return webTrigger.getUrl(ONE_CLICK_WEBTRIGGER);
  },
};

/**
 * Asks the platform to deliver the event again later (at most 4 retries, ≤ 900 s apart).
 * https://developer.atlassian.com/platform/forge/events-reference/product_events/#retry-product-events
 */
export function retryLater(seconds: number): InvocationError {
  return new InvocationError({ retryAfter: Math.max(1, Math.min(900, Math.ceil(seconds))), retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
}
