import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built sidebar page, as HtmlService will serve it (npm run build writes it). */
const html = readFileSync(join(__dirname, '..', '..', 'dist', 'sidebar.html'), 'utf8');

describe('dist/sidebar.html', () => {
  it('is one self-contained page: inline script and style, nothing fetched', () => {
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toContain('<!-- build:');
  });

  it('never builds markup from text: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('carries no template scriptlets that could print server data into the page', () => {
    expect(html).not.toMatch(/<\?/);
  });
});
