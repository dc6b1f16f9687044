import * as vm from 'node:vm';

type HostFunction = (...args: unknown[]) => unknown;
type Obj = Record<PropertyKey, unknown>;

const isDate = (v: unknown): boolean => Object.prototype.toString.call(v) === '[object Date]';

/**
 * The boundary between the fake services (host realm) and the script (its own vm realm).
 *
 * In Apps Script everything lives in one realm: a service throws an `Error` the script can test with
 * `instanceof Error`, returns arrays that are `instanceof Array`, and its objects expose nothing but their
 * methods. Here the services are host objects, so everything that crosses over is translated:
 * - service objects become proxies that show only their methods (so `Sheet.foo()` fails with V8's own
 *   "TypeError: ... is not a function") and the properties the script set on them (HtmlTemplate data);
 * - methods become functions of the script's realm; errors they throw become errors of the script's realm,
 *   keeping their name ("Exception") and message;
 * - plain data (arrays, records) is copied into the script's realm, and copied back into the host realm when
 *   the script hands it to a service or returns it.
 * Dates need nothing: the script's `Date` shares the host `Date.prototype` (see clock.ts).
 */
export class Realm {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  private readonly methods = new WeakMap<object, Map<PropertyKey, unknown>>();
  private readonly frozenCopies = new WeakMap<object, unknown>();
  private readonly global: Obj;
  private readonly makeFunction: (call: (self: unknown, args: unknown[]) => unknown) => HostFunction;

  constructor(context: vm.Context) {
    this.global = vm.runInContext('globalThis', context) as Obj;
    this.makeFunction = vm.runInContext(
      '(function (call) { return function () { return call(this, Array.prototype.slice.call(arguments)); }; })',
      context,
    ) as (call: (self: unknown, args: unknown[]) => unknown) => HostFunction;
  }

  /** True for objects made by the script's realm. */
  private isScriptObject(v: object): boolean {
    return v instanceof (this.global.Object as ObjectConstructor);
  }

  /** Host value → what the script sees. */
  toScript(value: unknown, seen = new Map<object, unknown>()): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (this.targets.has(value)) return value; // already a proxy
    if (typeof value === 'function') {
      return this.isScriptObject(value) ? value : this.scriptFunction(value as HostFunction);
    }
    if (isDate(value)) return value;
    const known = this.proxies.get(value) ?? seen.get(value) ?? this.frozenCopies.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      const copy = new (this.global.Array as ArrayConstructor)();
      seen.set(value, copy);
      for (const item of value) copy.push(this.toScript(item, seen));
      return copy;
    }
    if (this.isPlainData(value)) {
      const copy = new (this.global.Object as ObjectConstructor)() as Obj;
      seen.set(value, copy);
      for (const [k, v] of Object.entries(value)) copy[k] = this.toScript(v, seen);
      if (Object.isFrozen(value)) {
        Object.freeze(copy);
        this.frozenCopies.set(value, copy);
      }
      return copy;
    }
    if (this.isScriptObject(value)) return value;
    return this.serviceProxy(value);
  }

  /** What the script hands over → host value (proxies unwrapped, data copied into the host realm). */
  toHost(value: unknown, seen = new Map<object, unknown>()): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = this.targets.get(value);
    if (target !== undefined) return target;
    if (isDate(value)) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      seen.set(value, copy);
      for (const item of value) copy.push(this.toHost(item, seen));
      return copy;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === null || proto === (this.global.Object as ObjectConstructor).prototype) {
      const copy: Obj = {};
      seen.set(value, copy);
      for (const [k, v] of Object.entries(value)) copy[k] = this.toHost(v, seen);
      return copy;
    }
    return value;
  }

  /** A host error → an error of the script's realm with the same name and message. */
  toScriptError(e: unknown): unknown {
    if (e === null || typeof e !== 'object' || this.isScriptObject(e)) return e;
    const err = e as Error;
    const ctor = this.global[err.name];
    const Ctor = (
      typeof ctor === 'function' && /Error$/.test(err.name) ? ctor : this.global.Error
    ) as ErrorConstructor;
    const copy = new Ctor(String(err.message));
    if (copy.name !== err.name) {
      Object.defineProperty(copy, 'name', { value: err.name, writable: true, configurable: true });
    }
    copy.stack = `${err.name}: ${err.message}`;
    return copy;
  }

  /** Records whose values hold no function are data; objects with methods are services. */
  private isPlainData(value: object): boolean {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value).every((v) => typeof v !== 'function');
  }

  private scriptFunction(fn: HostFunction, self?: object): HostFunction {
    return this.makeFunction((thisArg, args) => {
      const receiver = self ?? this.toHost(thisArg);
      try {
        return this.toScript(
          Reflect.apply(
            fn,
            receiver,
            args.map((a) => this.toHost(a)),
          ),
        );
      } catch (e) {
        throw this.toScriptError(e);
      }
    });
  }

  private method(target: object, prop: PropertyKey, fn: HostFunction): unknown {
    let cache = this.methods.get(target);
    if (!cache) this.methods.set(target, (cache = new Map()));
    let wrapped = cache.get(prop);
    if (wrapped === undefined) cache.set(prop, (wrapped = this.scriptFunction(fn, target)));
    return wrapped;
  }

  private serviceProxy(target: object): object {
    const scriptKeys = new Set<PropertyKey>();
    const isLiteral = Object.getPrototypeOf(target) === Object.prototype;
    const visible = (prop: PropertyKey): boolean =>
      scriptKeys.has(prop) || (isLiteral && typeof prop === 'string' && Object.hasOwn(target, prop));
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        if (scriptKeys.has(prop)) return Reflect.get(t, prop);
        if (typeof prop === 'symbol') return undefined;
        const value: unknown = Reflect.get(t, prop);
        if (typeof value === 'function') return this.method(t, prop, value as HostFunction);
        // Own fields of a service class are its private state.
        if (!isLiteral && Object.hasOwn(t, prop)) return undefined;
        return this.toScript(value);
      },
      set: (t, prop, value) => {
        scriptKeys.add(prop);
        return Reflect.set(t, prop, value);
      },
      has: (t, prop) =>
        visible(prop) || (typeof prop === 'string' && typeof Reflect.get(t, prop) === 'function'),
      ownKeys: (t) => Reflect.ownKeys(t).filter(visible),
      getOwnPropertyDescriptor: (t, prop) => {
        if (!visible(prop)) return undefined;
        const d = Reflect.getOwnPropertyDescriptor(t, prop);
        if (d && 'value' in d && !scriptKeys.has(prop)) d.value = proxy[prop as keyof typeof proxy];
        return d;
      },
      deleteProperty: (t, prop) => {
        scriptKeys.delete(prop);
        return Reflect.deleteProperty(t, prop);
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }
}
