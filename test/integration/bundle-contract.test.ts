import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { menuHandlers } from '../../src/ui/menu';
import { SIDEBAR_FUNCTIONS } from '../../src/ui/sidebar-api';
import { bundleSource, DIST, topLevelFunctions } from '../support/bundle';

/**
 * The built dist/ is what `clasp push` uploads. These checks are the proof that it is valid Apps Script:
 * a plain script whose top-level function declarations are the entry points, carrying their JSDoc.
 */
describe('dist/ bundle contract', () => {
  const functions = topLevelFunctions();
  const byName = new Map(functions.map((f) => [f.name, f]));

  it('loads in a bare V8 context without require, module, process or any service', () => {
    const context = vm.createContext({});
    vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
    const globals = context as Record<string, unknown>;
    for (const fn of functions) expect(typeof globals[fn.name]).toBe('function');
    expect(globals.require).toBeUndefined();
    expect(globals.module).toBeUndefined();
  });

  it('exposes onOpen and onInstall', () => {
    expect(byName.has('onOpen')).toBe(true);
    expect(byName.has('onInstall')).toBe(true);
  });

  it('exposes every server function the sidebar calls', () => {
    expect(SIDEBAR_FUNCTIONS.filter((fn) => !byName.has(fn))).toEqual([]);
  });

  it('exposes every function the menu names', () => {
    const missing = menuHandlers().filter((handler) => !byName.has(handler));
    expect(missing).toEqual([]);
  });

  it('gives every custom function @customfunction JSDoc with a @param per argument', () => {
    const custom = functions.filter((f) => f.name.startsWith('GRAVITY_'));
    expect(custom.length).toBeGreaterThan(0);
    for (const fn of custom) {
      expect(fn.jsDoc).toMatch(/@customfunction/);
      for (const param of fn.params) expect(fn.jsDoc).toMatch(new RegExp(`@param \\{[^}]+\\} ${param}\\b`));
      expect(fn.jsDoc).toMatch(/@return/);
    }
    // Functions ending in "_" are private in Apps Script and never reachable from a cell or a menu.
    expect(functions.filter((f) => f.name.endsWith('_'))).toEqual([]);
  });

  it('ships the spec custom functions', () => {
    const expected = [
      'GRAVITY_INFO',
      'GRAVITY_CAMPAIGNS',
      'GRAVITY_CAMPAIGN',
      'GRAVITY_METRICS',
      'GRAVITY_TOTAL',
      'GRAVITY_CONVERSIONS',
      'GRAVITY_BILLING',
      'GRAVITY_EVENTS',
      'GRAVITY_CONVERSION_STATS',
      'GRAVITY_INTEGRATIONS',
    ];
    expect(
      functions
        .map((f) => f.name)
        .filter((n) => n.startsWith('GRAVITY_'))
        .sort(),
    ).toEqual(expected.sort());
  });

  it('ships a manifest fit for an editor add-on', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.timeZone).toEqual(expect.any(String));
    expect(manifest.urlFetchWhitelist).toEqual(['https://platform.trygravity.ai/']);
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/script.external_request',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/spreadsheets',
      ]),
    );
  });
});
