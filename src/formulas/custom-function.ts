import { GravityError } from '../api/errors';

/**
 * Runs a custom function body. Sheets shows a thrown Error's message in the cell's tooltip, so every failure
 * leaves as a plain Error whose message starts with "Gravity:" and says what to do.
 */
export function customFunction<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof GravityError) throw new Error(error.message);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Gravity: something unexpected went wrong (${message}). Try again; if it persists, report it.`,
    );
  }
}
