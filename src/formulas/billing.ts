import { BILLING_FIELDS, billingRequest } from '../api/endpoints';
import { formulaValues } from '../tables/cells';
import { billingTable } from '../tables/billing';
import { choice, SheetArg } from './args';
import { fieldValueCell, FormulaResult } from './results';
import { FormulaRuntime } from './runtime';

/** GRAVITY_BILLING([field]): the billing summary as a field/value table, or one field's value. */
export function gravityBilling(runtime: FormulaRuntime, field: SheetArg): FormulaResult {
  const wanted = choice(field, 'field', BILLING_FIELDS, false);
  const request = billingRequest();
  const table = billingTable(runtime.client.get(request));
  return wanted === undefined
    ? formulaValues(table, runtime.zone)
    : fieldValueCell(table, wanted, runtime.zone);
}
