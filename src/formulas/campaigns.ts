import { CAMPAIGN_DETAIL_FIELDS, campaignRequest, campaignsRequest } from '../api/endpoints';
import { invalidArgument } from '../api/errors';
import { formulaValues } from '../tables/cells';
import { campaignDetailTable, campaignsTable, UTM_PREFIX } from '../tables/campaigns';
import { optionalText, requiredText, SheetArg } from './args';
import { fieldValueCell, FormulaResult } from './results';
import { FormulaRuntime } from './runtime';

/** GRAVITY_CAMPAIGNS([status]): every campaign (or those with that status) with derived lifetime metrics. */
export function gravityCampaigns(runtime: FormulaRuntime, status: SheetArg): FormulaResult {
  const request = campaignsRequest(optionalText(status, 'status'));
  return formulaValues(campaignsTable(runtime.client.get(request)), runtime.zone);
}

/** GRAVITY_CAMPAIGN(campaign_id, [field]): one campaign as a field/value table, or one field's value. */
export function gravityCampaign(
  runtime: FormulaRuntime,
  campaignId: SheetArg,
  field: SheetArg,
): FormulaResult {
  const id = requiredText(campaignId, 'campaign_id', 'give a campaign id (GRAVITY_CAMPAIGNS() lists them).');
  const wanted = campaignField(field);
  const request = campaignRequest(id);
  const table = campaignDetailTable(runtime.client.get(request));
  return wanted === undefined
    ? formulaValues(table, runtime.zone)
    : fieldValueCell(table, wanted, runtime.zone);
}

const DETAIL_FIELDS: readonly string[] = CAMPAIGN_DETAIL_FIELDS.filter((f) => f !== 'utm_params');

/**
 * A documented detail field (any case), or `utm_params.<name>` for one UTM parameter; the parameter's name
 * keeps its case, and one the campaign does not have gives a blank cell, like any empty field.
 */
export function campaignField(value: SheetArg): string | undefined {
  const text = optionalText(value, 'field');
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  if (lower.startsWith(UTM_PREFIX) && text.length > UTM_PREFIX.length)
    return UTM_PREFIX + text.slice(UTM_PREFIX.length);
  const found = DETAIL_FIELDS.find((f) => f === lower);
  if (found) return found;
  throw invalidArgument(
    `field "${text}" is not known: use one of ${DETAIL_FIELDS.map((f) => `"${f}"`).join(', ')}, or "utm_params.<name>".`,
  );
}
