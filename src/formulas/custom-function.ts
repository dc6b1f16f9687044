import { GravityError } from '../api/errors';

/**
 * Runs a custom function body. Sheets shows a thrown Error's message in the cell's tooltip, so every failure
 * leaves as a plain Error whose message starts with "Gravity:" and says what to do. The original error is
 * deliberately not attached as `cause`: Sheets shows only the message.
 */
export function customFunction<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new Error(userMessage(error)); // eslint-disable-line preserve-caught-error
  }
}

export function userMessage(error: unknown): string {
  if (error instanceof GravityError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Gravity: something unexpected went wrong (${message}). Try again; if it persists, report it.`;
}
