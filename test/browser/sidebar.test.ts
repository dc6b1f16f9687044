/**
 * The built sidebar in a real browser: the page from dist/sidebar.html, its google.script.run calls running
 * the built bundle in the Apps Script emulator, against the mock Gravity API.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AppsScriptEmulator } from '../../dev/emulator';
import { HTML_INJECTION_NAME } from '../../dev/mock-api/fixtures';
import { MockApiHandle, startMockApi } from '../../dev/mock-api/process';
import { SidebarHarness, serveEmulatedSidebar } from '../../dev/sidebar-harness';
import { SETTING } from '../../src/settings/keys';
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

const stored = (key: string): string | undefined => emu.userProperties(OWNER).get(key);
const allowedHere = (): boolean =>
  (JSON.parse(stored(SETTING.formulaSpreadsheets) ?? '[]') as string[]).includes(spreadsheetId);

beforeAll(async () => {
  api = await startMockApi();
  emu = new AppsScriptEmulator();
  emu.loadBundle(DIST);
  emu.scriptProperties.set(SETTING.baseUrl, api.baseUrl);
  spreadsheetId = emu.createSpreadsheet({ name: 'Budget', owner: OWNER }).id;
  harness = await serveEmulatedSidebar({ emu, distDir: DIST, user: OWNER, spreadsheetId });
  browser = await launchChromium();
  page = await browser.context.newPage();
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
    expect(stored(SETTING.apiKey)).toBe(api.apiKey);
    expect(allowedHere()).toBe(true);
    expect(await page.isChecked('#formulas-allowed')).toBe(true);
  });

  it('toggles formulas for this spreadsheet', async () => {
    await page.click('#formulas-allowed');
    await eventually(allowedHere, false);
    await eventually(() => page.isChecked('#formulas-allowed'), false);
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
    await page.screenshot({ path: join(RESULTS, 'sidebar.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  });
});
