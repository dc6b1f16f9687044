import { GravityError } from './errors';
import { Json, JsonObject } from './types';

const UNEXPECTED =
  ' The API may be having trouble or may have changed: try again in a few minutes, and report it if it persists.';

/** Reading the API's JSON defensively: extra fields pass through, missing known fields become null. */

export function parseJson(body: string, what: string): Json {
  try {
    return JSON.parse(body) as Json;
  } catch {
    const html = /^\s*</.test(body);
    throw new GravityError(
      'invalid_response',
      `the API answered ${what} with ${html ? 'an HTML page' : 'text that is not JSON'} instead of data. ` +
        'This is usually a temporary outage; try again in a few minutes.',
    );
  }
}

export function asObject(value: Json | undefined, what: string): JsonObject {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  throw new GravityError(
    'invalid_response',
    `the API's answer to ${what} was not a JSON object.${UNEXPECTED}`,
  );
}

/** `object[field]` as an array of objects; a missing or null list counts as empty. */
export function objectList(object: JsonObject, field: string, what: string): JsonObject[] {
  const value = object[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new GravityError(
      'invalid_response',
      `the API's answer to ${what} has "${field}" that is not a list.${UNEXPECTED}`,
    );
  }
  return value.map((item) => asObject(item, `${what} (${field})`));
}

/** Fills the known fields that are missing with null, so every row of a table has the same columns. */
export function withFields<T extends JsonObject>(object: JsonObject, fields: readonly string[]): T {
  const result: JsonObject = {};
  for (const field of fields) result[field] = object[field] ?? null;
  for (const field of Object.keys(object)) if (!(field in result)) result[field] = object[field];
  return result as T;
}

/** A field the add-on cannot do without: names it when it is absent. */
export function requireField(object: JsonObject, field: string, what: string): Json {
  const value = object[field];
  if (value === undefined || value === null || value === '') {
    throw new GravityError(
      'invalid_response',
      `the API's answer to ${what} lacks the required field "${field}".${UNEXPECTED}`,
    );
  }
  return value;
}

export function numberOrNull(value: Json | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}
