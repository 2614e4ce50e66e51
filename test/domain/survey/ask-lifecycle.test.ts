import { describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/domain/ask';
import { dueForExpiry, dueForReminder, expire, isOpen, markReminded, withdraw } from '../../../src/domain/survey';
import { anOpenPlan, events, hours, onEvent, run, T0 } from './builders';

function anAsk(): Ask {
  const plan = anOpenPlan(
    { kind: 'created' },
    { fatigue: { expiryHours: 72, reminder: { enabled: true, afterHours: 24 } } },
  );
  const ask = run({ trigger: onEvent(events.created()), plans: [plan], now: T0 }).ask;
  if (!ask) throw new Error('expected an ask');
  return ask;
}

describe('expiry', () => {
  const ask = anAsk();

  it('is not due one millisecond before expiresAt', () => {
    expect(dueForExpiry(ask, T0 + hours(72) - 1)).toBe(false);
  });

  it('is due at expiresAt', () => {
    expect(dueForExpiry(ask, T0 + hours(72))).toBe(true);
  });

  it('is never due for an answered ask', () => {
    expect(dueForExpiry({ ...ask, status: 'answered' }, T0 + hours(100))).toBe(false);
  });

  it('marks a due ask expired', () => {
    const result = expire(ask, T0 + hours(72));
    expect(result).toEqual({ ok: true, ask: { ...ask, status: 'expired' } });
  });

  it('refuses with "not-due" before expiry', () => {
    expect(expire(ask, T0 + hours(1))).toMatchObject({ ok: false, code: 'not-due' });
  });

  it('refuses with "ask-expired" when it expired already', () => {
    expect(expire({ ...ask, status: 'expired' }, T0 + hours(80))).toMatchObject({ ok: false, code: 'ask-expired' });
  });

  it('keeps an answered ask open for edits until expiry', () => {
    const answered: Ask = { ...ask, status: 'answered' };
    expect(isOpen(answered, T0 + hours(71))).toBe(true);
    expect(isOpen(answered, T0 + hours(72))).toBe(false);
  });
});

describe('the one reminder', () => {
  const ask = anAsk();

  it('is not due before reminderDueAt', () => {
    expect(dueForReminder(ask, T0 + hours(23))).toBe(false);
  });

  it('is due from reminderDueAt while the ask is pending', () => {
    expect(dueForReminder(ask, T0 + hours(24))).toBe(true);
  });

  it('is not due once the ask has expired', () => {
    expect(dueForReminder(ask, T0 + hours(72))).toBe(false);
  });

  it('is not due once the requester answered', () => {
    expect(dueForReminder({ ...ask, status: 'answered' }, T0 + hours(30))).toBe(false);
  });

  it('is not due when the plan had no reminder', () => {
    expect(dueForReminder({ ...ask, reminderDueAt: null }, T0 + hours(30))).toBe(false);
  });

  it('is sent at most once', () => {
    const reminded = markReminded(ask, T0 + hours(25));
    expect(reminded).toEqual({ ok: true, ask: { ...ask, remindedAt: T0 + hours(25) } });
    if (!reminded.ok) return;
    expect(dueForReminder(reminded.ask, T0 + hours(30))).toBe(false);
    expect(markReminded(reminded.ask, T0 + hours(30))).toMatchObject({ ok: false, code: 'already-reminded' });
  });

  it('refuses with "not-due" before reminderDueAt', () => {
    expect(markReminded(ask, T0 + hours(2))).toMatchObject({ ok: false, code: 'not-due' });
  });

  it('refuses with "ask-not-pending" after an answer', () => {
    expect(markReminded({ ...ask, status: 'answered' }, T0 + hours(30))).toMatchObject({
      ok: false,
      code: 'ask-not-pending',
    });
  });
});

describe('withdrawing', () => {
  const ask = anAsk();

  it('withdraws a pending ask', () => {
    expect(withdraw(ask)).toEqual({ ok: true, ask: { ...ask, status: 'withdrawn' } });
  });

  it('refuses with "ask-withdrawn" twice', () => {
    expect(withdraw({ ...ask, status: 'withdrawn' })).toMatchObject({ ok: false, code: 'ask-withdrawn' });
  });
});
