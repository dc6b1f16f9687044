import type { Execution } from './context';
import { AppsScriptException } from './errors';

/** Who holds each lock (script, user:<email>, document:<id>); holders are executions or test handles. */
export class LockRegistry {
  private readonly holders = new Map<string, object>();

  holder(key: string): object | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, owner: object): boolean {
    const current = this.holders.get(key);
    if (current !== undefined && current !== owner) return false;
    this.holders.set(key, owner);
    return true;
  }

  release(key: string, owner: object): void {
    if (this.holders.get(key) === owner) this.holders.delete(key);
  }

  /** Apps Script releases an execution's locks when it ends. */
  releaseAll(owner: object): void {
    for (const [key, holder] of [...this.holders]) if (holder === owner) this.holders.delete(key);
  }
}

/** Message of a failed waitLock, as Apps Script throws it. */
const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** `Lock`. Nothing else runs while the script waits, so a lock held elsewhere stays held: waiting only costs time. */
class Lock {
  constructor(
    private readonly execution: Execution,
    private readonly registry: LockRegistry,
    private readonly key: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.execution.check('Lock', 'tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.execution.check('Lock', 'waitLock');
    if (!this.acquire(timeoutInMillis)) throw new AppsScriptException(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    this.execution.check('Lock', 'hasLock');
    return this.registry.holder(this.key) === this.execution;
  }

  releaseLock(): void {
    this.execution.check('Lock', 'releaseLock');
    this.registry.release(this.key, this.execution);
  }

  private acquire(timeoutInMillis: number): boolean {
    if (this.registry.acquire(this.key, this.execution)) return true;
    this.execution.clock.advance(Math.max(0, Number(timeoutInMillis) || 0));
    return false;
  }
}

/** `LockService` for one execution; locks are owned by the execution object. */
export function createLockService(execution: Execution, registry: LockRegistry): object {
  return {
    getScriptLock(): Lock {
      execution.check('LockService', 'getScriptLock');
      return new Lock(execution, registry, 'script');
    },
    getUserLock(): Lock {
      execution.check('LockService', 'getUserLock');
      return new Lock(execution, registry, `user:${execution.user}`);
    },
    getDocumentLock(): Lock | null {
      execution.check('LockService', 'getDocumentLock');
      // "null if the script is not bound to a document" (reference/lock/lock-service#getDocumentLock()).
      const id = execution.activeSpreadsheetId;
      return id === null ? null : new Lock(execution, registry, documentLockKey(id));
    },
  };
}

export function documentLockKey(spreadsheetId: string): string {
  return `document:${spreadsheetId}`;
}
