import { DEFAULT_LOCALE, negotiateLocale, type Locale } from '../../domain/i18n';
import { DAY_MS } from '../../domain/time';
import { TransientError } from '../errors';
import type { AppPorts, CachedLocale } from '../ports';

/**
 * How long a cached profile language is used before Jira is asked again. A person can change their
 * language at any time and Jira sends no event for it; Atlassian's personal-data report answers
 * `updated` for a changed profile within its cycle period, 7 days by default
 * (mirror/user-privacy-guidelines/index.md), and that answer drops the cached language
 * (src/app/privacy/report-personal-data.ts). Seven days makes the age limit the same bound: a
 * changed language is used at the latest a week later, while a requester's tickets and answers
 * within a week (the survey window) cost one profile read, not one per comment or answer.
 */
export const LOCALE_MAX_AGE_MS = 7 * DAY_MS;

/** Account ids Jira uses for nobody (mirror/user-privacy-guidelines/index.md) and Sentio's erased marker. */
const NOBODY = new Set(['unknown', 'erased-account']);

type LocalePorts = Pick<AppPorts, 'directory' | 'accounts' | 'clock'>;

/**
 * The cached profile language of an account, for a caller that reads it beside its other data in
 * one round trip; null when none is cached or storage cannot say (the language is then read anew).
 */
export async function cachedLocaleOf(
  ports: Pick<AppPorts, 'accounts'>,
  accountId: string,
): Promise<CachedLocale | null> {
  if (NOBODY.has(accountId)) return null;
  try {
    return await ports.accounts.cachedLocale(accountId);
  } catch {
    return null;
  }
}

/** Whether a cached language is young enough to use at `now` (never one dated in the future). */
export function isFresh(cached: CachedLocale | null, now: number): cached is CachedLocale {
  return cached !== null && cached.at <= now && now - cached.at < LOCALE_MAX_AGE_MS;
}

/** What `requesterLocale` is told beside the account. */
export interface RequesterLocaleOptions {
  /** Languages to fall back on when the profile names none we ship (a browser's Accept-Language). */
  readonly alsoAccepted?: readonly string[];
  /**
   * The account's cached language when the caller read it already (`cachedLocaleOf`): `null` means
   * "read, and none is cached"; omitted, it is read here.
   */
  readonly cached?: CachedLocale | null;
  /**
   * Whether a language read from the profile is cached. False when the account may not be a
   * requester (not yet authorised): a language is cached only for a requester, whose account row
   * the personal-data report already walks. Default true.
   */
  readonly remember?: boolean;
}

/**
 * The language to write to a requester in: their Jira profile language, else the first of
 * `alsoAccepted` we ship, else English. Functions are not told the user's locale; the docs name the
 * Jira profile as the way to find it
 * (https://developer.atlassian.com/platform/forge/runtime-reference/i18n/#accessing-locale-information-in-forge-functions).
 * The profile language is cached for LOCALE_MAX_AGE_MS: one Jira call per requester and week
 * instead of one per comment and answer. A profile we may not read (hidden, or refused) is not an
 * error: the text falls back; only a transient failure is thrown, so the caller's retry covers it.
 */
export async function requesterLocale(
  ports: LocalePorts,
  accountId: string,
  options: RequesterLocaleOptions = {},
): Promise<Locale> {
  const { alsoAccepted = [], cached, remember = true } = options;
  const now = ports.clock.now();
  const known = cached === undefined ? await cachedLocaleOf(ports, accountId) : cached;
  const profile = isFresh(known, now) ? known.locale : await profileLocale(ports, accountId, now, remember);
  return negotiateLocale(profile, ...alsoAccepted, DEFAULT_LOCALE);
}

async function profileLocale(
  ports: LocalePorts,
  accountId: string,
  now: number,
  remember: boolean,
): Promise<string | null> {
  let profile: string | null | undefined;
  try {
    profile = await ports.directory.userLocale(accountId);
  } catch (e) {
    if (e instanceof TransientError) throw e;
    return null;
  }
  // No account, nothing to keep: a closed account's language is never stored.
  if (profile === undefined || NOBODY.has(accountId)) return null;
  if (!remember) return profile;
  try {
    await ports.accounts.rememberLocale(accountId, profile, now);
  } catch {
    // The cache only saves a later call: the language read is right either way.
  }
  return profile;
}
