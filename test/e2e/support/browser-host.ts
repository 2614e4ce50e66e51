/**
 * One local Forge host and one headless Chromium per e2e file.
 *
 * The host runs the real app (manifest wiring, resolvers, triggers) on a fresh temp data dir and
 * serves the built Custom UI from static/dist (`npm test` builds it first). Identity and theme are
 * the host's `persona` and `theme` cookies, as the persona switch and the theme switch set them;
 * pages are opened one at a time, so a cookie set for one person never leaks into another's page.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type FrameLocator, type Page } from 'playwright-core';
import { type RunningHost, startHost } from '../../../local/index';
import type { Envelope, PortalAskView } from '../../../src/contracts';
import type { SurveyPlanInput } from '../../../src/domain/survey-plan';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');
const DIST = join(import.meta.dirname, '..', '..', '..', 'static', 'dist', 'index.html');

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-sync',
  '--disable-component-update',
  '--disable-quic',
];

export const MODULE = {
  portal: 'sentio-portal-survey',
  issuePanel: 'sentio-issue-panel',
  issueGlance: 'sentio-issue-context',
  projectPage: 'sentio-project-page',
  projectSettings: 'sentio-project-settings',
  admin: 'sentio-admin-page',
  gadget: 'sentio-scorecard-gadget',
} as const;
export type ModuleKey = (typeof MODULE)[keyof typeof MODULE];

export type Theme = 'light' | 'dark';

export interface E2E {
  readonly h: RunningHost;
  readonly browser: BrowserContext;
  readonly work: string;
  /** Uncaught script errors and console errors of every page opened (a test asserts none). */
  readonly errors: string[];
}

/** `demo`: the demo site (tickets replayed through the app) instead of the bare basic site. */
export async function startE2E(opts: { demo?: { tickets: number; days: number; seed: number } } = {}): Promise<E2E> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  if (!existsSync(DIST)) throw new Error('static/dist is missing: run npm run build:ui');
  const work = mkdtempSync(join(tmpdir(), 'sentio-e2e-'));
  const h = await startHost({
    dataDir: join(work, 'data'),
    port: 0,
    delayScale: 0,
    scheduler: false,
    ...(opts.demo ? { seed: 'demo', demo: { ...opts.demo, summary: false } } : { seed: 'basic' }),
  });
  // launchPersistentContext passes the fresh profile as --user-data-dir.
  const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { h, browser, work, errors: [] };
}

export async function stopE2E(e: E2E | undefined): Promise<void> {
  if (!e) return;
  await e.browser.close();
  await e.h.close();
  rmSync(e.work, { recursive: true, force: true });
}

/** Opens a host page as one person, in one theme, at one width; the page fails the test on a script error. */
export async function openAs(
  e: E2E,
  accountId: string,
  path: string,
  opts: { theme?: Theme; width?: number } = {},
): Promise<Page> {
  for (const p of e.browser.pages()) await p.close();
  await e.browser.addCookies([
    { name: 'persona', value: encodeURIComponent(accountId), url: e.h.url },
    { name: 'theme', value: opts.theme ?? 'light', url: e.h.url },
  ]);
  const page = await e.browser.newPage();
  // A cap against hangs, not a speed budget: under the test's own timeout, so a missing element
  // fails with playwright's call log, yet long enough for a loaded 2-core machine.
  page.setDefaultTimeout(90_000);
  await page.setViewportSize({ width: opts.width ?? 1280, height: 900 });
  page.on('pageerror', (err) => e.errors.push(`${path}: ${err.message}`));
  page.on('console', (m) => {
    // The host page has no favicon; that is the host's, not the app's.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
      e.errors.push(`${path}: console: ${m.text()} ${m.location().url}`);
  });
  await page.goto(`${e.h.url}${path}`);
  // Issue context panels render when expanded, as in Jira: open them as the agent would.
  for (const summary of await page.locator('details.context > summary').all()) await summary.click();
  return page;
}

/** The module's iframe on the host page (waits for it). */
export function moduleFrame(page: Page, moduleKey: ModuleKey): FrameLocator {
  return page.frameLocator(`iframe[data-module="${moduleKey}"]`);
}

/**
 * Saves the module's iframe, as it is on screen, to test-results/screenshots/<name>-<theme>.png.
 * Waits for the bridge's resize message to have sized the frame to its content first.
 */
export async function screenshot(page: Page, moduleKey: ModuleKey, name: string, theme: Theme): Promise<string> {
  const selector = `iframe[data-module="${moduleKey}"]`;
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLElement | null)?.style.height !== '',
    selector,
  );
  // Two frames: the last resize has been laid out and painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The host's sticky header would cover the top of a frame taller than the window.
  await page.addStyleTag({ content: 'header { position: static !important; }' });
  const file = join(SCREENSHOTS, `${name}-${theme}.png`);
  await page.locator(selector).screenshot({ path: file });
  return file;
}

/**
 * Opens the page once per theme, waits until `ready` sees the view, and screenshots the module.
 * Also checks the frame really is in that theme (the bridge's enableTheming applied it).
 */
export async function screenshotBothThemes(
  e: E2E,
  accountId: string,
  path: string,
  moduleKey: ModuleKey,
  name: string,
  ready: (frame: FrameLocator) => Promise<void>,
  opts: { width?: number } = {},
): Promise<string[]> {
  const files: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    const page = await openAs(e, accountId, path, { theme, width: opts.width });
    await ready(moduleFrame(page, moduleKey));
    await assertThemed(page, moduleKey, theme, name);
    files.push(await screenshot(page, moduleKey, name, theme));
    await page.close();
  }
  return files;
}

/**
 * The frame really is in `theme` (the bridge's enableTheming applied it), paints no background of
 * its own (Jira's surface shows through), and its design tokens apply: light text on the dark page
 * behind it in dark mode, and the reverse.
 */
export async function assertThemed(page: Page, moduleKey: ModuleKey, theme: Theme, name: string): Promise<void> {
  const frame = moduleFrame(page, moduleKey);
  const mode = await frame.locator('html').getAttribute('data-color-mode');
  if (mode !== theme) throw new Error(`${name}: the frame is in ${mode ?? 'no'} colour mode, expected ${theme}`);
  const [own, text] = await frame.locator('body').evaluate((body) => {
    const style = getComputedStyle(body);
    return [style.backgroundColor, style.color];
  });
  if (!isTransparent(own)) throw new Error(`${name}: the frame paints its own background ${own}`);
  const background = await page.locator(`iframe[data-module="${moduleKey}"]`).evaluate((el) => {
    for (let n: Element | null = el; n !== null; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(c)) return c;
    }
    return 'rgb(255, 255, 255)';
  });
  const dark = luminance(background) < 0.2 && luminance(text) > 0.5;
  const light = luminance(background) > 0.8 && luminance(text) < 0.3;
  if (theme === 'dark' ? !dark : !light) throw new Error(`${name}: ${theme} theme shows text ${text} on ${background}`);
}

export function isTransparent(css: string): boolean {
  return css === 'transparent' || /^rgba\(.*,\s*0\)$/.test(css);
}

/** Relative luminance (WCAG) of a computed `rgb()`/`rgba()` colour; a transparent one counts as white. */
export function luminance(css: string): number {
  const [r = 255, g = 255, b = 255, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
  if (a === 0) return 1;
  const lin = (c: number): number => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Calls a resolver as a person (the way the admin configures the app in a test) and unwraps it. */
export async function callOk<T>(
  h: RunningHost,
  moduleKey: ModuleKey,
  name: string,
  payload: unknown,
  as: string,
  extension: Record<string, unknown> = {},
): Promise<T> {
  const env = await callEnvelope<T>(h, moduleKey, name, payload, as, extension);
  if (!env.ok) throw new Error(`${name} refused: ${env.error.code} ${env.error.message}`);
  return env.data;
}

export async function callEnvelope<T>(
  h: RunningHost,
  moduleKey: ModuleKey,
  name: string,
  payload: unknown,
  as: string,
  extension: Record<string, unknown> = {},
): Promise<Envelope<T>> {
  const r = await h.invoke(moduleKey, name, payload, as, extension);
  if (!r.ok) throw r.error ?? new Error(`${name} failed`);
  return r.value as Envelope<T>;
}

/** Saves a survey plan as the site's first admin, through the admin page's resolver as its Save does. */
export async function savePlanAsAdmin(h: RunningHost, plan: SurveyPlanInput): Promise<void> {
  await callOk(h, MODULE.admin, 'savePlan', { plan }, h.users.admins[0] ?? '');
}

/** The requester's own ask on a ticket, as the portal panel reads it (null when there is none). */
export async function myAsk(h: RunningHost, who: string, issueKey: string): Promise<PortalAskView | null> {
  const r = await callOk<{ ask: PortalAskView | null }>(h, MODULE.portal, 'getMyAsk', {}, who, {
    request: { key: issueKey },
  });
  return r.ask;
}

/** Answers the requester's own ask on a ticket through the portal resolver, then lets the events settle. */
export async function answerMyAsk(
  h: RunningHost,
  requester: string,
  issueKey: string,
  answer: { score: number; reasons?: string[]; comment?: string | null },
): Promise<void> {
  const ask = await myAsk(h, requester, issueKey);
  if (ask === null) throw new Error(`${requester} has no ask on ${issueKey}`);
  await callOk(
    h,
    MODULE.portal,
    'answerAsk',
    {
      askId: ask.askId,
      score: answer.score,
      reasons: answer.reasons ?? [],
      comment: answer.comment ?? null,
      lostTimeChoiceId: null,
    },
    requester,
    { request: { key: issueKey } },
  );
  await h.waitForIdle();
}
