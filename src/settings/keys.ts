/** Names of stored settings (product-spec.md, "Settings and credentials"). */
export const SETTING = {
  /** UserProperties: the user's Gravity API key. */
  apiKey: 'GRAVITY_API_KEY',
  /** UserProperties: JSON array of spreadsheet ids where the owner lets formulas use the key. */
  formulaSpreadsheets: 'GRAVITY_FORMULA_SPREADSHEETS',
  /** ScriptProperties: optional API base URL override (staging, local mock). */
  baseUrl: 'GRAVITY_BASE_URL',
} as const;
