/**
 * A promise-based, typed face on `google.script.run`: `server.sidebarSaveKey(key)` returns a Promise of what
 * the server function returns, checked against the same `SidebarApi` interface the server implements.
 */

/** The part of google.script.run the bridge uses (developers.google.com/apps-script/guides/html/reference/run). */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [serverFunction: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRun } };
  }
}

/** Every function of T, returning a Promise of its result. */
export type Remote<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

export function remote<T extends object>(run: () => ScriptRun): Remote<T> {
  return new Proxy({} as Remote<T>, {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          // Handlers are set on a fresh runner per call: google.script.run keeps them per chain.
          const runner = run().withSuccessHandler(resolve).withFailureHandler(reject);
          const call = runner[name];
          if (typeof call !== 'function') {
            reject(new Error(`The add-on has no server function ${name}.`));
            return;
          }
          (call as (...a: unknown[]) => void).apply(runner, args);
        });
    },
  });
}

/** google.script.run of this page; only exists inside Google Sheets (or the local harness). */
export function scriptRun(): ScriptRun {
  const run = window.google?.script?.run;
  if (!run) throw new Error('This page only works as the Gravity sidebar inside Google Sheets.');
  return run;
}
