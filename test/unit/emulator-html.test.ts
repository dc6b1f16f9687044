import { emulatorWith, OWNER } from './emulator-bundle';

const HTML = {
  Sidebar:
    '<html><head><?!= include("Style") ?></head><body><h1><?= title ?></h1><? rows.forEach(function (r) { ?><li><?= r ?></li><? }); ?></body></html>',
  Style: '<style>b{}</style>',
};
const CODE = `
  function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
  function render() {
    var t = HtmlService.createTemplateFromFile('Sidebar');
    t.title = 'Reports & <Logs>';
    t.rows = ['a<b', 'c'];
    var out = t.evaluate().setTitle('Gravity').setWidth(300);
    return [out.getTitle(), out.getWidth(), out.getContent()];
  }
  function plain() { return HtmlService.createHtmlOutput('<p>x</p>').append('<i>y</i>').appendUntrusted('<z>').getContent(); }
  function missing() { try { HtmlService.createHtmlOutputFromFile('Nope'); } catch (e) { return e.message; } }
`;
const full = { kind: 'full' as const, user: OWNER, spreadsheetId: null };

describe('HtmlService', () => {
  const emu = emulatorWith(CODE, { html: HTML });

  it('evaluates templates: escaped and raw printing scriptlets, code, template data and script functions', () => {
    const [title, width, content] = emu.run<[string, number, string]>('render', [], full);
    expect([title, width]).toEqual(['Gravity', 300]);
    expect(content).toBe(
      '<html><head><style>b{}</style></head><body><h1>Reports &#38; &#60;Logs&#62;</h1>' +
        '<li>a&#60;b</li><li>c</li></body></html>',
    );
  });

  it('builds outputs from strings and escapes untrusted text', () => {
    expect(emu.run('plain', [], full)).toBe('<p>x</p><i>y</i>&#60;z&#62;');
  });

  it('fails on a file the bundle does not have', () => {
    expect(emu.run('missing', [], full)).toBe('No HTML file named Nope was found.');
  });
});
