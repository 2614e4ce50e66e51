/**
 * Finds user-facing words written straight into UI code instead of taken from the message files:
 * JSX text, string literals inside JSX, the user-facing attributes (aria-label, title, label,
 * placeholder, alt, …) given a literal, and sentence-like literals anywhere in a file. Parsed with
 * the TypeScript compiler, so comments and type names never count.
 */
import ts from 'typescript';

const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'label',
  'placeholder',
  'alt',
  'description',
  'submitLabel',
]);
const LETTER = /\p{L}/u;
// A phrase a person reads: two or more words, the first capitalised ("Send it", "Not found").
const SENTENCE = /^[\p{Lu}][\p{Ll}'’]*(\s+[\p{L}'’,.:;!?()-]+)+[.!?:]?$/u;

export interface LiteralFinding {
  readonly line: number;
  readonly text: string;
  readonly where: 'jsx-text' | 'jsx-expression' | 'attribute' | 'sentence';
}

export function findLiteralStrings(fileName: string, source: string): LiteralFinding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralFinding[] = [];
  const add = (node: ts.Node, text: string, where: LiteralFinding['where']) =>
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: text.trim(), where });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) add(node, node.text, 'jsx-text');
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      const init = node.initializer;
      const literal =
        init === undefined
          ? undefined
          : ts.isStringLiteral(init)
            ? init
            : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
              ? init.expression
              : undefined;
      if (literal && USER_FACING_ATTRIBUTES.has(name) && LETTER.test(literal.text))
        add(node, literal.text, 'attribute');
      // Other attributes (className, id, type, style keys) are code, not words.
      if (literal) return;
    } else if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression)) {
      if (LETTER.test(node.expression.text) && ts.isJsxElement(node.parent))
        add(node, node.expression.text, 'jsx-expression');
    } else if (ts.isStringLiteralLike(node) && SENTENCE.test(node.text)) {
      const parent = node.parent;
      const isImport =
        ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent);
      if (!isImport) add(node, node.text, 'sentence');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
