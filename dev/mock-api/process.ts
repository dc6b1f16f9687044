/**
 * Runs the mock API in a child process. The Apps Script emulator's UrlFetchApp blocks the calling thread
 * while it waits for an answer, so a server living in the test's own process could never reply.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_MOCK_API_KEY, MOCK_CONTROL_PREFIX } from './constants';
import type { Fault } from './faults';
import type { Mutation } from './mutations';
import type { RequestLog } from './server';

export interface StartMockApiOptions {
  apiKey?: string;
  /** The mock's today, YYYY-MM-DD (default: today UTC). */
  today?: string;
  conversions?: number;
  /** Default 0: a free port. */
  port?: number;
}

export interface MockApiHandle {
  /** `http://127.0.0.1:PORT`, without a path. */
  baseUrl: string;
  apiKey: string;
  /** Queue faults for the next matching requests. */
  fault(...faults: Fault[]): Promise<void>;
  /** Clear faults and the request log, and restore the original data. */
  reset(): Promise<void>;
  requests(): Promise<RequestLog[]>;
  clearRequests(): Promise<void>;
  mutate(mutation: Mutation): Promise<void>;
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(__dirname, 'main.ts');
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** Children still running; killed when this process exits, however a test run ends. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export async function startMockApi(options: StartMockApiOptions = {}): Promise<MockApiHandle> {
  const apiKey = options.apiKey ?? DEFAULT_MOCK_API_KEY;
  const args = ['--import', 'tsx', MAIN, '--port', String(options.port ?? 0), '--key', apiKey];
  if (options.today !== undefined) args.push('--today', options.today);
  if (options.conversions !== undefined) args.push('--conversions', String(options.conversions));
  // With stdin a pipe from us, the child sees it close when we die, even by SIGKILL, and exits.
  args.push('--exit-on-stdin-close');

  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  killAllOnExit();
  child.on('exit', () => running.delete(child));

  let baseUrl: string;
  try {
    baseUrl = await waitUntilListening(child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  // A test that forgets stop() must not keep its process alive; the stdin pipe still ends the child.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) unrefStream(stream);

  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${baseUrl}${MOCK_CONTROL_PREFIX}${route}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`mock API ${method} ${route} failed: ${response.status} ${text}`);
    return JSON.parse(text) as unknown;
  };

  return {
    baseUrl,
    apiKey,
    fault: async (...faults) => {
      await control('POST', '/faults', { faults });
    },
    reset: async () => {
      await control('POST', '/reset');
    },
    requests: async () => (await control('GET', '/requests')) as RequestLog[],
    clearRequests: async () => {
      await control('DELETE', '/requests');
    },
    mutate: async (mutation) => {
      await control('POST', '/mutate', mutation);
    },
    stop: () => stopChild(child),
  };
}

/** Resolves with the URL from the child's `listening` line; rejects if it exits or stays silent. */
function waitUntilListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => finish(new Error(`mock API did not start within ${STARTUP_TIMEOUT_MS} ms`)),
      STARTUP_TIMEOUT_MS,
    );
    const onExit = (code: number | null, signal: string | null) =>
      finish(
        new Error(`mock API exited before listening (code ${code}, signal ${signal}): ${stderr.trim()}`),
      );
    function finish(result: Error | string): void {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.removeAllListeners('line');
      // Keep draining its output so the child can never block on a full pipe.
      lines.on('line', () => undefined);
      if (typeof result === 'string') resolve(result);
      else reject(result);
    }
    child.on('exit', onExit);
    lines.on('line', (line) => {
      const event = parseListening(line);
      if (event) finish(event);
    });
  });
}

function parseListening(line: string): string | null {
  try {
    const parsed = JSON.parse(line) as { event?: unknown; url?: unknown };
    return parsed.event === 'listening' && typeof parsed.url === 'string' ? parsed.url : null;
  } catch {
    return null;
  }
}

function unrefStream(stream: unknown): void {
  if (stream && typeof stream === 'object' && 'unref' in stream && typeof stream.unref === 'function') {
    stream.unref();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.ref(); // keep this process alive until the child is really gone
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
