import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STYLE_SLOT = '<!-- build:style -->';
const SCRIPT_SLOT = '<!-- build:script -->';

/**
 * Builds src/sidebar/ into one self-contained dist/sidebar.html: HtmlService serves a single file, and the
 * sidebar must not fetch anything (no CDN stylesheet or script), so the bundled script and the stylesheet
 * are written inline into index.html's two slots.
 */
export async function buildSidebar(root: string, dist: string): Promise<void> {
  const source = join(root, 'src', 'sidebar');
  if (!existsSync(join(source, 'index.html'))) return;
  const result = await build({
    entryPoints: [join(source, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  });
  const script = inlineSafe(result.outputFiles[0].text, 'script');
  const style = inlineSafe(readFileSync(join(source, 'sidebar.css'), 'utf8'), 'style');
  const page = readFileSync(join(source, 'index.html'), 'utf8');
  for (const slot of [STYLE_SLOT, SCRIPT_SLOT]) {
    if (page.split(slot).length !== 2) throw new Error(`src/sidebar/index.html must contain ${slot} once`);
  }
  // Function replacements: `$&`-style patterns in the script must not be interpreted.
  const html = page
    .replace(STYLE_SLOT, () => `<style>\n${style}</style>`)
    .replace(SCRIPT_SLOT, () => `<script>\n${script}</script>`);
  writeFileSync(join(dist, 'sidebar.html'), html);
}

/** Text inside <script>/<style> ends at the first `</script`/`</style`; the bundle must not contain one. */
function inlineSafe(text: string, tag: 'script' | 'style'): string {
  if (new RegExp(`</${tag}`, 'i').test(text)) throw new Error(`the sidebar's ${tag} contains "</${tag}"`);
  return text;
}
