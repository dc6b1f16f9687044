import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_MOCK_API_KEY } from '../../dev/mock-api/constants';
import { startMockApi, type MockApiHandle } from '../../dev/mock-api/process';

async function isUp(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/__mock/health`)).ok;
  } catch {
    return false;
  }
}

async function waitUntilDown(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isUp(baseUrl))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('startMockApi', () => {
  let handle: MockApiHandle;
  beforeAll(async () => {
    handle = await startMockApi({ today: '2025-06-15', conversions: 120, apiKey: 'key-for-process-test' });
  });
  afterAll(() => handle.stop());

  it('runs the mock in a child process and drives it through the handle', async () => {
    expect(handle.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(handle.apiKey).toBe('key-for-process-test');
    const get = (p: string) =>
      fetch(`${handle.baseUrl}/advertiser-dashboard${p}`, { headers: { 'X-API-Key': handle.apiKey } });
    expect(await (await get('/info')).json()).toMatchObject({ advertiser_id: '00123' });
    expect((await (await get('/conversions')).json()).total_conversions).toBe(120);

    await handle.fault({ path: '/info', status: 429, retryAfter: 2 });
    const limited = await get('/info');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');

    await handle.mutate({ addConversions: 5 });
    expect((await (await get('/conversions')).json()).total_conversions).toBe(125);
    const log = await handle.requests();
    expect(log.map((r) => r.path)).toEqual([
      '/advertiser-dashboard/info',
      '/advertiser-dashboard/conversions',
      '/advertiser-dashboard/info',
      '/advertiser-dashboard/conversions',
    ]);
    expect(log.every((r) => r.hasApiKey)).toBe(true);

    await handle.clearRequests();
    expect(await handle.requests()).toEqual([]);
    await handle.reset();
    expect((await (await get('/conversions')).json()).total_conversions).toBe(120);
  });

  it('reports control errors', async () => {
    await expect(handle.mutate({ campaignName: { campaign_id: 'nope', name: 'x' } })).rejects.toThrow(/404/);
  });
});

it('uses the default key and stops for good', async () => {
  const handle = await startMockApi({ today: '2025-06-15' });
  expect(handle.apiKey).toBe(DEFAULT_MOCK_API_KEY);
  const r = await fetch(`${handle.baseUrl}/advertiser-dashboard/info`, {
    headers: { 'X-API-Key': DEFAULT_MOCK_API_KEY },
  });
  expect(r.status).toBe(200);
  await handle.stop();
  expect(await isUp(handle.baseUrl)).toBe(false);
  await handle.stop(); // a second stop is harmless
});

it('fails clearly when the mock cannot start', async () => {
  await expect(startMockApi({ today: '2025-02-30' })).rejects.toThrow(/exited before listening.*--today/s);
});

it('does not outlive a parent that is killed outright', async () => {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const parent = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'mock-api-orphan-parent.ts')],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: parent.stdout! }).once('line', resolve);
    parent.once('exit', (code) => reject(new Error(`parent exited early with ${code}`)));
  });
  const { baseUrl } = JSON.parse(line) as { baseUrl: string };
  expect(await isUp(baseUrl)).toBe(true);
  parent.kill('SIGKILL');
  expect(await waitUntilDown(baseUrl, 5000)).toBe(true);
});
