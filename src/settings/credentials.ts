import { GravityError } from '../api/errors';
import { KeyValueStore } from '../gas/ports';
import { SETTING } from './keys';

/** The user's API key, or null. */
export function readApiKey(user: KeyValueStore): string | null {
  const key = user.get(SETTING.apiKey);
  return key && key.trim() ? key.trim() : null;
}

export function requireApiKey(user: KeyValueStore): string {
  const key = readApiKey(user);
  if (!key) {
    throw new GravityError(
      'no_key',
      'no API key is saved. Open Extensions › Gravity › Open sidebar and paste your key ' +
        '(Gravity dashboard › Settings › API Key).',
    );
  }
  return key;
}

/** "••••••••3f9a": enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  return `${'•'.repeat(8)}${key.length > 8 ? key.slice(-4) : ''}`;
}

/** Spreadsheet ids where the key's owner allows GRAVITY formulas; unreadable JSON counts as none. */
export function formulaSpreadsheets(user: KeyValueStore): string[] {
  const raw = user.get(SETTING.formulaSpreadsheets);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function setFormulasAllowed(user: KeyValueStore, spreadsheetId: string, allowed: boolean): void {
  const ids = formulaSpreadsheets(user).filter((id) => id !== spreadsheetId);
  if (allowed) ids.push(spreadsheetId);
  user.set(SETTING.formulaSpreadsheets, JSON.stringify(ids));
}

/**
 * Custom functions run with the spreadsheet owner's properties, so the owner must have allowed this
 * spreadsheet: otherwise anyone could spend the owner's key from a copy of a sheet.
 */
export function requireFormulasAllowed(user: KeyValueStore, spreadsheetId: string): void {
  if (!formulaSpreadsheets(user).includes(spreadsheetId)) {
    throw new GravityError(
      'not_allowed',
      "GRAVITY formulas are not allowed in this spreadsheet. The spreadsheet's owner can allow them in " +
        'Extensions › Gravity › Open sidebar › "Allow GRAVITY formulas in this spreadsheet".',
    );
  }
}
