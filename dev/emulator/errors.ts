/**
 * Errors thrown by Apps Script services. In the V8 runtime they are `Error`s named "Exception", which is
 * why execution logs show "Exception: <message>".
 */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** The script called something its execution may not use; the text is what Apps Script prints. */
export function permissionDenied(what: string, scope?: string): AppsScriptException {
  const required = scope ? `. Required permissions: ${scope}` : '';
  return new AppsScriptException(`You do not have permission to call ${what}${required}`);
}
