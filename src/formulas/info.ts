import { INFO_FIELDS, infoRequest } from '../api/endpoints';
import { formulaValues } from '../tables/cells';
import { fieldValueTable } from '../tables/field-value';
import { choice, SheetArg } from './args';
import { fieldValueCell, FormulaResult } from './results';
import { FormulaRuntime } from './runtime';

/** GRAVITY_INFO([field]): the advertiser as a field/value table, or one field's value. */
export function gravityInfo(runtime: FormulaRuntime, field: SheetArg): FormulaResult {
  const wanted = choice(field, 'field', INFO_FIELDS, false);
  const request = infoRequest();
  const table = fieldValueTable(runtime.client.get(request), {});
  return wanted === undefined
    ? formulaValues(table, runtime.zone)
    : fieldValueCell(table, wanted, runtime.zone);
}
