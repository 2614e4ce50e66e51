/**
 * What the browser suites ask of a view's frame: that it is there, that it has drawn some words,
 * what axe-core (Deque's WCAG 2 A/AA engine, the accessibility oracle) finds in it, and where the
 * keyboard focus goes. The words a page must show come from the message files, read here as a
 * person's locale would select them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { ModuleKey } from './browser-host';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ readonly target: readonly unknown[] }>;
}

/** axe-core over one document: the serious and critical violations, as "rule: help (targets)". */
export async function axeSerious(target: Frame | Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the one-click page's CSP (default-src 'none') forbids inline scripts.
  await target.evaluate(AXE);
  const violations = (await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * The frame is transparent, so Jira's surface shows through it. axe cannot see past the frame: it
 * is told the host page's colour under the frame, as a person sees it.
 */
export async function paintHostColourBehind(page: Page, frame: Frame, moduleKey: ModuleKey): Promise<void> {
  const behind = await page.locator(`iframe[data-module="${moduleKey}"]`).evaluate((el) => {
    for (let n: Element | null = el; n !== null; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(c)) return c;
    }
    return 'rgb(255, 255, 255)';
  });
  await frame.evaluate((c) => {
    document.documentElement.style.backgroundColor = c;
  }, behind);
}

/** The module's frame once its element is in the page (attached; it may still be loading). */
export async function frameOf(page: Page, moduleKey: ModuleKey): Promise<Frame> {
  const el = await page.waitForSelector(`iframe[data-module="${moduleKey}"]`, { state: 'attached' });
  const frame = await el.contentFrame();
  if (frame === null) throw new Error(`no ${moduleKey} frame`);
  return frame;
}

/** The view has drawn its content: no loading state left, and `text` on it. */
export async function shows(frame: Frame, text: string): Promise<void> {
  await frame.waitForFunction(
    (t) => document.querySelector('[aria-busy="true"]') === null && document.body.innerText.includes(t),
    text,
  );
}

type Tree = { [key: string]: string | Tree };
const LOCALES = join(import.meta.dirname, '..', '..', '..', 'locales');

/** The message files of one locale: the manifest's own, then each area's frontend file. */
function localeFiles(locale: string): string[] {
  const areas = readdirSync(LOCALES)
    .map((name) => join(LOCALES, name))
    .filter((path) => statSync(path).isDirectory())
    .map((dir) => join(dir, `${locale}.json`));
  return [join(LOCALES, `${locale}.json`), ...areas].filter((path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}

/** A message of one locale, placeholders and all, from whichever of its files holds the key. */
export function message(locale: string, key: string): string {
  for (const file of localeFiles(locale)) {
    let node: string | Tree | undefined = JSON.parse(readFileSync(file, 'utf8')) as Tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node === 'string' && node !== '') return node;
  }
  throw new Error(`${locale} has no ${key}`);
}

/** What has the keyboard focus in the frame: its accessible name as a person would hear it, roughly. */
export async function focusedName(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body) return '';
    const labelled = el.getAttribute('aria-label');
    if (labelled !== null) return labelled;
    const byId = el.id !== '' ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    if (byId !== null) return (byId.textContent ?? '').trim();
    return (el.textContent ?? '').trim();
  });
}

/**
 * Presses Tab (or Shift+Tab) until the control named `name` has focus, within a bound: it is
 * reachable by keyboard, in order. Returns the presses it took.
 */
export async function tabTo(
  page: Page,
  frame: Frame,
  name: string | RegExp,
  { back = false, max = 250 }: { back?: boolean; max?: number } = {},
): Promise<number> {
  const seen: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focusedName(frame);
    if (typeof name === 'string' ? now === name : name.test(now)) return presses;
    seen.push(now);
  }
  throw new Error(`${String(name)} not reached by Tab; focus went through: ${seen.slice(0, 60).join(' | ')}`);
}
