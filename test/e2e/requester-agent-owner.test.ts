/**
 * One ticket through every person's page, in headless Chromium on the local host: the requester
 * answers a mid-flight ask in the portal (at a phone's 320 px), the agent's issue panel and glance
 * show that answer and the requester's mood, the service owner's project scorecard and dashboard
 * gadget move from "not enough data" to a score — and another customer can neither see nor answer
 * the ask. Setup goes through the host's site API and the app's admin resolvers only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XlaDefinitionInput } from '../../src/domain/xla';
import { journeyXla, plan } from '../integration/support/config';
import {
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
} from './support/browser-host';
import { chips } from '../support/chips';

const QUESTION = 'How is it going with your request so far?';
const XLA_NAME = 'Mid-flight satisfaction';

/**
 * csat alone, minimum sample 1: one favourable answer today scores (SCORING.md, m = 10, prior 0.8)
 * p̃ = (1 + 10·0.8)/11 = 9/11; 100·(9/11 − 0.5)/(0.9 − 0.5) = 79.5… → "80", below target 80 → at risk.
 */
const xla: XlaDefinitionInput = journeyXla({
  id: 'back-to-work',
  name: XLA_NAME,
  indicators: [{ id: 'csat', weight: 1, floor: 0.5, target: 0.9, prior: 0.8 }],
});

let e: E2E;
let admin: string;
let agent: string;
let requester: string;
let stranger: string;
let key: string;
let strangersKey: string;
let projectId: string;

beforeAll(async () => {
  e = await startE2E();
  const { h } = e;
  admin = h.users.admins[0] ?? '';
  agent = h.users.agents[0] ?? '';
  requester = h.users.customers[0] ?? '';
  stranger = h.users.customers[1] ?? '';
  projectId = h.site.raw.project('IT')?.id ?? '';
  await callOk(h, MODULE.admin, 'saveXla', { xla }, admin);
  await callOk(
    h,
    MODULE.admin,
    'savePlan',
    {
      plan: plan(
        'mid-flight',
        { kind: 'first-response' },
        {
          name: 'Mid-flight check',
          question: { kind: 'emoji5', text: QUESTION },
          followUps: {
            reasonChips: {
              negative: chips('Slow'),
              neutral: chips('Could be faster'),
              positive: chips('Fast', 'Friendly'),
            },
          },
        },
      ),
    },
    admin,
  );
  await h.waitForIdle();
  key = h.site.createTicket({
    projectKey: 'IT',
    requestType: 'Get IT help',
    summary: 'VPN drops every few minutes',
    reporter: requester,
  }).key;
  strangersKey = h.site.createTicket({
    projectKey: 'IT',
    requestType: 'Get IT help',
    summary: 'Printer jammed',
    reporter: stranger,
  }).key;
  await h.waitForIdle();
  h.site.assign(key, agent, admin);
  // The first public agent reply is the plan's waypoint: the ask goes out mid-flight.
  h.site.comment(key, 'Looking into it now, sorry for the trouble.', { author: agent, public: true });
  await h.waitForIdle();
});

afterAll(async () => {
  await stopE2E(e);
});

// Each step waits on a condition; the generous limit only covers a loaded shared machine.
describe('a mid-flight ask from the portal to the scorecard', () => {
  it('the service owner sees "not enough data" before anyone answered', async () => {
    const page = await openAs(e, admin, '/projects/IT');
    const card = moduleFrame(page, MODULE.projectPage).getByRole('article', { name: new RegExp(`^${XLA_NAME}:`) });
    await card.waitFor();
    expect(await card.getAttribute('aria-label')).toBe(`${XLA_NAME}: Not enough data`);
    await page.close();
  });

  it('another customer can neither see the ask nor answer it, even through the bridge', async () => {
    const pending = await myAsk(e.h, requester, key);
    expect(pending).toMatchObject({ status: 'pending', answer: null, question: { kind: 'emoji5', text: QUESTION } });
    const askId = pending?.askId ?? '';

    // The requester's request page, as someone else: no app panel, no question.
    const theirs = await openAs(e, stranger, `/portal/${key}`);
    await theirs.getByText('The customer portal shows a request to its requester').waitFor();
    expect(await theirs.locator('iframe.forge-frame').count()).toBe(0);
    expect(await theirs.getByText(QUESTION).count()).toBe(0);
    await theirs.goto(`${e.h.url}/browse/${key}`);
    await theirs.getByText(`Issue ${key} does not exist or you do not have permission to see it.`).waitFor();

    // Their own request's panel says in one quiet line there is nothing to answer (no ask for them)...
    const own = await openAs(e, stranger, `/portal/${strangersKey}`);
    const frameHandle = await own.locator(`iframe[data-module="${MODULE.portal}"]`).elementHandle();
    const content = await frameHandle?.contentFrame();
    if (!content) throw new Error('no portal frame');
    await content.waitForFunction(
      () => document.querySelector('#root') !== null && document.querySelector('[aria-busy="true"]') === null,
    );
    expect((await content.locator('#root').innerText()).trim()).toBe(
      'No feedback question for you on this request right now.',
    );
    // ...and answering the requester's ask from inside their frame, through the real bridge, is refused.
    const answered = await content.evaluate(async (id) => {
      const bridge = (
        window as unknown as { __bridge: { callBridge(name: string, payload: unknown): Promise<unknown> } }
      ).__bridge;
      return bridge.callBridge('invoke', {
        functionKey: 'answerAsk',
        payload: { askId: id, score: 1, reasons: [], comment: 'not mine', lostTimeChoiceId: null },
      });
    }, askId);
    expect(answered).toMatchObject({ ok: false });
    expect((answered as { error: { code: string } }).error.code).toMatch(/^(forbidden|not-found)$/);
    expect(await myAsk(e.h, requester, key)).toMatchObject({ askId, status: 'pending', answer: null });
    await own.close();
  });

  it('the requester answers in the portal at 320 px: one tap, a reason chip, a comment, thanks', async () => {
    const shots = await screenshotBothThemes(
      e,
      requester,
      `/portal/${key}`,
      MODULE.portal,
      'portal-survey-pending-320',
      (f) => f.getByRole('radio', { name: 'Very happy' }).waitFor(),
      { width: 320 },
    );
    expect(shots).toHaveLength(2);

    const page = await openAs(e, requester, `/portal/${key}`, { width: 320 });
    const frame = moduleFrame(page, MODULE.portal);
    await frame.getByText(QUESTION).waitFor();
    // Every tap target fits the 320 px frame: nothing scrolls sideways.
    const overflow = await page.locator(`iframe[data-module="${MODULE.portal}"]`).evaluate((el) => {
      const doc = (el as HTMLIFrameElement).contentDocument;
      return doc ? doc.documentElement.scrollWidth - doc.documentElement.clientWidth : -1;
    });
    expect(overflow).toBe(0);
    await frame.getByRole('radio', { name: 'Very happy' }).click();
    await frame.getByRole('button', { name: 'Fast' }).click();
    await frame.getByLabel('Anything else? (optional)').fill('Quick and clear, thank you');
    await frame.getByRole('button', { name: 'Send' }).click();
    await frame.getByText('Thanks for your feedback').waitFor();
    expect(await frame.getByRole('status').innerText()).toMatch(/You answered:\s*Very happy \(5 of 5\)/);
    // Focus moved to the thanks: a keyboard or screen-reader user hears how the answer went.
    expect(await frame.getByText('Thanks for your feedback').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await frame.getByRole('button', { name: 'Change my answer' }).waitFor();
    await screenshot(page, MODULE.portal, 'portal-survey-answered-320', 'light');

    expect(await myAsk(e.h, requester, key)).toMatchObject({
      status: 'answered',
      answer: { score: 5, reasons: ['Fast'], comment: 'Quick and clear, thank you' },
    });

    // Then the requester writes on the portal page; its tone is what the agent sees as mood.
    await page
      .getByPlaceholder('Add a comment…')
      .fill('Actually it is broken again. This is terrible, I am angry and frustrated, nothing works.');
    await page.getByRole('button', { name: 'Comment' }).click();
    await page.getByText('This is terrible').waitFor();
    await e.h.waitForIdle();
    await page.close();

    await screenshotBothThemes(
      e,
      requester,
      `/portal/${key}`,
      MODULE.portal,
      'portal-survey-answered-320',
      (f) => f.getByText('Thanks for your feedback').waitFor(),
      { width: 320 },
    );
  });

  it('the agent sees the answer and the requester mood in the issue panel and the glance', async () => {
    const page = await openAs(e, agent, `/browse/${key}`);
    const panel = moduleFrame(page, MODULE.issuePanel);
    await panel.getByRole('heading', { name: 'Requester mood' }).waitFor();
    await panel.getByRole('region', { name: 'Requester mood' }).getByText('Negative tone detected').waitFor();
    const asks = panel
      .getByRole('region', { name: 'Feedback asks' })
      .getByRole('listitem')
      .filter({ hasText: 'Mid-flight check' });
    await asks.waitFor();
    const row = await asks.innerText();
    expect(row).toContain('Answered');
    expect(row).toContain('Sent after the first reply, while the request was open');
    expect(row).toContain(`“${QUESTION}” — answered Very happy (5 of 5)`);

    const glance = moduleFrame(page, MODULE.issueGlance);
    await glance.getByText('Last answer Very happy (5 of 5)').waitFor();
    expect(await glance.getByRole('img').getAttribute('aria-label')).toBe('Mood: Negative tone detected');
    await page.close();

    await screenshotBothThemes(e, agent, `/browse/${key}`, MODULE.issuePanel, 'issue-panel', (f) =>
      f.getByText('Negative tone detected').first().waitFor(),
    );
    await screenshotBothThemes(e, agent, `/browse/${key}`, MODULE.issueGlance, 'issue-glance', (f) =>
      f.getByText('Last answer Very happy (5 of 5)').waitFor(),
    );
  });

  it('the project scorecard moves to the score the answer earns', async () => {
    const page = await openAs(e, admin, '/projects/IT');
    const frame = moduleFrame(page, MODULE.projectPage);
    const card = frame.getByRole('article', { name: new RegExp(`^${XLA_NAME}:`) });
    await card.waitFor();
    expect(await card.getAttribute('aria-label')).toBe(`${XLA_NAME}: score 80 of 100, At risk`);
    expect(await card.innerText()).toContain('Target 80');
    // The default XLA comes first; pick ours to see what is behind its score.
    await frame
      .getByRole('region', { name: /^Behind “/ })
      .getByRole('button', { name: XLA_NAME })
      .click();
    await frame.getByRole('heading', { name: `Behind “${XLA_NAME}”` }).waitFor();
    // The page shows what the resolver computes, not a copy of it.
    const { scorecards } = await callOk<{ scorecards: Array<{ xlaId: string; score: number | null }> }>(
      e.h,
      MODULE.projectPage,
      'getScorecards',
      { window: '30d' },
      admin,
      { project: { id: projectId, key: 'IT' } },
    );
    expect(scorecards.find((c) => c.xlaId === 'back-to-work')?.score?.toFixed(0)).toBe('80');
    await page.close();

    await screenshotBothThemes(e, admin, '/projects/IT', MODULE.projectPage, 'project-page', (f) =>
      f.getByRole('heading', { name: /^Behind “/ }).waitFor(),
    );
  });
});

describe('the dashboard gadget', () => {
  it('shows the project scorecard in view mode, under the project name', async () => {
    const page = await openAs(e, admin, '/dashboard?project=IT');
    const frame = moduleFrame(page, MODULE.gadget);
    const card = frame.getByRole('article', { name: new RegExp(`^${XLA_NAME}:`) });
    await card.waitFor();
    expect(await card.getAttribute('aria-label')).toBe(`${XLA_NAME}: score 80 of 100, At risk`);
    // The gadget names its project as Jira names it (the host's site), never by id.
    const name = e.h.site.raw.project('IT')?.name ?? '';
    await frame.getByRole('heading', { name: `${name} · last 30 days` }).waitFor();
    await page.close();
    await screenshotBothThemes(e, admin, '/dashboard?project=IT', MODULE.gadget, 'gadget-view', (f) =>
      f.getByRole('article').first().waitFor(),
    );
  });

  it('edit mode picks the project by name, one of its XLAs and the window; the view then shows them', async () => {
    const hr = e.h.site.raw.project('HR');
    const it = e.h.site.raw.project('IT');
    const page = await openAs(e, admin, '/dashboard?project=IT&mode=edit');
    const frame = moduleFrame(page, MODULE.gadget);
    const project = frame.getByLabel('Service project');
    await project.waitFor();
    expect(await project.inputValue()).toBe(projectId);
    // Every service project the admin may browse, by name and key; no id to type.
    const offered = await project.locator('option').allInnerTexts();
    expect(offered).toEqual(
      expect.arrayContaining([`${hr?.name ?? ''} (${hr?.key ?? ''})`, `${it?.name ?? ''} (${it?.key ?? ''})`]),
    );
    const xla = frame.getByLabel('XLA', { exact: true });
    await xla.locator('option', { hasText: XLA_NAME }).waitFor({ state: 'attached' });
    await xla.selectOption({ label: XLA_NAME });
    await frame.getByRole('button', { name: '7 days' }).click();
    await frame.getByRole('button', { name: 'Save' }).click();
    // The host takes the submitted configuration back to view mode, as Jira does.
    await page.waitForURL((u) => u.searchParams.get('xla') === 'back-to-work' && u.searchParams.get('window') === '7d');
    const view = moduleFrame(page, MODULE.gadget);
    await view.getByRole('heading', { name: `${it?.name ?? ''} · last 7 days` }).waitFor();
    expect(await view.getByRole('article').count()).toBe(1);
    expect(await view.getByRole('article').getAttribute('aria-label')).toMatch(new RegExp(`^${XLA_NAME}:`));
    await page.close();

    // Another project: the XLA choice starts again from "every XLA" for it.
    const again = await openAs(e, admin, '/dashboard?project=IT&mode=edit');
    const form = moduleFrame(again, MODULE.gadget);
    await form.getByLabel('Service project').selectOption({ label: `${hr?.name ?? ''} (${hr?.key ?? ''})` });
    expect(await form.getByLabel('XLA', { exact: true }).inputValue()).toBe('');
    await form.getByRole('button', { name: 'Save' }).click();
    await again.waitForURL((u) => u.searchParams.get('project') === hr?.id && !u.searchParams.has('xla'));
    await moduleFrame(again, MODULE.gadget)
      .getByRole('heading', { name: `${hr?.name ?? ''} · last 30 days` })
      .waitFor();
    await again.close();
    await screenshotBothThemes(e, admin, '/dashboard?project=IT&mode=edit', MODULE.gadget, 'gadget-edit', (f) =>
      f.getByLabel('Service project').waitFor(),
    );
  });
});

describe('every page', () => {
  it('ran without a script error', () => {
    expect(e.errors).toEqual([]);
  });
});
