import ts from 'typescript';

/** An exported function of the entry file, with the JSDoc the user wrote above it. */
export interface EntryPoint {
  name: string;
  params: string[];
  jsDoc: string | null;
}

/**
 * Reads the exported function declarations of the entry file with the TypeScript parser. esbuild drops
 * comments, so the JSDoc Sheets needs (`@customfunction`) is taken from the source, not the bundle.
 */
export function readEntryPoints(fileName: string, source: string): EntryPoint[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2020, true);
  const entries: EntryPoint[] = [];
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const docs = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc);
    const last = docs[docs.length - 1];
    entries.push({
      name: statement.name.text,
      params: statement.parameters.map((p) => p.name.getText(file).replace(/^_+/, '') || 'arg'),
      jsDoc: last ? source.slice(last.getStart(file), last.getEnd()) : null,
    });
  }
  return entries;
}

/**
 * A top-level `function NAME(params)` per entry point, delegating to the bundle's namespace: Apps Script
 * only sees (and Sheets only autocompletes) top-level function declarations.
 */
export function entryPointStubs(entries: EntryPoint[], namespace: string): string {
  return entries
    .map((entry) => {
      if (entry.name.endsWith('_'))
        throw new Error(`${entry.name}: Apps Script hides functions ending in "_"`);
      const doc = entry.jsDoc ? `${entry.jsDoc}\n` : '';
      return `${doc}function ${entry.name}(${entry.params.join(', ')}) {\n  return ${namespace}.${entry.name}.apply(this, arguments);\n}\n`;
    })
    .join('\n');
}
