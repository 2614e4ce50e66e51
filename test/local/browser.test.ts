// Headless Chromium (Debian's, via playwright-core) opens the host's issue view, finds the app's
// issue panel iframe, and sees the injected bridge answer `getContext` and `invoke`.
// The resource is a small fixture built with the real @forge/bridge; `scripts/ensure-chromium.sh`
// installs /usr/bin/chromium when it is missing.
import Resolver from '@forge/resolver';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';

const CHROMIUM = '/usr/bin/chromium';
const FIXTURE = join(import.meta.dirname, 'fixtures', 'bridge-app');

const resolver = new Resolver();
resolver.define('ping', ({ payload, context }) => ({
  pong: payload,
  accountId: context.accountId,
  issueKey: (context.extension as { issue?: { key?: string } }).issue?.key,
}));

let h: RunningHost;
let browser: BrowserContext;
let work: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  work = mkdtempSync(join(tmpdir(), 'sentio-browser-'));
  const resource = join(work, 'resource');
  await build({
    entryPoints: [join(FIXTURE, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile: join(resource, 'main.js'),
    logLevel: 'silent',
  });
  copyFileSync(join(FIXTURE, 'index.html'), join(resource, 'index.html'));
  h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    resourceDirs: { ui: resource, glance: resource },
    handlers: { 'agent-resolver': resolver.getDefinitions() as never },
  });
  browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
      '--disable-component-update',
      '--disable-quic',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the issue view in a real browser', () => {
  it('loads the issue panel and the bridge answers getContext and invoke as the signed-in persona', async () => {
    const agent = h.users.agents[1] ?? '';
    const issue = h.site.createTicket({
      projectKey: 'IT',
      summary: 'Browser check',
      reporter: h.users.customers[0] ?? '',
    });
    await browser.addCookies([{ name: 'persona', value: encodeURIComponent(agent), url: h.url }]);
    const page = await browser.newPage();
    await page.goto(`${h.url}/browse/${issue.key}`);
    const frameEl = await page.waitForSelector('iframe[data-module="sentio-issue-panel"]');
    const frame = await frameEl.contentFrame();
    if (!frame) throw new Error('no iframe content');
    await frame.waitForSelector('#out[data-state="done"], #out[data-state="error"]');
    const text = await frame.textContent('#out');
    const result = JSON.parse(text ?? '{}') as {
      context: {
        accountId: string;
        moduleKey: string;
        extension: { type: string; issue: { key: string }; project: { key: string } };
      };
      pong: { pong: { hello: string }; accountId: string; issueKey: string };
    };
    expect(result.context.moduleKey).toBe('sentio-issue-panel');
    expect(result.context.accountId).toBe(agent);
    expect(result.context.extension).toMatchObject({
      type: 'jira:issuePanel',
      issue: { key: issue.key },
      project: { key: 'IT' },
    });
    expect(result.pong).toEqual({
      pong: { hello: 'from the iframe', accountId: 'spoofed-by-page' },
      accountId: agent,
      issueKey: issue.key,
    });
    await page.close();
  });

  it('serves the manifest’s message files to the bridge’s i18n, in the signed-in person’s locale', async () => {
    // Oracle: mirror/apis-reference/ui-api-bridge/i18n/index.md — no locale given means the user's
    // locale from view.getContext; a key nobody has returns the default value given.
    h.site.raw.addUser({ accountId: 'agent-de', displayName: 'Dora Brandt', role: 'agent', locale: 'de_DE' });
    const issue = h.site.createTicket({ projectKey: 'IT', summary: 'Sprache', reporter: h.users.customers[0] ?? '' });
    await browser.addCookies([{ name: 'persona', value: 'agent-de', url: h.url }]);
    const page = await browser.newPage();
    await page.goto(`${h.url}/browse/${issue.key}`);
    const frame = await (await page.waitForSelector('iframe[data-module="sentio-issue-panel"]')).contentFrame();
    if (!frame) throw new Error('no iframe content');
    await frame.waitForSelector('#out[data-state="done"], #out[data-state="error"]');
    const result = JSON.parse((await frame.textContent('#out')) ?? '{}') as {
      context: { locale: string };
      messages: { send: string; missing: string; fileLocale: string };
    };
    expect(result.context.locale).toBe('de-DE');
    expect(result.messages).toEqual({ send: 'Senden', missing: 'fallback', fileLocale: 'de-DE' });
    await page.close();
  });

  it('renders the issue context only when the agent expands it (docs: jira-issue-context)', async () => {
    const issue = h.site.createTicket({ projectKey: 'IT', summary: 'Context', reporter: h.users.customers[0] ?? '' });
    await browser.addCookies([{ name: 'persona', value: encodeURIComponent(h.users.agents[0] ?? ''), url: h.url }]);
    const page = await browser.newPage();
    await page.goto(`${h.url}/browse/${issue.key}`);
    await page.waitForSelector('iframe[data-module="sentio-issue-panel"]');
    expect(await page.locator('iframe[data-module="sentio-issue-context"]').count()).toBe(0);
    await page.locator('details.context > summary').click();
    const frameEl = await page.waitForSelector('iframe[data-module="sentio-issue-context"]');
    const frame = await frameEl.contentFrame();
    if (!frame) throw new Error('no iframe content');
    await frame.waitForSelector('#out[data-state="done"], #out[data-state="error"]');
    expect(await frame.getAttribute('#out', 'data-state')).toBe('done');
    await page.close();
  });
});
