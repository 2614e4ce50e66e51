/** The hourly job against fakes: time-based asks once, expiry, one reminder, owed comments. */
import { describe, expect, it } from 'vitest';
import { deliverTicketChange } from '../../../src/app/delivery/deliver-ticket-change';
import { runHourlyTick as runWith } from '../../../src/app/lifecycle/run-hourly-tick';
import type { AppPorts } from '../../../src/app/ports';
import { summaryOf } from '../../../src/app/tickets/ticket-record';
import { HOUR_MS } from '../../../src/domain/time';
import { anOpenPlan, aPlan } from '../../domain/survey/builders';
import { aPendingAsk, aTicketRecord, NOW } from '../builders';
import { fakeWorld } from '../fakes/ports';

/** The hourly job as the scheduled trigger runs it: post-commit delivery through the delivery use case. */
const runHourlyTick = (ports: AppPorts) => runWith(ports, (delivery) => deliverTicketChange(ports, delivery));

const byComment = aPlan({ id: 'by-comment', waypoint: { kind: 'created' }, delivery: { publicComment: true } });

function worldWithPendingAsk(extra: { undelivered?: boolean } = {}) {
  const w = fakeWorld({ version: 1, xlas: [], plans: [byComment] });
  const ask = aPendingAsk();
  w.tickets.set('10001', {
    value: { ...aTicketRecord(), asks: [summaryOf(ask)], undelivered: extra.undelivered === true ? [ask.id] : [] },
    rev: 1,
  });
  w.asks.set(ask.id, { ask, usedNonces: [], rev: 1 });
  return { w, ask };
}

describe('the hourly job', () => {
  it.each([
    ['idle', { kind: 'idle' as const, hours: 4 }],
    ['long-running', { kind: 'long-running' as const, hours: 4 }],
  ])('creates the %s ask once, however many runs see the ticket', async (_name, waypoint) => {
    const plan = anOpenPlan(waypoint);
    const w = fakeWorld({ version: 1, xlas: [], plans: [plan] });
    w.tickets.set('10001', { value: aTicketRecord(), rev: 1 });
    w.now = NOW + 3 * HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ asked: 0 });
    w.now = NOW + 5 * HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ asked: 1 });
    w.now = NOW + 6 * HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ asked: 0 });
    const asks = [...w.asks.values()].map((a) => a.ask);
    expect(asks.map((a) => [a.planId, a.waypoint, a.status, a.createdAt])).toEqual([
      [plan.id, waypoint.kind, 'pending', NOW + 5 * HOUR_MS],
    ]);
    expect(w.tickets.get('10001')?.value.asks.map((a) => a.id)).toEqual([asks[0]?.id]);
  });

  it('does not ask on a closed ticket', async () => {
    const w = fakeWorld({ version: 1, xlas: [], plans: [anOpenPlan({ kind: 'idle', hours: 4 })] });
    w.tickets.set('10001', { value: { ...aTicketRecord(), open: false }, rev: 1 });
    w.now = NOW + 5 * HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ asked: 0 });
    expect(w.asks.size).toBe(0);
  });

  it('sends exactly one reminder, as a public comment with fresh links, in the requester’s words', async () => {
    const { w, ask } = worldWithPendingAsk();
    const reminderAt = ask.reminderDueAt ?? 0;
    expect(reminderAt).toBeGreaterThan(NOW);
    w.now = reminderAt + HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ reminded: 1, expired: 0 });
    w.now += HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ reminded: 0, expired: 0 });
    // The English message file's surveyComment.reminder around surveyComment.text.
    expect(w.comments.map((c) => [c.issueKey, c.text, c.links?.length])).toEqual([
      ['IT-1', `Reminder: ${ask.question.text} (one click records your answer; you can change it in the portal)`, 5],
    ]);
    expect(w.asks.get(ask.id)?.ask).toMatchObject({ status: 'pending', remindedAt: reminderAt + HOUR_MS });
  });

  it('expires a pending ask past its expiry, once, and updates the ticket summary', async () => {
    const { w, ask } = worldWithPendingAsk();
    w.now = ask.expiresAt + HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ expired: 1, reminded: 0 });
    expect(await runHourlyTick(w.ports)).toMatchObject({ expired: 0 });
    expect(w.asks.get(ask.id)?.ask.status).toBe('expired');
    expect(w.tickets.get('10001')?.value.asks.map((a) => [a.id, a.status])).toEqual([[ask.id, 'expired']]);
    // An expired ask is never reminded.
    expect(w.comments).toEqual([]);
  });

  it('sends a survey comment still owed from a failed delivery, once', async () => {
    const { w, ask } = worldWithPendingAsk({ undelivered: true });
    w.now = NOW + HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ delivered: 1, reminded: 0, expired: 0 });
    expect(await runHourlyTick(w.ports)).toMatchObject({ delivered: 0 });
    expect(w.comments.map((c) => c.issueKey)).toEqual(['IT-1']);
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([]);
    expect(w.asks.get(ask.id)?.ask.status).toBe('pending');
  });

  it('pages through more due asks than one query returns', async () => {
    const w = fakeWorld({ version: 1, xlas: [], plans: [byComment] });
    w.pageSize = 2;
    for (let i = 0; i < 5; i++) {
      const id = String(20000 + i);
      const ask = { ...aPendingAsk(), id: `ask-${id}`, ticketId: id, issueKey: `IT-${id}` };
      const record = aTicketRecord();
      w.tickets.set(id, {
        value: {
          ...record,
          ticketId: id,
          experience: { ...record.experience, issueId: id, issueKey: `IT-${id}` },
          asks: [summaryOf(ask)],
        },
        rev: 1,
      });
      w.asks.set(ask.id, { ask, usedNonces: [], rev: 1 });
    }
    w.now = aPendingAsk().expiresAt + HOUR_MS;
    expect(await runHourlyTick(w.ports)).toMatchObject({ expired: 5 });
    expect([...w.asks.values()].map((a) => a.ask.status)).toEqual(Array(5).fill('expired'));
  });
});
