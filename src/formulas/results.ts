import { CellValue, cellType, toCell } from '../tables/cells';
import { Table } from '../tables/table';
import { ZoneClock } from '../tables/timezone';

/** What a custom function returns: a table that spills, or one value. */
export type FormulaResult = CellValue[][] | CellValue;

/** One row's value of a `field | value` table, typed as in the table; blank when the field is absent. */
export function fieldValueCell(table: Table, field: string, zone: ZoneClock): CellValue {
  const row = table.rows.findIndex((r) => r[0] === field);
  return row < 0 ? '' : toCell(table.rows[row][1], cellType(table, row, 1), zone);
}
