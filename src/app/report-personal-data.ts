/**
 * The weekly personal-data job: report every stored account id to Atlassian and erase what the
 * app holds about closed accounts (their asks' answers and free text are anonymised; tickets keep
 * counts, which hold no personal data).
 * https://developer.atlassian.com/platform/forge/runtime-reference/privacy-api/
 */
import type { AppPorts } from './ports';

/** The personal-data API takes at most 90 accounts a call. */
const REPORT_BATCH = 90;
const MAX_BATCHES = 200;

export async function reportPersonalData(ports: AppPorts): Promise<{ reported: number; erased: number }> {
  let reported = 0;
  let erased = 0;
  let cursor: string | null = null;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const page = await ports.store.accountsToReport(REPORT_BATCH, cursor);
    if (page.items.length === 0) break;
    const updates = await ports.personalData.report(page.items);
    reported += page.items.length;
    const closed = updates.filter((u) => u.status === 'closed').map((u) => u.accountId);
    for (const accountId of closed) {
      await eraseAccount(ports, accountId);
      erased += 1;
    }
    await ports.store.markAccountsReported(
      page.items.map((a) => a.accountId).filter((id) => !closed.includes(id)),
      ports.clock.now(),
    );
    cursor = page.cursor;
    if (cursor === null) break;
  }
  return { reported, erased };
}

const ERASED = 'erased-account';

export async function eraseAccount(ports: AppPorts, accountId: string): Promise<void> {
  let cursor: string | null = null;
  do {
    const page = await ports.store.asksOf(accountId, cursor);
    for (const stored of page.items) {
      const ask = stored.ask;
      const answer = ask.answer === null ? null : { ...ask.answer, comment: null };
      await ports.store.putAsk({ ...ask, requesterId: ERASED, answer }, stored.rev, stored.usedNonces);
    }
    cursor = page.cursor;
  } while (cursor !== null);
  await ports.store.forgetAccount(accountId);
}
