/**
 * The admin's pages in headless Chromium on the local host: the configure page edits a survey plan
 * beside its live preview, refuses an invalid field with the schema's own message and saves
 * nothing, and the project settings page scopes what it creates to its project. Setup goes
 * through the app's admin resolvers only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ConfigView } from '../../src/contracts';
import { SurveyPlanSchema } from '../../src/domain/survey-plan';
import { parseWith } from '../../src/domain/validation';
import { journeyXla, plan } from '../integration/support/config';
import {
  callOk,
  type E2E,
  MODULE,
  moduleFrame,
  openAs,
  savePlanAsAdmin,
  screenshot,
  screenshotBothThemes,
  startE2E,
  stopE2E,
} from './support/browser-host';
import { chips } from '../support/chips';

const PLAN_NAME = 'Mid-flight check';
const QUESTION = 'How is it going with your request so far?';

let e: E2E;
let admin: string;
let agent: string;

const config = (): Promise<ConfigView> => callOk<ConfigView>(e.h, MODULE.admin, 'getConfig', {}, admin);
const audit = async (): Promise<AuditEntry[]> =>
  (await callOk<{ entries: AuditEntry[] }>(e.h, MODULE.admin, 'getAuditLog', {}, admin)).entries;

beforeAll(async () => {
  e = await startE2E();
  admin = e.h.users.admins[0] ?? '';
  agent = e.h.users.agents[0] ?? '';
  await savePlanAsAdmin(
    e.h,
    plan(
      'mid-flight',
      { kind: 'first-response' },
      {
        name: PLAN_NAME,
        question: { kind: 'emoji5', text: QUESTION },
        followUps: { reasonChips: { negative: chips('Slow'), neutral: [], positive: chips('Fast') } },
      },
    ),
  );
});

afterAll(async () => {
  await stopE2E(e);
});

// Each step waits on a condition; the generous limit only covers a loaded shared machine.
describe('the configure page', () => {
  it('lists the survey plans (screenshots of the page)', async () => {
    const shots = await screenshotBothThemes(e, admin, '/admin', MODULE.admin, 'admin-page', async (f) => {
      await f.getByRole('heading', { name: 'Sentio XLA' }).waitFor();
      await f.getByRole('tab', { name: 'Survey plans' }).click();
      await f.getByRole('cell', { name: QUESTION }).waitFor();
    });
    expect(shots).toHaveLength(2);
  });

  it('an admin edits a plan and the preview follows every change; saving stores it', async () => {
    const page = await openAs(e, admin, '/admin');
    const frame = moduleFrame(page, MODULE.admin);
    await frame.getByRole('tab', { name: 'Survey plans' }).click();
    await frame.getByRole('button', { name: `Edit ${PLAN_NAME}` }).click();
    const preview = frame.getByRole('complementary', { name: 'Preview of what the requester sees' });
    await preview.getByText(QUESTION).waitFor();
    await preview.getByRole('radio', { name: 'Very happy' }).waitFor();

    await frame.getByLabel('Question', { exact: true }).fill('Did we get you back to work?');
    await preview.getByText('Did we get you back to work?').waitFor();
    expect(await preview.getByText(QUESTION).count()).toBe(0);

    await frame.getByRole('group', { name: 'Scale' }).getByRole('button', { name: 'Thumbs' }).click();
    await preview.getByRole('radio', { name: 'Thumbs up, good' }).waitFor();
    expect(await preview.getByRole('radio').count()).toBe(2);
    // The preview is the portal form itself: a tap shows the chips of that band.
    await preview.getByRole('radio', { name: 'Thumbs up, good' }).click();
    await preview.getByRole('button', { name: 'Fast' }).waitFor();

    await frame.getByRole('button', { name: 'Save plan' }).click();
    await frame.getByRole('cell', { name: 'Did we get you back to work?' }).waitFor();
    const saved = (await config()).plans.find((p) => p.id === 'mid-flight');
    expect(saved?.question).toMatchObject({ kind: 'thumbs', text: 'Did we get you back to work?' });
    expect((await audit()).filter((a) => a.action === 'plan-saved' && a.target === 'mid-flight')).toHaveLength(2);
    await page.close();

    await screenshotBothThemes(e, admin, '/admin', MODULE.admin, 'admin-plan-editor', async (f) => {
      await f.getByRole('tab', { name: 'Survey plans' }).click();
      await f.getByRole('button', { name: `Edit ${PLAN_NAME}` }).click();
      await f.getByRole('radio', { name: 'Thumbs up, good' }).click();
      await f.getByRole('button', { name: 'Fast', exact: true }).waitFor();
    });
  });

  it('an invalid field shows the schema message next to it, and nothing is saved', async () => {
    const startedAt = Date.now();
    const before = await config();
    const auditBefore = await audit();
    const current = before.plans.find((p) => p.id === 'mid-flight');
    // The schema the server uses refuses it with its range; the page says that range in the admin's words.
    const parsed = parseWith(SurveyPlanSchema, { ...current, fatigue: { ...current?.fatigue, samplingPercent: 150 } });
    const refused = parsed.ok
      ? 'no problem'
      : (parsed.problems.find((p) => p.field === 'fatigue.samplingPercent')?.message ?? 'no message');
    expect(refused).toBe('must be between 0 and 100 %');
    const message = 'must be between 0 and 100';

    const page = await openAs(e, admin, '/admin');
    const frame = moduleFrame(page, MODULE.admin);
    await frame.getByRole('tab', { name: 'Survey plans' }).click();
    await frame.getByRole('button', { name: `Edit ${PLAN_NAME}` }).click();
    const sampling = frame.getByLabel('Sampling');
    await sampling.fill('150');
    expect(await sampling.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await sampling.getAttribute('aria-describedby')) ?? '';
    expect(await frame.locator(`[id="${describedBy.split(' ')[0] ?? ''}"]`).innerText()).toBe(message);
    await frame.getByRole('button', { name: 'Save plan' }).click();
    await frame.getByText('Fix the highlighted fields to save').waitFor();
    await frame.getByText('1 field needs attention.').waitFor();
    // Still the editor, and the stored configuration and audit log are untouched.
    await frame.getByRole('heading', { name: `Edit “${PLAN_NAME}”` }).waitFor();
    await screenshot(page, MODULE.admin, 'admin-plan-invalid', 'light');
    expect(await config()).toEqual(before);
    expect(await audit()).toEqual(auditBefore);
    expect(
      e.h.metrics.invocations({ kind: 'resolver' }).filter((i) => i.cause === 'savePlan' && i.startedAt >= startedAt),
    ).toEqual([]);
    await page.close();
  });

  it('is refused to an agent, with a message instead of the editors', async () => {
    const page = await openAs(e, agent, '/admin');
    const frame = moduleFrame(page, MODULE.admin);
    await frame.getByText('You do not have access to this').waitFor();
    expect(await frame.getByRole('tab', { name: 'Survey plans' }).count()).toBe(0);
    await page.close();
  });
});

describe('names, explanations and safety on the configure page', () => {
  it('lists XLAs by project and indicator names, never by id', async () => {
    const itId = e.h.site.raw.project('IT')?.id ?? '';
    const itName = e.h.site.raw.project('IT')?.name ?? '';
    await callOk(
      e.h,
      MODULE.admin,
      'saveXla',
      {
        xla: journeyXla({
          id: 'it-journey',
          name: 'IT journey',
          scope: { projectIds: [itId], requestTypeIds: [], priorities: [] },
        }),
      },
      admin,
    );
    const page = await openAs(e, admin, '/admin');
    const frame = moduleFrame(page, MODULE.admin);
    const row = frame.getByRole('row', { name: /IT journey/ });
    await row.getByText(`${itName} (IT)`).waitFor();
    expect(await row.innerText()).toContain('Satisfaction, Not reopened, Few reassignments');
    expect(await row.innerText()).not.toMatch(/\bcsat\b|\breopen\b|\breassign\b|\bprojects \d/);
    await page.close();
  });

  it('explains weight, floor, target and prior, and previews the score of the draft live', async () => {
    const page = await openAs(e, admin, '/admin');
    const frame = moduleFrame(page, MODULE.admin);
    await frame.getByRole('button', { name: 'Edit IT journey' }).click();
    const group = frame.getByRole('group', { name: 'Satisfaction (survey answers)' });
    // The help is on hover and on focus, and read with the field.
    await group.getByRole('img', { name: 'What “Weight” means' }).hover();
    await group
      .getByRole('tooltip')
      .filter({ hasText: /counts within its group/ })
      .waitFor({ state: 'visible' });
    for (const [label, help] of [
      ['Weight', /counts within its group/],
      ['Floor (0–1)', /scores 0/],
      ['Target (0–1)', /scores 100/],
      ['Prior (0–1)', /assumed before there is data/],
    ] as const) {
      const id =
        ((await group.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '').split(' ').at(-1) ??
        '';
      expect(await frame.locator(`[id="${id}"]`).textContent()).toMatch(help);
    }
    // Oracle by hand (SCORING.md §2–3) for journeyXla at its priors: csat 100·(0.8−0.5)/0.4 = 75 is X;
    // reopen 100·(0.95−0.8)/0.17 = 88.24 and reassign 100 share O: 94.12; XLA = 0.7·75 + 0.3·94.12 = 80.7, met.
    const preview = frame.getByRole('complementary', { name: 'Preview of the score' });
    await preview.getByText('80.7', { exact: true }).waitFor();
    expect(await preview.innerText()).toMatch(/Experience 75\. Operations 94\.1\./);
    expect(await preview.innerText()).toMatch(/80\.7\s*Met/);
    // A floor of 0.7 on satisfaction: 100·(0.8−0.7)/0.2 = 50, XLA = min(0.7·50 + 0.3·94.12, 50 + 10) = 60, at risk.
    await group.getByLabel('Floor (0–1)', { exact: true }).fill('0.7');
    await preview.getByText('60', { exact: true }).waitFor();
    expect(await preview.innerText()).toMatch(/60\s*At risk/);
    expect(await preview.innerText()).toContain('Experience 50 + at most 10 points from operations (94.1) = 60');
    await screenshot(page, MODULE.admin, 'admin-xla-editor-preview', 'light');
    await page.close();
    await screenshotBothThemes(e, admin, '/admin', MODULE.admin, 'admin-xla-editor', async (f) => {
      await f.getByRole('button', { name: 'Edit IT journey' }).click();
      await f.getByRole('complementary', { name: 'Preview of the score' }).getByText('80.7', { exact: true }).waitFor();
    });
  });

  it("says what is wrong with an import file in the admin's words, and imports nothing", async () => {
    const before = await config();
    const page = await openAs(e, admin, '/admin');
    const frame = moduleFrame(page, MODULE.admin);
    await frame.getByRole('tab', { name: 'Import / export' }).click();
    const { targetScore: _t, ...rest } = before.xlas.find((x) => x.id === 'it-journey') ?? journeyXla();
    await frame
      .getByLabel('Configuration to import')
      .fill(JSON.stringify({ format: 'sentio-config', version: 1, xlas: [{ ...rest, target: 80 }], plans: [] }));
    const notice = frame.getByRole('region', { name: 'This file cannot be imported' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('XLA “IT journey”: has a setting Sentio does not know: “target”.');
    expect(await notice.innerText()).not.toMatch(/xlas\[0\]|Unrecognized key/);
    expect(await frame.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect(await config()).toEqual(before);
    await page.close();
  });

  it('previews an import as differences and asks before "replace everything" deletes anything', async () => {
    const before = await config();
    const changed = { ...(before.xlas.find((x) => x.id === 'it-journey') ?? journeyXla()), targetScore: 70 };
    const file = { format: 'sentio-config', version: 1, xlas: [changed], plans: before.plans };
    const page = await openAs(e, admin, '/admin');
    const frame = moduleFrame(page, MODULE.admin);
    await frame.getByRole('tab', { name: 'Import / export' }).click();
    await frame.getByLabel('Configuration to import').fill(JSON.stringify(file));
    await frame.getByRole('button', { name: 'Replace everything', exact: true }).click();
    const preview = frame.getByRole('region', { name: 'What the import changes' });
    await preview.getByText('Target score: 80 → 70').waitFor();
    const removed = before.xlas.filter((x) => x.id !== 'it-journey').map((x) => x.name);
    expect(removed.length).toBeGreaterThan(0);
    for (const name of removed) expect(await preview.innerText()).toContain(`XLA “${name}”`);
    await screenshot(page, MODULE.admin, 'admin-import-preview', 'light');
    await frame.getByRole('button', { name: 'Replace everything…' }).click();
    const confirm = frame.getByRole('region', { name: 'Replace everything?' });
    await confirm.waitFor();
    // Nothing is written before the admin confirms.
    expect(await config()).toEqual(before);
    await confirm.getByRole('button', { name: /^Replace and remove/ }).click();
    await frame.getByRole('region', { name: 'What the import changes' }).waitFor({ state: 'detached' });
    const after = await config();
    expect(after.xlas.map((x) => [x.id, x.targetScore])).toEqual([['it-journey', 70]]);
    expect(after.plans.map((p) => p.id)).toEqual(before.plans.map((p) => p.id));
    await page.close();
  });

  it("shows the audit log with people's names and what changed, and filters it", async () => {
    const name = e.h.site.raw.user(admin)?.displayName ?? '';
    const page = await openAs(e, admin, '/admin');
    const frame = moduleFrame(page, MODULE.admin);
    await frame.getByRole('tab', { name: 'Audit log' }).click();
    const table = frame.getByRole('table', { name: 'Audit log' });
    await table.getByRole('cell', { name: name }).first().waitFor();
    const text = await table.innerText();
    expect(text).not.toContain(admin);
    expect(text).toContain('Configuration imported');
    expect(text).toContain('Replaced everything');
    await frame.getByRole('button', { name: 'Survey plans', exact: true }).click();
    expect(await table.getByRole('cell', { name: 'Configuration imported' }).count()).toBe(0);
    expect(await table.getByRole('cell', { name: 'Plan saved' }).count()).toBeGreaterThan(0);
    await screenshotBothThemes(e, admin, '/admin', MODULE.admin, 'admin-audit-log', async (f) => {
      await f.getByRole('tab', { name: 'Audit log' }).click();
      await f.getByRole('table', { name: 'Audit log' }).waitFor();
    });
    await page.close();
  });
});

describe('the project settings page', () => {
  it('shows the plans that cover the project and creates new ones scoped to it', async () => {
    const itId = e.h.site.raw.project('IT')?.id ?? '';
    await screenshotBothThemes(e, admin, '/projects/IT/settings', MODULE.projectSettings, 'project-settings', (f) =>
      f.getByRole('heading', { name: 'Experience (XLA) for this project' }).waitFor(),
    );
    const page = await openAs(e, admin, '/projects/IT/settings');
    const frame = moduleFrame(page, MODULE.projectSettings);
    await frame.getByRole('heading', { name: 'Experience (XLA) for this project' }).waitFor();
    await frame.getByRole('tab', { name: 'Survey plans' }).click();
    await frame.getByRole('cell', { name: 'Did we get you back to work?' }).waitFor();
    await frame.getByRole('button', { name: 'New survey plan' }).click();
    await frame.getByLabel('Name', { exact: true }).fill('IT only check');
    await frame.getByRole('button', { name: 'Save plan' }).click();
    await frame.getByRole('cell', { name: 'IT only check' }).first().waitFor();
    const created = (await config()).plans.filter((p) => p.name === 'IT only check');
    expect(created.map((p) => p.scope.projectIds)).toEqual([[itId]]);
    await page.close();
  });
});

describe('every page', () => {
  it('ran without a script error', () => {
    expect(e.errors).toEqual([]);
  });
});
