import type { IncomingMessage } from 'node:http';

/**
 * Local dev servers (the sidebar harness, the playground) run the add-on with the person's key. Another site
 * open in the same browser must not drive them: requests must name our own host (which also defeats DNS
 * rebinding) and POSTs must carry JSON, which a cross-site form cannot send without a preflight these servers
 * never answer. Returns why a request is refused, or null.
 */
export function refusedAsForeign(request: IncomingMessage): string | null {
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(request.headers.host ?? '')) return 'unexpected Host header';
  if (request.method === 'POST' && !(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return 'send JSON';
  }
  return null;
}
