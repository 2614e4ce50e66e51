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
  let t = text.replace(/\r\n?/g, '\n');
  // Code: Markdown fences, Jira wiki {code}/{noformat} blocks, inline backticks.
  t = t.replace(/```[\s\S]*?(```|$)/g, ' ');
  t = t.replace(/\{(code|noformat)[^}]*\}[\s\S]*?(\{\1\}|$)/gi, ' ');
  t = t.replace(/`[^`\n]*`/g, ' ');
  t = cutAtFirst(t, QUOTE_HEADERS);
  // Quoted lines of a reply ("> ...") and Jira {quote} blocks.
  t = t.replace(/\{quote\}[\s\S]*?(\{quote\}|$)/gi, ' ');
  t = t.split('\n').filter((l) => !/^\s*>/.test(l)).join('\n');
  t = t.replace(SENT_FROM, '');
  t = stripSignature(t);
  // Links, e-mail addresses, @mentions and Jira account mentions carry no mood.
  t = t.replace(/\[~[^\]]*\]/g, ' ');
  t = t.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  t = t.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, ' ');
  t = t.replace(/(^|\s)@[\w.-]+/g, '$1');
  // HTML entities that e-mail bodies bring along.
  t = t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return t.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
