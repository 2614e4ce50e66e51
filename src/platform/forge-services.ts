/**
 * The small Forge-backed ports: queue, secret storage, personal-data reporting, the web trigger
 * address, clock and randomness.
 */
import { getAppContext, privacy, webTrigger } from '@forge/api';
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
      const read = async () => kvsCall(SECRET_KEY.signingKeys, () => kvs.getSecret(SECRET_KEY.signingKeys));
      const raw = await read();
      const parsed = SigningKeysSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      const fresh = { current: { id: random.id(), secret: randomBytes(32).toString('base64url') }, previous: null };
      // Concurrent first uses race to create the key, and only the first may stand: links signed
      // with an overwritten key would fail for good. With FAIL_IF_EXISTS the losers' writes fail
      // (mirror/storage-reference/kvs-api-secret/index.md, "Change write conflict strategy"; the
      // page does not name the error, so any failure re-reads) and they use the winner's key.
      // A value that is there but unreadable is replaced, as before.
      const keyPolicy = raw === undefined || raw === null ? 'FAIL_IF_EXISTS' : 'OVERRIDE';
      try {
        await kvsCall(SECRET_KEY.signingKeys, () => kvs.setSecret(SECRET_KEY.signingKeys, fresh, { keyPolicy }));
        return fresh;
      } catch (e) {
        const winner = SigningKeysSchema.safeParse(await read());
        if (!winner.success) throw e;
        return winner.data;
      }
    },
    async rotateSigningKey() {
      const raw = await kvsCall(SECRET_KEY.signingKeys, () => kvs.getSecret(SECRET_KEY.signingKeys));
      const parsed = SigningKeysSchema.safeParse(raw);
      const next: HmacKey = {
        id: random.id().replace(/-/g, '').slice(0, 16),
        secret: randomBytes(32).toString('base64url'),
      };
      const value = { current: next, previous: parsed.success ? parsed.data.current : null };
      await kvsCall(SECRET_KEY.signingKeys, () => kvs.setSecret(SECRET_KEY.signingKeys, value));
      return value;
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
  return new InvocationError({
    retryAfter: Math.max(1, Math.min(900, Math.ceil(seconds))),
    retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
  });
}

/**
 * Runs `work` but gives up shortly before the invocation's time limit and asks for a retry
 * itself: the platform retries a timed-out trigger too (events-reference/product_events, "Retry
 * for platform level errors"), but how often is not documented, so the app does not depend on
 * it. The abandoned work can only have committed idempotent writes. Outside Forge (no runtime)
 * it simply awaits `work`.
 * https://developer.atlassian.com/platform/forge/runtime-reference/forge-runtime-api/#getappcontext
 */
export async function beforeDeadline<T>(
  work: Promise<T>,
): Promise<{ readonly done: true; readonly value: T } | { readonly done: false }> {
  let remaining: number | null = null;
  try {
    remaining = getAppContext().invocationRemainingTimeInMillis();
  } catch {
    remaining = null;
  }
  if (remaining === null || !Number.isFinite(remaining)) return { done: true, value: await work };
  // Leave a fifth of the limit (at most 3 s) to return the retry request.
  const budget = Math.max(0, remaining - Math.min(3_000, remaining * 0.2));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<{ readonly done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), budget);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), deadline]);
  } finally {
    clearTimeout(timer);
    // An abandoned call fails once the platform stops it; that failure is expected, not unhandled.
    work.catch(() => undefined);
  }
}
