import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adfToText, MAX_COMMENT_CHARS, prepareComment } from '../../../src/domain/sentiment/index.js';
import { findIdioms } from '../../../src/domain/sentiment/idioms.js';
import { splitSentences } from '../../../src/domain/sentiment/tokens.js';

/**
 * The linear rewrites must read ordinary comments exactly as the regex versions they replace did.
 * Oracle: those earlier versions, kept here verbatim (they are correct, only slow on hostile input),
 * run on short generated comments where their backtracking costs nothing.
 */
const LEGACY_QUOTE_HEADERS: readonly RegExp[] = [
  /^\s*on\b[^\n]{0,200}(\n[^\n]{0,200})?\bwrote:\s*$/im,
  /^\s*-{2,}\s*(original message|forwarded message)\s*-{2,}/im,
  /^\s*_{10,}\s*$/m,
  /^\s*from:\s.+\n(.*\n){0,3}?\s*(sent|date):\s/im,
  /^\s*(le|am|el)\s.{0,120}\s(a écrit|schrieb|escribió)\s*:?\s*$/im,
];
const LEGACY_SIGN_OFF =
  /^\s*(best|kind|warm|many|with)?\s*(regards|wishes|thanks|thank you|cheers|sincerely|br|rgds|thx|yours)( again| in advance| truly)?\s*[,.!]?\s*$/i;

function legacyPrepareComment(text: string): string {
  let t = text.replace(/\r\n?/g, '\n');
  t = t.replace(/```[\s\S]*?(```|$)/g, ' ');
  t = t.replace(/\{(code|noformat)[^}]*\}[\s\S]*?(\{\1\}|$)/gi, ' ');
  t = t.replace(/`[^`\n]*`/g, ' ');
  let cut = t.length;
  for (const p of LEGACY_QUOTE_HEADERS) {
    const m = p.exec(t);
    if (m && m.index < cut) cut = m.index;
  }
  t = t.slice(0, cut);
  t = t.replace(/\{quote\}[\s\S]*?(\{quote\}|$)/gi, ' ');
  t = t
    .split('\n')
    .filter((l) => !/^\s*>/.test(l))
    .join('\n');
  t = t.replace(/^\s*sent from my\b.*$/gim, '');
  const lines = t.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (/^--\s*$/.test(line)) {
      t = lines.slice(0, i).join('\n');
      break;
    }
    if (i > 0 && LEGACY_SIGN_OFF.test(line)) {
      const rest = lines.slice(i + 1).filter((l) => l.trim() !== '');
      if (rest.length <= 6 && rest.every((l) => l.trim().length <= 80)) {
        t = lines.slice(0, i).join('\n');
        break;
      }
    }
  }
  t = t.replace(/\[~[^\]]*\]/g, ' ');
  t = t.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  t = t.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, ' ');
  t = t.replace(/(^|\s)@[\w.-]+/g, '$1');
  t = t
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  t = t.replace(/[ \t]+/g, ' ');
  t = t.replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n');
  return t.trim();
}

// Pieces of real e-mail replies and Jira comments, in any order.
const PIECES = [
  'Still broken for me.',
  'It works now, thanks!',
  'On Mon, 3 Mar 2025 at 10:02, Desk <help@example.com> wrote:',
  'On Mon, 3 Mar 2025 at 10:02, Desk',
  'wrote:',
  '> Great news, fixed!',
  '>> nested',
  'From: Agent <a@example.com>',
  'Sent: Monday',
  'Date: 1 May',
  'Subject: resolved',
  '-----Original Message-----',
  '---------- Forwarded message ---------',
  '______________',
  'Am Montag schrieb Hans:',
  'Kind regards,',
  'Thanks',
  'Jane Doe',
  '-- ',
  'Sent from my iPhone',
  '{code}great(){code}',
  '{noformat}x',
  '```\nlove\n```',
  '`nice`',
  '{quote}all good{quote}',
  '[~accountid:5b10a]',
  '@jane',
  'joy@happy.com',
  'https://status.example.com/x',
  'www.example.com',
  '&amp; &lt;b&gt;',
  'any update?',
  '  ',
  '\t',
];
const SEPARATORS = ['\n', '\n\n', '\r\n', ' ', '\n\n\n', '  \n '];

const comment = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 12 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

describe('prepareComment in linear time', () => {
  it('reads generated e-mail replies as the earlier regex version did', () => {
    fc.assert(
      fc.property(comment, (text) => {
        // Line breaks are compared as breaks: the scorer splits sentences at any run of them.
        const lines = (t: string): string => t.replace(/\n+/g, '\n');
        expect(lines(prepareComment(text))).toBe(lines(legacyPrepareComment(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('looks only at the first MAX_COMMENT_CHARS characters (a Jira comment holds no more)', () => {
    const head = 'x'.repeat(MAX_COMMENT_CHARS - 9);
    expect(prepareComment(`${head} broken. ${'y'.repeat(1000)}`)).toBe(`${head} broken.`);
  });

  it('keeps reading correctly on hostile input: 100 KB of newlines, quotes, digits', () => {
    expect(prepareComment('\n'.repeat(100_000))).toBe('');
    expect(prepareComment(`${'> '.repeat(50_000)}\nStill broken`)).toBe('');
    expect(prepareComment(`Still broken\n${'>'.repeat(100_000)}`)).toBe('Still broken');
    expect(prepareComment('7'.repeat(100_000))).toBe('7'.repeat(MAX_COMMENT_CHARS));
  });
});

const LEGACY_SENTENCE_BREAK = /(?<=[.!?…])\s+|\s*\n+\s*/;

describe('splitSentences in one pass', () => {
  it('splits as the earlier regex did: after end punctuation and at line breaks', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', '.', '!', '?', '…', ' ', '  ', '\n', '\t', '\r', '\u00a0', '\u2028', 'no'), {
        maxLength: 40,
      })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(splitSentences(t)).toEqual(t.split(LEGACY_SENTENCE_BREAK).filter((s) => s.trim() !== ''));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('findIdioms token positions', () => {
  it('gives each idiom the index of its first token (oracle: count the words before it)', () => {
    const words = fc.array(fc.constantFrom('piece', 'of', 'cake', 'the', 'last', 'straw', 'waste', 'time', 'x'), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(words, (ws) => {
        const normalized = ws.join(' ');
        for (const m of findIdioms(normalized, true)) {
          const phrase = ws.slice(m.start, m.start + m.length).join(' ');
          expect(['piece of cake', 'last straw', 'waste of time']).toContain(phrase);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('adfToText line clean-up in one pass', () => {
  const legacyTidy = (t: string): string =>
    t
      .replace(/[ \t]*\n[ \t]*/g, '\n')
      .replace(/\n{2,}/g, '\n')
      .trim();

  it('tidies blanks around line breaks as the earlier regex did', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b c', ' ', '\t', '\n', '\u00a0', '  \n\t'), { maxLength: 30 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const doc = {
          type: 'doc',
          version: 1,
          content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
        };
        expect(adfToText(doc)).toBe(legacyTidy(paragraphs.map((p) => `${p}\n`).join('')));
      }),
      { numRuns: 3000 },
    );
  });

  it('collects no more than MAX_COMMENT_CHARS characters of a huge document', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a'.repeat(100_000) }] }],
    };
    expect(adfToText(doc)).toHaveLength(MAX_COMMENT_CHARS);
  });
});
