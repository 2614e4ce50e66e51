/**
 * The admin editors in headless Chromium on the local host, in the admin's language (the Jira
 * profile's, which the host gives in the Forge context) and by keyboard alone. Expected words are
 * written out by hand; axe-core (Deque's WCAG engine) is the oracle for accessibility, in the light
 * and the dark theme; layout checks measure the page as drawn. Setup goes through the admin resolvers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigView } from '../../src/contracts';
import { plan } from '../integration/support/config';
import {
  callOk,
  type E2E,
  MODULE,
  openAs,
  savePlanAsAdmin,
  screenshot,
  startE2E,
  stopE2E,
  type Theme,
} from './support/browser-host';
import { axeSerious, focusedName, frameOf, paintHostColourBehind, tabTo } from './support/frame-checks';
import { chips } from '../support/chips';

let e: E2E;
let admin = '';
const admins = { de: 'admin-de', ja: 'admin-ja', ar: 'admin-ar' } as const;
const PLAN = 'Mid-flight check';
const VITE_MANIFEST = join(import.meta.dirname, '..', '..', 'static', 'dist', '.vite', 'manifest.json');

const config = (): Promise<ConfigView> => callOk<ConfigView>(e.h, MODULE.admin, 'getConfig', {}, admin);

beforeAll(async () => {
  e = await startE2E();
  admin = e.h.users.admins[0] ?? '';
  const people = { de: ['Dana Weber', 'de_DE'], ja: ['Yui Tanaka', 'ja_JP'], ar: ['Omar Haddad', 'ar_EG'] } as const;
  for (const k of ['de', 'ja', 'ar'] as const)
    e.h.site.raw.addUser({ accountId: admins[k], displayName: people[k][0], role: 'admin', locale: people[k][1] });
  await savePlanAsAdmin(
    e.h,
    plan(
      'mid-flight',
      { kind: 'first-response' },
      {
        name: PLAN,
        question: { kind: 'emoji5', text: 'How is it going so far?' },
        followUps: { reasonChips: { negative: chips('Slow', 'Not fixed'), neutral: [], positive: chips('Fast') } },
        translations: { 'de-DE': { text: 'Wie läuft es bisher?', reasonChips: { Slow: 'Langsam' } } },
      },
    ),
  );
});

afterAll(async () => {
  await stopE2E(e);
});

/** Puts focus into the frame's document, at its start, as a person clicking into the page would. */
async function enterFrame(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    document.body.setAttribute('tabindex', '-1');
    document.body.focus();
  });
}

describe('the admin editors in three languages', () => {
  const EXPECTED = {
    de: {
      lang: 'de-DE',
      tab: 'Umfragepläne',
      edit: `${PLAN} bearbeiten`,
      save: 'Plan speichern',
      own: 'Frage auf Deutsch',
    },
    ja: { lang: 'ja-JP', tab: 'アンケート計画', edit: `${PLAN} を編集`, save: '計画を保存', own: '日本語の質問' },
  } as const;

  it('shows the plan editor in English, with German beside the English and the preview in German', async () => {
    const page = await openAs(e, admin, '/admin');
    const frame = await frameOf(page, MODULE.admin);
    await frame.getByRole('tab', { name: 'Survey plans' }).click();
    await frame.getByRole('button', { name: `Edit ${PLAN}` }).click();
    expect(await frame.locator('html').getAttribute('lang')).toBe('en-US');
    const german = frame.getByRole('group', { name: 'Wording in German' });
    // Exact: the question after resolution is labelled "German question after resolution".
    expect(await german.getByLabel('German question', { exact: true }).inputValue()).toBe('Wie läuft es bisher?');
    const preview = frame.getByRole('complementary', { name: 'Preview of what the requester sees' });
    await preview.getByRole('radio', { name: 'Very happy' }).waitFor();
    await preview.getByRole('button', { name: 'German' }).click();
    await preview.getByRole('radio', { name: 'Sehr glücklich' }).waitFor();
    await preview.getByText('Wie läuft es bisher?').waitFor();
    await preview.getByText('2 reason chips show in English (the fallback).').waitFor();
    await screenshot(page, MODULE.admin, 'admin-plan-editor-en-de', 'light');
  });

  for (const k of ['de', 'ja'] as const) {
    it(`shows the admin page and the plan editor in ${EXPECTED[k].lang}`, async () => {
      const page = await openAs(e, admins[k], '/admin');
      const frame = await frameOf(page, MODULE.admin);
      await frame.getByRole('tab', { name: EXPECTED[k].tab }).click();
      expect(await frame.locator('html').getAttribute('lang')).toBe(EXPECTED[k].lang);
      await frame.getByRole('button', { name: EXPECTED[k].edit }).click();
      await frame.getByRole('button', { name: EXPECTED[k].save }).waitFor();
      // The admin's own language is the one edited beside English.
      await frame.getByLabel(EXPECTED[k].own, { exact: true }).waitFor();
      await screenshot(page, MODULE.admin, `admin-plan-editor-${k}`, 'light');
    });
  }

  it("asks for the German admin words and their English fallback while the page's code is still on its way", async () => {
    // Oracles: Vite's manifest of the build (which file holds which words, and the admin page's code)
    // and the requests Chromium sends. The page's code is held back until both words files have been
    // asked for: words asked for only once the page has run could not come while it is held, and the
    // hold gives up (a cap against hangs, not a speed budget) with the words missing.
    const built = JSON.parse(readFileSync(VITE_MANIFEST, 'utf8')) as Record<string, { file: string }>;
    const fileOf = (key: string): string => {
      const file = built[key]?.file;
      if (file === undefined) throw new Error(`${key} is not in the build's manifest`);
      return file;
    };
    const code = fileOf('src/views/admin/admin-page.tsx');
    const words = ['../locales/admin/de-DE.json', '../locales/admin/en-US.json'].map(fileOf);
    const asked = new Set<string>();
    let allAsked = (): void => undefined;
    const bothAsked = new Promise<void>((resolve) => (allAsked = resolve));
    const onRequest = (request: Request): void => {
      for (const file of words) if (request.url().endsWith(`/${file}`)) asked.add(file);
      if (asked.size === words.length) allAsked();
    };
    const askedWhileHeld: string[][] = [];
    const hold = async (route: Route): Promise<void> => {
      await Promise.race([bothAsked, new Promise((resolve) => setTimeout(resolve, 60_000))]);
      askedWhileHeld.push([...asked].sort());
      await route.continue();
    };
    e.browser.on('request', onRequest);
    // Routing also turns off the browser's cache, so the code is fetched (and held) on this load.
    await e.browser.route(`**/${code}`, hold);
    try {
      const page = await openAs(e, admins.de, '/admin');
      const frame = await frameOf(page, MODULE.admin);
      await frame.getByRole('tab', { name: 'Umfragepläne' }).waitFor();
    } finally {
      await e.browser.unroute(`**/${code}`, hold);
      e.browser.off('request', onRequest);
    }
    expect(askedWhileHeld.length).toBeGreaterThan(0);
    for (const seen of askedWhileHeld) expect(seen).toEqual([...words].sort());
  });

  for (const theme of ['light', 'dark'] as Theme[]) {
    it(`finds no serious or critical axe violation in the German plan and XLA editors, import and audit log (${theme})`, async () => {
      const page = await openAs(e, admins.de, '/admin', { theme });
      const frame = await frameOf(page, MODULE.admin);
      await frame.getByRole('tab', { name: 'Umfragepläne' }).click();
      await frame.getByRole('button', { name: `${PLAN} bearbeiten` }).click();
      const preview = frame.getByRole('complementary', { name: 'Vorschau dessen, was der Anfragende sieht' });
      await preview.getByRole('radio').first().waitFor();
      expect(await frame.locator('html').getAttribute('data-color-mode')).toBe(theme);
      await paintHostColourBehind(page, frame, MODULE.admin);
      expect(await axeSerious(frame)).toEqual([]);
      await frame.getByRole('button', { name: 'Abbrechen' }).click();
      await frame.getByRole('tab', { name: 'XLAs' }).click();
      await frame.getByRole('button', { name: 'Neues XLA' }).click();
      await frame.getByRole('complementary', { name: 'Vorschau des Werts' }).waitFor();
      await paintHostColourBehind(page, frame, MODULE.admin);
      expect(await axeSerious(frame)).toEqual([]);
      await frame.getByRole('button', { name: 'Abbrechen' }).click();
      await frame.getByRole('tab', { name: 'Import / Export' }).click();
      await frame.getByLabel('Zu importierende Konfiguration').waitFor();
      await paintHostColourBehind(page, frame, MODULE.admin);
      expect(await axeSerious(frame)).toEqual([]);
      await frame.getByRole('tab', { name: 'Änderungsprotokoll' }).click();
      await frame.getByRole('table', { name: 'Änderungsprotokoll' }).waitFor();
      await paintHostColourBehind(page, frame, MODULE.admin);
      expect(await axeSerious(frame)).toEqual([]);
    });
  }
});

describe('a right-to-left locale with English words (Arabic is not shipped)', () => {
  for (const width of [360, 1280]) {
    it(`lays the admin page and the plan editor out right to left without breaking them at ${width} px`, async () => {
      const page = await openAs(e, admins.ar, '/admin', { width });
      const frame = await frameOf(page, MODULE.admin);
      await frame.getByRole('tab', { name: 'Survey plans' }).click();
      await frame.getByRole('button', { name: `Edit ${PLAN}` }).click();
      await frame.getByRole('button', { name: 'Save plan' }).waitFor();
      const layout = await frame.evaluate(() => {
        const box = (label: string) => {
          const el = [...document.querySelectorAll('label')].find((l) => l.textContent === label);
          const input = el?.htmlFor ? document.getElementById(el.htmlFor) : null;
          return input?.getBoundingClientRect() ?? null;
        };
        const width = document.documentElement.clientWidth;
        const english = box('Question');
        const german = box('German question');
        const controls = [...document.querySelectorAll('input, textarea, button')].map((c) =>
          c.getBoundingClientRect(),
        );
        return {
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
          overflow: document.documentElement.scrollWidth - width,
          inside: controls.filter((r) => r.width > 0).every((r) => r.left >= -0.5 && r.right <= width + 0.5),
          // Side by side when there is room, English first — on the right in a right-to-left page.
          englishFirst: english !== null && german !== null && (english.top < german.top || english.left > german.left),
        };
      });
      expect(layout).toEqual({ dir: 'rtl', lang: 'en-US', overflow: 0, inside: true, englishFirst: true });
      await screenshot(page, MODULE.admin, `admin-plan-editor-rtl-${width}`, 'light');
    });
  }
});

describe('the admin editors by keyboard alone', () => {
  /** The admin page drawn, with the keyboard at the start of its frame. */
  async function openAdminByKeyboard(): Promise<{ page: Page; frame: Frame }> {
    const page = await openAs(e, admin, '/admin');
    const frame = await frameOf(page, MODULE.admin);
    await frame.getByRole('tab', { name: 'XLAs' }).waitFor();
    await enterFrame(frame);
    return { page, frame };
  }

  it('creates an XLA: Tab to "New XLA", type a name, Tab to "Save XLA", Enter', async () => {
    const { page, frame } = await openAdminByKeyboard();
    await tabTo(page, frame, 'New XLA');
    await page.keyboard.press('Enter');
    await tabTo(page, frame, 'Name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Typed by keyboard');
    await tabTo(page, frame, 'Save XLA');
    await page.keyboard.press('Enter');
    await frame.getByRole('cell', { name: 'Typed by keyboard' }).first().waitFor();
    expect((await config()).xlas.filter((x) => x.name === 'Typed by keyboard')).toHaveLength(1);
  });

  it('words a plan in German, is sent to the first field in error on a refused save, then saves', async () => {
    const { page, frame } = await openAdminByKeyboard();
    // Atlaskit tabs: Tab reaches the selected tab, the arrow keys move between tabs.
    await tabTo(page, frame, 'XLAs');
    await page.keyboard.press('ArrowRight');
    await frame.getByRole('button', { name: `Edit ${PLAN}` }).waitFor();
    await tabTo(page, frame, `Edit ${PLAN}`);
    await page.keyboard.press('Enter');
    await tabTo(page, frame, 'German for “Not fixed”');
    await page.keyboard.type('Nicht behoben');
    // Back up the form with Shift+Tab; the name is emptied from the keyboard to make the save fail.
    await tabTo(page, frame, 'Name', { back: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await tabTo(page, frame, 'Save plan');
    await page.keyboard.press('Enter');
    // Focus lands on the field in error; the reason is announced (an alert).
    await frame.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await focusedName(frame)).toBe('Name');
    await frame.getByRole('alert').filter({ hasText: 'Fix the highlighted fields to save' }).waitFor();
    await screenshot(page, MODULE.admin, 'admin-plan-refused-focus', 'light');
    await page.keyboard.type(PLAN);
    // Enter in a text field submits the form.
    await page.keyboard.press('Enter');
    await frame.getByRole('cell', { name: 'How is it going so far?' }).waitFor();
    const saved = (await config()).plans.find((p) => p.id === 'mid-flight');
    expect(saved?.translations?.['de-DE']?.reasonChips).toEqual({ Slow: 'Langsam', 'Not-fixed': 'Nicht behoben' });
    expect(saved?.name).toBe(PLAN);
  });

  it('imports a file: arrow to the tab, Tab to the box, type, Tab to "Import", Enter', async () => {
    const before = await config();
    const file = {
      format: 'sentio-config',
      version: 1,
      xlas: before.xlas.map((x) => ({ ...x, targetScore: 75 })),
      plans: [],
    };
    const { page, frame } = await openAdminByKeyboard();
    await tabTo(page, frame, 'XLAs');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await frame.getByLabel('Configuration to import').waitFor();
    await tabTo(page, frame, 'Configuration to import');
    await page.keyboard.insertText(JSON.stringify(file));
    await frame.getByRole('region', { name: 'What the import changes' }).waitFor();
    await tabTo(page, frame, 'Import');
    await page.keyboard.press('Enter');
    await frame.getByRole('region', { name: 'What the import changes' }).waitFor({ state: 'detached' });
    expect((await config()).xlas.map((x) => x.targetScore)).toEqual(before.xlas.map(() => 75));
  });

  it('starts a recompute: Tab to "Recompute scores", Enter, and its progress is announced', async () => {
    const { page, frame } = await openAdminByKeyboard();
    await tabTo(page, frame, 'Recompute scores');
    const status = frame.getByRole('region', { name: 'Recompute' }).getByRole('status');
    const before = await status.innerText();
    await page.keyboard.press('Enter');
    await frame.waitForFunction((b) => {
      const s = document.querySelector('section[aria-label="Recompute"] [role="status"]');
      return (
        s !== null &&
        s.textContent !== b &&
        /^(Recompute queued|Recomputing|Last recompute finished)/.test(s.textContent ?? '')
      );
    }, before);
  });
});

describe('every page', () => {
  it('ran without a script error', () => {
    expect(e.errors).toEqual([]);
  });
});
