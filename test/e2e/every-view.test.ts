/**
 * Every view as the person who uses it, on the demo site (tickets replayed through the app as Jira
 * would send them): at 1440 px and 360 px, in the light and the dark theme. Each view is
 * screenshotted to test-results/screenshots/<persona>-<view>-<width>-<theme>.png, must fit its
 * width without scrolling sideways, and is scanned for internal ids and codes — scale keys, ask
 * ids, indicator ids, refusal and error codes, project, account, plan and XLA ids — in its text, its
 * accessible names and its form fields (support/internal-ids.ts says where each list comes from).
 */
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLANS } from '../../local/seed';
import { plan } from '../integration/support/config';
import {
  assertThemed,
  callOk,
  type E2E,
  MODULE,
  type ModuleKey,
  moduleFrame,
  openAs,
  screenshot,
  startE2E,
  stopE2E,
  type Theme,
  myAsk,
  answerMyAsk,
} from './support/browser-host';
import { findInternalIds, type SiteIds } from './support/internal-ids';
import { chips } from '../support/chips';

const WIDTHS = [1440, 360] as const;
const THEMES: readonly Theme[] = ['light', 'dark'];

let e: E2E;
let site: SiteIds;
let admin: string;
let agent: string;
let owner: string;
const ticket = {
  pending: null as null | { key: string; requester: string },
  answered: null as null | { key: string; requester: string },
  none: null as null | { key: string; requester: string },
};
let atRiskKey = '';

interface ViewCase {
  readonly persona: string;
  readonly view: string;
  readonly who: () => string;
  readonly path: () => string;
  readonly module: ModuleKey;
  /** Waits until the view shows what this case is about (and opens what it needs opened). */
  readonly ready: (frame: FrameLocator, page: Page) => Promise<void>;
}

/** How often the module's frame called a bridge method, from its resource timing. */
async function bridgeCalls(page: Page, moduleKey: ModuleKey, method: string): Promise<number> {
  return page.locator(`iframe[data-module="${moduleKey}"]`).evaluate((el, m) => {
    const win = (el as HTMLIFrameElement).contentWindow;
    if (win === null) throw new Error('no frame window');
    return win.performance.getEntriesByType('resource').filter((r) => r.name.endsWith(`/${m}`)).length;
  }, method);
}

/** Everything a person reads or hears in the frame: text, accessible names, titles, field values. */
async function screenText(page: Page, moduleKey: ModuleKey): Promise<string> {
  return page.locator(`iframe[data-module="${moduleKey}"]`).evaluate((el) => {
    const doc = (el as HTMLIFrameElement).contentDocument;
    if (doc === null) throw new Error('no frame document');
    const ATTRS = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt'];
    const attrs = [...doc.body.querySelectorAll('*')].flatMap((n) =>
      ATTRS.map((a) => n.getAttribute(a)).filter((v): v is string => v !== null && v !== ''),
    );
    const svgTitles = [...doc.body.querySelectorAll('title, desc')].map((t) => t.textContent ?? '');
    const fields = [...doc.body.querySelectorAll('input, textarea')]
      .filter((f) => (f as HTMLInputElement).type !== 'hidden')
      .map((f) => (f as HTMLInputElement).value);
    const selects = [...doc.body.querySelectorAll('select')].map(
      (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
    );
    return [doc.body.innerText, ...attrs, ...svgTitles, ...fields, ...selects].join('\n');
  });
}

/**
 * How far the frame scrolls sideways, and what sticks out (to say what to fix): the outermost
 * elements past the right edge that no scrolling box of their own holds.
 */
async function sidewaysOverflow(page: Page, moduleKey: ModuleKey): Promise<{ by: number; culprits: string[] }> {
  return page.locator(`iframe[data-module="${moduleKey}"]`).evaluate((el) => {
    const doc = (el as HTMLIFrameElement).contentDocument;
    if (doc === null) throw new Error('no frame document');
    const width = doc.documentElement.clientWidth;
    const scrolls = (n: Element) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(n).overflowX);
    const held = (n: Element): boolean => {
      for (let a = n.parentElement; a !== null && a !== doc.body; a = a.parentElement) if (scrolls(a)) return true;
      return false;
    };
    const out = [...doc.body.querySelectorAll('*')].filter((n) => n.getBoundingClientRect().right > width + 0.5);
    const outer = out.filter((n) => !out.includes(n.parentElement as Element) && !held(n));
    return {
      by: doc.documentElement.scrollWidth - width,
      culprits: outer
        .slice(0, 5)
        .map(
          (n) =>
            `<${n.tagName.toLowerCase()} class="${n.getAttribute('class') ?? ''}"> ${(n.textContent ?? '').slice(0, 40)}`,
        ),
    };
  });
}

async function settled(frame: FrameLocator): Promise<void> {
  await frame.locator('#root > *').first().waitFor();
  await frame.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

function need<T>(v: T | null, what: string): T {
  if (v === null) throw new Error(`the demo site has no ${what}`);
  return v;
}

const CASES: readonly ViewCase[] = [
  {
    persona: 'requester',
    view: 'portal-question',
    who: () => need(ticket.pending, 'pending ask').requester,
    path: () => `/portal/${need(ticket.pending, 'pending ask').key}`,
    module: MODULE.portal,
    ready: async (f) => {
      await f.getByRole('radiogroup').waitFor();
    },
  },
  {
    persona: 'requester',
    view: 'portal-answered',
    who: () => need(ticket.answered, 'answered ask').requester,
    path: () => `/portal/${need(ticket.answered, 'answered ask').key}`,
    module: MODULE.portal,
    ready: async (f) => {
      await f.getByText(/You answered/).waitFor();
    },
  },
  {
    persona: 'requester',
    view: 'portal-nothing-to-answer',
    who: () => need(ticket.none, 'ticket without an ask').requester,
    path: () => `/portal/${need(ticket.none, 'ticket without an ask').key}`,
    module: MODULE.portal,
    ready: async (f) => {
      await f.getByText('No feedback question for you on this request right now.').waitFor();
    },
  },
  {
    persona: 'agent',
    view: 'issue-panel',
    who: () => agent,
    path: () => `/browse/${atRiskKey}`,
    module: MODULE.issuePanel,
    ready: async (f) => {
      await f.getByRole('heading', { name: 'Requester mood' }).waitFor();
      await settled(f);
    },
  },
  {
    persona: 'agent',
    view: 'issue-glance',
    who: () => agent,
    path: () => `/browse/${atRiskKey}`,
    module: MODULE.issueGlance,
    ready: async (f) => {
      await f.getByRole('img').first().waitFor();
    },
  },
  {
    persona: 'service-owner',
    view: 'project-page',
    who: () => owner,
    path: () => '/projects/IT',
    module: MODULE.projectPage,
    ready: async (f) => {
      await f.getByRole('article').first().waitFor();
      await f.getByRole('table').first().waitFor();
      await settled(f);
      // The drill-down of the first flagged request type, when there is one.
      const drill = f.getByRole('button', { name: /^Show tickets/ }).first();
      if ((await drill.count()) > 0) {
        await drill.click();
        await settled(f);
      }
    },
  },
  {
    persona: 'service-owner',
    view: 'gadget',
    who: () => owner,
    path: () => '/dashboard?project=IT',
    module: MODULE.gadget,
    ready: async (f) => {
      await f.getByRole('article').first().waitFor();
      await settled(f);
    },
  },
  {
    persona: 'service-owner',
    view: 'gadget-edit',
    who: () => owner,
    path: () => '/dashboard?project=IT&mode=edit',
    module: MODULE.gadget,
    ready: async (f) => {
      await f.getByRole('button', { name: 'Save' }).waitFor();
      await settled(f);
    },
  },
  ...(['XLAs', 'Survey plans', 'Import / export', 'Audit log'] as const).map((tab): ViewCase => ({
    persona: 'admin',
    view: `admin-${tab.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    who: () => admin,
    path: () => '/admin',
    module: MODULE.admin,
    ready: async (f) => {
      await f.getByRole('tab', { name: tab }).click();
      await f.getByRole('tabpanel').first().waitFor();
      await settled(f);
      const edit = f.getByRole('button', { name: /^Edit / }).first();
      if (tab === 'XLAs' || tab === 'Survey plans') {
        await edit.click();
        await f.getByRole('button', { name: /^Save / }).waitFor();
      }
      if (tab === 'Audit log') await f.getByRole('table', { name: 'Audit log' }).waitFor();
      await settled(f);
    },
  })),
  {
    persona: 'admin',
    view: 'project-settings',
    who: () => admin,
    path: () => '/projects/IT/settings',
    module: MODULE.projectSettings,
    ready: async (f) => {
      await f.getByRole('heading', { name: 'Experience (XLA) for this project' }).waitFor();
      await settled(f);
    },
  },
];

beforeAll(async () => {
  e = await startE2E({ demo: { tickets: 60, days: 30, seed: 12 } });
  const { h } = e;
  admin = h.users.admins[0] ?? '';
  agent = h.users.agents[0] ?? '';
  owner = h.users.agents[1] ?? '';
  const config = await callOk<{ xlas: Array<{ id: string }>; plans: Array<{ id: string }> }>(
    h,
    MODULE.admin,
    'getConfig',
    {},
    admin,
  );
  site = {
    projectIds: h.site.raw.projects().map((p) => p.id),
    accountIds: h.site.raw.users().map((u) => u.accountId),
    // Ids that are plain words ("experience") cannot be told from prose; the rest are scanned for.
    configIds: [...config.xlas, ...config.plans, ...DEMO_PLANS].map((x) => x.id).filter((id) => /[-\d]/.test(id)),
  };
  // The requester views: an ask waiting for its requester, one answered, and a request with none.
  for (const issue of h.site.raw.issues()) {
    if ((await myAsk(h, issue.reporter, issue.key)) !== null) continue;
    ticket.none = { key: issue.key, requester: issue.reporter };
    break;
  }
  // Two requesters raise a request a plan asks about at once: one leaves it waiting, one answers.
  const it = h.site.raw.project('IT');
  const software = h.site.raw.requestTypes(it?.id).find((r) => r.name === 'Request new software')?.id ?? '';
  await callOk(
    h,
    MODULE.admin,
    'savePlan',
    {
      plan: plan(
        'scan-raised',
        { kind: 'created' },
        {
          name: 'When a software request is raised',
          scope: { projectIds: [], requestTypeIds: [software], priorities: [] },
          question: { kind: 'emoji5', text: 'How easy was it to ask for this?' },
          followUps: { reasonChips: { negative: chips('Slow'), neutral: [], positive: chips('Easy') } },
          fatigue: { cooldownHours: 0, maxAsksPerTicket: 3, expiryHours: 72 },
        },
      ),
    },
    admin,
  );
  const raised = [h.users.customers[2] ?? '', h.users.customers[3] ?? ''].map((reporter) => ({
    requester: reporter,
    key: h.site.createTicket({ projectKey: 'IT', requestType: 'Request new software', summary: 'A licence', reporter })
      .key,
  }));
  await h.waitForIdle();
  const [waiting, answering] = raised;
  if (waiting === undefined || answering === undefined) throw new Error('no requesters');
  await answerMyAsk(h, answering.requester, answering.key, { score: 4, reasons: ['Easy'] });
  ticket.pending = waiting;
  ticket.answered = answering;
  const risky = await callOk<{ tickets: Array<{ issueKey: string }> }>(
    h,
    MODULE.projectPage,
    'getAtRiskTickets',
    {},
    admin,
    {
      project: { id: h.site.raw.project('IT')?.id, key: 'IT' },
    },
  );
  atRiskKey = need(risky.tickets[0]?.issueKey ?? null, 'ticket at risk');
});

afterAll(async () => {
  await stopE2E(e);
});

describe.each(CASES.map((c) => [`${c.persona} · ${c.view}`, c] as const))('%s', (_, c) => {
  it('at 1440 and 360 px, light and dark: shows no internal id or code, fits its width and reads its context once', async () => {
    for (const width of WIDTHS) {
      for (const theme of THEMES) {
        const page = await openAs(e, c.who(), c.path(), { theme, width });
        const frame = moduleFrame(page, c.module);
        await c.ready(frame, page);
        // Oracle: the frame's requests as Chromium records them (the local bridge asks the host
        // over HTTP). The context is read once; the message files are fetched with its locale.
        expect(await bridgeCalls(page, c.module, 'getContext'), `${c.view}: contexts asked for`).toBe(1);
        await assertThemed(page, c.module, theme, c.view);
        await screenshot(page, c.module, `${c.persona}-${c.view}-${width}`, theme);
        const text = await screenText(page, c.module);
        expect(findInternalIds(text, site), `${c.view} at ${width} px, ${theme}`).toEqual([]);
        const overflow = await sidewaysOverflow(page, c.module);
        expect(overflow.by > 0 ? overflow : null, `${c.view} scrolls sideways at ${width} px`).toBeNull();
        await page.close();
      }
    }
  });
});

describe('every page', () => {
  it('ran without a script error', () => {
    expect(e.errors).toEqual([]);
  });
});
