/**
 * The weekly personal-data job: report every stored account id to Atlassian and erase what the
 * app holds about closed accounts (every ticket, ask and audit entry holding the id, found by its
 * links: src/app/privacy/erase-account.ts; tickets keep counts, which hold no personal data) and
 * drop the cached profile language of updated ones. Every stored id has an account row no later
 * than the data holding it (src/app/privacy/account-holdings.ts).
 * https://developer.atlassian.com/platform/forge/runtime-reference/privacy-api/
 */
import type { AppPorts } from '../ports';
import { eraseAccount } from './erase-account';

/** The personal-data API takes at most 90 accounts a call. */
const REPORT_BATCH = 90;
const MAX_BATCHES = 200;

export async function reportPersonalData(ports: AppPorts): Promise<{ reported: number; erased: number }> {
  let reported = 0;
  let erased = 0;
  let cursor: string | null = null;
  // Marking an account reported moves it to the end of the `by-reported` index, where the same
  // walk would meet it again: report each account once per run.
  const seen = new Set<string>();
  for (let i = 0; i < MAX_BATCHES; i++) {
    const page = await ports.accounts.accountsToReport(REPORT_BATCH, cursor);
    const fresh = page.items.filter((a) => !seen.has(a.accountId));
    for (const a of fresh) seen.add(a.accountId);
    cursor = page.cursor;
    if (fresh.length === 0) {
      if (cursor === null) break;
      continue;
    }
    const updates = await ports.personalData.report(fresh);
    reported += fresh.length;
    const closed = updates.filter((u) => u.status === 'closed').map((u) => u.accountId);
    for (const accountId of closed) {
      // Not finished (more links than one run erases): its row stays and the next run goes on.
      if (await eraseAccount(ports, accountId)) erased += 1;
    }
    // `updated`: the app's copy of the profile is stale and may be read again. The cached
    // language is the only profile data kept: dropped, it is read anew at its next use.
    for (const u of updates) if (u.status === 'updated') await ports.accounts.forgetLocale(u.accountId);
    await ports.accounts.markAccountsReported(
      fresh.map((a) => a.accountId).filter((id) => !closed.includes(id)),
      ports.clock.now(),
    );
    if (cursor === null) break;
  }
  return { reported, erased };
}
