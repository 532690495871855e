import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

// The layout every module keeps (docs/architecture.md, "How to add a module"), checked over the source files of
// apps/api/src: what imports what, where SQL is built, and how large files and functions grow. Tests, seeds and the
// generated migrations are left out of the size rules; tests may import whatever they exercise.

const sourceRoot = import.meta.dirname;
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
// Modules written before the template, not yet on it: they may build SQL outside a repository. A new module is not
// listed here, so the rule holds for it from its first file.
const modulesBeforeTheTemplate = new Set(['audit', 'auth', 'calendar', 'files', 'health', 'notifications', 'organizations', 'users', 'workflows']);

interface SourceFile {
  /** Relative to apps/api/src, with forward slashes. */
  file: string;
  text: string;
  ast: ts.SourceFile;
}

function sourceFiles(): SourceFile[] {
  return (fs.readdirSync(sourceRoot, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => {
      const text = fs.readFileSync(path.join(sourceRoot, file), 'utf8');
      return { file, text, ast: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true) };
    });
}

const files = sourceFiles();
const isTest = (file: string) => file.endsWith('.test.ts');
const production = files.filter((source) => !isTest(source.file));

/** Every import or re-export of a file: the specifier, the file it resolves to (relative ones), whether type-only. */
function importsOf(source: SourceFile) {
  const found: { specifier: string; target: string | null; typeOnly: boolean }[] = [];
  for (const statement of source.ast.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
    const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
    const typeOnly = ts.isImportDeclaration(statement)
      ? Boolean(statement.importClause?.isTypeOnly) ||
        Boolean(statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings) && !statement.importClause.name && statement.importClause.namedBindings.elements.every((element) => element.isTypeOnly))
      : statement.isTypeOnly;
    const target = specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(source.file), specifier)) : null;
    found.push({ specifier, target, typeOnly });
  }
  return found;
}

const layerOf = (file: string) => file.split('/')[0];
const moduleOf = (file: string) => (file.startsWith('modules/') ? file.split('/')[1] : null);

describe('architecture', () => {
  it('keeps platform/ below the modules: no platform file imports a module or the composition root', () => {
    // config.ts (the environment, read once) and version.ts are leaves every layer may read; they import nothing else.
    const leaves = new Set(['config.ts', 'version.ts']);
    const upward = production
      .filter((source) => layerOf(source.file) === 'platform')
      .flatMap((source) =>
        importsOf(source)
          .filter((entry) => entry.target && layerOf(entry.target) !== 'platform' && !leaves.has(entry.target))
          .map((entry) => `${source.file} → ${entry.specifier}`),
      );
    assert.deepEqual(upward, []);
    const leafImports = production.filter((source) => leaves.has(source.file)).flatMap((source) => importsOf(source).filter((entry) => entry.target).map((entry) => `${source.file} → ${entry.specifier}`));
    assert.deepEqual(leafImports, []);
  });

  it('lets a module use another only through its index.ts (table files may share enums)', () => {
    const crossings = production.flatMap((source) => {
      const own = moduleOf(source.file);
      if (!own) return [];
      return importsOf(source)
        .filter((entry) => entry.target && moduleOf(entry.target) && moduleOf(entry.target) !== own)
        .filter((entry) => !entry.target!.endsWith('/index.ts'))
        .filter((entry) => !(source.file.endsWith('.table.ts') && entry.target!.endsWith('.table.ts')))
        .map((entry) => `${source.file} → ${entry.specifier}`);
    });
    assert.deepEqual(crossings, []);
  });

  it('builds SQL only in repository and table files of the modules on the template', () => {
    const outside = production.flatMap((source) => {
      const module = moduleOf(source.file);
      if (!module || modulesBeforeTheTemplate.has(module) || /\.(repository|table)\.ts$/.test(source.file)) return [];
      return importsOf(source)
        .filter((entry) => !entry.typeOnly && (entry.specifier === 'drizzle-orm' || entry.specifier.startsWith('drizzle-orm/')))
        .map((entry) => `${source.file} imports ${entry.specifier}`);
    });
    assert.deepEqual(outside, []);
  });

  it('gives every module an index.ts that defines it', () => {
    const modules = fs.readdirSync(path.join(sourceRoot, 'modules'));
    const missing = modules.filter((module) => {
      const index = path.join(sourceRoot, 'modules', module, 'index.ts');
      return !fs.existsSync(index) || !fs.readFileSync(index, 'utf8').includes('defineModule(');
    });
    assert.deepEqual(missing, []);
  });

  it(`keeps source files under ${MAX_FILE_LINES} lines`, () => {
    const large = production
      .filter((source) => !source.file.startsWith('seed/'))
      .map((source) => ({ file: source.file, lines: source.text.split('\n').length }))
      .filter((entry) => entry.lines > MAX_FILE_LINES)
      .map((entry) => `${entry.file}: ${entry.lines} lines`);
    assert.deepEqual(large, []);
  });

  it(`keeps functions under ${MAX_FUNCTION_LINES} lines unless a comment above says why ("Long function: …")`, () => {
    // Whole lines, nested functions included: a factory of closures is one long function to a reader and to code
    // tools, however short its methods.
    const long: string[] = [];
    for (const source of production.filter((entry) => !entry.file.startsWith('seed/'))) {
      const lineOf = (position: number) => source.ast.getLineAndCharacterOfPosition(position).line;
      const visit = (node: ts.Node) => {
        if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
          const lines = lineOf(node.getEnd()) - lineOf(node.getStart()) + 1;
          const statement = ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) ? node : node.parent;
          const comments = ts.getLeadingCommentRanges(source.text, statement.getFullStart()) ?? [];
          const explained = comments.some((range) => /Long function:/.test(source.text.slice(range.pos, range.end)));
          if (lines > MAX_FUNCTION_LINES && !explained) long.push(`${source.file}:${lineOf(node.getStart()) + 1}: ${lines} lines`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source.ast);
    }
    assert.deepEqual(long, []);
  });
});
