/**
 * Reduces a comment to what the requester wrote in it: quoted e-mail replies, signatures, code and
 * links are removed (SCORING.md §4). Comments often arrive by e-mail through the JSM mail handler,
 * so the quoted thread and the signature would otherwise be scored as the requester's words.
 */

// Everything from a reply header on is the quoted thread.
const QUOTE_HEADERS: readonly RegExp[] = [
  /^\s*on\b[^\n]{0,200}(\n[^\n]{0,200})?\bwrote:\s*$/im,
  /^\s*-{2,}\s*(original message|forwarded message)\s*-{2,}/im,
  /^\s*_{10,}\s*$/m,
  /^\s*from:\s.+\n(.*\n){0,3}?\s*(sent|date):\s/im,
  /^\s*(le|am|el)\s.{0,120}\s(a écrit|schrieb|escribió)\s*:?\s*$/im,
];

// The one quote header that needs none of ":", "-", "_" ("Am Montag schrieb Hans").
const FOREIGN_WROTE = /a écrit|schrieb|escribió/i;

// A sign-off line ("Kind regards,") followed only by a few short lines (name, title, phone).
const SIGN_OFF =
  /^\s*(best|kind|warm|many|with)?\s*(regards|wishes|thanks|thank you|cheers|sincerely|br|rgds|thx|yours)( again| in advance| truly)?\s*[,.!]?\s*$/i;
const SIG_DELIMITER = /^--\s*$/;
const SENT_FROM = /^\s*sent from my\b.*$/gim;

function cutAtFirst(text: string, patterns: readonly RegExp[]): string {
  let cut = text.length;
  for (const p of patterns) {
    const m = p.exec(text);
    if (m && m.index < cut) cut = m.index;
  }
  return text.slice(0, cut);
}

function stripSignature(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (SIG_DELIMITER.test(line)) return lines.slice(0, i).join('\n');
    // A sign-off only counts as one when something was said before it and little comes after it.
    if (i > 0 && SIGN_OFF.test(line)) {
      const rest = lines.slice(i + 1).filter((l) => l.trim() !== '');
      if (rest.length <= 6 && rest.every((l) => l.trim().length <= 80)) return lines.slice(0, i).join('\n');
    }
  }
  return text;
}

export function prepareComment(text: string): string {
  // Each pass runs only when the text holds the character it needs (most comments are one plain
  // paragraph, so this skips most of the passes without changing any result).
  let t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  // Code: Markdown fences, Jira wiki {code}/{noformat} blocks, inline backticks.
  if (t.includes('`')) t = t.replace(/```[\s\S]*?(```|$)/g, ' ');
  if (t.includes('{')) t = t.replace(/\{(code|noformat)[^}]*\}[\s\S]*?(\{\1\}|$)/gi, ' ');
  if (t.includes('`')) t = t.replace(/`[^`\n]*`/g, ' ');
  if (t.includes(':') || t.includes('-') || t.includes('_') || FOREIGN_WROTE.test(t)) t = cutAtFirst(t, QUOTE_HEADERS);
  // Quoted lines of a reply ("> ...") and Jira {quote} blocks.
  if (t.includes('{')) t = t.replace(/\{quote\}[\s\S]*?(\{quote\}|$)/gi, ' ');
  if (t.includes('>'))
    t = t
      .split('\n')
      .filter((l) => !/^\s*>/.test(l))
      .join('\n');
  const hasNewline = t.includes('\n');
  if (hasNewline || /^\s*sent from my\b/i.test(t)) t = t.replace(SENT_FROM, '');
  if (hasNewline || t.startsWith('--')) t = stripSignature(t);
  // Links, e-mail addresses, @mentions and Jira account mentions carry no mood.
  if (t.includes('[~')) t = t.replace(/\[~[^\]]*\]/g, ' ');
  if (t.includes('/') || t.includes('.')) t = t.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  if (t.includes('@')) {
    t = t.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, ' ');
    t = t.replace(/(^|\s)@[\w.-]+/g, '$1');
  }
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
