/**
 * The app's comment path on the local host (real manifest wiring, handlers and `@forge/*` clients):
 * a requester's e-mail reply reaches the scorer without its quoted thread. Oracle: the reply's own
 * words, read by a person — "Still broken for me." is a complaint, whatever the quoted agent message
 * below it says; and the same text scored without preparation reads positive (so the test can fail).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketExperienceView } from '../../src/contracts';
import { adfToText, createSentimentScorer } from '../../src/domain/sentiment';
import { MINUTE, MODULE, startTestHost, stopTestHost, storageSnapshot, unwrap, type TestHost } from './support/host';

const REPLY = [
  'Still broken for me.',
  'On Mon, 5 Jan 2026 at 10:02, IT Service Desk <help@example.com> wrote:\n' +
    '> Great news, this is fixed! Wonderful, everything works perfectly now.\n' +
    '> Thanks for your patience, have a lovely day.',
].join('\n\n');

describe('requester comments on the local host', () => {
  let h: TestHost;
  let view: TicketExperienceView;
  let issueId: string;

  beforeAll(async () => {
    h = await startTestHost();
    const requester = h.users.customers[0] ?? '';
    const agent = h.users.agents[0] ?? '';
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'Outlook keeps disconnecting',
      reporter: requester,
    });
    issueId = t.id;
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    h.site.comment(t.key, REPLY, { author: requester, public: true });
    await h.waitForIdle();
    view = unwrap(
      await h.call<TicketExperienceView>(MODULE.agent, 'getTicketExperience', {}, agent, {
        issue: { id: t.id, key: t.key },
      }),
    );
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('scores the words above a quoted e-mail reply, not the quoted thread', () => {
    // Without preparation the quoted praise wins: the comment would read positive.
    const stored = h.site.raw.comments(issueId).find((c) => c.author === h.users.customers[0]);
    const raw = createSentimentScorer().score(adfToText(stored?.body));
    expect(raw).toMatchObject({ kind: 'scored' });
    expect(raw.kind === 'scored' && raw.s).toBeGreaterThanOrEqual(0.05);

    expect(view.moodLabel).toBe('negative');
    const entry = view.timeline.find((e) => e.kind === 'comment-sentiment');
    expect(entry?.detail).toBe('Still broken for me.');
  });

  it('stores why the comment reads frustrated, in words, for the agent panel', () => {
    // The stored ticket record carries the reason with the comment's score (frustrationReasons).
    expect(storageSnapshot(h)).toContain('says it is still not working');
  });
});
