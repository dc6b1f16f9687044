import { numberOrNull } from '../api/parse';
import { Conversion } from '../api/types';
import { flatten } from './field-value';
import { ColumnType, column, Table } from './table';

/** The API's conversion fields with `value` (dollars) right after `value_cents`. */
export const CONVERSION_COLUMNS = [
  'conversion_id',
  'event_type',
  'value_cents',
  'value',
  'currency',
  'conversion_timestamp',
  'campaign_id',
  'order_id',
  'page_url',
  'source',
  'is_attributed',
] as const;
export type ConversionColumn = (typeof CONVERSION_COLUMNS)[number];

export const CONVERSION_COLUMN_TYPES: Record<ConversionColumn, ColumnType> = {
  conversion_id: 'text',
  event_type: 'text',
  value_cents: 'count',
  value: 'money',
  currency: 'text',
  conversion_timestamp: 'datetime',
  campaign_id: 'text',
  order_id: 'text',
  page_url: 'text',
  source: 'text',
  is_attributed: 'boolean',
};

/** value_cents / 100, or null when the cents are missing. Integer ÷ 100 rounds to the nearest double, as 19.99 does. */
export function conversionValue(conversion: Conversion): number | null {
  const cents = numberOrNull(conversion.value_cents);
  return cents === null ? null : cents / 100;
}

/** One row per conversion, in the order given (the API's: newest first). */
export function conversionsTable(conversions: Conversion[]): Table {
  return {
    columns: CONVERSION_COLUMNS.map((name) => column(name, CONVERSION_COLUMN_TYPES[name])),
    rows: conversions.map((conversion) =>
      CONVERSION_COLUMNS.map((name) =>
        name === 'value' ? conversionValue(conversion) : flatten(conversion[name]),
      ),
    ),
  };
}
