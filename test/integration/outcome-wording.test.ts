/**
 * Wording follows the waypoint, on the local host: a question put while the request was open
 * ("How satisfied are you so far?") becomes the question about the outcome once an agent resolves
 * the request — in the portal resolver, on the one-click page and in a survey comment sent after
 * resolution — in the requester's language. An answer given while the request was open keeps its
 * question. Oracle for the words: the message files (locales/*.json, `portal.outcome`, read here
 * directly) and the plan as saved; for the moment: the ticket's status category in the fake Jira.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalAskView } from '../../src/contracts';
import { GERMAN_QUESTION, saveGermanPlan } from './support/config';
import { HOUR, MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

const messages = (locale: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'locales', `${locale}.json`), 'utf8')) as {
    portal: { outcome: Record<string, string>; resolved: string };
    surveyComment: { reminder: string };
  };
const en = messages('en-US').portal;
const de = messages('de-DE').portal;
const deReminder = messages('de-DE').surveyComment.reminder;

describe('after resolution, the requester is asked about the outcome (local host)', () => {
  let h: TestHost;
  const german = 'customer-outcome-de';
  let english = '';
  const tickets: Record<'de' | 'en' | 'answeredOpen', { id: string; key: string }> = {
    de: { id: '', key: '' },
    en: { id: '', key: '' },
    answeredOpen: { id: '', key: '' },
  };
  const portal = async (who: string, issue: { key: string }, payload: Record<string, unknown> = {}) =>
    unwrap(await h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', payload, who, { request: issue }))
      .ask;
  const links = (issueId: string) =>
    h.site.raw
      .comments(issueId)
      .filter((c) => c.author === h.users.app)
      .map((c) => JSON.stringify(c.body));
  const tokenIn = (comment: string | undefined) => /\?t=([A-Za-z0-9._%-]+)/.exec(comment ?? '')?.[1] ?? '';
  const open = (token: string, acceptLanguage = 'en') =>
    h.host.webtrigger('sentio-one-click-answer', {
      method: 'GET',
      path: '/',
      headers: { 'accept-language': [acceptLanguage] },
      query: { t: [decodeURIComponent(token)] },
      body: '',
    });
  const resolve = async (issue: { key: string }) => {
    h.advanceBoth(HOUR);
    h.site.transition(issue.key, 'Resolved', h.users.agents[0] ?? '');
    await h.waitForIdle();
  };

  beforeAll(async () => {
    h = await startTestHost();
    english = h.users.customers[0] ?? '';
    h.site.raw.addUser({ accountId: german, displayName: 'Jonas Weber', role: 'customer', locale: 'de_DE' });
    await saveGermanPlan(h, { id: 'on-create', overrides: { delivery: { publicComment: true } } });
    for (const [name, reporter] of [
      ['de', german],
      ['en', english],
      ['answeredOpen', english],
    ] as const) {
      const t = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: name, reporter });
      tickets[name] = { id: t.id, key: t.key };
    }
    await h.waitForIdle();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('asks the plan’s question while the request is open', async () => {
    expect((await portal(german, tickets.de))?.wording).toMatchObject({
      stage: 'asked',
      text: GERMAN_QUESTION,
    });
    expect((await portal(english, tickets.en))?.wording).toMatchObject({
      stage: 'asked',
      text: 'How satisfied are you so far?',
    });
  });

  it('asks about the outcome in the portal once an agent resolves the request, in the requester’s language', async () => {
    await resolve(tickets.de);
    await resolve(tickets.en);
    const g = await portal(german, tickets.de);
    expect([g?.status, g?.wording.stage, g?.wording.text, g?.question.text]).toEqual([
      'pending',
      'outcome',
      de.outcome.csat5,
      de.outcome.csat5,
    ]);
    // The portal page's locale wins over the profile language, as for the question itself.
    expect((await portal(german, tickets.de, { locale: 'en-US' }))?.wording.text).toBe(en.outcome.csat5);
    expect((await portal(english, tickets.en))?.wording.text).toBe(en.outcome.csat5);
  });

  it('shows the outcome question on the one-click page of a link sent while the request was open', async () => {
    const token = tokenIn(links(tickets.de.id)[0]);
    expect(token).not.toBe('');
    const page = await open(token);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(de.outcome.csat5);
    expect(page.body).toContain(de.resolved);
    expect(page.body).not.toContain(GERMAN_QUESTION);
  });

  it('records a one-click answer after resolution as an answer to the outcome question', async () => {
    const token = tokenIn(links(tickets.en.id)[0]);
    const post = await h.host.webtrigger('sentio-one-click-answer', {
      method: 'POST',
      path: '/',
      headers: { 'content-type': ['application/x-www-form-urlencoded'] },
      query: {},
      body: new URLSearchParams({ t: decodeURIComponent(token) }).toString(),
    });
    expect(post.statusCode).toBe(200);
    await h.waitForIdle();
    // Reopened, the answer still reads as the answer to the question it was given to.
    h.advanceBoth(HOUR);
    h.site.transition(tickets.en.key, 'Waiting for support', english);
    await h.waitForIdle();
    const ask = await portal(english, tickets.en);
    expect([ask?.status, ask?.wording.stage, ask?.wording.text]).toEqual(['answered', 'outcome', en.outcome.csat5]);
  });

  it('keeps an answer given while the request was open on the question it answered', async () => {
    const before = await portal(english, tickets.answeredOpen);
    unwrap(
      await h.call(MODULE.portal, 'answerAsk', { askId: before?.askId ?? '', score: 4 }, english, {
        request: tickets.answeredOpen,
      }),
    );
    await resolve(tickets.answeredOpen);
    const after = await portal(english, tickets.answeredOpen);
    expect([after?.answer?.score, after?.wording.stage, after?.wording.text, after?.askedWhileOpen]).toEqual([
      4,
      'asked',
      'How satisfied are you so far?',
      true,
    ]);
  });

  it('words a survey comment sent after resolution about the outcome', async () => {
    // Jira refuses the comment while the request is open; it is still owed when the agent resolves.
    const another = 'customer-outcome-de-2';
    h.site.raw.addUser({ accountId: another, displayName: 'Lena Braun', role: 'customer', locale: 'de_DE' });
    h.faults.set([{ target: 'jira', kind: 500, rate: 1, pathIncludes: '/comment' }], 1);
    const t = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: 'late', reporter: another });
    await h.waitForIdle();
    h.faults.clear();
    expect(links(t.id)).toHaveLength(0);
    await resolve(t);
    await h.tick('sentio-hourly');
    const sent = links(t.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(de.outcome.csat5);
    expect(sent[0]).not.toContain(GERMAN_QUESTION);
  });

  it('reminds about the outcome once the request is resolved, in the requester’s language', async () => {
    // The German request's ask is still unanswered; its plan reminds after 24 hours.
    h.advanceBoth(25 * HOUR);
    await h.tick('sentio-hourly');
    const comments = links(tickets.de.id);
    expect(comments).toHaveLength(2);
    expect(comments[1]).toContain(deReminder.replace('{comment}', de.outcome.csat5 ?? ''));
    expect(comments[1]).not.toContain(GERMAN_QUESTION);
  });
});
