import { Json, JsonObject } from '../api/types';
import { ColumnType, RawValue, Table, column } from './table';

/** Lists become "a, b"; nested objects become JSON text (utm_params is flattened by its caller). */
export function flatten(value: Json | undefined): RawValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** A `field | value` table of one object, each value typed by its field (unknown fields by their shape). */
export function fieldValueTable(object: JsonObject, fieldTypes: Record<string, ColumnType>): Table {
  const fields = Object.keys(object);
  return {
    columns: [column('field', 'text'), column('value', 'auto')],
    rows: fields.map((field) => [field, flatten(object[field])]),
    rowTypes: fields.map((field) => fieldTypes[field] ?? 'auto'),
  };
}
