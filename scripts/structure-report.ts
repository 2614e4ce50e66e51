/**
 * Prints the shape of `src/`: files per folder, the longest functions, and the methods of every
 * port (an interface declared in a `ports.ts` file or a `ports/` folder of src/app).
 *
 *   npx tsx scripts/structure-report.ts [--top N]
 *
 * Function length is counted in source lines from the declaration's first line to its last (the
 * same count as ESLint's `max-lines-per-function` with blank lines and comments included), and a
 * closure's lines count towards the function that holds it too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const topArg = process.argv.indexOf('--top');
const TOP = topArg >= 0 ? Number(process.argv[topArg + 1]) : 10;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = filesUnder(SRC);
const rel = (p: string) => relative(ROOT, p).split(sep).join('/');

const perFolder = new Map<string, { files: number; lines: number }>();
for (const f of files) {
  const folder = rel(f).split('/').slice(0, -1).join('/');
  const row = perFolder.get(folder) ?? { files: 0, lines: 0 };
  row.files += 1;
  row.lines += readFileSync(f, 'utf8').split('\n').length - 1;
  perFolder.set(folder, row);
}

interface Fn {
  readonly name: string;
  readonly file: string;
  readonly lines: number;
}
const functions: Fn[] = [];
const ports: Array<{ readonly name: string; readonly file: string; readonly methods: number }> = [];

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const isPortFile = /src\/app\/(.*\/)?ports(\.ts|\/)/.test(rel(file));
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      functions.push({ name: nameOf(node), file: rel(file), lines: end - start + 1 });
    }
    if (isPortFile && ts.isInterfaceDeclaration(node)) {
      const methods = node.members.filter((m) => ts.isMethodSignature(m)).length;
      if (methods > 0) ports.push({ name: node.name.getText(), file: rel(file), methods });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

console.log(`Files per folder (src/, ${files.length} files)`);
for (const [folder, row] of [...perFolder.entries()].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(`  ${folder.padEnd(34)} ${String(row.files).padStart(3)} files ${String(row.lines).padStart(6)} lines`);

console.log(`\nLongest functions (top ${TOP})`);
for (const f of [...functions].sort((a, b) => b.lines - a.lines).slice(0, TOP))
  console.log(`  ${String(f.lines).padStart(4)}  ${f.name}  (${f.file})`);
console.log(`  functions over 80 lines: ${functions.filter((f) => f.lines > 80).length}`);

console.log('\nMethods per port');
for (const p of [...ports].sort((a, b) => b.methods - a.methods))
  console.log(`  ${String(p.methods).padStart(3)}  ${p.name}  (${p.file})`);
