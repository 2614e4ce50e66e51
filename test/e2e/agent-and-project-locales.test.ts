/**
 * The agent's views in the agent's language, on the local host in headless Chromium: the issue
 * panel (and its glance) and the project page in English, German, Japanese and French, from the
 * agent's Jira profile language (the host gives it in the Forge context,
 * mirror/apis-reference/ui-api-bridge/view/index.md). Oracles: the message files' own words for
 * each locale, axe-core (WCAG 2 A/AA) for accessibility, the DOM's geometry for layout, and
 * `document.activeElement` for keyboard paths (only Tab, Shift+Tab, Enter and Space are pressed).
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../integration/support/config';
import {
  callOk,
  type E2E,
  MODULE,
  type ModuleKey,
  openAs,
  startE2E,
  stopE2E,
  type Theme,
} from './support/browser-host';
import { axeSerious, frameOf, message, paintHostColourBehind, shows, tabTo } from './support/frame-checks';

/** Puts the keyboard inside the frame, before its first focusable element. */
async function enterFrame(page: Page, moduleKey: ModuleKey): Promise<void> {
  await page.locator(`iframe[data-module="${moduleKey}"]`).focus();
}

async function layoutOf(frame: Frame) {
  return frame.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    // Every heading and button inside the frame's width.
    outside: [...document.querySelectorAll('h2, h3, button')]
      .map((n) => n.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5)).length,
  }));
}

let e: E2E;
const agents = { en: 'agent-en', de: 'agent-de', ja: 'agent-ja', fr: 'agent-fr', ar: 'agent-ar' } as const;
const LANG = { en: 'en-US', de: 'de-DE', ja: 'ja-JP', fr: 'fr-FR', ar: 'en-US' } as const;
type Who = keyof typeof agents;
let ticket = '';

beforeAll(async () => {
  e = await startE2E();
  const admin = e.h.users.admins[0] ?? '';
  const profile = { en: 'en_US', de: 'de_DE', ja: 'ja_JP', fr: 'fr_FR', ar: 'ar_EG' } as const;
  for (const k of Object.keys(agents) as Who[])
    e.h.site.raw.addUser({ accountId: agents[k], displayName: `Agent ${k}`, role: 'agent', locale: profile[k] });
  // A plan agents may ask with, so the panel has its "ask now" action.
  await callOk(
    e.h,
    MODULE.admin,
    'savePlan',
    {
      plan: plan(
        'by-agent',
        { kind: 'manual' },
        { fatigue: { cooldownHours: 0, maxAsksPerTicket: 5, expiryHours: 72 } },
      ),
    },
    admin,
  );
  const requester = e.h.users.customers[0] ?? '';
  const t = e.h.site.createTicket({
    projectKey: 'IT',
    requestType: 'Get IT help',
    summary: 'Printer',
    reporter: requester,
  });
  await e.h.waitForIdle();
  e.h.site.comment(t.key, 'Thanks, that helps a lot!', { author: requester, public: true });
  e.h.site.comment(t.key, 'Es funktioniert immer noch nicht, und ich habe keine Zeit mehr. Bitte dringend helfen.', {
    author: requester,
    public: true,
  });
  await e.h.waitForIdle();
  ticket = t.key;
});

afterAll(async () => {
  await stopE2E(e);
});

describe('the agent panel in the agent’s language', () => {
  for (const k of ['en', 'de', 'ja', 'fr'] as const) {
    it(`shows the issue panel in ${LANG[k]}`, async () => {
      const page = await openAs(e, agents[k], `/browse/${ticket}`);
      const frame = await frameOf(page, MODULE.issuePanel);
      await shows(frame, message(LANG[k], 'issuePanel.mood.title'));
      expect(await frame.locator('html').getAttribute('lang')).toBe(LANG[k]);
      const headings = await frame.locator('h3').allTextContents();
      expect(headings).toEqual(
        ['issuePanel.mood.title', 'issuePanel.risk.title', 'issuePanel.asks.title', 'issuePanel.signals.title'].map(
          (key) => message(LANG[k], key),
        ),
      );
      expect(await frame.getByRole('button', { name: message(LANG[k], 'issuePanel.ask.now') }).count()).toBe(1);
    });
  }

  it('shows the glance in German beside it', async () => {
    // openAs opens the issue context panels as an agent would; a second click would close the glance.
    const page = await openAs(e, agents.de, `/browse/${ticket}`);
    expect(await page.locator('details.context').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const frame = await frameOf(page, MODULE.issueGlance);
    await shows(frame, message('de-DE', 'glance.noAnswer'));
    expect(await frame.locator('html').getAttribute('lang')).toBe('de-DE');
    expect(await frame.getByRole('img', { name: /^Stimmung: / }).count()).toBe(1);
  });

  for (const theme of ['light', 'dark'] as Theme[]) {
    it(`has no serious or critical axe violation in German and Japanese (${theme})`, async () => {
      for (const k of ['de', 'ja'] as const) {
        const page = await openAs(e, agents[k], `/browse/${ticket}`, { theme });
        const frame = await frameOf(page, MODULE.issuePanel);
        await shows(frame, message(LANG[k], 'issuePanel.signals.title'));
        await paintHostColourBehind(page, frame, MODULE.issuePanel);
        expect(await frame.locator('html').getAttribute('data-color-mode')).toBe(theme);
        expect(await axeSerious(frame)).toEqual([]);
      }
    });
  }
});

describe('keyboard paths', () => {
  it('asks for feedback from the panel with the keyboard alone', async () => {
    const page = await openAs(e, agents.en, `/browse/${ticket}`);
    const frame = await frameOf(page, MODULE.issuePanel);
    await shows(frame, 'Feedback asks');
    expect(await frame.locator('text=No survey has been sent on this ticket.').count()).toBe(1);
    await enterFrame(page, MODULE.issuePanel);
    await tabTo(page, frame, /Ask for feedback now/, { max: 60 });
    await page.keyboard.press('Enter');
    // The new ask is listed, waiting for the requester; the button then says why it cannot ask again.
    await frame.getByText('Sent by an agent').waitFor();
    await frame.getByText(message('en-US', 'issuePanel.ask.waiting')).waitFor();
    expect(await frame.getByRole('button', { name: 'Ask for feedback now' }).isDisabled()).toBe(true);
  });

  it('changes the project page’s window and tone filter with the keyboard alone', async () => {
    const page = await openAs(e, agents.en, '/projects/IT');
    const frame = await frameOf(page, MODULE.projectPage);
    await shows(frame, 'What requesters said');
    await enterFrame(page, MODULE.projectPage);
    await tabTo(page, frame, /^\s*7 days/, { max: 60 });
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() =>
      [...document.querySelectorAll('button[aria-pressed="true"]')].some((b) => b.textContent === '7 days'),
    );
    await tabTo(page, frame, /^\s*Negative/, { max: 60 });
    await page.keyboard.press('Space');
    await frame.waitForFunction(() =>
      [...document.querySelectorAll('button[aria-pressed="true"]')].some((b) => b.textContent === 'Negative'),
    );
    // Back to the window choice with Shift+Tab: focus moves backwards through the same controls.
    await page.keyboard.press('Shift+Tab');
    const back = await frame.evaluate(() => document.activeElement?.textContent ?? '');
    expect(back).toBe('All');
  });
});

describe('the project page in the agent’s language', () => {
  it('says in German what share of requester comments went unscored for their language, and of how many', async () => {
    const page = await openAs(e, agents.de, '/projects/IT');
    const frame = await frameOf(page, MODULE.projectPage);
    await shows(frame, message('de-DE', 'projectPage.response.language.label'));
    expect(await frame.locator('html').getAttribute('lang')).toBe('de-DE');
    // Oracle: the two comments written above, one of them German: 1 of 2, written out by hand in German.
    const line = await frame.getByTestId('language-share').innerText();
    expect(line.replace(/\s/g, ' ')).toBe(
      '50 % der Kommentare von Anfragenden in diesem Zeitraum wurden nicht bewertet (Sprache): 1 von 2 Kommentaren.',
    );
  });
});

describe('right to left (an Arabic context with English words)', () => {
  for (const width of [320, 1280]) {
    it(`lays the agent panel and the project page out right to left without overflow at ${width} px`, async () => {
      for (const [path, module, ready] of [
        [`/browse/${ticket}`, MODULE.issuePanel, 'Signals'],
        ['/projects/IT', MODULE.projectPage, 'What requesters said'],
      ] as const) {
        const page = await openAs(e, agents.ar, path, { width });
        const frame = await frameOf(page, module);
        await shows(frame, ready);
        expect(await layoutOf(frame)).toEqual({ dir: 'rtl', lang: 'en-US', overflow: 0, outside: 0 });
      }
    });
  }
});
