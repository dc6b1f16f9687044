import http from 'node:http';
import {
  SidebarHarness,
  injectStandIn,
  serverFunctionNames,
  startSidebarHarness,
} from '../../dev/sidebar-harness/server';

const PAGE = '<!doctype html><html><head><title>t</title></head><body><script>page()</script></body></html>';

describe('sidebar harness', () => {
  let harness: SidebarHarness;
  const received: Array<[string, unknown[]]> = [];

  beforeAll(async () => {
    harness = await startSidebarHarness({
      page: () => PAGE,
      functions: ['echo', 'fail', 'date'],
      call: (fn, args) => {
        received.push([fn, args]);
        if (fn === 'fail') throw new TypeError('Gravity: no');
        if (fn === 'date') return { when: new Date(Date.UTC(2026, 0, 2)) };
        return { args, skipped: undefined };
      },
    });
  });
  afterAll(() => harness.close());

  const post = async (fn: string, body: unknown) => {
    const response = await fetch(`${harness.url}script-run/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as unknown;
  };

  it('refuses requests another site could send: a foreign Host, or a body that is not JSON', async () => {
    const url = new URL(harness.url);
    const raw = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          { host: url.hostname, port: url.port, path: '/script-run/echo', method: 'POST', headers },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          },
        );
        request.on('error', reject);
        request.end('{"args":[]}');
      });
    const before = harness.calls.length;
    expect(await raw({ host: 'attacker.example', 'content-type': 'application/json' })).toEqual({
      status: 400,
      body: 'unexpected Host header',
    });
    expect(await raw({ host: url.host, 'content-type': 'text/plain' })).toEqual({
      status: 400,
      body: 'send JSON',
    });
    expect(harness.calls.length).toBe(before);
  });

  it('lists the public top-level functions of a bundle, not private ones', () => {
    const code =
      'var X = (function(){ function inner() {} })();\nfunction showSidebar() {}\nfunction helper_() {}\n';
    expect(serverFunctionNames(code)).toEqual(['showSidebar']);
  });

  it('puts the stand-in before every script of the page, with the function list', () => {
    const html = injectStandIn(PAGE, ['echo']);
    expect(html.indexOf('window.google')).toBeGreaterThan(html.indexOf('<head>'));
    expect(html.indexOf('window.google')).toBeLessThan(html.indexOf('page()'));
    expect(html).toContain('(["echo"], "/script-run/");');
  });

  it('serves the page with the stand-in', async () => {
    const text = await (await fetch(harness.url)).text();
    expect(text).toContain('withSuccessHandler');
    expect(text).toContain('<script>page()</script>');
  });

  it('runs a call and answers with a plain-data copy of the result', async () => {
    expect(await post('echo', { args: ['a', 1, null, { b: [true] }] })).toEqual({
      ok: true,
      value: { args: ['a', 1, null, { b: [true] }] },
    });
    expect(received[received.length - 1]).toEqual(['echo', ['a', 1, null, { b: [true] }]]);
  });

  it('refuses a result that is not plain data, as Apps Script does', async () => {
    expect(await post('date', { args: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('the result.when is a Date') },
    });
  });

  it('passes a thrown error on by name and message, and keeps no arguments', async () => {
    expect(await post('fail', { args: ['secret-key-value'] })).toEqual({
      ok: false,
      error: { name: 'TypeError', message: 'Gravity: no' },
    });
    expect(JSON.stringify(harness.calls)).not.toContain('secret-key-value');
    expect(harness.calls[harness.calls.length - 1]).toMatchObject({ fn: 'fail', ok: false });
  });

  it('refuses functions the bundle does not offer and malformed calls', async () => {
    const count = received.length;
    expect(await post('helper_', { args: [] })).toMatchObject({
      ok: false,
      error: { message: 'Script function not found: helper_' },
    });
    expect(await post('echo', { notArgs: 1 })).toMatchObject({ ok: false });
    expect(received).toHaveLength(count);
  });
});
