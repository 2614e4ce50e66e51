/**
 * The requester's portal panel and the agent's issue panel as the people who use them meet them,
 * in headless Chromium on the local host: every scale drawn without emoji glyphs and laid out for a
 * 320 px phone, an old comment that no longer fits a changed answer, focus on the thanks, a quiet
 * line instead of an empty panel; the agent's mood from both sources, indicators in words, icons
 * instead of emoji, a follow-up that clears the risk reason in the panel and in the project's
 * at-risk list, and one no-access state when access goes away. Setup goes through the app's admin
 * and portal resolvers and the host's site API only.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionKind } from '../../src/domain/question';
import type { SurveyPlanInput } from '../../src/domain/survey-plan';
import { plan } from '../integration/support/config';
import { findInternalIds } from './support/internal-ids';
import {
  assertThemed,
  callOk,
  type E2E,
  MODULE,
  moduleFrame,
  openAs,
  screenshot,
  screenshotBothThemes,
  startE2E,
  stopE2E,
  myAsk,
  answerMyAsk,
} from './support/browser-host';
import { chips } from '../support/chips';

/** One plan per scale, each asking when a ticket of its request type is raised. */
const SCALES: ReadonlyArray<{ kind: QuestionKind; requestType: string; project: string; question: string }> = [
  { kind: 'emoji5', requestType: 'Get IT help', project: 'IT', question: 'How is it going so far?' },
  { kind: 'csat5', requestType: 'Report a system problem', project: 'IT', question: 'How satisfied are you so far?' },
  { kind: 'ces7', requestType: 'Request new software', project: 'IT', question: 'How easy was it to ask for this?' },
  { kind: 'happiness10', requestType: 'Request access', project: 'IT', question: 'How happy are you with us?' },
  { kind: 'thumbs', requestType: 'Payroll question', project: 'HR', question: 'Are we on the right track?' },
];

const HOUR = 3_600_000;

let e: E2E;
let admin: string;
let agent: string;
const ticketOf = new Map<QuestionKind, { key: string; requester: string }>();

const EMOJI = /\p{Extended_Pictographic}/u;

function ticket(kind: QuestionKind): { key: string; requester: string } {
  const t = ticketOf.get(kind);
  if (t === undefined) throw new Error(`no ticket for ${kind}`);
  return t;
}

/** Where the scale's options and end labels sit in the frame. */
async function scaleLayout(page: Page) {
  return page.locator(`iframe[data-module="${MODULE.portal}"]`).evaluate((el) => {
    const doc = (el as HTMLIFrameElement).contentDocument;
    if (doc === null) throw new Error('no portal document');
    const box = (n: Element) => n.getBoundingClientRect();
    const visible = (n: Element | null) => n !== null && (n as HTMLElement).offsetParent !== null;
    const radios = [...doc.querySelectorAll('[role="radio"]')].map((r) => ({ rect: box(r), el: r }));
    const ends = doc.querySelector('.sentio-scale-ends');
    const beside = [...doc.querySelectorAll('.sentio-scale-end-beside')];
    return {
      overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
      tops: radios.map((r) => Math.round(r.rect.top)),
      lefts: radios.map((r) => Math.round(r.rect.left)),
      rights: radios.map((r) => Math.round(r.rect.right)),
      minWidth: Math.min(...radios.map((r) => r.rect.width)),
      minHeight: Math.min(...radios.map((r) => r.rect.height)),
      endsRow: visible(ends)
        ? [...(ends?.children ?? [])].map((c) => ({ left: Math.round(box(c).left), right: Math.round(box(c).right) }))
        : null,
      endsBeside: beside.filter(visible).map((b) => ({
        text: b.textContent,
        inFirst: radios[0]?.el.contains(b) ?? false,
        inLast: radios.at(-1)?.el.contains(b) ?? false,
      })),
      text: doc.body.innerText,
    };
  });
}

beforeAll(async () => {
  e = await startE2E();
  const { h } = e;
  admin = h.users.admins[0] ?? '';
  agent = h.users.agents[0] ?? '';
  const rt = (project: string, name: string) =>
    h.site.raw.requestTypes(h.site.raw.project(project)?.id).find((r) => r.name === name)?.id ?? '';
  for (const [i, s] of SCALES.entries()) {
    const input: SurveyPlanInput = plan(
      `raised-${s.kind}`,
      { kind: 'created' },
      {
        name: `When raised (${s.requestType})`,
        scope: { projectIds: [], requestTypeIds: [rt(s.project, s.requestType)], priorities: [] },
        question: { kind: s.kind, text: s.question },
        followUps: {
          reasonChips: { negative: chips('Slow'), neutral: chips('Fine'), positive: chips('Fast') },
          comment: { enabled: true, maxLength: 500 },
        },
        fatigue: { cooldownHours: 0, maxAsksPerTicket: 3, expiryHours: 72 },
      },
    );
    await callOk(h, MODULE.admin, 'savePlan', { plan: input }, admin);
    const requester = h.users.customers[i] ?? '';
    const created = h.site.createTicket({
      projectKey: s.project,
      requestType: s.requestType,
      summary: `Needs help (${s.kind})`,
      reporter: requester,
    });
    ticketOf.set(s.kind, { key: created.key, requester });
  }
  await h.waitForIdle();
  for (const s of SCALES) h.site.assign(ticket(s.kind).key, agent, admin);
  await h.waitForIdle();
});

afterAll(async () => {
  await stopE2E(e);
});

describe('the requester on a 320 px phone', () => {
  it.each(SCALES.map((s) => [s.kind, s] as const))(
    'sees the %s scale drawn without emoji glyphs, on one row or stacked with its end labels beside the ends',
    async (kind, s) => {
      const { key, requester } = ticket(kind);
      expect(await myAsk(e.h, requester, key)).toMatchObject({ status: 'pending', question: { kind } });
      const page = await openAs(e, requester, `/portal/${key}`, { width: 320 });
      const frame = moduleFrame(page, MODULE.portal);
      await frame.getByRole('radiogroup', { name: s.question }).waitFor();
      const layout = await scaleLayout(page);
      expect(layout.overflow).toBe(0);
      expect(layout.text).not.toMatch(EMOJI);
      // Every tap target stays at least 36 × 44 px.
      expect(layout.minWidth).toBeGreaterThanOrEqual(36);
      expect(layout.minHeight).toBeGreaterThanOrEqual(44);
      const oneRow = new Set(layout.tops).size === 1;
      const stacked = new Set(layout.lefts).size === 1 && new Set(layout.tops).size === layout.tops.length;
      expect(oneRow || stacked).toBe(true);
      const hasEnds = kind === 'ces7' || kind === 'happiness10';
      if (!hasEnds) {
        expect(layout.endsRow).toBeNull();
        expect(layout.endsBeside).toEqual([]);
      } else if (oneRow) {
        // The two end words sit under the first and the last option.
        expect(layout.endsRow?.[0]?.left).toBe(layout.lefts[0]);
        expect(layout.endsRow?.[1]?.right).toBe(layout.rights.at(-1));
      } else {
        expect(layout.endsRow).toBeNull();
        expect(layout.endsBeside.map((b) => [b.inFirst, b.inLast])).toEqual([
          [true, false],
          [false, true],
        ]);
      }
      await screenshot(page, MODULE.portal, `portal-scale-${kind}-320`, 'light');
      await page.close();
    },
  );

  it('the 0–10 scale stacks at 320 px and fits one row on a wide page', async () => {
    const { key, requester } = ticket('happiness10');
    const narrow = await openAs(e, requester, `/portal/${key}`, { width: 320 });
    await moduleFrame(narrow, MODULE.portal).getByRole('radiogroup').waitFor();
    expect(new Set((await scaleLayout(narrow)).lefts).size).toBe(1);
    await narrow.close();
    const wide = await openAs(e, requester, `/portal/${key}`, { width: 1280 });
    await moduleFrame(wide, MODULE.portal).getByRole('radiogroup').waitFor();
    expect(new Set((await scaleLayout(wide)).tops).size).toBe(1);
    await wide.close();
    await screenshotBothThemes(
      e,
      requester,
      `/portal/${key}`,
      MODULE.portal,
      'portal-happiness-stacked-320',
      (f) => f.getByRole('radiogroup').waitFor(),
      { width: 320 },
    );
  });

  it('is asked whether an old comment still fits a changed answer, and focus lands on the thanks', async () => {
    const { key, requester } = ticket('emoji5');
    const page = await openAs(e, requester, `/portal/${key}`, { width: 320 });
    const frame = moduleFrame(page, MODULE.portal);
    await frame.getByRole('radio', { name: 'Very unhappy' }).click();
    await frame.getByLabel('Anything else? (optional)').fill('Nobody answers, this is awful');
    await frame.getByRole('button', { name: 'Send' }).click();
    await frame.getByText('Thanks for your feedback').waitFor();
    expect(await isFocused(frame, 'Thanks for your feedback')).toBe(true);
    expect(await myAsk(e.h, requester, key)).toMatchObject({
      answer: { score: 1, comment: 'Nobody answers, this is awful' },
    });

    await frame.getByRole('button', { name: 'Change my answer' }).click();
    await frame.getByRole('radio', { name: 'Happy', exact: true }).click();
    await frame.getByText('You wrote this comment with a low answer. Does it still fit your new answer?').waitFor();
    expect(await frame.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await screenshot(page, MODULE.portal, 'portal-comment-mismatch-320', 'light');
    await frame.getByRole('button', { name: 'Remove it' }).click();
    await frame.getByRole('button', { name: 'Send' }).click();
    await frame.getByText('Thanks for your feedback').waitFor();
    expect(await isFocused(frame, 'Thanks for your feedback')).toBe(true);
    // The angry comment is gone with the low score: it cannot show under a happy answer.
    expect(await myAsk(e.h, requester, key)).toMatchObject({ answer: { score: 4, comment: null } });
    expect(await frame.getByRole('status').innerText()).toMatch(/You answered:\s*Happy \(4 of 5\)/);
    await page.close();
  });

  it('someone with nothing to answer sees one quiet line, not an empty panel', async () => {
    const bystander = e.h.users.customers[8] ?? '';
    const own = e.h.site.createTicket({
      projectKey: 'HR',
      requestType: 'Onboard a new hire',
      summary: 'New starter',
      reporter: bystander,
    });
    await e.h.waitForIdle();
    expect(await myAsk(e.h, bystander, own.key)).toBeNull();
    await screenshotBothThemes(
      e,
      bystander,
      `/portal/${own.key}`,
      MODULE.portal,
      'portal-no-ask-320',
      (f) => f.getByText('No feedback question for you on this request right now.').waitFor(),
      { width: 320 },
    );
  });
});

async function isFocused(frame: FrameLocator, text: string): Promise<boolean> {
  return frame.getByText(text).evaluate((el) => el === el.ownerDocument.activeElement);
}

/**
 * Takes the agent's browse permission on HR away, presses "Follow-up done" in the open panel and
 * waits for the one page-level no-access message, then runs `then` before the permission returns.
 */
async function pressFollowUpWithoutAccess(
  page: Page,
  then: (panel: FrameLocator, done: Locator) => Promise<void>,
): Promise<void> {
  const panel = moduleFrame(page, MODULE.issuePanel);
  const done = panel.getByRole('button', { name: 'Follow-up done' });
  await done.waitFor();
  e.h.site.setBrowsePermission('HR', agent, false);
  try {
    await done.click();
    await panel.getByText('You do not have access to this').waitFor();
    expect(await panel.getByText('You do not have access to this').count()).toBe(1);
    await then(panel, done);
  } finally {
    e.h.site.setBrowsePermission('HR', agent, true);
  }
}

describe('the agent on the issue view', () => {
  it('sees both sources of mood named, indicators in words and icons instead of emoji', async () => {
    const { key, requester } = ticket('thumbs');
    await answerMyAsk(e.h, requester, key, { score: 0, reasons: ['Slow'], comment: 'Still nothing works' });
    e.h.site.comment(key, 'Any update on this? It is still broken and I am really frustrated.', {
      author: requester,
    });
    await e.h.waitForIdle();

    const page = await openAs(e, agent, `/browse/${key}`);
    const panel = moduleFrame(page, MODULE.issuePanel);
    const mood = panel.getByRole('region', { name: 'Requester mood' });
    await mood.getByText('Survey answer').waitFor();
    expect(await mood.innerText()).toMatch(/Survey answer\s*Thumbs down/);
    expect(await mood.innerText()).toMatch(/Tone of their comments\s*Negative tone detected/);
    const chips = panel.getByRole('list', { name: 'Experience indicators' });
    const chipText = await chips.locator('.sentio-lozenge').allInnerTexts();
    expect(chipText).toContain('Unfavourable answer');
    expect(chipText).toContain('Requester chased for an update');
    for (const t of chipText) expect(t).not.toMatch(/: (good|bad|n\/a)$/);
    const text = await panel.locator('body').innerText();
    expect(text).not.toMatch(EMOJI);
    // Timeline entries carry Atlassian icons (SVG), one per entry.
    const signals = panel.getByRole('region', { name: 'Signals' }).getByRole('listitem');
    expect(await signals.count()).toBeGreaterThan(0);
    expect(await signals.first().locator('svg').count()).toBe(1);
    await page.close();
  });

  it('"Follow-up done" clears the low-answer reason in the panel and in the project\'s at-risk list', async () => {
    const { key } = ticket('emoji5');
    const { requester } = ticket('emoji5');
    await answerMyAsk(e.h, requester, key, { score: 1, reasons: ['Slow'] });
    const atRisk = async () =>
      (
        await callOk<{ tickets: Array<{ issueKey: string; reasons: Array<{ code: string }> }> }>(
          e.h,
          MODULE.projectPage,
          'getAtRiskTickets',
          {},
          admin,
          { project: { id: e.h.site.raw.project('IT')?.id, key: 'IT' } },
        )
      ).tickets.find((t) => t.issueKey === key);
    expect((await atRisk())?.reasons.map((r) => r.code)).toContain('low-score-no-follow-up');

    const page = await openAs(e, agent, `/browse/${key}`);
    const panel = moduleFrame(page, MODULE.issuePanel);
    const risk = panel.getByRole('region', { name: 'Risk' });
    await risk.getByText(/^Low survey answer \(1 of 5\) with no follow-up yet$/).waitFor();
    await panel.getByRole('button', { name: 'Follow-up done' }).click();
    await panel.getByText(/^Followed up /).waitFor();
    await risk.getByText(/Low survey answer/).waitFor({ state: 'detached' });
    expect((await atRisk())?.reasons.map((r) => r.code) ?? []).not.toContain('low-score-no-follow-up');
    await page.close();

    const owner = await openAs(e, admin, '/projects/IT');
    const table = moduleFrame(owner, MODULE.projectPage).getByRole('table', { name: /Open tickets at risk/ });
    await moduleFrame(owner, MODULE.projectPage).getByRole('heading', { name: 'Open tickets at risk' }).waitFor();
    await moduleFrame(owner, MODULE.projectPage)
      .getByRole('region', { name: 'Open tickets at risk' })
      .locator('[aria-busy="true"]')
      .waitFor({ state: 'detached' });
    expect(await table.getByText(/Low survey answer/).count()).toBe(0);
    await owner.close();

    await screenshotBothThemes(e, agent, `/browse/${key}`, MODULE.issuePanel, 'issue-panel-followed-up', (f) =>
      f.getByText(/^Followed up /).waitFor(),
    );
  });

  it('an agent who loses access sees it said once, with every control disabled', async () => {
    const { key } = ticket('thumbs');
    const page = await openAs(e, agent, `/browse/${key}`);
    await pressFollowUpWithoutAccess(page, async (panel, done) => {
      expect(await done.isDisabled()).toBe(true);
      expect(await panel.getByRole('button', { name: 'Ask for feedback now' }).isDisabled()).toBe(true);
      await screenshot(page, MODULE.issuePanel, 'issue-panel-access-lost', 'light');
    });
    await page.close();
  });
});

describe('the agent and the SLA, access and time limits', () => {
  it("sees an open ticket's SLA breach as Jira's SLAs say, with the time overdue in words", async () => {
    const requester = e.h.users.customers[0] ?? '';
    // Raised three hours ago, with a 30-minute first-response goal and nobody answering since.
    e.h.site.advance(-3 * HOUR);
    const t = e.h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'Mail is down',
      reporter: requester,
    });
    e.h.site.advance(3 * HOUR);
    e.h.site.setSla(t.key, 'Time to first response', { goalMinutes: 30 });
    await e.h.waitForIdle();
    const page = await openAs(e, agent, `/browse/${t.key}`);
    const panel = moduleFrame(page, MODULE.issuePanel);
    const chips = panel.getByRole('list', { name: 'Experience indicators' });
    await chips.getByText('SLA breached').waitFor();
    // 180 − 30 = 150 minutes overdue by hand, plus the seconds the page took to open.
    expect(await chips.innerText()).toMatch(/Time to first response, 2 hours 3\d minutes overdue/);
    const risk = panel.getByRole('region', { name: 'Risk' });
    expect(await risk.innerText()).toMatch(/SLA breached: Time to first response/);
    await page.close();
  });

  it('a restricted agent on a 360 px phone in the dark theme sees one clear message and no active control', async () => {
    // A ticket of its own with an unfavourable answer, so "Follow-up done" is there to press.
    const requester = e.h.users.customers[1] ?? '';
    const { key } = e.h.site.createTicket({
      projectKey: 'HR',
      requestType: 'Payroll question',
      summary: 'Payslip missing',
      reporter: requester,
    });
    await e.h.waitForIdle();
    e.h.site.assign(key, agent, admin);
    await answerMyAsk(e.h, requester, key, { score: 0, reasons: ['Slow'] });
    const page = await openAs(e, agent, `/browse/${key}`, { theme: 'dark', width: 360 });
    await pressFollowUpWithoutAccess(page, async (panel) => {
      const active = panel.locator(
        'button:not([disabled]):not([aria-disabled="true"]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href]',
      );
      expect(await active.allInnerTexts()).toEqual([]);
      const overflow = await page.locator(`iframe[data-module="${MODULE.issuePanel}"]`).evaluate((el) => {
        const doc = (el as HTMLIFrameElement).contentDocument?.documentElement;
        return doc === undefined ? -1 : doc.scrollWidth - doc.clientWidth;
      });
      expect(overflow).toBe(0);
      await assertThemed(page, MODULE.issuePanel, 'dark', 'issue-panel-access-lost-360');
      await screenshot(page, MODULE.issuePanel, 'issue-panel-access-lost-360', 'dark');
    });
    await page.close();
  });

  it('a resolver that runs past its time limit shows a short message that says what to do, with no code', async () => {
    const { key } = ticket('thumbs');
    // The permission check never answers: the panel's resolver runs into the platform's limit
    // (FUNCTION_TIME_OUT). The SLA read cannot serve here: it has its own shorter cap.
    e.h.faults.set([{ target: 'jira', kind: 'timeout', rate: 1, pathIncludes: '/mypermissions' }]);
    let page: Page | undefined;
    try {
      page = await openAs(e, agent, `/browse/${key}`);
      const panel = moduleFrame(page, MODULE.issuePanel);
      const notice = panel.locator('[data-notice]');
      await notice.waitFor();
      const text = (await notice.innerText()).trim();
      expect(text).toMatch(
        /^Jira is busy or unreachable\s+Jira took too long to answer\. Try again in a moment\.\s+Try again$/,
      );
      expect(findInternalIds(text, { projectIds: [], accountIds: [agent], configIds: [] })).toEqual([]);
      expect(e.h.faults.injected).toBeGreaterThan(0);
      e.h.faults.clear();
      await panel.getByRole('button', { name: 'Try again' }).click();
      await panel.getByRole('list', { name: 'Experience indicators' }).waitFor();
    } finally {
      e.h.faults.clear();
      await page?.close();
    }
  });
});

describe('every page', () => {
  it('ran without a script error', () => {
    expect(e.errors).toEqual([]);
  });
});
