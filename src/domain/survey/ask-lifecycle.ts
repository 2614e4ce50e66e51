import type { Ask } from '../ask';
import type { EpochMs } from '../time';
import type { AskRefusalCode } from './reasons';

/** The outcome of changing an ask: expected refusals are values, not exceptions. */
export type AskResult =
  | { readonly ok: true; readonly ask: Ask }
  | { readonly ok: false; readonly code: AskRefusalCode; readonly message: string };

export function refused(code: AskRefusalCode, message: string): AskResult {
  return { ok: false, code, message };
}

/** Answers stay editable until expiry, so an answered ask is open too (SCORING uses the last answer). */
export function isOpen(ask: Ask, now: EpochMs): boolean {
  return (ask.status === 'pending' || ask.status === 'answered') && now < ask.expiresAt;
}

/** A pending ask nobody answered before its expiry: the hourly job marks it expired. */
export function dueForExpiry(ask: Ask, now: EpochMs): boolean {
  return ask.status === 'pending' && now >= ask.expiresAt;
}

/** At most one reminder, only while the ask is still pending and not yet expired. */
export function dueForReminder(ask: Ask, now: EpochMs): boolean {
  return (
    ask.status === 'pending' &&
    ask.reminderDueAt !== null &&
    ask.remindedAt === null &&
    now >= ask.reminderDueAt &&
    now < ask.expiresAt
  );
}

function notPending(ask: Ask): AskResult {
  if (ask.status === 'expired') return refused('ask-expired', 'the ask has already expired');
  if (ask.status === 'withdrawn') return refused('ask-withdrawn', 'the ask was withdrawn');
  return refused('ask-not-pending', 'the ask was already answered');
}

export function expire(ask: Ask, now: EpochMs): AskResult {
  if (ask.status !== 'pending') return notPending(ask);
  if (!dueForExpiry(ask, now)) return refused('not-due', 'the ask has not reached its expiry yet');
  return { ok: true, ask: { ...ask, status: 'expired' } };
}

export function markReminded(ask: Ask, now: EpochMs): AskResult {
  if (ask.status !== 'pending') return notPending(ask);
  if (ask.remindedAt !== null) return refused('already-reminded', 'the requester was already reminded once');
  if (!dueForReminder(ask, now)) return refused('not-due', 'no reminder is due for this ask now');
  return { ok: true, ask: { ...ask, remindedAt: now } };
}

/** Takes a pending ask back (a newer ask replaces it, or the ticket is gone). */
export function withdraw(ask: Ask): AskResult {
  if (ask.status !== 'pending') return notPending(ask);
  return { ok: true, ask: { ...ask, status: 'withdrawn' } };
}
