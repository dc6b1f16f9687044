import { invalidArgument } from '../api/errors';

/**
 * Sheets hands a custom function numbers, strings, booleans, Dates, "" for an empty cell, undefined for an
 * omitted argument and 2D arrays for ranges. These helpers turn them into what the client needs, refusing
 * anything else with a message that names the argument, before any request is made.
 */

export type SheetArg = unknown;

/** A range where a single value is expected is refused. */
export function single(value: SheetArg, name: string): SheetArg {
  if (Array.isArray(value)) {
    const flat = value.flat();
    if (flat.length === 1) return flat[0];
    throw invalidArgument(`${name} must be a single value, not a range of ${flat.length} cells.`);
  }
  return value;
}

export function isBlank(value: SheetArg): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Optional text: trimmed; blank means not given. Numbers are accepted as their text (ids like 123). */
export function optionalText(value: SheetArg, name: string): string | undefined {
  const v = single(value, name);
  if (isBlank(v)) return undefined;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw invalidArgument(`${name} must be text, not ${describe(v)}.`);
}

export function requiredText(value: SheetArg, name: string, hint: string): string {
  const text = optionalText(value, name);
  if (text === undefined) throw invalidArgument(`${name} is required: ${hint}`);
  return text;
}

/** One of a fixed list (case-insensitive); the message lists the choices. */
export function choice<T extends string>(
  value: SheetArg,
  name: string,
  choices: readonly T[],
  required: boolean,
): T | undefined {
  const text = optionalText(value, name);
  if (text === undefined) {
    if (required) throw invalidArgument(`${name} is required: use one of ${listOf(choices)}.`);
    return undefined;
  }
  return matchChoice(text, name, choices);
}

export function requiredChoice<T extends string>(value: SheetArg, name: string, choices: readonly T[]): T {
  const text = optionalText(value, name);
  if (text === undefined) throw invalidArgument(`${name} is required: use one of ${listOf(choices)}.`);
  return matchChoice(text, name, choices);
}

function matchChoice<T extends string>(text: string, name: string, choices: readonly T[]): T {
  const found = choices.find((c) => c.toLowerCase() === text.toLowerCase());
  if (!found) throw invalidArgument(`${name} "${text}" is not known: use one of ${listOf(choices)}.`);
  return found;
}

function listOf(choices: readonly string[]): string {
  return choices.map((c) => `"${c}"`).join(', ');
}

export function describe(value: SheetArg): string {
  if (isDate(value)) return 'a date';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A Date from a date cell. Checked by tag, not instanceof: a Date made in another realm is still a date. */
export function isDate(value: SheetArg): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A whole number in [min, max]; blank gives `fallback`. Numeric text ("30") counts as the number. */
export function wholeNumber(
  value: SheetArg,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const v = single(value, name);
  if (isBlank(v)) return fallback;
  const number = numberOf(v);
  if (number === null || !Number.isInteger(number) || number < min || number > max) {
    throw invalidArgument(
      `${name} must be a whole number from ${thousands(min)} to ${thousands(max)}, not ${describe(v)}.`,
    );
  }
  return number;
}

/** A number cell, or text of digits (a number typed as text); null for anything else. */
export function numberOf(value: SheetArg): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return null;
}

/** 5000 → "5,000" without depending on the runtime's locale data. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
