/* global window, Node, __FUNCTION_NAMES__, __ENDPOINT__ -- the last two are replaced by the harness */
/**
 * The page-side stand-in for google.script.run and google.script.host, injected by the harness into the built
 * sidebar. Like Apps Script it offers one method per public server function, calls asynchronously, copies
 * arguments as plain data (undefined in arrays becomes null), refuses Dates, functions and DOM nodes, and
 * hands failures to the failure handler as Error objects
 * (developers.google.com/apps-script/guides/html/reference/run). Each call is POSTed to the harness as JSON.
 */
(function installScriptRun(functionNames, endpoint) {
  'use strict';

  /** Why a value cannot travel to the server, or null. */
  function illegal(value, where, seen) {
    if (value === null || value === undefined) return null;
    const type = typeof value;
    if (type === 'string' || type === 'boolean') return null;
    if (type === 'number') return null;
    if (type === 'function') return where + ' is a function';
    if (type !== 'object') return where + ' is a ' + type;
    if (value instanceof Date) return where + ' is a Date';
    if (typeof Node !== 'undefined' && value instanceof Node) return where + ' is a DOM element';
    if (seen.has(value)) return where + ' refers to itself';
    seen.add(value);
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, item] of entries) {
      const problem = illegal(item, where + '[' + JSON.stringify(key) + ']', seen);
      if (problem) return problem;
    }
    seen.delete(value);
    return null;
  }

  function asError(failure) {
    const error = new Error(failure.message);
    error.name = failure.name || 'Error';
    return error;
  }

  function call(name, args, handlers) {
    const fail = (error) => {
      if (handlers.failure) handlers.failure(error, handlers.userObject);
      else console.error(error);
    };
    const problem = args.map((arg, i) => illegal(arg, 'argument ' + (i + 1), new Set())).find(Boolean);
    if (problem) {
      setTimeout(() => fail(new Error('Invalid argument: ' + problem)), 0);
      return;
    }
    fetch(endpoint + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args: args }),
    })
      .then((response) => response.json())
      .then(
        (answer) => {
          if (!answer.ok) fail(asError(answer.error));
          else if (handlers.success) handlers.success(answer.value, handlers.userObject);
        },
        () => fail(new Error('NetworkError: Connection failure due to HTTP 0')),
      );
  }

  /** Each with…Handler returns a new runner carrying the handlers, as Apps Script's does. */
  function runner(handlers) {
    const run = {
      withSuccessHandler: (f) => runner(Object.assign({}, handlers, { success: f })),
      withFailureHandler: (f) => runner(Object.assign({}, handlers, { failure: f })),
      withUserObject: (o) => runner(Object.assign({}, handlers, { userObject: o })),
    };
    for (const name of functionNames) {
      run[name] = function () {
        call(name, Array.prototype.slice.call(arguments), handlers);
      };
    }
    return run;
  }

  window.google = {
    script: {
      run: runner({}),
      host: {
        origin: window.location.origin,
        close: () => window.dispatchEvent(new CustomEvent('harness:close')),
        setHeight: () => undefined,
        setWidth: () => undefined,
        editor: { focus: () => undefined },
      },
    },
  };
})(__FUNCTION_NAMES__, __ENDPOINT__);
