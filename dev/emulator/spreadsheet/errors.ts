/** An error Sheets itself raises; script-facing objects rethrow it as the script realm's `Exception`. */
export class SheetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}
