import { emulatorWith, EDITOR, OWNER } from './emulator-bundle';

const CODE = `
  /** @customfunction */
  function DOUBLE(x) { return x * 2; }
  /** @customfunction */
  function TABLE(n) { var rows = [['n', 'square']]; for (var i = 1; i <= n; i++) rows.push([i, i * i]); return rows; }
  /** @customfunction */
  function WHOAMI() { return PropertiesService.getUserProperties().getProperty('NAME'); }
  /** @customfunction */
  function FAIL() { throw new Error('Gravity: no API key'); }
  /** @customfunction */
  function WRITES() { SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1); return 'wrote'; }
  function helper_() { CacheService.getScriptCache().put('ran', 'yes'); return 1; }
  function writeFormulas() {
    var sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setFormula('=DOUBLE(21)');
    sheet.getRange('B1').setFormula('=TABLE(2)');
  }
`;

describe('custom-function formulas', () => {
  function setUp() {
    const emu = emulatorWith(CODE);
    const ss = emu.createSpreadsheet({ owner: OWNER });
    const sheetName = ss.sheetNames()[0];
    return { emu, ss, sheetName, sheet: () => ss.sheet(sheetName)! };
  }

  it('evaluates the formulas an execution wrote, after it ends, spilling arrays', () => {
    const { emu, ss, sheet } = setUp();
    emu.run('writeFormulas', [], { kind: 'full', user: OWNER, spreadsheetId: ss.id });
    expect(sheet().values().slice(0, 3)).toEqual([
      [42, 'n', 'square'],
      ['', 1, 1],
      ['', 2, 4],
    ]);
  });

  it('evaluates a typed formula at once, as the owner, in its own custom-function execution', () => {
    const { emu, ss, sheetName, sheet } = setUp();
    emu.userProperties(OWNER).set('NAME', 'the owner');
    emu.userProperties(EDITOR).set('NAME', 'the editor');
    emu.enterFormula(ss.id, sheetName, 'C3', '=whoami()');
    expect(sheet().cell('C3').value).toBe('the owner');
    expect(emu.lastExecutionCounters.propertyReads).toBe(1);
  });

  it('shows a thrown error, and refuses writes from a custom function', () => {
    const { emu, ss, sheetName, sheet } = setUp();
    emu.enterFormula(ss.id, sheetName, 'A1', '=FAIL()');
    expect(sheet().cell('A1').error).toBe('Gravity: no API key');
    emu.enterFormula(ss.id, sheetName, 'A2', '=WRITES()');
    expect(sheet().cell('A2').error).toBe('You do not have permission to call setValue');
    expect(sheet().cell('Z1').value).toBe('');
  });

  it('does not run private functions or built-ins as custom functions', () => {
    const { emu, ss, sheetName, sheet } = setUp();
    emu.enterFormula(ss.id, sheetName, 'A1', '=helper_()');
    expect(sheet().cell('A1').value).not.toBe(1);
    expect(emu.scriptCache.get('ran')).toBeNull();
  });
});
