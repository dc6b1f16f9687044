import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createVirtualDate } from './clock';
import { ExecutionTimeExceeded, type Clock, type Execution } from './context';
import { Realm } from './realm';

/** The part of appsscript.json the emulator uses. */
export interface Manifest {
  timeZone: string;
  [key: string]: unknown;
}

/** What `clasp push` uploads: the bundled script, its manifest and its HTML files. */
export interface Bundle {
  readonly script: vm.Script;
  readonly manifest: Manifest;
  /** HTML files by name without the .html extension, as HtmlService looks them up. */
  readonly html: ReadonlyMap<string, string>;
}

export function loadBundleFiles(distDir: string): Bundle {
  const code = fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as Manifest;
  if (typeof manifest.timeZone !== 'string') throw new Error('appsscript.json has no timeZone');
  const html = new Map<string, string>();
  for (const name of fs.readdirSync(distDir)) {
    if (name.endsWith('.html'))
      html.set(name.slice(0, -5), fs.readFileSync(path.join(distDir, name), 'utf8'));
  }
  return { script: new vm.Script(code, { filename: 'Code.js' }), manifest, html };
}

/**
 * Runs `fn` with the process time zone set to the script's: Apps Script runs V8 in the project's zone, so
 * `getHours()` and `new Date(2025, 0, 1)` are local to it. Only the real `process.env` reaches V8's time zone;
 * under Jest the module-level `process` is a sandboxed copy, hence the lookup in the outer context.
 */
export function withTimeZone<T>(timeZone: string, fn: () => T): T {
  const env = (vm.runInThisContext('process') as NodeJS.Process).env;
  const previous = env.TZ;
  env.TZ = timeZone;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete env.TZ;
    else env.TZ = previous;
  }
}

/** vm's error for a script that ran past its `timeout`. */
const isTimeout = (e: unknown): boolean =>
  e !== null && typeof e === 'object' && (e as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/** The script's error, in the host realm, keeping name, message and stack. */
export function hostError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const src = e as { name?: unknown; message?: unknown; stack?: unknown };
    const err = new Error(String(src.message));
    err.name = String(src.name ?? 'Error');
    if (typeof src.stack === 'string') err.stack = src.stack;
    return err;
  }
  return new Error(String(e));
}

/**
 * A fresh, bare V8 context for one execution: only the ECMAScript built-ins, a virtual-clock `Date` and the
 * services installed as globals. No require, module, process, Buffer, fetch, setTimeout, TextEncoder or
 * URL: Apps Script has none of them.
 */
export class ScriptContext {
  readonly realm: Realm;
  private readonly context: vm.Context;
  private readonly builtins: Set<string>;

  constructor(
    private readonly bundle: Bundle,
    clock: Clock,
  ) {
    this.context = vm.createContext(
      {},
      { name: 'Apps Script', codeGeneration: { strings: true, wasm: false } },
    );
    const global = vm.runInContext('globalThis', this.context) as Record<string, unknown>;
    Object.defineProperty(global, 'Date', {
      value: createVirtualDate(clock),
      writable: true,
      configurable: true,
    });
    this.realm = new Realm(this.context);
    this.builtins = new Set(Object.getOwnPropertyNames(global));
  }

  /** Makes a service a global of the script, seen through the realm boundary. */
  install(name: string, service: object): void {
    this.global()[name] = this.realm.toScript(service);
    this.builtins.add(name);
  }

  /** Runs the bundle's top-level code (every execution does, in Apps Script). */
  load(execution: Execution): void {
    this.guard(execution, () =>
      this.bundle.script.runInContext(this.context, { timeout: remaining(execution) }),
    );
  }

  /** Top-level functions the bundle declared. */
  functions(): string[] {
    const global = this.global();
    return Object.getOwnPropertyNames(global).filter(
      (name) => !this.builtins.has(name) && typeof global[name] === 'function',
    );
  }

  /** Calls a top-level function with host arguments; returns its result in the host realm. */
  call(fn: string, args: unknown[], execution: Execution): unknown {
    const global = this.global();
    const target = global[fn];
    if (typeof target !== 'function') throw new Error(`Script function not found: ${fn}`);
    const scriptArgs = this.realm.toScript(args);
    Object.defineProperty(global, '__emulatorCall', {
      value: () => Reflect.apply(target, undefined, scriptArgs as unknown[]),
      configurable: true,
    });
    try {
      const result = this.guard(execution, () =>
        vm.runInContext('__emulatorCall()', this.context, { timeout: remaining(execution) }),
      );
      return this.realm.toHost(result);
    } finally {
      delete global.__emulatorCall;
    }
  }

  /** Constructors of the script's realm, for services that build values the script tests with instanceof. */
  constructors(): { Date: DateConstructor; Array: ArrayConstructor; Error: ErrorConstructor } {
    const global = this.global();
    return {
      Date: global.Date as DateConstructor,
      Array: global.Array as ArrayConstructor,
      Error: global.Error as ErrorConstructor,
    };
  }

  /** Compiles source in the script's realm (HtmlService templates). */
  compile(source: string): (...args: unknown[]) => unknown {
    return vm.runInContext(source, this.context) as (...args: unknown[]) => unknown;
  }

  private global(): Record<string, unknown> {
    return vm.runInContext('globalThis', this.context) as Record<string, unknown>;
  }

  /** Maps a runaway script (vm timeout) to Apps Script's error and script errors to host errors. */
  private guard<T>(execution: Execution, run: () => T): T {
    if (execution.clock.now() > execution.deadline) throw new ExecutionTimeExceeded();
    try {
      return run();
    } catch (e) {
      if (isTimeout(e)) throw new ExecutionTimeExceeded();
      throw hostError(e);
    }
  }
}

/** Real milliseconds left before the deadline (the vm timeout counts real time, never less than 1). */
function remaining(execution: Execution): number {
  return Math.max(1, Math.ceil(execution.deadline - execution.clock.now()));
}
