/**
 * Atlassian Document Format → plain text, for scoring. The body is untrusted input, so each node is
 * checked on its own and anything unexpected is skipped rather than thrown on.
 * Quotes (blockquote), code and links are dropped: they are not the requester's own words.
 * ADF reference: https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */
import { headLines, MAX_COMMENT_CHARS, MAX_COMMENT_LINES } from './prepare-comment.js';

export interface AdfNode {
  readonly type: string;
  readonly text?: string;
  readonly content?: readonly unknown[];
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly marks?: readonly { readonly type: string }[];
}

// A hand-written guard rather than a zod schema: this module sits on the scorer's cold-start path,
// and bundling zod there tripled the cold load (39 → 99 ms measured by eval:sentiment).
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseNode(value: unknown): AdfNode | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') return undefined;
  const { type, text, content, attrs, marks } = value;
  return {
    type,
    text: typeof text === 'string' ? text : undefined,
    content: Array.isArray(content) ? content : undefined,
    attrs: isRecord(attrs) ? attrs : undefined,
    marks: Array.isArray(marks)
      ? marks.filter((m): m is { type: string } => isRecord(m) && typeof m.type === 'string')
      : undefined,
  };
}

const SKIPPED = new Set([
  'codeBlock',
  'blockquote',
  'inlineCard',
  'blockCard',
  'embedCard',
  'media',
  'mediaSingle',
  'mediaGroup',
  'mediaInline',
  'extension',
  'bodiedExtension',
  'inlineExtension',
]);
const BLOCKS = new Set([
  'paragraph',
  'heading',
  'listItem',
  'tableCell',
  'tableHeader',
  'tableRow',
  'panel',
  'decisionItem',
  'taskItem',
  'expand',
  'nestedExpand',
  'rule',
]);
// Bounds against hostile or accidental huge documents.
const MAX_DEPTH = 64;
const MAX_NODES = 20_000;

function attrText(attrs: Readonly<Record<string, unknown>> | undefined, key: string): string {
  const v = attrs?.[key];
  return typeof v === 'string' ? v : '';
}

/** Removes spaces and tabs at both ends of one line: a loop, no backtracking regex. */
function trimSpacesAndTabs(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start += 1;
  while (end > start && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end -= 1;
  return line.slice(start, end);
}

export function adfToText(adf: unknown): string {
  if (typeof adf === 'string') return adf.length > MAX_COMMENT_CHARS ? adf.slice(0, MAX_COMMENT_CHARS) : adf;
  const out: string[] = [];
  let visited = 0;
  // Text past a Jira comment's length is never read (prepareComment caps there too); stop collecting.
  let length = 0;
  let breaks = 0;
  const push = (text: string): void => {
    if (length >= MAX_COMMENT_CHARS || breaks > MAX_COMMENT_LINES) return;
    if (text === '\n') breaks += 1;
    const part = text.length > MAX_COMMENT_CHARS - length ? text.slice(0, MAX_COMMENT_CHARS - length) : text;
    out.push(part);
    length += part.length;
  };

  const walk = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || visited >= MAX_NODES) return;
    visited += 1;
    const node = parseNode(value);
    if (!node) return;
    if (SKIPPED.has(node.type)) return;
    switch (node.type) {
      case 'text':
        if (!node.marks?.some((m) => m.type === 'code')) push(node.text ?? '');
        return;
      case 'hardBreak':
        push('\n');
        return;
      case 'emoji':
        // The emoji character itself when present (attrs.text), else nothing: ":smile:" names are not words.
        push(attrText(node.attrs, 'text'));
        return;
      case 'mention':
        return;
      case 'status':
      case 'date':
        return;
      default:
        break;
    }
    for (const child of node.content ?? []) walk(child, depth + 1);
    if (BLOCKS.has(node.type)) push('\n');
  };

  walk(adf, 0);
  // Nested blocks (a paragraph in a list item) each end a line; one line break is enough, and blanks
  // around it go. Line by line: a regex over the whole text backtracks on long runs of spaces.
  return headLines(out.join(''))
    .split('\n')
    .map(trimSpacesAndTabs)
    .filter((line) => line !== '')
    .join('\n')
    .trim();
}
