import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const DIST = join(__dirname, '..', '..', 'dist');

export function bundleSource(): string {
  return readFileSync(join(DIST, 'Code.js'), 'utf8');
}

export interface TopLevelFunction {
  name: string;
  params: string[];
  jsDoc: string;
}

/** The top-level function declarations of the built bundle, as Apps Script sees them. */
export function topLevelFunctions(source = bundleSource()): TopLevelFunction[] {
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  return file.statements.filter(ts.isFunctionDeclaration).map((fn) => {
    const docs = ts.getJSDocCommentsAndTags(fn).filter(ts.isJSDoc);
    const last = docs[docs.length - 1];
    return {
      name: fn.name?.text ?? '',
      params: fn.parameters.map((p) => p.name.getText(file)),
      jsDoc: last ? source.slice(last.getStart(file), last.getEnd()) : '',
    };
  });
}
