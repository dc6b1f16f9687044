import { scriptProperties } from '../gas/properties';

/**
 * One refresh at a time per spreadsheet. The document lock is what Apps Script offers, but a time-driven run
 * has no document: LockService.getDocumentLock() "returns null if the script is not bound to a document"
 * (developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()). So every run also takes a
 * lease kept in script properties under the spreadsheet's id, set and checked under the script lock (held for
 * milliseconds only). A run killed by the 6-minute limit cannot release it, so a lease expires on its own.
 */

const LEASE_PREFIX = 'GRAVITY_REFRESH_LEASE_';
/** Longer than any execution (6 min), so a live run's lease never expires under it. */
export const LEASE_MS = 420_000;
const DOCUMENT_LOCK_WAIT_MS = 2_000;
const SCRIPT_LOCK_WAIT_MS = 10_000;

export interface RunLock {
  release(): void;
}

export function leaseKey(spreadsheetId: string): string {
  return `${LEASE_PREFIX}${spreadsheetId}`;
}

/** Takes the run lock of the spreadsheet, or returns null when another run holds it. */
export function acquireRunLock(spreadsheetId: string, now: () => number): RunLock | null {
  const documentLock = LockService.getDocumentLock();
  if (documentLock && !documentLock.tryLock(DOCUMENT_LOCK_WAIT_MS)) return null;
  const releaseDocument = () => {
    if (documentLock) documentLock.releaseLock();
  };
  const scriptLock = LockService.getScriptLock();
  if (!scriptLock.tryLock(SCRIPT_LOCK_WAIT_MS)) {
    releaseDocument();
    return null;
  }
  const store = scriptProperties();
  const key = leaseKey(spreadsheetId);
  const token = `${now()}-${Math.random().toString(36).slice(2)}`;
  try {
    const held = store.get(key);
    const until = held ? Number(held.split(' ')[0]) : 0;
    if (until > now()) {
      releaseDocument();
      return null;
    }
    store.set(key, `${now() + LEASE_MS} ${token}`);
  } finally {
    scriptLock.releaseLock();
  }
  return {
    release() {
      // Only our own lease: after an expiry another run may hold a newer one.
      const held = store.get(key);
      if (held && held.endsWith(` ${token}`)) store.remove(key);
      releaseDocument();
    },
  };
}
