import { infoRequest } from '../api/endpoints';
import { CellValue, formulaValues, toCell } from '../tables/cells';
import { fieldValueTable } from '../tables/field-value';
import { choice, SheetArg } from './args';
import { FormulaRuntime } from './runtime';

const INFO_FIELDS = ['advertiser_id', 'name', 'email'] as const;

/** GRAVITY_INFO([field]): the advertiser as a field/value table, or one field's value. */
export function gravityInfo(runtime: FormulaRuntime, field: SheetArg): CellValue[][] | CellValue {
  const wanted = choice(field, 'field', INFO_FIELDS, false);
  const info = runtime.client.get(infoRequest());
  const table = fieldValueTable(info, {});
  if (wanted === undefined) return formulaValues(table, runtime.zone);
  return toCell(info[wanted] ?? null, 'auto', runtime.zone);
}
