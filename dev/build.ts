/**
 * `npm run build`: writes dist/, exactly the folder `clasp push` uploads (.clasp.json rootDir):
 * Code.js (the bundle plus one top-level function per entry point), appsscript.json and the sidebar HTML.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryPointStubs, readEntryPoints } from './build/entry-points';
import { buildSidebar } from './build/sidebar';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const entry = join(root, 'src', 'main.ts');
export const NAMESPACE = 'GravityAddon';

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: NAMESPACE,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    // Every execution (each formula cell, menu click, trigger) loads the whole script, so it is minified,
    // identifiers too: users read our error messages, never stack traces. Export names (the entry points the
    // stubs below call) and the JSDoc Sheets reads are kept.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    logLevel: 'warning',
  });
  const stubs = entryPointStubs(readEntryPoints(entry, readFileSync(entry, 'utf8')), NAMESPACE);
  const banner = '// Gravity for Sheets — built bundle. Do not edit: run `npm run build`.\n';
  writeFileSync(join(dist, 'Code.js'), `${banner}${bundle.outputFiles[0].text}\n${stubs}`);
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  if (existsSync(join(root, 'src', 'sidebar'))) await buildSidebar(root, dist);
  console.log(`built ${dist}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
