/**
 * Finds user-facing words written straight into UI code instead of taken from the message files:
 * JSX text, string literals inside JSX, the user-facing attributes (aria-label, title, label,
 * placeholder, alt, …) given a literal, sentence-like literals anywhere in a file, template
 * literals that put words around their placeholders (`${n} of ${total}`), and object literals
 * that give a user-facing property (label, title, message, …) a literal. Parsed with the
 * TypeScript compiler, so comments and type names never count.
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
/** Object-literal properties whose value a person reads (`{ label: 'Send' }`, `{ title: `…` }`). */
const USER_FACING_PROPERTIES = new Set([
  ...USER_FACING_ATTRIBUTES,
  'ariaLabel',
  'text',
  'message',
  'heading',
  'caption',
  'tooltip',
  'hint',
  'help',
  'summary',
  'body',
]);
const LETTER = /\p{L}/u;
// A message key or a code ("projectPage.atRisk.col.ticket", "low-score", "csat5"): not words.
const KEY_OR_CODE = /^[\p{Ll}\d][\p{L}\d_-]*(\.[\p{L}\d_-]+)*$/u;
// A word among words in a template's own text: two letters or more between spaces or the ends
// ("${n} of ${total}", "Showing ${n}"), never a class name, key, path or unit ("sentio-${x}", "${x}px").
const TEMPLATE_WORD = /(?:^|\s)\p{L}{2,}(?=\s|$)/u;
// What stands for a placeholder when a template's text is read: neither a space nor a letter.
const PLACEHOLDER = '\u0000';
// A phrase a person reads: two or more words, the first capitalised ("Send it", "Not found").
const SENTENCE = /^[\p{Lu}][\p{Ll}'’]*(\s+[\p{L}'’,.:;!?()-]+)+[.!?:]?$/u;

export interface LiteralFinding {
  readonly line: number;
  readonly text: string;
  readonly where: 'jsx-text' | 'jsx-expression' | 'attribute' | 'sentence' | 'template' | 'property';
}

/** Inside a `style={{ … }}` attribute: CSS values (`1px solid ${colour}`), never words. */
function inStyle(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n !== undefined; n = n.parent) {
    if (ts.isJsxAttribute(n)) return ts.isIdentifier(n.name) && n.name.text === 'style';
    if (ts.isFunctionLike(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

/** `{ label: … }`: a property of an object literal whose value a person reads. */
function isUserFacingProperty(node: ts.Node): boolean {
  if (!ts.isPropertyAssignment(node) || !ts.isObjectLiteralExpression(node.parent)) return false;
  const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
  return name !== undefined && USER_FACING_PROPERTIES.has(name);
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
    } else if (ts.isTemplateExpression(node) && !inStyle(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(PLACEHOLDER);
      if (TEMPLATE_WORD.test(text)) add(node, node.getText(file), 'template');
      else if (isUserFacingProperty(node.parent) && LETTER.test(text)) add(node, node.getText(file), 'property');
    } else if (
      ts.isStringLiteralLike(node) &&
      isUserFacingProperty(node.parent) &&
      LETTER.test(node.text) &&
      !KEY_OR_CODE.test(node.text)
    ) {
      add(node, node.text, 'property');
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
