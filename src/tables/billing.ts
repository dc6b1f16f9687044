import { BILLING_FIELDS } from '../api/endpoints';
import { Billing } from '../api/types';
import { fieldValueTable } from './field-value';
import { ColumnType, Table } from './table';

export type BillingField = (typeof BILLING_FIELDS)[number];

export const BILLING_FIELD_TYPES: Record<BillingField, ColumnType> = {
  total_spend_dollars: 'money',
  total_billed_dollars: 'money',
  unbilled_dollars: 'money',
  credits_dollars: 'money',
  billing_enabled: 'boolean',
  last_spend_sync_at: 'datetime',
  last_billed_at: 'datetime',
};

/** The billing summary as `field | value` rows, documented fields first, extra API fields after. */
export function billingTable(billing: Billing): Table {
  return fieldValueTable(billing, BILLING_FIELD_TYPES);
}
