import { MENU } from '../../src/ui/menu';
import { addon, OWNER, useMockApi } from '../support/harness';

/** The built bundle's entry points run as Apps Script runs them: onOpen in every auth mode, GRAVITY_INFO end to end. */
const mockApi = useMockApi();

function captions(menu: { items: Array<{ caption: string; items?: unknown }> } | null): unknown {
  return menu?.items.map((item) =>
    'items' in item && Array.isArray(item.items) ? { [item.caption]: captions(item as never) } : item.caption,
  );
}

describe('onOpen', () => {
  it.each(['authNone', 'authLimited', 'full'] as const)('builds the spec menu under %s', (kind) => {
    const { run, spreadsheet, emu } = addon(mockApi());
    run('onOpen', [{}], { kind });
    const expected = MENU.map((entry) =>
      'items' in entry ? { [entry.caption]: entry.items.map((i) => i.caption) } : entry.caption,
    );
    expect(captions(spreadsheet.ui.addonMenu as never)).toEqual(expected);
    expect(emu.lastExecutionCounters.urlFetchRequests).toBe(0);
    expect(emu.lastExecutionCounters.propertyReads).toBe(0);
  });

  it('uses the exact captions of the spec', () => {
    const { run, spreadsheet } = addon(mockApi());
    run('onOpen', [{}], { kind: 'authNone' });
    expect(captions(spreadsheet.ui.addonMenu as never)).toEqual([
      'Open sidebar',
      'Refresh all reports now',
      'Refresh GRAVITY formulas',
      {
        'Add report': [
          'Metrics (last 30 days)',
          'Campaigns',
          'Conversions',
          'Billing snapshot',
          'Pixel events',
          'Conversion stats',
          'Integrations',
          'Billing reconciliation',
        ],
      },
      { Schedule: ['Every hour', 'Every day', 'Every week', 'Turn off'] },
    ]);
  });
});

describe('GRAVITY_INFO from the built bundle', () => {
  it('returns the advertiser from the mock', async () => {
    const { formula, requests } = addon(mockApi());
    const info = formula('GRAVITY_INFO') as unknown[][];
    expect(info[0]).toEqual(['field', 'value']);
    expect(info.map((row) => row[0])).toEqual(['field', 'advertiser_id', 'name', 'email']);
    expect(formula('GRAVITY_INFO', 'name')).toBe(info[2][1]);
    expect(await requests()).toEqual(['/info']);
  });

  it('never puts the key in a log line or an error message', async () => {
    const api = mockApi();
    await api.fault({ path: '/info', status: 401 });
    const { formula, logText, emu } = addon(api);
    const error = formula('GRAVITY_INFO') as Error;
    expect(error.message).toMatch(/^Gravity: the API key was rejected \(401\)/);
    expect(error.message).not.toContain(api.apiKey);
    expect(logText()).not.toContain(api.apiKey);
    expect(JSON.stringify(emu.userProperties(OWNER).all())).toContain(api.apiKey);
  });
});
