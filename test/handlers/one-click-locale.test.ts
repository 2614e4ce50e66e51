/**
 * The one-click page and the survey comment speak the requester's language: their Jira profile
 * language first, the browser's Accept-Language when the link names no ask, English otherwise.
 * Expected wording is read from the message files through Forge's own lookup, and written out
 * by hand where the point is the language itself.
 */
import { describe, expect, it } from 'vitest';
import { deliverOwedComments } from '../../src/app/delivery/deliver-owed-comments';
import { signToken } from '../../src/app/surveys/one-click-token';
import { summaryOf } from '../../src/app/tickets/ticket-record';
import { newAsk } from '../../src/domain/survey';
import { respondToOneClick, type WebRequest } from '../../src/handlers/one-click-web-trigger';
import { aTicketRecord, NOW } from '../app/builders';
import { fakeWorld } from '../app/fakes/ports';
import { aPlan } from '../domain/survey/builders';

const plan = aPlan({
  id: 'by-comment',
  waypoint: { kind: 'created' },
  delivery: { publicComment: true },
  question: { kind: 'csat5', text: 'How are we doing so far?' },
  translations: { 'de-DE': { text: 'Wie läuft es bisher?' }, 'ja-JP': { text: 'これまでの対応はいかがですか？' } },
});

function world(profileLocale: string | null) {
  const w = fakeWorld({ version: 1, xlas: [], plans: [plan] });
  const ask = newAsk({
    plan,
    ticketId: '10001',
    issueKey: 'IT-1',
    projectId: '10000',
    requesterId: 'customer-1',
    occurrenceKey: 'created',
    statusCategoryAfter: 'new',
    requestedBy: null,
    now: NOW,
  });
  if (profileLocale !== null) w.site.locales.set('customer-1', profileLocale);
  w.tickets.set('10001', { value: { ...aTicketRecord(), asks: [summaryOf(ask)], undelivered: [ask.id] }, rev: 1 });
  w.asks.set(ask.id, { ask, usedNonces: [], rev: 1 });
  w.now = NOW + 60_000;
  const token = signToken({ a: ask.id, s: 4, e: ask.expiresAt, n: 'nonce-0000000a' }, w.keys.current);
  return { w, ask, token };
}

const get = (t: string, acceptLanguage?: string): WebRequest => ({
  method: 'GET',
  body: '',
  query: { t: [t] },
  acceptLanguage,
});
const post = (t: string, acceptLanguage?: string): WebRequest => ({
  method: 'POST',
  body: new URLSearchParams({ t }).toString(),
  query: {},
  acceptLanguage,
});

const title = (html: string) => /<h1>(.*?)<\/h1>/.exec(html)?.[1];
const lang = (html: string) => /<html lang="([^"]+)" dir="([^"]+)"/.exec(html)?.slice(1);

describe('the one-click page in the requester’s language', () => {
  it('asks a German requester to confirm in German, with the plan’s German question', async () => {
    const { w, token } = world('de_DE');
    const page = await respondToOneClick(w.ports, get(token, 'en-US'));
    expect([page.statusCode, title(page.body), lang(page.body)]).toEqual([200, 'Antwort bestätigen', ['de-DE', 'ltr']]);
    expect(page.body).toContain('<p>Wie läuft es bisher?</p>');
    expect(page.body).toContain('Ihre Antwort: 4, Zufrieden');
    expect(page.body).toContain('>Meine Antwort bestätigen</button>');
    expect(page.headers['Content-Language']).toEqual(['de-DE']);
  });

  it('thanks a Japanese requester in Japanese after confirming', async () => {
    const { w, token } = world('ja_JP');
    const page = await respondToOneClick(w.ports, post(token));
    expect([page.statusCode, title(page.body)]).toEqual([200, 'ありがとうございました']);
  });

  it('uses the browser’s language when the profile hides it, and English when neither is shipped', async () => {
    const hidden = world(null);
    expect(title((await respondToOneClick(hidden.w.ports, get(hidden.token, 'fr-CH, fr;q=0.9'))).body)).toBe(
      'Confirmez votre réponse',
    );
    const none = world(null);
    const english = await respondToOneClick(none.w.ports, get(none.token, 'ar-EG'));
    expect([title(english.body), english.body.includes('<p>How are we doing so far?</p>')]).toEqual([
      'Confirm your answer',
      true,
    ]);
  });

  it('refuses a damaged link in the browser’s language (no ask to take a profile from)', async () => {
    const { w } = world('de_DE');
    const page = await respondToOneClick(w.ports, get('not-a-token', 'es-ES,es;q=0.9'));
    expect([page.statusCode, title(page.body)]).toEqual([400, 'Este enlace no es válido']);
  });
});

describe('the survey comment in the requester’s language', () => {
  it('words the comment and names each link in the requester’s profile language', async () => {
    const { w, ask } = world('ja_JP');
    expect(
      await deliverOwedComments(
        w.ports,
        { version: 1, xlas: [], plans: [plan] },
        { ticketId: '10001', owed: [ask.id], resolved: false },
      ),
    ).toBe(1);
    const [comment] = w.comments;
    expect(comment?.text).toBe(
      'これまでの対応はいかがですか？（ワンクリックで回答が記録されます。ポータルで変更できます）',
    );
    expect(comment?.links?.map((l) => l.label)).toEqual([
      '1、とても不満',
      '2、不満',
      '3、どちらでもない',
      '4、満足',
      '5、とても満足',
    ]);
  });

  it('writes in English when the profile language is not shipped', async () => {
    const { w, ask } = world('ko_KR');
    await deliverOwedComments(
      w.ports,
      { version: 1, xlas: [], plans: [plan] },
      { ticketId: '10001', owed: [ask.id], resolved: false },
    );
    expect(w.comments[0]?.text).toBe(
      'How are we doing so far? (one click records your answer; you can change it in the portal)',
    );
  });
});
