/**
 * Fault injection: queued misbehaviours that matching API requests consume in order — error statuses,
 * Retry-After, slow answers and bodies a client must survive (HTML from a proxy, plain text, broken JSON,
 * nothing at all).
 */
import { STATUS_CODES } from 'node:http';
import { ApiError } from './api-error';
import { integerField, objectWithKeys, stringField } from './validate';

export const FAULT_BODIES = ['json', 'html', 'text', 'malformed', 'empty'] as const;
export type FaultBody = (typeof FAULT_BODIES)[number];

export interface Fault {
  /** Prefix of the endpoint path after /advertiser-dashboard, e.g. "/metrics"; omitted = any endpoint. */
  path?: string;
  /** Answer with this status instead of the real response (default 200 when only `body` is given). */
  status?: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Wait this long before answering; alone, it only slows the real response down. */
  delayMs?: number;
  /** What the faulty answer's body looks like (default "json"). */
  body?: FaultBody;
  /** How many matching requests it affects (default 1; -1 = forever). */
  times?: number;
}

/** A faulty answer ready to send. */
export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const FAULT_KEYS = ['path', 'status', 'retryAfter', 'delayMs', 'body', 'times'] as const;

function parseFault(input: unknown, index: number): Fault {
  const what = `faults[${index}]`;
  const o = objectWithKeys(input, FAULT_KEYS, what);
  const fault: Fault = {};
  if (o.path !== undefined) {
    fault.path = stringField(o, 'path', what);
    if (!fault.path.startsWith('/')) throw new ApiError(400, `${what}.path must start with "/"`);
  }
  if (o.status !== undefined) fault.status = integerField(o, 'status', 200, 599, what);
  if (o.retryAfter !== undefined) fault.retryAfter = integerField(o, 'retryAfter', 0, 86_400, what);
  if (o.delayMs !== undefined) fault.delayMs = integerField(o, 'delayMs', 0, 120_000, what);
  if (o.body !== undefined) {
    const body = o.body;
    const kind = FAULT_BODIES.find((k) => k === body);
    if (kind === undefined) throw new ApiError(400, `${what}.body must be one of ${FAULT_BODIES.join(', ')}`);
    fault.body = kind;
  }
  if (o.times !== undefined) {
    fault.times = integerField(o, 'times', -1, 1_000_000, what);
    if (fault.times === 0) throw new ApiError(400, `${what}.times must be positive, or -1 for forever`);
  }
  return fault;
}

/** The `faults` array of a POST /__mock/faults body. */
export function parseFaults(body: unknown): Fault[] {
  const o = objectWithKeys(body, ['faults'], 'body');
  if (!Array.isArray(o.faults)) throw new ApiError(400, 'body.faults must be an array');
  return o.faults.map(parseFault);
}

export class FaultQueue {
  private queue: Array<{ fault: Fault; remaining: number }> = [];

  add(faults: readonly Fault[]): void {
    for (const fault of faults) this.queue.push({ fault, remaining: fault.times ?? 1 });
  }

  /** The first queued fault whose path prefix matches, counting one use of it; null when none applies. */
  take(endpointPath: string): Fault | null {
    const index = this.queue.findIndex((f) => endpointPath.startsWith(f.fault.path ?? ''));
    if (index < 0) return null;
    const entry = this.queue[index];
    if (entry.remaining > 0 && --entry.remaining === 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  get size(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue = [];
  }
}

/** The answer a fault replaces the real response with; null when it only delays the real response. */
export function faultReply(fault: Fault): FaultReply | null {
  if (fault.status === undefined && fault.body === undefined) return null;
  const status = fault.status ?? 200;
  const reason = STATUS_CODES[status] ?? 'Unknown';
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  const json = { ...headers, 'Content-Type': 'application/json' };
  switch (fault.body ?? 'json') {
    case 'json':
      return { status, headers: json, body: JSON.stringify({ detail: reason }) };
    case 'html':
      // What a load balancer or proxy in front of the API sends.
      return {
        status,
        headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
        body: `<html><head><title>${status} ${reason}</title></head><body><center><h1>${status} ${reason}</h1></center><hr><center>nginx</center></body></html>`,
      };
    case 'text':
      return {
        status,
        headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
        body: `error code: ${status}`,
      };
    case 'malformed':
      // Labelled JSON, but cut off mid-way.
      return { status, headers: json, body: `{"detail": "${reason}", "data": [{"date": "20` };
    case 'empty':
      return { status, headers: json, body: '' };
  }
}
