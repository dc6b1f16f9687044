/**
 * CLI: `tsx dev/mock-api/main.ts [--port N] [--key K] [--today YYYY-MM-DD] [--conversions N]`.
 * Prints one JSON line `{"event":"listening","url":...,"apiKey":...}` (read by process.ts), then a line
 * for people. Binds 127.0.0.1 only. Port 0 picks a free port.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { API_PREFIX, DEFAULT_MOCK_API_KEY, MOCK_CONTROL_PREFIX } from './constants';
import { createDataset } from './dataset';
import { parseDay } from './dates';
import { createMockApiServer } from './server';

const USAGE = 'usage: tsx dev/mock-api/main.ts [--port N] [--key K] [--today YYYY-MM-DD] [--conversions N]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(raw: string | undefined, name: string, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > max) fail(`--${name} must be a whole number up to ${max}`);
  return Number(raw);
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        key: { type: 'string', default: DEFAULT_MOCK_API_KEY },
        today: { type: 'string' },
        conversions: { type: 'string' },
        // For process.ts: exit when the parent's end of stdin closes, even if the parent was killed outright.
        'exit-on-stdin-close': { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function main(): void {
  const values = readOptions();
  const port = wholeNumber(values.port, 'port', 65_535) ?? 0;
  const conversions = wholeNumber(values.conversions, 'conversions', 10_000_000);
  if (values.today !== undefined && parseDay(values.today) === null)
    fail('--today must be a date YYYY-MM-DD');
  if (values.key === '') fail('--key must not be empty');
  const apiKey = values.key ?? DEFAULT_MOCK_API_KEY;

  const server = createMockApiServer({
    dataset: createDataset({ today: values.today, conversions }),
    apiKey,
  });
  server.on('error', (error) => {
    console.error(`mock API could not start: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    console.log(JSON.stringify({ event: 'listening', url, apiKey }));
    console.log(
      `Gravity mock API on ${url}${API_PREFIX} (X-API-Key: ${apiKey}); test controls on ${url}${MOCK_CONTROL_PREFIX}/`,
    );
  });

  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (values['exit-on-stdin-close']) {
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
  }
}

main();
