// Worker thread of the emulated UrlFetchApp: performs the HTTP requests while the script's thread waits
// (synckit + Atomics.wait). Plain JavaScript so that it runs in a worker under any TypeScript runner.
// Wire format: see WireRequest / WireResponse in url-fetch.ts.
import http from 'node:http';
import https from 'node:https';
import { runAsWorker } from 'synckit';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_REDIRECTS = 10;
/** Apps Script gives up on a fetch after about a minute; tests must never hang longer. */
const TIMEOUT_MS = 60_000;

/**
 * @param {URL} url
 * @param {string} method
 * @param {Record<string, string>} headers
 * @param {Buffer | null} body
 * @returns {Promise<{ status: number; rawHeaders: string[]; body: Buffer }>}
 */
function send(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      { method, headers, timeout: TIMEOUT_MS, rejectUnauthorized: false },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/** @param {string[]} rawHeaders @param {string} name */
function headerValue(rawHeaders, name) {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === name) return rawHeaders[i + 1];
  }
  return undefined;
}

/**
 * @param {{ url: string; method: string; headers: Record<string, string>; body: string | null; followRedirects: boolean; allowNetwork: boolean }} request
 */
async function fetchOne(request) {
  let url = new URL(request.url);
  let method = request.method;
  let body = request.body === null ? null : Buffer.from(request.body, 'base64');
  for (let hop = 0; ; hop++) {
    if (!request.allowNetwork && !LOOPBACK_HOSTS.has(url.hostname)) {
      return { error: `Address unavailable: ${url.href} (the emulator only reaches loopback hosts)` };
    }
    let res;
    try {
      res = await send(url, method, request.headers, body);
    } catch (e) {
      const timedOut = e instanceof Error && e.message === 'timeout';
      return { error: timedOut ? `Timeout: ${url.href}` : `Address unavailable: ${url.href}` };
    }
    const location = headerValue(res.rawHeaders, 'location');
    const isRedirect = [301, 302, 303, 307, 308].includes(res.status) && location !== undefined;
    if (!isRedirect || !request.followRedirects || hop >= MAX_REDIRECTS) {
      return { status: res.status, rawHeaders: res.rawHeaders, body: res.body.toString('base64') };
    }
    url = new URL(location, url);
    if (res.status !== 307 && res.status !== 308) {
      method = 'GET';
      body = null;
    }
  }
}

runAsWorker(async (requests) => Promise.all(requests.map(fetchOne)));
