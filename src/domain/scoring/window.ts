import { addDays, dayStart, type DayKey } from '../time';
import type { XlaWindow } from '../xla';

/** Inclusive range of days. */
export interface DayRange {
  readonly from: DayKey;
  readonly to: DayKey;
}

function monthStart(day: DayKey): DayKey {
  return `${day.slice(0, 7)}-01`;
}

/** Rolling N days end today (today included); a calendar month runs from its 1st to today. */
export function currentWindow(window: XlaWindow, today: DayKey): DayRange {
  if (window.kind === 'rolling') return { from: addDays(today, 1 - window.days), to: today };
  return { from: monthStart(today), to: today };
}

/** The window just before: the N days before, or the whole previous calendar month. */
export function previousWindow(window: XlaWindow, today: DayKey): DayRange {
  if (window.kind === 'rolling') return { from: addDays(today, 1 - 2 * window.days), to: addDays(today, -window.days) };
  const lastOfPrevious = addDays(monthStart(today), -1);
  return { from: monthStart(lastOfPrevious), to: lastOfPrevious };
}

export function inRange(day: DayKey, range: DayRange): boolean {
  return day >= range.from && day <= range.to;
}

export function daysOf(range: DayRange): DayKey[] {
  const days: DayKey[] = [];
  const end = dayStart(range.to);
  for (let d = range.from; dayStart(d) <= end; d = addDays(d, 1)) days.push(d);
  return days;
}
