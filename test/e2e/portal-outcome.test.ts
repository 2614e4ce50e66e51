/**
 * The requester on a resolved request, in headless Chromium on the local host: the portal survey
 * put while the request was open asks about the outcome once an agent has resolved it, in the
 * requester's language (English and Japanese, from their Jira profile), says why, and records an
 * answer. Oracle for the words: the message files (locales/*.json, `portal.outcome` and
 * `portal.resolved`, read here directly) against what the frame shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../integration/support/config';
import { callOk, type E2E, MODULE, openAs, screenshot, startE2E, stopE2E } from './support/browser-host';
import { findInternalIds } from './support/internal-ids';

const HOUR = 3_600_000;
const messages = (locale: string) =>
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'locales', `${locale}.json`), 'utf8')) as {
      portal: { outcome: Record<string, string>; resolved: string; send: string; thanks: string };
    }
  ).portal;

const PEOPLE = {
  en: { id: 'requester-outcome-en', name: 'Ellen Price', locale: 'en_US', lang: 'en-US' },
  ja: { id: 'requester-outcome-ja', name: 'Haruto Sato', locale: 'ja_JP', lang: 'ja-JP' },
} as const;
const ASKED = { en: 'How satisfied are you so far?', ja: 'これまでの対応に満足していますか？' } as const;

let e: E2E;
const tickets = new Map<keyof typeof PEOPLE, string>();

async function frameOf(page: Page): Promise<Frame> {
  const el = await page.waitForSelector(`iframe[data-module="${MODULE.portal}"]`);
  const frame = await el.contentFrame();
  if (frame === null) throw new Error('no portal frame');
  return frame;
}

beforeAll(async () => {
  e = await startE2E();
  for (const p of Object.values(PEOPLE))
    e.h.site.raw.addUser({ accountId: p.id, displayName: p.name, role: 'customer', locale: p.locale });
  await callOk(
    e.h,
    MODULE.admin,
    'savePlan',
    {
      plan: plan(
        'on-create',
        { kind: 'created' },
        {
          question: { kind: 'csat5', text: ASKED.en },
          translations: { 'ja-JP': { text: ASKED.ja } },
        },
      ),
    },
    e.h.users.admins[0] ?? '',
  );
  for (const k of ['en', 'ja'] as const) {
    const t = e.h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: `Laptop ${k}`,
      reporter: PEOPLE[k].id,
    });
    tickets.set(k, t.key);
    await e.h.waitForIdle();
  }
  // An hour later an agent resolves both requests; the asks put at creation are still pending.
  e.h.site.advance(HOUR);
  for (const key of tickets.values()) e.h.site.transition(key, 'Resolved', e.h.users.agents[0] ?? '');
  await e.h.waitForIdle();
});

afterAll(async () => {
  await stopE2E(e);
});

describe('the portal survey on a resolved request', () => {
  for (const k of ['en', 'ja'] as const) {
    it(`asks about the outcome in ${PEOPLE[k].lang}, says why, and records the answer`, async () => {
      const words = messages(PEOPLE[k].lang);
      const page = await openAs(e, PEOPLE[k].id, `/portal/${tickets.get(k) ?? ''}`);
      const frame = await frameOf(page);
      await frame.waitForSelector('[role="radiogroup"]');
      expect(await frame.locator('html').getAttribute('lang')).toBe(PEOPLE[k].lang);
      const form = (await frame.locator('form').textContent()) ?? '';
      expect(form).toContain(words.outcome.csat5);
      expect(form).toContain(words.resolved);
      expect(form).not.toContain(ASKED[k]);
      // The scale's accessible name is the question it answers.
      expect(await frame.getByRole('radiogroup', { name: words.outcome.csat5 }).count()).toBe(1);
      await screenshot(page, MODULE.portal, `portal-outcome-${k}`, 'light');

      await frame.getByRole('radio').nth(3).check();
      await frame.getByRole('button', { name: words.send }).click();
      await frame.getByText(words.thanks).waitFor();
      const site = {
        projectIds: e.h.site.raw.projects().map((p) => p.id),
        accountIds: Object.values(PEOPLE).map((p) => p.id),
        configIds: ['on-create'],
      };
      expect(findInternalIds(await frame.locator('body').innerText(), site)).toEqual([]);
      expect(e.errors).toEqual([]);
    });
  }
});
