/**
 * A requester who reads Jira in German gets the survey in German on the local host: the portal
 * panel's question and chips, the survey comment and the one-click page — from their Jira profile
 * language when the page sends none, from the page's locale when it does. Answers record the
 * English chip, so reasons count the same whatever language they were picked in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalAskView } from '../../src/contracts';
import { GERMAN_QUESTION, saveGermanPlan } from './support/config';
import { MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';
import { chips } from '../support/chips';

describe('the survey in the requester’s language, on the local host', () => {
  let h: TestHost;
  let issue: { id: string; key: string };
  const requester = 'customer-de';
  const portal = (payload: Record<string, unknown> = {}) =>
    h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', payload, requester, {
      request: { key: issue.key },
    });

  beforeAll(async () => {
    h = await startTestHost();
    h.site.raw.addUser({ accountId: requester, displayName: 'Greta Vogel', role: 'customer', locale: 'de_DE' });
    await saveGermanPlan(h, {
      id: 'on-create',
      overrides: {
        delivery: { publicComment: true },
        followUps: { reasonChips: { negative: chips('Too slow'), neutral: [], positive: chips('Friendly') } },
      },
      chips: { 'Too-slow': 'Zu langsam', Friendly: 'Freundlich' },
    });
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

  it('words the portal survey in the profile language when the page sends no locale', async () => {
    const { ask } = unwrap(await portal());
    expect(ask?.wording).toEqual({
      locale: 'de-DE',
      text: GERMAN_QUESTION,
      stage: 'asked',
      reasonChips: {
        negative: [{ value: 'Too-slow', label: 'Zu langsam' }],
        neutral: [],
        positive: [{ value: 'Friendly', label: 'Freundlich' }],
      },
    });
    expect(ask?.question.text).toBe(GERMAN_QUESTION);
  });

  it('follows the portal page’s locale when it sends one', async () => {
    expect(unwrap(await portal({ locale: 'en-US' })).ask?.wording.text).toBe('How satisfied are you so far?');
  });

  it('records the chip id for a reason picked in German', async () => {
    const { ask } = unwrap(await portal());
    const answered = unwrap(
      await h.call<{ ask: PortalAskView }>(
        MODULE.portal,
        'answerAsk',
        { askId: ask?.askId ?? '', score: 2, reasons: ['Too-slow'], locale: 'de-DE' },
        requester,
        { request: { key: issue.key } },
      ),
    );
    expect([answered.ask.answer?.reasons, answered.ask.wording.reasonChips.negative[0]?.label]).toEqual([
      ['Too-slow'],
      'Zu langsam',
    ]);
  });

  it('posts the survey comment in German', async () => {
    await h.waitForIdle();
    const comments = h.site.raw.comments(issue.id).filter((c) => c.author === h.users.app);
    const body = JSON.stringify(comments[0]?.body ?? '');
    expect(body).toContain(`${GERMAN_QUESTION} (ein Klick speichert Ihre Antwort; im Portal können Sie sie ändern)`);
    expect(body).toContain('5, Sehr zufrieden: http');
  });
});
