// The local host's shape (issue 13): each part one file with one job, no function over about 80
// lines, no import circle (type-only imports count: they tie the files together just the same).
// Oracle: TypeScript's own parser over every file under local/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LOCAL = fileURLToPath(new URL('../../local', import.meta.url));
const MAX_FUNCTION_LINES = 85;

const files = readdirSync(LOCAL, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(LOCAL, f));
const sources = new Map(
  files.map((f) => [f, ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true)]),
);

/** Files under local/ that `file` imports (value or type), resolved from `./x.js` specifiers. */
function localImports(file: string): string[] {
  const src = sources.get(file);
  if (!src) return [];
  const out: string[] = [];
  for (const statement of src.statements) {
    const spec =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
    if (!spec?.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
    if (sources.has(target)) out.push(target);
  }
  return out;
}

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of localImports(f)) {
      if (state.get(g) === 'open') found.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found.map((c) => c.map((f) => path.relative(LOCAL, f)));
}

function longFunctions(): string[] {
  const out: string[] = [];
  for (const [file, src] of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n) && 'body' in n && n.body !== undefined) {
        const start = src.getLineAndCharacterOfPosition(n.getStart()).line;
        const end = src.getLineAndCharacterOfPosition(n.getEnd()).line;
        if (end - start + 1 > MAX_FUNCTION_LINES)
          out.push(`${path.relative(LOCAL, file)}:${start + 1} (${end - start + 1} lines)`);
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return out;
}

describe('local/ structure', () => {
  it('has no import circle', () => {
    expect(cycles()).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(longFunctions()).toEqual([]);
  });

  it('finds the circle and the long function it is meant to find', () => {
    // The checks themselves, on two made-up files: a → b → a, and one 100-line function.
    const a = path.join(LOCAL, '__a.ts');
    const b = path.join(LOCAL, '__b.ts');
    sources.set(a, ts.createSourceFile(a, "import type { B } from './__b.js';", ts.ScriptTarget.Latest, true));
    const body = `export function long() {\n${'  void 0;\n'.repeat(100)}}\nimport { a } from './__a.js';`;
    sources.set(b, ts.createSourceFile(b, body, ts.ScriptTarget.Latest, true));
    files.push(a, b);
    try {
      expect(cycles()).toContainEqual(['__a.ts', '__b.ts', '__a.ts']);
      expect(longFunctions().some((l) => l.startsWith('__b.ts:1'))).toBe(true);
    } finally {
      files.splice(files.indexOf(a), 2);
      sources.delete(a);
      sources.delete(b);
    }
  });
});
