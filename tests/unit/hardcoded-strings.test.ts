// No word a person reads is written into a component (issue 16): every one comes from the
// message files (messages/<locale>.json, through lib/i18n), so the Korean edition is complete
// and a third language is one more file. This reads every component, page and layout with the
// TypeScript parser and lists any JSX text or user-facing attribute that holds letters.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const DIRS = ['components', 'app', 'pages'];
/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Letters of any script we write in: Latin or Hangul. Punctuation and arrows (·, →) are not words. */
const LETTERS = /[A-Za-z\uac00-\ud7a3]/;

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return files(rel);
    return e.name.endsWith('.tsx') ? [rel] : [];
  });
}

/** Hard-coded words in one file, as "file:line text". */
export function hardCodedStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1} ${JSON.stringify(value.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTERS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : null;
      if (literal && LETTERS.test(literal.text)) report(node, literal.text);
    }
    // A string literal as a JSX child: {'Close'}.
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const e = node.expression;
      if (e && ts.isStringLiteralLike(e) && LETTERS.test(e.text)) report(node, e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('hard-coded user-facing strings', () => {
  it('finds words written into JSX (so the check below means something)', () => {
    const sample = `export const A = () => <p aria-label="Map">Hello <b>{'there'}</b> · {t.ok}</p>;`;
    expect(hardCodedStrings('sample.tsx', sample)).toEqual(['sample.tsx:1 "Map"', 'sample.tsx:1 "Hello"', 'sample.tsx:1 "there"']);
    expect(hardCodedStrings('sample.tsx', `export const B = () => <p className="x">{t.ok} → {n}</p>;`)).toEqual([]);
  });

  it('finds none in components, pages or layouts', () => {
    const found = DIRS.flatMap(files).flatMap((f) => hardCodedStrings(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
