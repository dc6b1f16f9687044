/**
 * `npm start`'s playground in Chromium: the server started as `npm start` starts it (its own process, the
 * built bundle, the embedded mock API), driven the way a person would use it: a formula typed into a cell,
 * menu items, the sidebar, the schedule, a mock fault, the exports.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { HTML_INJECTION_NAME } from '../../dev/mock-api/fixtures';
import { Browser, launchChromium } from './chromium';
import { eventually } from './eventually';

const ROOT = join(__dirname, '..', '..');
const RESULTS = join(ROOT, 'test-results');
const MOCK_TODAY = '2025-05-20';

let server: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
const pageDialogs: string[] = [];

/** Starts dev/playground/main.ts as `npm start` does (without the build: `npm test` just built) on a free port. */
function startServer(): Promise<string> {
  server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'dev', 'playground', 'main.ts'),
      '--port',
      '0',
      '--no-build',
      '--today',
      MOCK_TODAY,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the playground did not start: ${stderr}`)), 30_000);
    server.once('exit', (code) => reject(new Error(`the playground exited (${code}): ${stderr}`)));
    createInterface({ input: server.stdout! }).on('line', (line) => {
      const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
      if (!found) return;
      clearTimeout(timer);
      resolve(found[1]);
    });
  });
}

beforeAll(async () => {
  url = await startServer();
  browser = await launchChromium({ width: 1400, height: 860 });
  page = await browser.context.newPage();
  page.on('dialog', (dialog) => {
    pageDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.locator('#grid td[data-a1="A1"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
});

const cell = (a1: string): Promise<string | null> => page.textContent(`#grid td[data-a1="${a1}"]`);
const column = (letter: string): Promise<string[]> =>
  page.$$eval(`#grid td[data-a1^="${letter}"]`, (tds) =>
    tds.filter((td) => /^[A-Z]+\d+$/.test(td.dataset.a1 ?? '')).map((td) => td.textContent ?? ''),
  );
const activeTab = (): Promise<string | null> => page.textContent('.tab[aria-selected="true"]');
const activity = (): Promise<string> => page.innerText('#activity');

async function openTab(name: string): Promise<void> {
  await page.click(`.tab:text-is("${name}")`);
  await eventually(activeTab, name);
}

async function runMenu(...path: string[]): Promise<void> {
  await page.click('#menu-extensions');
  for (const caption of ['Gravity', ...path])
    await page.click(`#extensions-menu .menu-item:has(> .caption:text-is("${caption}"))`);
}

async function screenshot(name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `playground-${name}.png`) });
}

describe('the playground at startup', () => {
  it('prints its address and shows an empty Sheet1 with the real menu from onOpen', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await activeTab()).toBe('Sheet1');
    await page.click('#menu-extensions');
    await page.click('#extensions-menu .menu-item:has(> .caption:text-is("Gravity"))');
    const top = await page.$$eval('#extensions-menu > .menu-item-wrap > .menu > *', (items) =>
      items.map(
        (item) => item.querySelector(':scope > .caption, :scope > .menu-item > .caption')?.textContent,
      ),
    );
    expect(top).toEqual([
      'Open sidebar',
      'Refresh all reports now',
      'Refresh GRAVITY formulas',
      'Add report',
      'Schedule',
    ]);
    await page.hover('#extensions-menu .menu-item:has(> .caption:text-is("Add report"))');
    await screenshot('menu');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#extensions-menu')).toBe(true);
  });

  it('shows the real sidebar, 300 px wide, already signed in to the mock', async () => {
    const frame = page.frameLocator('#sidebar');
    await eventually(() => frame.locator('#account-name').textContent(), 'Acme Corp');
    expect((await page.locator('#sidebar').boundingBox())?.width).toBe(300);
    expect(await page.content()).not.toContain('gravity-test-key');
  });
});

describe('a typed formula', () => {
  it('=GRAVITY_METRICS(7) spills a header and seven days, evaluated by the built bundle', async () => {
    await page.click('#grid td[data-a1="A1"]');
    await page.keyboard.type('=GRAVITY_METRICS(7)');
    await page.keyboard.press('Enter');
    await eventually(cell.bind(null, 'A1'), 'date');
    expect(await cell('B1')).toBe('impressions');
    expect(await cell('D1')).toBe('spend');
    const dates = (await column('A')).filter((text) => text !== '');
    expect(dates).toEqual([
      'date',
      '5/14/2025',
      '5/15/2025',
      '5/16/2025',
      '5/17/2025',
      '5/18/2025',
      '5/19/2025',
      '5/20/2025',
    ]);
    expect(await cell('B2')).toMatch(/^\d+$/);
    expect(await cell('D2')).toMatch(/^\d+(\.\d{1,2})?$/);
    await page.click('#grid td[data-a1="A1"]');
    expect(await page.inputValue('#formula')).toBe('=GRAVITY_METRICS(7)');
    expect(await page.inputValue('#name-box')).toBe('A1');
    await screenshot('formula');
  });

  it('takes a plain value too, parsed as Sheets parses typed text', async () => {
    await page.click('#grid td[data-a1="A12"]');
    await page.keyboard.type('1234.5');
    await page.keyboard.press('Enter');
    await eventually(cell.bind(null, 'A12'), '1234.5');
    expect(await page.getAttribute('#grid td[data-a1="A12"]', 'class')).toContain('align-right');
  });

  it('commits what was typed in the formula bar to its cell when another cell is clicked; Escape cancels', async () => {
    await page.click('#grid td[data-a1="C12"]');
    await page.click('#formula');
    await page.keyboard.type('hello, sheet');
    await page.click('#grid td[data-a1="E14"]');
    await eventually(cell.bind(null, 'C12'), 'hello, sheet');
    expect(await page.inputValue('#name-box')).toBe('E14');
    await page.keyboard.type('discarded');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#cell-editor')).toBe(true);
    expect(await cell('E14')).toBe('');
  });
});

describe('the add-on menu', () => {
  it('Add report › Campaigns adds the report row and the Campaigns tab, names as literal text', async () => {
    await runMenu('Add report', 'Campaigns');
    await page.locator('.tab:text-is("Campaigns")').waitFor();
    await eventually(() => page.textContent('.toast'), expect.stringContaining('"Campaigns" is up to date'));
    await openTab('Campaigns');
    expect(await cell('A1')).toBe('campaign_id');
    expect(await page.getAttribute('#grid td[data-a1="A1"]', 'class')).toContain('bold');
    const names = await column('B');
    expect(names).toContain(HTML_INJECTION_NAME);
    expect(await page.locator('#grid img').count()).toBe(0);
    await openTab('Gravity Reports');
    expect(await column('B')).toContain('campaigns');
  });

  it('Refresh all reports now refreshes it again and the run shows in the Gravity Log tab', async () => {
    await runMenu('Refresh all reports now');
    await eventually(async () => (await activity()).includes('Refresh all reports now — Finished'), true);
    await openTab('Gravity Log');
    const tabs = (await column('C')).filter((text) => text === 'Campaigns');
    expect(tabs.length).toBeGreaterThanOrEqual(2);
    await openTab('Campaigns');
    await screenshot('reports');
  });

  it('a fault injected into the mock shows as a failed refresh, the tab left as it was', async () => {
    const before = await column('B');
    await page.selectOption('#fault', 'html-page');
    await page.click('#inject-fault');
    await eventually(async () => (await activity()).includes('Mock API fault queued'), true);
    await runMenu('Refresh all reports now');
    await eventually(async () => (await activity()).match(/Refresh all reports now — Finished/g)?.length, 2);
    await eventually(() => page.textContent('.toast'), expect.stringMatching(/fail/i));
    await openTab('Campaigns');
    expect(await column('B')).toEqual(before);
    await page.click('#reset-mock');
    await eventually(async () => (await activity()).includes('Mock API reset'), true);
  });
});

describe('charts', () => {
  it('Add report › Billing reconciliation draws the dashboard chart over its tab', async () => {
    await runMenu('Add report', 'Billing reconciliation');
    await page.locator('.tab:text-is("Reconciliation dashboard")').waitFor();
    await openTab('Reconciliation dashboard');
    const chart = page.locator('#charts .chart');
    await chart.waitFor();
    expect(await chart.locator('h3').textContent()).toMatch(/spend vs revenue/i);
    const lines = await chart
      .locator('path')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.match(/L/g)?.length).toBeGreaterThan(30);
    expect(await chart.locator('figcaption').textContent()).toContain('roas (right axis)');
    await screenshot('dashboard');
  });
});

describe('the schedule', () => {
  it('Schedule › Every day installs a trigger that the playground fires on demand', async () => {
    await runMenu('Schedule', 'Every day');
    await eventually(() => page.textContent('#schedule'), expect.stringContaining('every day'));
    await page.click('#run-schedule');
    await eventually(async () => (await activity()).includes('Scheduled run (runScheduledRefresh'), true);
    await openTab('Gravity Log');
    expect(await column('B')).toContain('scheduled');
  });
});

describe('exports', () => {
  it('a tab as CSV and the whole spreadsheet as .xlsx', async () => {
    const csv = await page.request.get(`${url}export/tab.csv?tab=Campaigns`);
    expect(csv.headers()['content-disposition']).toContain('.csv');
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toMatch(/^campaign_id,name,status,/);
    expect(text).toContain(HTML_INJECTION_NAME);
    const xlsx = await page.request.get(`${url}export/spreadsheet.xlsx`);
    const body = await xlsx.body();
    expect(body.subarray(0, 2).toString()).toBe('PK');
    expect(body.includes(Buffer.from('xl/worksheets/sheet1.xml'))).toBe(true);
  });
});

describe('the page', () => {
  it('never ran page script from data and stays out of the built bundle', async () => {
    expect(pageDialogs).toEqual([]);
    const bundle = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');
    expect(bundle).not.toMatch(/PlaygroundSession|dev\/playground/);
  });
});
