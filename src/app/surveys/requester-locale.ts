import { DEFAULT_LOCALE, negotiateLocale, type Locale } from '../../domain/i18n';
import { TransientError } from '../errors';
import type { AppPorts } from '../ports';

/**
 * The language to write to a requester in: their Jira profile language, else the first of
 * `alsoAccepted` we ship (a browser's Accept-Language), else English. Functions are not told the
 * user's locale; the docs name the Jira profile as the way to find it
 * (https://developer.atlassian.com/platform/forge/runtime-reference/i18n/#accessing-locale-information-in-forge-functions).
 * A profile we may not read (hidden, or refused) is not an error: the text falls back; only a
 * transient failure is thrown, so the caller's retry covers it.
 */
export async function requesterLocale(
  ports: Pick<AppPorts, 'directory'>,
  accountId: string,
  alsoAccepted: readonly string[] = [],
): Promise<Locale> {
  let profile: string | null = null;
  try {
    profile = await ports.directory.userLocale(accountId);
  } catch (e) {
    if (e instanceof TransientError) throw e;
  }
  return negotiateLocale(profile, ...alsoAccepted, DEFAULT_LOCALE);
}
