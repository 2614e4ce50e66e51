// The site's clock. Seeding runs it in the past so events carry the timestamps real Jira would have sent.
import { hostNow } from '../runtime.js';

export interface Clock {
  now(): number;
}

export class SiteClock implements Clock {
  private offset = 0;
  private fixed: number | undefined;

  constructor(start?: number) {
    if (start !== undefined) this.fixed = start;
  }

  now(): number {
    return this.fixed ?? hostNow() + this.offset;
  }

  /** Freezes time at `ms` (simulation). */
  set(ms: number): void {
    this.fixed = ms;
  }

  advance(ms: number): void {
    if (this.fixed !== undefined) this.fixed += ms;
    else this.offset += ms;
  }

  /** Back to wall-clock time. */
  release(): void {
    this.fixed = undefined;
    this.offset = 0;
  }

  get simulated(): boolean {
    return this.fixed !== undefined;
  }

  /** True while the site runs on the system clock (neither frozen nor shifted). */
  get isSystem(): boolean {
    return this.fixed === undefined && this.offset === 0;
  }
}

/** Jira's timestamp format: `2021-01-20T15:58:12.797+0000`. */
export function jiraDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** servicedeskapi `DateDTO`. */
export function sdDate(ms: number): { iso8601: string; jira: string; friendly: string; epochMillis: number } {
  const d = new Date(ms);
  const friendly = `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
  return {
    iso8601: jiraDate(ms)
      .replace('.000', '')
      .replace(/\.\d{3}/, ''),
    jira: jiraDate(ms),
    friendly,
    epochMillis: ms,
  };
}

export function friendlyDuration(ms: number): string {
  const neg = ms < 0;
  const total = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${neg ? '-' : ''}${h}h ${m}m`;
}
