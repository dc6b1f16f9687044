/**
 * The playground server in-process, through its HTTP API: the startup state, a formula, the menu, a mock
 * fault, what it refuses, and live mode (no mock, the network allowed, no key until one is entered).
 */
import { request } from 'node:http';
import { startPlayground, type Playground } from '../../dev/playground/server';
import { OWNER } from '../../dev/playground/session';
import type { GridCell, PlaygroundState } from '../../dev/playground/protocol';
import { SETTING } from '../../src/settings/keys';
import { DIST } from '../support/bundle';

let playground: Playground;

beforeAll(async () => {
  playground = await startPlayground({ distDir: DIST, port: 0, mockToday: '2025-05-20' });
});

afterAll(async () => {
  await playground?.close();
});

async function post(path: string, body: unknown, type = 'application/json'): Promise<Response> {
  return fetch(new URL(path, playground.url), {
    method: 'POST',
    headers: { 'content-type': type },
    body: JSON.stringify(body),
  });
}

async function postState(path: string, body: unknown = {}): Promise<PlaygroundState> {
  const response = await post(path, body);
  expect(response.status).toBe(200);
  return (await response.json()) as PlaygroundState;
}

const at = (state: PlaygroundState, row: number, column: number): GridCell | undefined =>
  state.grid.cells.find((c) => c.row === row && c.column === column);

describe('startup', () => {
  it("opens with the owner's mock key saved, formulas allowed and the menu onOpen built", async () => {
    const state = (await (await fetch(new URL('/api/state', playground.url))).json()) as PlaygroundState;
    expect(state).toMatchObject({ mode: 'mock', tabs: ['Sheet1'], active: 'Sheet1', owner: OWNER });
    expect(state.menu.map((entry) => (entry.type === 'separator' ? '-' : entry.caption))).toEqual([
      'Open sidebar',
      'Refresh all reports now',
      'Refresh GRAVITY formulas',
      'Add report',
      'Schedule',
    ]);
    const owner = playground.session.emu.userProperties(OWNER);
    expect(owner.get(SETTING.apiKey)).toBe(playground.session.api?.apiKey);
    expect(JSON.parse(owner.get(SETTING.formulaSpreadsheets) ?? '[]')).toEqual([
      playground.session.spreadsheet.id,
    ]);
    expect(JSON.stringify(state)).not.toContain(playground.session.api?.apiKey);
  });
});

describe('formulas and faults', () => {
  it('evaluates a typed GRAVITY formula, shows a 429 storm as #ERROR!, and works again after a reset', async () => {
    let state = await postState('/api/cell', {
      tab: 'Sheet1',
      a1: 'B2',
      text: '=GRAVITY_TOTAL("clicks", 7)',
    });
    expect(at(state, 2, 2)).toMatchObject({ align: 'right', input: '=GRAVITY_TOTAL("clicks", 7)' });
    expect(Number(at(state, 2, 2)?.text.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(state.activity.at(-1)).toMatchObject({
      kind: 'formula',
      title: 'B2: =GRAVITY_TOTAL("clicks", 7)',
    });

    await postState('/api/mock/fault', { name: 'rate-limit-always' });
    // Another period than B2's: the same request would be answered from the formula cache.
    state = await postState('/api/cell', { tab: 'Sheet1', a1: 'B3', text: '=GRAVITY_TOTAL("spend", 8)' });
    expect(at(state, 3, 2)).toMatchObject({ text: '#ERROR!', error: expect.stringMatching(/^Gravity:/) });

    await postState('/api/mock/reset');
    state = await postState('/api/cell', { tab: 'Sheet1', a1: 'B4', text: '=GRAVITY_TOTAL("spend", 9)' });
    expect(at(state, 4, 2)?.error).toBeUndefined();
    expect(at(state, 4, 2)?.text).toMatch(/^[\d,]+(\.\d+)?$/);
  });
});

describe('the menu', () => {
  it('runs an item as the owner and reports its toasts', async () => {
    const state = await postState('/api/menu', { handler: 'addCampaignsReport' });
    expect(state.tabs).toEqual(expect.arrayContaining(['Gravity Reports', 'Campaigns']));
    const titles = state.activity.map((a) => `${a.kind}: ${a.title}`);
    expect(titles).toContain('run: Extensions › Gravity › Add report › Campaigns');
    expect(state.activity.filter((a) => a.kind === 'toast').map((a) => a.text)).toContain(
      '"Campaigns" is up to date: 6 rows.',
    );
  });

  it('refuses a function that is not a menu item, such as a sidebar server function', async () => {
    const response = await post('/api/menu', { handler: 'sidebarRemoveKey' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'The add-on menu has no item that runs sidebarRemoveKey.',
    });
    expect(playground.session.emu.userProperties(OWNER).get(SETTING.apiKey)).toBeDefined();
  });
});

describe('what the server refuses', () => {
  it('a body that is not JSON (another site cannot post JSON without a preflight)', async () => {
    const response = await post('/api/menu', { handler: 'scheduleDaily' }, 'text/plain');
    expect(response.status).toBe(400);
    expect(playground.session.emu.triggers).toHaveLength(0);
  });

  it('a request for another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(playground.url);
      request({ host: '127.0.0.1', port, path: '/api/state', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(400);
  });

  it('a cell that is not a cell, and a tab that does not exist', async () => {
    expect((await post('/api/cell', { tab: 'Sheet1', a1: 'A0', text: 'x' })).status).toBe(400);
    expect((await post('/api/cell', { tab: 'Nope', a1: 'A1', text: 'x' })).status).toBe(400);
    expect((await post('/api/tab', { name: 'Nope' })).status).toBe(400);
  });
});

describe('live mode', () => {
  let live: Playground;

  beforeAll(async () => {
    live = await startPlayground({
      distDir: DIST,
      port: 0,
      live: true,
      liveBaseUrl: 'https://gravity.invalid',
    });
  });

  afterAll(async () => {
    await live?.close();
  });

  it('has no mock and no saved key, and lets UrlFetchApp leave the machine', async () => {
    expect(live.session.api).toBeNull();
    const state = (await (await fetch(new URL('/api/state', live.url))).json()) as PlaygroundState;
    expect(state).toMatchObject({ mode: 'live', apiBaseUrl: 'https://gravity.invalid' });
    expect(live.session.emu.userProperties(OWNER).get(SETTING.apiKey)).toBeUndefined();
    const fault = await fetch(new URL('/api/mock/fault', live.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'slow' }),
    });
    expect(fault.status).toBe(400);
    // The sidebar's key check goes out to the configured host: refused by DNS, not by the emulator.
    const answer = (await (
      await fetch(new URL('/script-run/sidebarSaveKey', live.sidebar.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ args: ['gravity-live-key-1234'] }),
      })
    ).json()) as { ok: boolean; error?: { message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.message).toContain(
      'could not reach the Gravity API (Address unavailable: https://gravity.invalid/advertiser-dashboard/info)',
    );
    expect(answer.error?.message).not.toContain('loopback');
    expect(live.session.emu.logs.join('\n')).not.toContain('loopback');
    expect(live.session.emu.userProperties(OWNER).get(SETTING.apiKey)).toBeUndefined();
  });
});
