// Atlassian Document Format: just enough to store comment bodies and show them as text.

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: AdfNode[];
}

export interface Adf extends AdfNode {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

export function adfFromText(text: string): Adf {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.length > 0);
  return {
    type: 'doc',
    version: 1,
    content: (paragraphs.length > 0 ? paragraphs : ['']).map((p) => ({
      type: 'paragraph',
      content: p.length > 0 ? [{ type: 'text', text: p }] : [],
    })),
  };
}

export function adfToText(node: AdfNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(adfToText).join('');
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem' ? `${inner}\n` : inner;
}

export function isAdf(v: unknown): v is Adf {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { type?: unknown }).type === 'doc' &&
    Array.isArray((v as { content?: unknown }).content)
  );
}
