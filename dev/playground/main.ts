/**
 * `npm start`: the whole add-on in a browser, without Google. Builds if needed, starts the embedded mock
 * Gravity API (or, with --live, uses the real one) and serves the playground on 127.0.0.1.
 *
 *   npm start                      # http://127.0.0.1:8080/ (PORT=… to change; a free port if taken)
 *   npm start -- --live            # the real Gravity API (also GRAVITY_LIVE=1); key entered in the sidebar
 *   npm start -- --port 0 --no-build --today 2025-05-20
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfNeeded } from './build-if-needed';
import { startPlayground } from './server';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const DEFAULT_PORT = 8080;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      live: { type: 'boolean', default: false },
      port: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      today: { type: 'string' },
    },
  });
  const live = values.live || process.env.GRAVITY_LIVE === '1';
  const portText = values.port ?? (process.env.PORT || undefined);
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`bad port ${portText}`);

  if (!values['no-build'] && buildIfNeeded(ROOT, DIST)) console.log('Built dist/.');
  const playground = await startPlayground({
    distDir: DIST,
    live,
    liveBaseUrl: live ? process.env.GRAVITY_BASE_URL : undefined,
    mockToday: values.today,
    port,
    // Only the default port falls back: a port asked for explicitly is a port the person expects.
    fallBackToFreePort: portText === undefined,
  });
  const source = live
    ? `the real Gravity API at ${playground.session.apiBaseUrl} (save your key in the sidebar)`
    : `the embedded mock Gravity API at ${playground.session.apiBaseUrl}`;
  if (portText === undefined && new URL(playground.url).port !== String(DEFAULT_PORT))
    console.log(`Port ${DEFAULT_PORT} is taken, so the playground uses another one.`);
  console.log(`Gravity for Sheets playground: ${playground.url}`);
  console.log(`Talking to ${source}. Press Ctrl-C to stop.`);

  const stop = (): void => {
    playground.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
