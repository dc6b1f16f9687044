import { BILLING_FIELDS, billingRequest, infoRequest, integrationsRequest } from '../../api/endpoints';
import { Billing } from '../../api/types';
import { BILLING_FIELD_TYPES, billingTable } from '../../tables/billing';
import { fieldValueTable, flatten } from '../../tables/field-value';
import { integrationsTable } from '../../tables/integrations';
import { column, Table } from '../../tables/table';
import { ReportDefinition, singleRequest } from '../definition';

export const infoReport: ReportDefinition = {
  type: 'info',
  title: 'Advertiser',
  inputs: [],
  appendKeys: () => null,
  plan: () => singleRequest(infoRequest(), (info) => fieldValueTable(info, {})),
};

/** The column that makes each billing snapshot row unique: when the run fetched it. */
export const FETCHED_AT = 'fetched_at';

/** One billing snapshot as a row (`fetched_at` first, then the documented fields): the history's shape. */
export function billingSnapshotTable(billing: Billing, fetchedAt: string): Table {
  return {
    columns: [
      column(FETCHED_AT, 'datetime'),
      ...BILLING_FIELDS.map((f) => column(f, BILLING_FIELD_TYPES[f])),
    ],
    rows: [[fetchedAt, ...BILLING_FIELDS.map((f) => flatten(billing[f]))]],
  };
}

/** `replace`: the summary as field/value rows; `append`: one snapshot row per run (the billing history). */
export const billingReport: ReportDefinition = {
  type: 'billing',
  title: 'Billing',
  inputs: [],
  appendKeys: () => [FETCHED_AT],
  plan: (spec, context) =>
    singleRequest(billingRequest(), (billing) =>
      spec.mode === 'append' ? billingSnapshotTable(billing, context.fetchedAt) : billingTable(billing),
    ),
};

export const integrationsReport: ReportDefinition = {
  type: 'integrations',
  title: 'Integrations',
  inputs: [],
  appendKeys: () => ['type', 'id'],
  plan: () => singleRequest(integrationsRequest(), integrationsTable),
};
