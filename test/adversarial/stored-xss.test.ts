/**
 * Stored XSS, in a real browser (Debian's Chromium through the local host): everything a person can
 * type that Sentio later shows someone else — plan names, questions and reason chips, XLA names and
 * descriptions, requester comments, chasers, answer comments, the audit log — carries script in
 * several forms. Every view is opened as the person who uses it; the injected text must show as
 * text, and no script may run (each payload sets a marker on its window or opens a dialog).
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { attack } from './support/attacks';
import {
  callOk,
  MODULE,
  moduleFrame,
  openAs,
  startE2E,
  stopE2E,
  type E2E,
  type ModuleKey,
} from '../e2e/support/browser-host';

/** Each payload, if it ever ran, sets `xss` on its window (or its parent) or opens a dialog. */
const PAYLOADS = [
  '<img src=x onerror=top.xss=1>',
  '"><svg onload=parent.xss=2>',
  '<script>top.xss=3</script>',
  "javascript:alert('xss')",
  '<iframe srcdoc="<script>top.xss=5</script>">',
] as const;
const P = PAYLOADS.join(' ');

interface View {
  /** The page, given the request with an answered ask and the one whose ask is still pending. */
  readonly path: (key: string, pending: string) => string;
  readonly module: ModuleKey;
  readonly as: 'admin' | 'agent' | 'requester';
  /** Brings the injected text on screen (a tab, a row) once the view is there. */
  readonly reveal?: (page: Page) => Promise<void>;
  /** The view shows some of the injected text (checked, so a view that shows nothing cannot pass idly). */
  readonly showsText: boolean;
}

const VIEWS: Record<string, View> = {
  'issue panel (agent)': { path: (k) => `/browse/${k}`, module: MODULE.issuePanel, as: 'agent', showsText: true },
  'issue glance (agent)': { path: (k) => `/browse/${k}`, module: MODULE.issueGlance, as: 'agent', showsText: false },
  'portal request page (requester)': {
    path: (_key, pending) => `/portal/${pending}`,
    module: MODULE.portal,
    as: 'requester',
    showsText: true,
  },
  'project page (agent)': { path: () => '/projects/IT', module: MODULE.projectPage, as: 'agent', showsText: true },
  'dashboard gadget (agent)': {
    path: () => '/dashboard?project=IT',
    module: MODULE.gadget,
    as: 'agent',
    showsText: true,
  },
  'configure page, plans (admin)': {
    path: () => '/admin',
    module: MODULE.admin,
    as: 'admin',
    showsText: true,
    reveal: async (page) => moduleFrame(page, MODULE.admin).getByRole('tab', { name: 'Survey plans' }).click(),
  },
  'configure page, audit log (admin)': {
    path: () => '/admin',
    module: MODULE.admin,
    as: 'admin',
    showsText: true,
    reveal: async (page) => moduleFrame(page, MODULE.admin).getByRole('tab', { name: /Audit/ }).click(),
  },
  'configure page, XLAs (admin)': { path: () => '/admin', module: MODULE.admin, as: 'admin', showsText: true },
  'project settings page (admin)': {
    path: () => '/projects/IT/settings',
    module: MODULE.projectSettings,
    as: 'admin',
    showsText: true,
  },
};

describe('stored XSS in every view', () => {
  let e: E2E;
  let key = '';
  let pending = '';
  const people = { admin: '', agent: '', requester: '' };

  beforeAll(async () => {
    e = await startE2E();
    people.admin = e.h.users.admins[0] ?? '';
    people.agent = e.h.users.agents[0] ?? '';
    people.requester = e.h.users.customers[0] ?? '';
    const chip = PAYLOADS[0];
    await callOk(
      e.h,
      MODULE.admin,
      'saveXla',
      {
        xla: {
          id: 'xss',
          name: `XLA ${PAYLOADS[0]}`.slice(0, 120),
          description: P,
          indicators: [
            { id: 'csat', weight: 0.8, floor: 0.5, target: 0.9, prior: 0.8 },
            { id: 'sentiment', weight: 0.2, floor: 0.6, target: 0.9, prior: 0.85 },
          ],
          minSample: 0,
        },
      },
      people.admin,
    );
    for (const [id, waypoint] of [
      ['xss-created', { kind: 'created' }],
      ['xss-manual', { kind: 'manual' }],
    ] as const)
      await callOk(
        e.h,
        MODULE.admin,
        'savePlan',
        {
          plan: {
            id,
            name: `Plan ${PAYLOADS[1]}`,
            waypoint,
            question: { kind: 'csat5', text: `How is it? ${PAYLOADS[0]} ${PAYLOADS[2]}`.slice(0, 200) },
            followUps: {
              reasonChips: {
                negative: [
                  { id: 'xss-chip', label: chip },
                  { id: 'xss-1', label: PAYLOADS[1] },
                ],
                neutral: [{ id: 'xss-2', label: PAYLOADS[2] }],
                positive: [{ id: 'xss-4', label: PAYLOADS[4].slice(0, 40) }],
              },
            },
            fatigue: {
              samplingPercent: 100,
              cooldownHours: 0,
              maxAsksPerTicket: 5,
              noNewAskWhilePending: false,
              expiryHours: 72,
              reminder: { enabled: false, afterHours: 24 },
            },
          },
        },
        people.admin,
      );
    key = e.h.site.createTicket({ projectKey: 'IT', summary: `Summary ${P}`, reporter: people.requester }).key;
    await e.h.waitForIdle();
    e.h.site.comment(key, `This is terrible, nothing works ${P}`, { author: people.requester });
    e.h.site.comment(key, `Any update on this? ${P}`, { author: people.requester });
    e.h.site.comment(key, `Looking into it ${P}`, { author: people.agent, public: true });
    await e.h.waitForIdle();
    const view = await callOk<{ ask: { askId: string } | null }>(e.h, MODULE.portal, 'getMyAsk', {}, people.requester, {
      request: { key },
    });

    await callOk(
      e.h,
      MODULE.portal,
      'answerAsk',
      // Answers name chips by id; the payload is the chip's words, shown wherever the chip is.
      { askId: view.ask?.askId, score: 1, reasons: ['xss-chip'], comment: `Awful. ${P}` },
      people.requester,
      { request: { key } },
    );
    await e.h.waitForIdle();
    pending = e.h.site.createTicket({ projectKey: 'IT', summary: 'Pending', reporter: people.requester }).key;
    await e.h.waitForIdle();
  });

  afterAll(async () => {
    await stopE2E(e);
  });

  /** No payload ran anywhere on the page: no marker on any window, no dialog. */
  async function assertInert(page: Page, dialogs: string[]): Promise<void> {
    for (const frame of page.frames()) {
      const marker = await frame.evaluate(() => (window as unknown as { xss?: unknown }).xss ?? null).catch(() => null);
      expect(marker, `script ran in ${frame.url()}`).toBeNull();
    }
    expect(dialogs).toEqual([]);
  }

  for (const [name, view] of Object.entries(VIEWS))
    attack('stored XSS', `${name}: injected text shows as text and runs nothing`, async () => {
      const page = await openAs(e, people[view.as], view.path(key, pending));
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const frame = moduleFrame(page, view.module);
      await frame.locator('body').waitFor();
      await view.reveal?.(page);
      if (view.showsText) {
        // The view rendered the attacker's text — literally, as characters on screen.
        await frame
          .getByText(/onerror=top\.xss=1|onload=parent\.xss=2/)
          .filter({ visible: true })
          .first()
          .waitFor();
      } else {
        await frame.locator('body *').first().waitFor();
      }
      const handle = await page.locator(`iframe[data-module="${view.module}"]`).elementHandle();
      const inner: Frame | null = handle === null ? null : await handle.contentFrame();
      expect(inner).not.toBeNull();
      const html = (await inner?.content()) ?? '';
      expect(html).not.toMatch(/<img[^>]+onerror=top\.xss|<svg[^>]+onload=parent\.xss|<script>top\.xss/);
      await assertInert(page, dialogs);
      await page.close();
    });
});
