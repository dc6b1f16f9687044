/** The playground's exports: the zip container, the .xlsx inside it, and CSV per tab. */
import { crc32 as nodeCrc32, inflateRawSync } from 'node:zlib';
import { SpreadsheetStore, type FakeSheet } from '../../dev/emulator/spreadsheet';
import { sheetCsv } from '../../dev/playground/export/csv';
import { escapeXml, sheetNames, spreadsheetXlsx } from '../../dev/playground/export/xlsx';
import { crc32, zip } from '../../dev/playground/export/zip';

/** Reads a zip back through its central directory, checking each entry's CRC and sizes. */
function unzip(file: Buffer): Map<string, string> {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const entries = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(file.readUInt32LE(at)).toBe(0x02014b50);
    const crc = file.readUInt32LE(at + 16);
    const packedSize = file.readUInt32LE(at + 20);
    const size = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const name = file.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = file.readUInt32LE(at + 42);
    expect(file.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = inflateRawSync(file.subarray(dataAt, dataAt + packedSize));
    expect(data.length).toBe(size);
    expect(nodeCrc32(data)).toBe(crc);
    entries.set(name, data.toString('utf8'));
    at += 46 + nameLength;
  }
  return entries;
}

function reportSheet(): { store: SpreadsheetStore; sheet: FakeSheet } {
  const store = new SpreadsheetStore();
  const spreadsheet = store.create({ owner: 'owner@example.com', name: 'Report', timeZone: 'UTC' });
  const sheet = spreadsheet.sheets[0];
  sheet.name = 'Campaigns';
  sheet.typeValues('A1', [
    ['campaign_id', 'name', 'spend', 'day', 'active'],
    ["'00123", 'Sale, "big" one', '1234.5', '2025-05-20', 'TRUE'],
    ['cmp-2', '<img src=x>', '7', '2025-05-21', 'FALSE'],
  ]);
  for (let c = 1; c <= 5; c++) sheet.ensureCell(1, c).bold = true;
  for (let r = 2; r <= 3; r++) sheet.ensureCell(r, 3).format = '#,##0.00';
  sheet.frozenRows = 1;
  sheet.columnWidths.set(2, 210);
  return { store, sheet };
}

describe('zip', () => {
  it('computes the CRC-32 zip uses', () => {
    const data = Buffer.from('The quick brown fox jumps over the lazy dog');
    expect(crc32(data)).toBe(0x414fa339);
    expect(crc32(data)).toBe(nodeCrc32(data));
  });

  it('writes entries a zip reader gets back byte for byte, UTF-8 names included', () => {
    const text = 'héllo '.repeat(500);
    const entries = unzip(
      zip([
        { name: 'a.txt', data: Buffer.from(text) },
        { name: 'dossier/é.xml', data: Buffer.from('<x/>') },
      ]),
    );
    expect([...entries.keys()]).toEqual(['a.txt', 'dossier/é.xml']);
    expect(entries.get('a.txt')).toBe(text);
    expect(entries.get('dossier/é.xml')).toBe('<x/>');
  });
});

describe('xlsx', () => {
  it('holds each tab with typed values, number formats, bold headers, widths and the frozen row', () => {
    const { store } = reportSheet();
    const files = unzip(spreadsheetXlsx(store.all()[0]));
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="Campaigns" sheetId="1" r:id="rId1"/>');
    const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="2" max="2" width="30.00" customWidth="1"/>');
    // Text stays text (the apostrophe-escaped id), markup is escaped, booleans and numbers keep their type.
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">00123</t></is></c>');
    expect(sheet).toContain('<t xml:space="preserve">&lt;img src=x&gt;</t>');
    expect(sheet).toContain('<c r="E2" t="b"><v>1</v></c>');
    const spend = /<c r="C2" s="(\d+)"><v>1234.5<\/v><\/c>/.exec(sheet);
    const day = /<c r="D2" s="(\d+)"><v>(\d+)<\/v><\/c>/.exec(sheet);
    const header = /<c r="A1" s="(\d+)" t="inlineStr">/.exec(sheet);
    expect(spend && day && header).toBeTruthy();
    expect(Number(day?.[2])).toBe(45797); // 2025-05-20 as a Sheets/Excel serial day
    const styles = files.get('xl/styles.xml') ?? '';
    const xfs = [...styles.matchAll(/<xf numFmtId="(\d+)" fontId="(\d)"[^>]*\/>/g)].slice(1); // after cellStyleXfs
    const formatCode = (xf: string | undefined): string | undefined => {
      const id = xfs[Number(xf)]?.[1];
      return new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"/>`).exec(styles)?.[1];
    };
    expect(formatCode(spend?.[1])).toBe('#,##0.00');
    expect(formatCode(day?.[1])).toBe('yyyy-mm-dd');
    expect(xfs[Number(header?.[1])]?.[2]).toBe('1'); // the bold font
  });

  it('gives tabs names Excel accepts', () => {
    expect(sheetNames(['Q1: spend/revenue', 'x'.repeat(40), 'Log', 'log', ''])).toEqual([
      'Q1_ spend_revenue',
      'x'.repeat(31),
      'Log',
      'log (2)',
      'Sheet5',
    ]);
  });

  it('escapes XML and drops the characters XML cannot hold', () => {
    expect(escapeXml('a & b <c> "d"\u0001\u0008\tok')).toBe('a &amp; b &lt;c&gt; &quot;d&quot;\tok');
  });
});

describe('csv', () => {
  it('writes the displayed values, quoting fields with commas, quotes or line breaks', () => {
    const { sheet } = reportSheet();
    expect(sheetCsv(sheet).split('\r\n')).toEqual([
      'campaign_id,name,spend,day,active',
      '00123,"Sale, ""big"" one","1,234.50",2025-05-20,TRUE',
      'cmp-2,<img src=x>,7.00,2025-05-21,FALSE',
    ]);
  });
});
