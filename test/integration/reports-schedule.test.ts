import { addon, EDITOR, OWNER, useMockApi } from '../support/harness';
import { COL, CONFIG, logRows, resultOf, sheet, snapshot, typeReports } from './reports-support';

/** Schedules, scheduled runs, the run lock and the time budget, from the BUILT bundle in the emulator. */

const mock = useMockApi();

const ownersTriggers = (a: ReturnType<typeof addon>, user = OWNER) =>
  a.emu.triggers.filter((t) => t.user === user);

describe('Schedule menu', () => {
  test('one trigger per user and document, whatever is clicked; Turn off removes it', () => {
    const a = addon(mock());
    a.run('scheduleHourly');
    a.run('scheduleDaily');
    a.run('scheduleHourly');
    a.run('scheduleWeekly');
    expect(ownersTriggers(a)).toHaveLength(1);
    expect(ownersTriggers(a)[0]).toMatchObject({ handler: 'runScheduledRefresh', everyWeeks: 1 });
    expect(a.spreadsheet.ui.toasts.at(-1)?.message).toMatch(/^Reports now refresh every week, as you/);
    a.emu.userProperties(EDITOR).set('GRAVITY_API_KEY', a.api.apiKey);
    a.run('scheduleDaily', [], { user: EDITOR });
    expect(ownersTriggers(a, EDITOR)).toHaveLength(1);
    expect(ownersTriggers(a)).toHaveLength(1);
    a.run('scheduleOff');
    expect(ownersTriggers(a)).toHaveLength(0);
    expect(ownersTriggers(a, EDITOR)).toHaveLength(1);
    expect(
      Object.keys(a.emu.userProperties(OWNER).all()).filter((k) => k.startsWith('GRAVITY_SCHEDULE_')),
    ).toEqual([]);
    expect(a.spreadsheet.ui.toasts.at(-1)?.message).toMatch(/^Schedule off/);
  });

  test('scheduling without a saved key says that runs will fail until one is saved', () => {
    const a = addon(mock(), { key: null });
    a.run('scheduleHourly');
    expect(a.spreadsheet.ui.toasts.at(-1)?.message).toMatch(/No API key is saved yet/);
  });
});

describe('a scheduled run', () => {
  test('with no active spreadsheet refreshes the spreadsheet it was scheduled in, as its user', () => {
    const a = addon(mock());
    typeReports(a, [['Metrics', 'metrics', 3]]);
    const other = a.emu.createSpreadsheet({ owner: OWNER, timeZone: 'Europe/Paris' });
    const inOther = (fn: string) => a.emu.run(fn, [], { kind: 'full', user: OWNER, spreadsheetId: other.id });
    inOther('refreshAllReports');
    other.sheet(CONFIG)?.typeValues('A2', [['Paris metrics', 'metrics', 2]]);
    inOther('scheduleDaily');
    const [trigger] = ownersTriggers(a);
    expect(trigger.spreadsheetId).toBe(other.id);
    a.emu.clock.advance(86_400_000);
    a.emu.fireTrigger(trigger.uid);
    expect(other.sheet('Paris metrics')?.values()).toHaveLength(3);
    expect(other.sheet('Gravity Log')?.displayValues().at(-1)?.slice(1, 4)).toEqual([
      'scheduled',
      'Paris metrics',
      'OK',
    ]);
    expect(a.spreadsheet.sheet('Metrics')).toBeUndefined();
  });

  test("runs with the key of the user who scheduled it, not the owner's", () => {
    const a = addon(mock());
    typeReports(a, [['Metrics', 'metrics', 3]]);
    a.run('scheduleDaily', [], { user: EDITOR });
    a.emu.fireTrigger(ownersTriggers(a, EDITOR)[0].uid);
    expect(resultOf(a, 'Metrics')).toMatch(/^Gravity: no API key is saved/);
    expect(a.spreadsheet.sheet('Metrics')).toBeUndefined();
  });

  test('a failed scheduled refresh shows why in the sheet: Result and Gravity Log', async () => {
    const a = addon(mock());
    typeReports(a, [['Campaigns', 'campaigns']]);
    a.run('scheduleHourly');
    await a.api.fault({ path: '/campaigns', status: 401, times: -1 });
    a.emu.fireTrigger(ownersTriggers(a)[0].uid);
    expect(resultOf(a, 'Campaigns')).toMatch(/API key was rejected \(401\)/);
    expect(logRows(a).at(-1)?.slice(1, 4)).toEqual(['scheduled', 'Campaigns', 'Error']);
    expect(logRows(a).at(-1)?.[6]).toMatch(/401/);
  });

  test('that finds another run holding the lock changes nothing, and logs that it skipped', () => {
    const a = addon(mock());
    typeReports(a, [['Metrics', 'metrics', 3]]);
    a.run('refreshAllReports');
    a.run('scheduleHourly');
    const before = { metrics: snapshot(sheet(a, 'Metrics')), config: snapshot(sheet(a, CONFIG)) };
    // Another run of this spreadsheet is under way: it holds the lease every run takes.
    a.emu.scriptProperties.set(
      `GRAVITY_REFRESH_LEASE_${a.spreadsheet.id}`,
      `${a.emu.clock.now() + 120_000} other`,
    );
    a.emu.fireTrigger(ownersTriggers(a)[0].uid);
    expect(snapshot(sheet(a, 'Metrics'))).toEqual(before.metrics);
    expect(snapshot(sheet(a, CONFIG))).toEqual(before.config);
    expect(logRows(a).at(-1)?.slice(1, 4)).toEqual(['scheduled', '', 'Skipped']);
    expect(logRows(a).at(-1)?.[6]).toMatch(/Another refresh of this spreadsheet was running/);
  });

  test('a manual refresh while another execution holds the document lock changes nothing', () => {
    const a = addon(mock());
    typeReports(a, [['Metrics', 'metrics', 3]]);
    a.run('refreshAllReports');
    const before = snapshot(sheet(a, 'Metrics'));
    const release = a.emu.holdDocumentLock(a.spreadsheet.id);
    a.emu.clock.advance(3_600_000);
    a.run('refreshAllReports');
    release();
    expect(snapshot(sheet(a, 'Metrics'))).toEqual(before);
    expect(a.spreadsheet.ui.toasts.at(-1)?.message).toMatch(/^Skipped: Another refresh/);
    expect(logRows(a).at(-1)?.[3]).toBe('Skipped');
    // The lock is free again: the next run refreshes, and its own lease was released.
    a.run('refreshAllReports');
    expect(logRows(a).at(-1)?.[3]).toBe('OK');
    expect(a.emu.scriptProperties.get(`GRAVITY_REFRESH_LEASE_${a.spreadsheet.id}`)).toBeUndefined();
  });

  test('that runs out of time stops starting reports and the next run starts with those', async () => {
    const a = addon(mock());
    const tabs = Array.from({ length: 7 }, (_, i) => `I${i + 1}`);
    // I8 pages (conversions): it runs after the batch of independent requests, so it is the one left over.
    typeReports(a, [['Slow', 'metrics', 3], ...tabs.map((t) => [t, 'integrations']), ['I8', 'conversions']]);
    a.run('scheduleHourly');
    // The server asks to wait 250 s on the batch: the run is past its 4-minute start budget after it.
    await a.api.fault({ path: '/metrics', status: 503, retryAfter: 250, times: 2 });
    a.emu.fireTrigger(ownersTriggers(a)[0].uid);
    const first = logRows(a);
    expect(first.filter((r) => r[3] === 'Deferred').map((r) => r[2])).toEqual(['I8']);
    expect(resultOf(a, 'Slow')).toMatch(/server error \(503\)/);
    expect(resultOf(a, 'I8')).toBe('');
    expect(a.spreadsheet.sheet('I8')).toBeUndefined();
    a.emu.clock.advance(3_600_000);
    a.emu.fireTrigger(ownersTriggers(a)[0].uid);
    const second = logRows(a).slice(first.length);
    expect(second[0].slice(2, 4)).toEqual(['I8', 'OK']);
    expect(resultOf(a, 'I8')).toBe('OK');
    expect(
      sheet(a, CONFIG)
        .values()
        .every((r, i) => i === 0 || r[COL.result] === 'OK'),
    ).toBe(true);
  });
});
