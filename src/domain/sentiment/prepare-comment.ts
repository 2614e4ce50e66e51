/**
 * Reduces a comment to what the requester wrote in it: quoted e-mail replies, signatures, code and
 * links are removed (SCORING.md §4). Comments often arrive by e-mail through the JSM mail handler,
 * so the quoted thread and the signature would otherwise be scored as the requester's words.
 *
 * Linear in the input: the text is capped first, line-shaped rules (reply headers, quoted lines,
 * signatures) look at one short line at a time, and every regex left has bounded backtracking — a
 * comment is untrusted input and 100 KB of newlines must not stall the event handler.
 */

/** A Jira comment holds at most 32,767 characters; anything beyond is not the requester's reply. */
export const MAX_COMMENT_CHARS = 32_767;
/**
 * Lines read of one comment. Beyond a few thousand lines a comment is a pasted log, not mood, and
 * per-line arrays that long are costly to allocate (100 KB of bare newlines would make 32,767 lines).
 */
export const MAX_COMMENT_LINES = 2_000;

/** The text up to its `maxLines`-th line break (one indexOf scan, no split). */
export function headLines(text: string, maxLines: number = MAX_COMMENT_LINES): string {
  let at = -1;
  for (let n = 0; n < maxLines; n += 1) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at);
}
// Reply headers and sign-offs are short lines; longer lines are never tested against them.
const MAX_HEADER_LINE = 300;
const MAX_SIGN_OFF_LINE = 80;
// A "From:" header block names "Sent:"/"Date:" within this many following lines.
const FROM_BLOCK_LINES = 4;

// Reply headers, each tested against one line (or, for "On …", one line joined with the next).
const ON_WROTE = /^\s*on\b.{0,200}\bwrote:\s*$/i;
const ON_START = /^\s*on\b/i;
const WROTE_END = /\bwrote:\s*$/i;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(original message|forwarded message)\s*-{2,}/i;
const RULE_LINE = /^\s*_{10,}\s*$/;
const FROM_LINE = /^\s*from:\s./i;
const SENT_OR_DATE_LINE = /^\s*(sent|date):\s/i;
const FOREIGN_WROTE = /^\s*(le|am|el)\s.{0,120}\s(a écrit|schrieb|escribió)\s*:?\s*$/i;

// A sign-off line ("Kind regards,") followed only by a few short lines (name, title, phone).
const SIGN_OFF =
  /^\s*(best|kind|warm|many|with)?\s*(regards|wishes|thanks|thank you|cheers|sincerely|br|rgds|thx|yours)( again| in advance| truly)?\s*[,.!]?\s*$/i;
const SIG_DELIMITER = /^--\s*$/;
const SENT_FROM = /^\s*sent from my\b/i;
const SIGNATURE_MAX_LINES = 6;

/** Index of the first line of a quoted thread, or lines.length when there is none. */
function quotedThreadStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.length > MAX_HEADER_LINE || line.trim() === '') continue;
    if (ON_WROTE.test(line) || ORIGINAL_MESSAGE.test(line) || RULE_LINE.test(line) || FOREIGN_WROTE.test(line))
      return i;
    // "On Mon, 3 Mar 2025 at 10:02, Service Desk <help@example.com>\nwrote:" wraps over two lines.
    const next = lines[i + 1] ?? '';
    if (ON_START.test(line) && next.length <= MAX_HEADER_LINE && WROTE_END.test(next)) return i;
    if (FROM_LINE.test(line)) {
      // "Sent:"/"Date:" follows within FROM_BLOCK_LINES lines, or after them only blank lines. The
      // scan stops at the first line with text past that window, so it stays short.
      for (let k = i + 1; k < lines.length; k += 1) {
        const l = lines[k] ?? '';
        if (l.length <= MAX_HEADER_LINE && SENT_OR_DATE_LINE.test(l)) return i;
        if (k - i > FROM_BLOCK_LINES - 1 && l.trim() !== '') break;
      }
    }
  }
  return lines.length;
}

/** Lines up to a signature: a "-- " delimiter, or a sign-off followed only by a few short lines. */
function withoutSignature(lines: readonly string[]): string[] {
  // From the end: how many non-empty lines follow each line, and whether all of them are short.
  const n = lines.length;
  const nonEmptyAfter = new Array<number>(n).fill(0);
  const shortAfter = new Array<boolean>(n).fill(true);
  for (let i = n - 2; i >= 0; i -= 1) {
    const next = (lines[i + 1] ?? '').trim();
    nonEmptyAfter[i] = (nonEmptyAfter[i + 1] ?? 0) + (next === '' ? 0 : 1);
    shortAfter[i] = (shortAfter[i + 1] ?? true) && next.length <= MAX_SIGN_OFF_LINE;
  }
  for (let i = 0; i < n; i += 1) {
    const line = lines[i] ?? '';
    if (line.length > MAX_SIGN_OFF_LINE) continue;
    if (SIG_DELIMITER.test(line)) return lines.slice(0, i);
    // A sign-off only counts as one when something was said before it and little comes after it.
    if (i > 0 && (nonEmptyAfter[i] ?? 0) <= SIGNATURE_MAX_LINES && shortAfter[i] === true && SIGN_OFF.test(line))
      return lines.slice(0, i);
  }
  return [...lines];
}

/** "user@example.com", "@jane": a whitespace-separated chunk that is an address or a mention. */
const EMAIL = /^[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}$/;
const EMAIL_IN_CHUNK = /[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}/g;
const MENTION = /^@[\w.-]+/;
const MAX_ADDRESS_CHUNK = 320;

function withoutAddresses(text: string): string {
  // Chunk by chunk, so the address patterns only ever see one short chunk (no scan across the text).
  return text
    .split(/(\s+)/)
    .map((chunk) => {
      if (!chunk.includes('@')) return chunk;
      if (chunk.length > MAX_ADDRESS_CHUNK) return ' ';
      if (EMAIL.test(chunk)) return ' ';
      return chunk.replace(EMAIL_IN_CHUNK, ' ').replace(MENTION, '');
    })
    .join('');
}

export function prepareComment(input: string): string {
  let t = input.length > MAX_COMMENT_CHARS ? input.slice(0, MAX_COMMENT_CHARS) : input;
  // Each pass runs only when the text holds the character it needs (most comments are one plain
  // paragraph, so this skips most of the passes without changing any result).
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  t = headLines(t);
  // Code: Markdown fences, Jira wiki {code}/{noformat} blocks, inline backticks. An unclosed block
  // runs to the end, so each match consumes what it scanned.
  if (t.includes('`')) t = t.replace(/```[\s\S]*?(?:```|$)/g, ' ');
  if (t.includes('{')) t = t.replace(/\{(code|noformat)[^}\n]{0,200}\}[\s\S]*?(?:\{\1\}|$)/gi, ' ');
  if (t.includes('`')) t = t.replace(/`[^`\n]*`/g, ' ');
  // Everything from a reply header on is the quoted thread.
  const all = t.split('\n');
  const start = quotedThreadStart(all);
  if (start < all.length) t = all.slice(0, start).join('\n');
  // Quoted lines of a reply ("> ...") and Jira {quote} blocks.
  if (t.includes('{')) t = t.replace(/\{quote\}[\s\S]*?(?:\{quote\}|$)/gi, ' ');
  let lines = t.split('\n');
  if (t.includes('>')) lines = lines.filter((l) => !/^\s*>/.test(l));
  lines = withoutSignature(lines.map((l) => (l.length <= MAX_HEADER_LINE && SENT_FROM.test(l) ? '' : l)));
  t = lines.join('\n');
  // Links, e-mail addresses, @mentions and Jira account mentions carry no mood.
  if (t.includes('[~')) t = t.replace(/\[~[^\]\s]{0,128}\]/g, ' ');
  if (t.includes('/') || t.includes('.')) t = t.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  if (t.includes('@')) t = withoutAddresses(t);
  // HTML entities that e-mail bodies bring along.
  if (t.includes('&'))
    t = t
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  if (t.includes('  ') || t.includes('\t')) t = t.replace(/[ \t]+/g, ' ');
  if (t.includes('\n')) t = t.replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n');
  return t.trim();
}
