import type { EpochMs } from '../time';

// Jira writes offsets without a colon ("2021-01-20T15:58:12.797+1100"), which ECMAScript's date
// format does not cover, so we insert it instead of relying on an engine's lenient fallback parser.
const JIRA_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms of a Jira timestamp, or null when it is missing or not one. */
export function parseJiraTime(value: string | null | undefined): EpochMs | null {
  if (value === null || value === undefined) return null;
  const match = JIRA_TIME.exec(value.trim());
  if (match === null) return null;
  const local = match[1] ?? '';
  const zone = match[2] ?? 'Z';
  const offset = zone === 'Z' ? zone : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const at = Date.parse(`${local}${offset}`);
  return Number.isNaN(at) ? null : at;
}
