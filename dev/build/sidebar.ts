import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds src/sidebar/ into one self-contained dist/sidebar.html (HtmlService serves a single file).
 * Filled in by the sidebar work; until src/sidebar/index.html exists there is nothing to build.
 */
export async function buildSidebar(root: string, _dist: string): Promise<void> {
  if (!existsSync(join(root, 'src', 'sidebar', 'index.html'))) return;
  throw new Error('sidebar build not implemented');
}
