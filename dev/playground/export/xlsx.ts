/**
 * The whole spreadsheet as an .xlsx (Office Open XML, ECMA-376): a zip of a workbook, one worksheet per tab
 * and a style sheet carrying each cell's number format and bold, so dates stay dates and money stays money
 * when the file is opened elsewhere. Values are written as they are stored (numbers, booleans, text);
 * formulas are not, since GRAVITY functions exist only in Sheets. Frozen header rows stay frozen.
 */
import { columnToLetters } from '../../emulator/spreadsheet/a1';
import { type Cell, effectiveFormat } from '../../emulator/spreadsheet/cell';
import type { FakeSheet, FakeSpreadsheet } from '../../emulator/spreadsheet';
import { zip } from './zip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Custom number formats are numbered from 164; lower ids are Excel's built-in ones. */
const FIRST_CUSTOM_FORMAT = 164;
/** Excel's limit on sheet names, and the characters it refuses in them. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
/** Sheets' column width in pixels; Excel's unit is roughly one character of 7 pixels. */
const PIXELS_PER_CHARACTER = 7;

/** Distinct (number format, bold) pairs, each one `cellXfs` entry; entry 0 is the default style. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['0|0', 0]]);

  index(cell: Cell): number {
    const format = effectiveFormat(cell);
    const formatId = format === '' || format.toLowerCase() === 'general' ? 0 : this.formatId(format);
    const key = `${formatId}|${cell.bold ? 1 : 0}`;
    let xf = this.xfs.get(key);
    if (xf === undefined) this.xfs.set(key, (xf = this.xfs.size));
    return xf;
  }

  private formatId(format: string): number {
    let id = this.formats.get(format);
    if (id === undefined) this.formats.set(format, (id = FIRST_CUSTOM_FORMAT + this.formats.size));
    return id;
  }

  xml(): string {
    const numFmts = [...this.formats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
      .join('');
    const xfs = [...this.xfs.keys()]
      .map((key) => {
        const [formatId, bold] = key.split('|').map(Number);
        const apply = `${formatId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}`;
        return `<xf numFmtId="${formatId}" fontId="${bold}" fillId="0" borderId="0" xfId="0"${apply}/>`;
      })
      .join('');
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="10"/><name val="Arial"/></font>' +
      '<font><b/><sz val="10"/><name val="Arial"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
      '<fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.size}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

export function spreadsheetXlsx(spreadsheet: FakeSpreadsheet): Buffer {
  const styles = new Styles();
  const names = sheetNames(spreadsheet.sheets.map((s) => s.name));
  const worksheets = spreadsheet.sheets.map((sheet) => worksheetXml(sheet, styles));
  const sheetList = names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const sheetRels = names
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const overrides = names
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ` +
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    )
    .join('');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      `${overrides}</Types>`,
    '_rels/.rels':
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}">` + `<sheets>${sheetList}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetRels}` +
      `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      '</Relationships>',
    'xl/styles.xml': styles.xml(),
  };
  worksheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  return zip(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
}

function worksheetXml(sheet: FakeSheet, styles: Styles): string {
  const rows = new Map<number, string[]>();
  const cells = [...sheet.cells()].sort((a, b) => a.row - b.row || a.column - b.column);
  for (const { row, column, cell } of cells) {
    const xml = cellXml(`${columnToLetters(column)}${row}`, cell, styles);
    if (!xml) continue;
    let line = rows.get(row);
    if (!line) rows.set(row, (line = []));
    line.push(xml);
  }
  const data = [...rows].map(([row, line]) => `<row r="${row}">${line.join('')}</row>`).join('');
  const frozen =
    sheet.frozenRows > 0
      ? '<sheetViews><sheetView workbookViewId="0">' +
        `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>` +
        '</sheetView></sheetViews>'
      : '';
  const widths = [...sheet.columnWidths]
    .sort(([a], [b]) => a - b)
    .map(([column, px]) => {
      const width = (px / PIXELS_PER_CHARACTER).toFixed(2);
      return `<col min="${column}" max="${column}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">${frozen}` +
    (widths ? `<cols>${widths}</cols>` : '') +
    `<sheetData>${data}</sheetData></worksheet>`
  );
}

function cellXml(ref: string, cell: Cell, styles: Styles): string | null {
  const { value } = cell;
  if (value === '' && !cell.bold) return null;
  const s = styles.index(cell);
  const style = s ? ` s="${s}"` : '';
  if (value === '') return `<c r="${ref}"${style}/>`;
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  // Sheets' error values (#ERROR!, #REF!) are not all Excel errors: kept as the text they show.
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** Tab names Excel accepts: at most 31 characters, none of []:*?/\, unique ignoring case. */
export function sheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, i) => {
    const base = name.replace(SHEET_NAME_FORBIDDEN, '_').slice(0, SHEET_NAME_MAX) || `Sheet${i + 1}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Text safe inside XML: the five special characters escaped, characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
