import type { Execution } from './context';
import { AppsScriptException, permissionDenied } from './errors';

/** Limits from developers.google.com/apps-script/guides/services/quotas: 9 KB a value, 500 KB a store. */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

/** Apps Script gives this one message for both limits (reported by users hitting either). */
const QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** One property store (script, one user's, or one document's), as tests see it: no limits, no counters. */
export class PropertyStore {
  private readonly map = new Map<string, string>();

  get(key: string): string | undefined {
    return this.map.get(key);
  }

  set(key: string, value: string): void {
    this.map.set(key, value);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  all(): Record<string, string> {
    return Object.fromEntries(this.map);
  }

  /** Bytes the store occupies, keys and values, as the 500 KB quota counts them. */
  bytes(): number {
    let total = 0;
    for (const [k, v] of this.map) total += utf8Bytes(k) + utf8Bytes(v);
    return total;
  }
}

/** The `Properties` object a script receives for one store. */
class Properties {
  constructor(
    private readonly execution: Execution,
    private readonly store: PropertyStore,
    /** Writes refused: the owner's user properties seen from a custom function. */
    private readonly readOnly: boolean,
  ) {}

  private read(method: string): void {
    this.execution.check('Properties', method);
    this.execution.counters.propertyReads++;
  }

  private write(method: string): void {
    this.execution.check('Properties', method);
    if (this.readOnly) throw permissionDenied(`Properties.${method}`);
    this.execution.counters.propertyWrites++;
  }

  getProperty(key: string): string | null {
    this.read('getProperty');
    return this.store.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    this.read('getProperties');
    return this.store.all();
  }

  getKeys(): string[] {
    this.read('getKeys');
    return Object.keys(this.store.all());
  }

  setProperty(key: string, value: string): Properties {
    this.write('setProperty');
    this.put({ [String(key)]: value });
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    this.write('setProperties');
    const before = this.store.all();
    if (deleteAllOthers === true) this.store.clear();
    try {
      this.put(properties);
    } catch (e) {
      this.restore(before);
      throw e;
    }
    return this;
  }

  deleteProperty(key: string): Properties {
    this.write('deleteProperty');
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.write('deleteAllProperties');
    this.store.clear();
    return this;
  }

  /** Stores every pair or none: values are strings in Apps Script ("converted to strings"). */
  private put(properties: Record<string, unknown>): void {
    const before = this.store.all();
    for (const [key, raw] of Object.entries(properties)) {
      const value = String(raw);
      if (utf8Bytes(value) > PROPERTY_VALUE_MAX_BYTES) {
        this.restore(before);
        throw new AppsScriptException(QUOTA_MESSAGE);
      }
      this.store.set(key, value);
    }
    if (this.store.bytes() > PROPERTY_STORE_MAX_BYTES) {
      this.restore(before);
      throw new AppsScriptException(QUOTA_MESSAGE);
    }
  }

  private restore(snapshot: Record<string, string>): void {
    this.store.clear();
    for (const [k, v] of Object.entries(snapshot)) this.store.set(k, v);
  }
}

export interface PropertyStores {
  script: PropertyStore;
  user(email: string): PropertyStore;
  document(spreadsheetId: string): PropertyStore;
}

/**
 * `PropertiesService` for one execution. `userPropertiesOwner` is whose user properties the script sees:
 * the running user, except in a custom function, which gets the spreadsheet owner's and may not change them
 * (developers.google.com/apps-script/guides/sheets/functions: "getUserProperties() only gets the properties
 * of the spreadsheet owner. Spreadsheet editors can't set user properties in a custom function.").
 */
export function createPropertiesService(
  execution: Execution,
  stores: PropertyStores,
  userPropertiesOwner: string,
): object {
  return {
    getScriptProperties(): Properties {
      execution.check('PropertiesService', 'getScriptProperties');
      return new Properties(execution, stores.script, false);
    },
    getUserProperties(): Properties {
      execution.check('PropertiesService', 'getUserProperties');
      return new Properties(execution, stores.user(userPropertiesOwner), execution.kind === 'customFunction');
    },
    getDocumentProperties(): Properties | null {
      execution.check('PropertiesService', 'getDocumentProperties');
      // Null outside a document (reference/properties/properties-service#getDocumentProperties()).
      const id = execution.activeSpreadsheetId;
      return id === null ? null : new Properties(execution, stores.document(id), false);
    },
  };
}
