/** Milliseconds since the Unix epoch (UTC). Everything in the domain keeps time as this. */
export type EpochMs = number;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A UTC calendar day, `YYYY-MM-DD`: the unit of rollup buckets. */
export type DayKey = string;

export function dayKeyOf(at: EpochMs): DayKey {
  return new Date(at).toISOString().slice(0, 10);
}

export function dayStart(day: DayKey): EpochMs {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** Whole days from `day` to `today` (0 when the same day, negative when `day` is in the future). */
export function ageInDays(day: DayKey, today: DayKey): number {
  return Math.round((dayStart(today) - dayStart(day)) / DAY_MS);
}

export function addDays(day: DayKey, days: number): DayKey {
  return dayKeyOf(dayStart(day) + days * DAY_MS);
}
