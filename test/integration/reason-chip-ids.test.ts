/**
 * A reason chip is one reason whatever language it was picked in and wherever it sits in the list,
 * on the local host: a German requester picks a German chip in the portal, and the project page
 * counts it under that chip in English — also after the admin moved and reworded the English chip.
 * Oracle: the chips and words written out in this file (which chip the requester picked, and what
 * an English and a German reader must see it counted as).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalAskView } from '../../src/contracts';
import type { ReasonCount } from '../../src/contracts/project';
import { saveGermanPlan } from './support/config';
import { MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

/** The admin's plan with the negative chips in the given order; the German words follow each chip's id. */
const saveChips = (h: TestHost, negative: Array<{ id: string; label: string }>, expectedVersion?: number) =>
  saveGermanPlan(h, {
    id: 'chip-ids',
    overrides: {
      followUps: { reasonChips: { negative, neutral: [], positive: [{ id: 'friendly', label: 'Friendly' }] } },
    },
    chips: { slow: 'Zu langsam', unclear: 'Unklar', friendly: 'Freundlich' },
    expectedVersion,
  });

describe('reason chips counted by id, on the local host', () => {
  let h: TestHost;
  let issue: { id: string; key: string };
  let admin: string;
  let agent: string;
  const requester = 'customer-de';
  const project = () => ({ project: { id: h.site.raw.project('IT')?.id ?? '', key: 'IT' } });
  const counts = async (payload: Record<string, unknown> = {}) =>
    unwrap(await h.call<{ reasonCounts: ReasonCount[] }>(MODULE.project, 'getVerbatims', payload, agent, project()))
      .reasonCounts;

  beforeAll(async () => {
    h = await startTestHost();
    admin = h.users.admins[0] ?? '';
    agent = h.users.agents[0] ?? '';
    h.site.raw.addUser({ accountId: requester, displayName: 'Greta Vogel', role: 'customer', locale: 'de_DE' });
    await saveChips(h, [
      { id: 'slow', label: 'Too slow' },
      { id: 'unclear', label: 'Unclear' },
    ]);
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'Drucker',
      reporter: requester,
    });
    issue = { id: t.id, key: t.key };
    await h.waitForIdle();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  const answer = (reasons: string[]) =>
    h.call<{ ask: PortalAskView }>(
      MODULE.portal,
      'answerAsk',
      { askId: askId, score: 2, reasons, locale: 'de-DE' },
      requester,
      { request: { key: issue.key } },
    );
  let askId = '';

  it('refuses a chip the survey does not have, by its id, with a clear message', async () => {
    const mine = unwrap(
      await h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', {}, requester, {
        request: { key: issue.key },
      }),
    );
    askId = mine.ask?.askId ?? '';
    // The English words are not an id: an answer names chips by id only.
    const refused = await answer(['Too slow']);
    expect(refused.ok ? null : [refused.error.code, refused.error.message]).toEqual([
      'refused',
      'reason chip "Too slow" is not one of this survey\'s chips',
    ]);
  });

  it('counts the chip a German requester picked under that chip, in English and in German', async () => {
    const mine = unwrap(
      await h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', {}, requester, {
        request: { key: issue.key },
      }),
    );
    // What the portal does: the requester taps the German words; the page sends that chip's id.
    const tapped = mine.ask?.wording.reasonChips.negative.find((c) => c.label === 'Zu langsam');
    expect(tapped).toBeDefined();
    unwrap(await answer([tapped?.value ?? '']));
    await h.waitForIdle();
    expect(await counts()).toEqual([{ chipId: 'slow', reason: 'Too slow', band: 'negative', count: 1 }]);
    expect(await counts({ locale: 'de-DE' })).toEqual([
      { chipId: 'slow', reason: 'Zu langsam', band: 'negative', count: 1 },
    ]);
  });

  it('keeps the count with the chip after the admin moves it and rewords it', async () => {
    const { version } = unwrap(await h.call<{ version: number }>(MODULE.admin, 'getConfig', {}, admin));
    await saveChips(
      h,
      [
        { id: 'unclear', label: 'Unclear' },
        { id: 'slow', label: 'Slow replies' },
      ],
      version,
    );
    expect(await counts()).toEqual([{ chipId: 'slow', reason: 'Slow replies', band: 'negative', count: 1 }]);
  });
});
