/**
 * The built sidebar in a real browser: the page from dist/sidebar.html, its google.script.run calls running
 * the built bundle in the Apps Script emulator, against the mock Gravity API.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AppsScriptEmulator } from '../../dev/emulator';
import { CAMPAIGN_PLANS, HTML_INJECTION_NAME } from '../../dev/mock-api/fixtures';
import { MockApiHandle, startMockApi } from '../../dev/mock-api/process';
import { SidebarHarness, serveEmulatedSidebar } from '../../dev/sidebar-harness';
import { SETTING } from '../../src/settings/keys';
import { TODAY } from '../support/harness';
import { Browser, launchChromium } from './chromium';
import { eventually } from './eventually';

const DIST = join(__dirname, '..', '..', 'dist');
const RESULTS = join(__dirname, '..', '..', 'test-results');
const OWNER = 'owner@example.com';
const WRONG_KEY = 'gravity-wrong-key-0000-beef';

let api: MockApiHandle;
let emu: AppsScriptEmulator;
let spreadsheetId: string;
let harness: SidebarHarness;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
/** Every answer of a server call, as the page received it. */
const answers: string[] = [];

const HTML_CAMPAIGN = CAMPAIGN_PLANS.find((plan) => plan.name === HTML_INJECTION_NAME)!.campaign_id;

const stored = (key: string): string | undefined => emu.userProperties(OWNER).get(key);
const allowedHere = (): boolean =>
  (JSON.parse(stored(SETTING.formulaSpreadsheets) ?? '[]') as string[]).includes(spreadsheetId);

beforeAll(async () => {
  // A fixed day for the mock and the emulator alike, so the test passes on any real date and time.
  api = await startMockApi({ today: TODAY });
  emu = new AppsScriptEmulator({ now: Date.parse(`${TODAY}T12:00:00Z`) });
  emu.loadBundle(DIST);
  emu.scriptProperties.set(SETTING.baseUrl, api.baseUrl);
  spreadsheetId = emu.createSpreadsheet({ name: 'Budget', owner: OWNER }).id;
  harness = await serveEmulatedSidebar({ emu, distDir: DIST, user: OWNER, spreadsheetId });
  browser = await launchChromium();
  page = await browser.context.newPage();
  // Every server answer passes through here on its way to the page, so the test sees exactly what it got.
  await page.route('**/script-run/**', async (route) => {
    const response = await route.fetch();
    answers.push(await response.text());
    await route.fulfill({ response });
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(harness.url);
  await page.locator('#settings').waitFor({ state: 'visible' });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await api?.stop();
});

function reportsSheet() {
  const sheet = emu.spreadsheets.get(spreadsheetId)?.sheet('Gravity Reports');
  if (!sheet) throw new Error('no Gravity Reports tab');
  return sheet;
}

/** Clicks Refresh now and waits until the whole refresh is over (the button is busy until then). */
async function refreshNow(): Promise<void> {
  await page.click('#refresh-now');
  await eventually(() => page.getAttribute('#refresh-now', 'aria-busy'), null, 60_000);
}

/** Picks a frequency, saves it, and waits for the answer (the form is locked until then). */
async function saveSchedule(frequency: string): Promise<void> {
  await page.selectOption('#schedule-frequency', frequency);
  await page.click('#save-schedule');
  await eventually(() => page.isEnabled('#schedule-frequency'), true);
}

async function saveKey(key: string): Promise<void> {
  await page.fill('#api-key', key);
  await page.click('#save-key');
}

describe('sidebar settings', () => {
  it('opens from the menu handler with no key saved', async () => {
    await eventually(() => page.textContent('#api-key-label'), 'API key');
    expect(await page.locator('#account').isHidden()).toBe(true);
  });

  it('refuses a wrong key, says so and stores nothing', async () => {
    await saveKey(WRONG_KEY);
    await eventually(
      () => page.textContent('#key-error'),
      expect.stringContaining('did not accept this key (401)'),
    );
    expect(stored(SETTING.apiKey)).toBeUndefined();
    expect(stored(SETTING.formulaSpreadsheets)).toBeUndefined();
    expect(await page.locator('#account').isHidden()).toBe(true);
  });

  it('saves the right key after /info, shows the advertiser and only the masked key', async () => {
    await saveKey(api.apiKey);
    await eventually(() => page.textContent('#account-name'), 'Acme Corp');
    await eventually(() => page.textContent('#account-email'), 'ads@acme.example');
    await eventually(() => page.textContent('#masked-key'), `••••••••${api.apiKey.slice(-4)}`);
    expect(await page.locator('#key-error').isHidden()).toBe(true);
    expect(await page.inputValue('#api-key')).toBe('');
    expect(await page.content()).not.toContain(api.apiKey);
    expect(stored(SETTING.apiKey)).toBe(api.apiKey);
    expect(allowedHere()).toBe(true);
    expect(await page.isChecked('#formulas-allowed')).toBe(true);
  });

  it('toggles formulas for this spreadsheet', async () => {
    await page.click('#formulas-allowed');
    await eventually(allowedHere, false);
    await eventually(() => page.isChecked('#formulas-allowed'), false);
    // The switch is disabled while the server call runs, then takes focus back.
    await eventually(() => page.evaluate(() => document.activeElement?.id), 'formulas-allowed');
    await eventually(() => page.isEnabled('#formulas-allowed'), true);
    await page.keyboard.press('Space'); // the switch keeps focus: the keyboard turns it back on
    await eventually(allowedHere, true);
    await eventually(() => page.isChecked('#formulas-allowed'), true);
  });

  it('keeps the key out of the page after a reload', async () => {
    await page.reload();
    await eventually(() => page.textContent('#account-name'), 'Acme Corp');
    expect(await page.content()).not.toContain(api.apiKey);
    expect(harness.calls.some((call) => call.error?.includes(api.apiKey))).toBe(false);
    expect(emu.logs.join('\n')).not.toContain(api.apiKey);
    expect(answers.some((body) => body.includes('3f9a'))).toBe(true); // the mask did travel
    expect(answers.filter((body) => body.includes(api.apiKey))).toEqual([]);
  });
});

describe('sidebar reports', () => {
  it('shows a campaign named like HTML as its literal name', async () => {
    await page.click('#add-report summary');
    await page.selectOption('#report-type', 'campaign');
    const option = page.locator('#report-campaign option', { hasText: HTML_INJECTION_NAME });
    await eventually(() => option.count(), 1);
    expect(await option.textContent()).toContain(HTML_INJECTION_NAME);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('adds a report for the campaign picked from the list', async () => {
    await page.selectOption('#report-campaign', HTML_CAMPAIGN);
    await page.fill('#report-tab', 'Odd campaign');
    await page.click('#add-report-button');
    await eventually(() => page.locator('#report-list .report-tab').allTextContents(), ['Odd campaign']);
    expect(await page.locator('#add-report').getAttribute('open')).toBeNull();
    const row = reportsSheet().values()[1];
    expect(row.slice(0, 2)).toEqual(['Odd campaign', 'campaign']);
    expect(row).toContain(HTML_CAMPAIGN);
  });

  it('adds a metrics report for the last 7 days', async () => {
    await page.click('#add-report summary');
    await page.selectOption('#report-type', 'metrics');
    await page.fill('#report-days', '7');
    await page.fill('#report-tab', 'Metrics 7d');
    await page.click('#add-report-button');
    await eventually(
      () => page.locator('#report-list .report-tab').allTextContents(),
      ['Odd campaign', 'Metrics 7d'],
    );
    expect(reportsSheet().values()[2].slice(0, 3)).toEqual(['Metrics 7d', 'metrics', 7]);
  });

  it('refreshes every report one call at a time, showing progress', async () => {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progress: string[] }).progress = seen;
      const text = document.getElementById('refresh-text')!;
      new MutationObserver(() => seen.push(text.textContent ?? '')).observe(text, { childList: true });
    });
    const before = harness.calls.length;
    await refreshNow();
    expect(await page.textContent('#refresh-text')).toBe('Refreshed 2 of 2: all OK.');
    const progress = await page.evaluate(() => (window as unknown as { progress: string[] }).progress);
    expect(progress).toEqual([
      'Refreshing 1 of 2: Odd campaign',
      'Refreshing 2 of 2: Metrics 7d',
      'Refreshed 2 of 2: all OK.',
    ]);
    const refreshCalls = harness.calls.slice(before).filter((call) => call.fn === 'sidebarRefreshReport');
    expect(refreshCalls.map((call) => call.ok)).toEqual([true, true]);
    expect(await page.locator('#report-list .report-result').allTextContents()).toEqual(['OK', 'OK']);
    const metrics = emu.spreadsheets.get(spreadsheetId)!.sheet('Metrics 7d')!.values();
    expect(metrics[0][0]).toBe('date');
    expect(metrics).toHaveLength(1 + 7);
    expect(await page.textContent('#schedule-last-run')).not.toBe('never');
  });

  it("shows a failed refresh in that report's result, and the others still run", async () => {
    await api.fault({ path: '/metrics', status: 403 });
    await refreshNow();
    expect(await page.textContent('#refresh-text')).toBe(
      "Refreshed 2 of 2: 1 failed; see each report's result.",
    );
    const results = await page.locator('#report-list .report-result').allTextContents();
    expect(results[0]).toBe('OK');
    expect(results[1]).toContain('may not read /metrics (403)');
    expect(await page.locator('#report-list .report-result.failed').count()).toBe(1);
  });

  it('explains a report the form describes incompletely', async () => {
    await page.click('#add-report summary');
    await page.selectOption('#report-type', 'campaign');
    await page.click('#add-report-button');
    await eventually(() => page.textContent('#report-form-error'), 'A campaign report needs a campaign.');
    expect(await page.isVisible('#report-form-error')).toBe(true);
    expect(reportsSheet().values()).toHaveLength(3);
    await page.click('#add-report summary');
  });

  it('sets and clears the schedule', async () => {
    await saveSchedule('day');
    expect(emu.triggers.map((t) => [t.user, t.everyDays])).toEqual([[OWNER, 1]]);
    expect(await page.inputValue('#schedule-frequency')).toBe('day');
    await saveSchedule('off');
    expect(emu.triggers).toHaveLength(0);
    expect(await page.inputValue('#schedule-frequency')).toBe('off');
    await saveSchedule('week');
    expect(emu.triggers.map((t) => t.everyWeeks)).toEqual([1]);
  });
});

describe('sidebar page', () => {
  it('shows where keyboard focus is', async () => {
    await page.focus('#api-key');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      return { id: active.id, ring: getComputedStyle(active).boxShadow };
    });
    expect(focused.id).toBe('save-key');
    expect(focused.ring).toContain('rgb(26, 115, 232)');
  });

  it('gets the google.script.run rule on Dates: refused before reaching the server', async () => {
    const before = harness.calls.length;
    const message = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          type Runner = Record<string, (...args: unknown[]) => void> & {
            withFailureHandler(f: (e: Error) => void): Runner;
          };
          const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
          run.withFailureHandler((error) => resolve(error.message)).sidebarAllowFormulas(new Date());
        }),
    );
    expect(message).toContain('argument 1 is a Date');
    expect(harness.calls).toHaveLength(before);
  });
});

describe('sidebar look', () => {
  it('writes a screenshot', async () => {
    mkdirSync(RESULTS, { recursive: true });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(RESULTS, 'sidebar.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  });
});

describe('removing the key', () => {
  it('deletes it from UserProperties and asks for a key again', async () => {
    await page.click('#remove-key');
    await eventually(() => page.isHidden('#account'), true);
    expect(stored(SETTING.apiKey)).toBeUndefined();
    expect(await page.textContent('#api-key-label')).toBe('API key');
    expect(dialogs).toEqual([]);
  });
});
