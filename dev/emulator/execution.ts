import {
  EXECUTION_LIMIT_MS,
  ExecutionTimeExceeded,
  type Clock,
  type Execution,
  type ExecutionKind,
  type ServiceCounters,
} from './context';
import { deniedCall } from './permissions';

/** One run of the script: its kind, identity, counters and deadline. */
export class EmulatedExecution implements Execution {
  readonly deadline: number;

  constructor(
    readonly kind: ExecutionKind,
    readonly user: string,
    readonly activeSpreadsheetId: string | null,
    readonly clock: Clock,
    readonly counters: ServiceCounters,
  ) {
    this.deadline = clock.now() + EXECUTION_LIMIT_MS[kind];
  }

  /** True once the virtual clock passed the deadline. */
  get expired(): boolean {
    return this.clock.now() > this.deadline;
  }

  check(service: string, method: string): void {
    if (this.expired) throw new ExecutionTimeExceeded();
    const denied = deniedCall(this.kind, service, method);
    if (denied) throw denied;
  }
}
