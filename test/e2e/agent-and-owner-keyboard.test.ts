/**
 * Keyboard-only paths of the agent panel's "Follow-up done" action and of the project page's
 * at-risk table sorting, in a real browser on the local host. Oracles: the server's at-risk list
 * (read through the resolver, not the page) for the follow-up, and the ticket keys sorted here
 * with Intl.Collator (numeric) for the table's order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../integration/support/config';
import { callOk, type E2E, MODULE, openAs, savePlanAsAdmin, startE2E, stopE2E } from './support/browser-host';
import { frameOf, tabTo } from './support/frame-checks';

let e: E2E;
let admin = '';
let agent = '';
const keys: string[] = [];

async function atRiskReasons(key: string): Promise<string[]> {
  const project = { id: e.h.site.raw.project('IT')?.id, key: 'IT' };
  const r = await callOk<{ tickets: Array<{ issueKey: string; reasons: Array<{ code: string }> }> }>(
    e.h,
    MODULE.projectPage,
    'getAtRiskTickets',
    {},
    admin,
    { project },
  );
  return r.tickets.find((t) => t.issueKey === key)?.reasons.map((x) => x.code) ?? [];
}

beforeAll(async () => {
  e = await startE2E();
  admin = e.h.users.admins[0] ?? '';
  agent = e.h.users.agents[0] ?? '';
  await savePlanAsAdmin(
    e.h,
    plan('raised', { kind: 'created' }, { fatigue: { cooldownHours: 0, maxAsksPerTicket: 3, expiryHours: 72 } }),
  );
  // Three tickets, each answered 1 of 5 with nobody following up: all three are at risk.
  for (let i = 0; i < 3; i++) {
    const requester = e.h.users.customers[i] ?? '';
    const t = e.h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: `Keyboard ${i}`,
      reporter: requester,
    });
    await e.h.waitForIdle();
    const mine = await callOk<{ ask: { askId: string } | null }>(e.h, MODULE.portal, 'getMyAsk', {}, requester, {
      request: { key: t.key },
    });
    await callOk(
      e.h,
      MODULE.portal,
      'answerAsk',
      { askId: mine.ask?.askId, score: 1, reasons: [], comment: null, lostTimeChoiceId: null },
      requester,
      { request: { key: t.key } },
    );
    keys.push(t.key);
  }
  await e.h.waitForIdle();
});

afterAll(async () => {
  await stopE2E(e);
});

describe('keyboard-only paths of the agent panel and the project page', () => {
  it('records "Follow-up done" with Tab and Enter, and the low-answer reason leaves the at-risk list', async () => {
    const key = keys[0] ?? '';
    expect(await atRiskReasons(key)).toContain('low-score-no-follow-up');
    const page = await openAs(e, agent, `/browse/${key}`);
    const frame = await frameOf(page, MODULE.issuePanel);
    await frame.getByRole('button', { name: 'Follow-up done' }).waitFor();
    await page.locator(`iframe[data-module="${MODULE.issuePanel}"]`).focus();
    await tabTo(page, frame, /^\s*Follow-up done\s*$/);
    await page.keyboard.press('Enter');
    await frame.getByText(/^Followed up /).waitFor();
    expect(await atRiskReasons(key)).not.toContain('low-score-no-follow-up');
    await page.close();
  });

  it('sorts the at-risk table by ticket with the keyboard, ascending then descending', async () => {
    const page = await openAs(e, agent, '/projects/IT');
    const frame = await frameOf(page, MODULE.projectPage);
    const table = frame.getByRole('table', { name: /^Open tickets at risk/ });
    await table.waitFor();
    const shown = async (): Promise<string[]> =>
      table.locator('tbody th[scope="row"]').evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? ''));
    // The list shows the riskiest open tickets of the project (the site's own and these): at least two to sort.
    await frame.waitForFunction(
      () =>
        document.querySelector('[aria-busy="true"]') === null &&
        [...document.querySelectorAll('table')]
          .find((t) => t.querySelector('caption')?.textContent?.startsWith('Open tickets at risk'))
          ?.querySelectorAll('tbody th[scope="row"]').length !== undefined,
    );
    const listed = await shown();
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const collator = new Intl.Collator('en-US', { numeric: true });
    const ascending = [...listed].sort((a, b) => collator.compare(a, b));

    await page.locator(`iframe[data-module="${MODULE.projectPage}"]`).focus();
    await tabTo(page, frame, /^\s*Ticket\b/);
    await page.keyboard.press('Enter');
    const ticketHeader = table.locator('thead th').first();
    await expect.poll(() => ticketHeader.getAttribute('aria-sort'), { timeout: 60_000 }).toBe('ascending');
    expect(await shown()).toEqual(ascending);

    await page.keyboard.press('Space');
    await expect.poll(() => ticketHeader.getAttribute('aria-sort'), { timeout: 60_000 }).toBe('descending');
    expect(await shown()).toEqual([...ascending].reverse());
    // Focus stays on the sort button, so the next press sorts again.
    expect(await frame.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Ticket'))).toBe(true);
    await page.close();
  });
});
