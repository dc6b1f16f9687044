/** Small checks for the JSON bodies of the test-control endpoints; failures are 400 answers. */
import { ApiError } from './api-error';

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with only the allowed keys (a typo such as `retry_after` must not be silently ignored). */
export function objectWithKeys(value: unknown, allowed: readonly string[], what: string): JsonObject {
  if (!isObject(value)) throw new ApiError(400, `${what} must be a JSON object`);
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ApiError(
      400,
      `${what}: unknown field(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`,
    );
  }
  return value;
}

export function integerField(o: JsonObject, key: string, min: number, max: number, what: string): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ApiError(400, `${what}.${key} must be an integer between ${min} and ${max}`);
  }
  return value;
}

export function stringField(o: JsonObject, key: string, what: string): string {
  const value = o[key];
  if (typeof value !== 'string') throw new ApiError(400, `${what}.${key} must be a string`);
  return value;
}
