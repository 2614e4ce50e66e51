/**
 * A requester who writes in German or Japanese: the English scorer cannot read it, so the comment
 * is marked "not scored (language)" in the agent panel and gives no tone — the mood stays what
 * the English comment said. Oracle: a person reading the comments ("Es funktioniert immer noch
 * nicht" is a complaint the English lexicon cannot see; an unmarked neutral would hide that).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseStats, TicketExperienceView } from '../../src/contracts';
import { MINUTE, MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

describe('comments the English scorer cannot read, on the local host', () => {
  let h: TestHost;
  let view: TicketExperienceView;
  let stats: ResponseStats;
  const view_ = async (t: { id: string; key: string }) =>
    unwrap(
      await h.call<TicketExperienceView>(MODULE.agent, 'getTicketExperience', {}, h.users.agents[0] ?? '', {
        issue: t,
      }),
    );

  beforeAll(async () => {
    h = await startTestHost();
    const requester = h.users.customers[0] ?? '';
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'VPN',
      reporter: requester,
    });
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    h.site.comment(t.key, 'Thanks, that helps a lot!', { author: requester, public: true });
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    h.site.comment(t.key, 'Es funktioniert immer noch nicht, und ich habe keine Zeit mehr. Bitte dringend helfen.', {
      author: requester,
      public: true,
    });
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    h.site.comment(t.key, 'VPNにまだ接続できません。とても困っています。', { author: requester, public: true });
    await h.waitForIdle();
    view = await view_({ id: t.id, key: t.key });
    const project = { id: h.site.raw.project('IT')?.id ?? '', key: 'IT' };
    stats = unwrap(
      await h.call<ResponseStats>(MODULE.project, 'getResponseStats', {}, h.users.agents[0] ?? '', { project }),
    );
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('marks each as not scored (language), neither good nor bad', () => {
    const marked = view.timeline.filter((e) => e.title.endsWith('not scored (language)'));
    expect(marked.map((e) => [e.kind, e.tone, e.detail])).toEqual([
      ['comment-sentiment', 'neutral', null],
      ['comment-sentiment', 'neutral', null],
    ]);
  });

  it('leaves them out of the tone: the mood is the English comment’s alone', () => {
    expect(view.moodLabel).toBe('positive');
    expect(view.timeline.filter((e) => e.kind === 'comment-sentiment' && !e.title.endsWith('(language)'))).toHaveLength(
      1,
    );
  });

  it('counts them on the project page: 2 of the 3 requester comments of the window not scored (language)', () => {
    // Oracle: the three comments this test wrote, two of them German and Japanese.
    expect([stats.notScoredLanguage, stats.requesterComments]).toEqual([2, 3]);
  });
});
