import type { Clock } from './context';

/**
 * Virtual time: the real time elapsed since the emulator started, plus everything `advance` added
 * (`Utilities.sleep`, lock waits, tests jumping ahead). Real elapsed time is kept so that slow code and
 * real HTTP round trips still count against the execution limit.
 */
export class VirtualClock implements Clock {
  private readonly realStart = performance.now();
  private advanced = 0;

  constructor(private readonly start: number = Date.now()) {}

  now(): number {
    return Math.floor(this.start + (performance.now() - this.realStart) + this.advanced);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`Cannot advance the clock by ${ms} ms`);
    this.advanced += ms;
  }
}

/**
 * A `Date` for the script's context that reads the virtual clock (`new Date()`, `Date.now()`, `Date()`).
 *
 * It shares the host `Date.prototype`, so dates made by the fake services (host realm) and by the script
 * are the same kind of object: `value instanceof Date` holds for both inside the script.
 */
export function createVirtualDate(clock: Clock): DateConstructor {
  const HostDate = Date;
  function VirtualDate(this: unknown, ...args: unknown[]): Date | string {
    if (new.target === undefined) return new HostDate(clock.now()).toString();
    const ctorArgs = args.length === 0 ? [clock.now()] : args;
    return Reflect.construct(HostDate, ctorArgs, new.target) as Date;
  }
  VirtualDate.prototype = HostDate.prototype;
  Object.defineProperties(VirtualDate, {
    now: { value: () => clock.now(), writable: true, configurable: true },
    parse: { value: HostDate.parse, writable: true, configurable: true },
    UTC: { value: HostDate.UTC, writable: true, configurable: true },
  });
  return VirtualDate as unknown as DateConstructor;
}
