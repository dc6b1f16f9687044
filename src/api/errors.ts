/**
 * One error type for everything that can go wrong between a cell and the Gravity API. Its message is what
 * the user reads in a cell's tooltip or a report's Result column, so it always says what happened and what to
 * do, starts with "Gravity:", and never contains the API key (the client scrubs it from anything echoed back).
 */

export type GravityErrorKind =
  | 'invalid_argument'
  | 'no_key'
  | 'not_allowed'
  | 'bad_request'
  | 'unauthorized'
  | 'payment_required'
  | 'forbidden'
  | 'not_found'
  | 'unprocessable'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'invalid_response'
  | 'time_budget';

export class GravityError extends Error {
  readonly kind: GravityErrorKind;
  readonly status: number | null;

  constructor(kind: GravityErrorKind, message: string, status: number | null = null) {
    super(message.startsWith('Gravity:') ? message : `Gravity: ${message}`);
    this.name = 'GravityError';
    this.kind = kind;
    this.status = status;
  }

  /** Worth trying again after a pause: rate limits, server errors and lost connections. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server' || this.kind === 'network';
  }
}

/** A user-supplied argument was refused before any request was sent. */
export function invalidArgument(message: string): GravityError {
  return new GravityError('invalid_argument', message);
}

const MAX_DETAIL = 200;

/** The useful part of an error body: JSON `detail`/`message`/`error`, or short plain text; never HTML. */
export function errorDetail(body: string): string {
  const text = body.trim();
  if (!text) return '';
  if (/^<(!doctype|html|head|body)/i.test(text)) return '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      for (const field of ['detail', 'message', 'error']) {
        const value = record[field];
        if (typeof value === 'string' && value.trim()) return truncate(value.trim());
        if (Array.isArray(value) && value.length) return truncate(value.map(describeItem).join('; '));
      }
    }
    return '';
  } catch {
    return truncate(text.replace(/\s+/g, ' '));
  }
}

function describeItem(item: unknown): string {
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    const where = Array.isArray(record.loc) ? record.loc.join('.') : '';
    const msg = typeof record.msg === 'string' ? record.msg : JSON.stringify(item);
    return where ? `${where}: ${msg}` : msg;
  }
  return String(item);
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

function isHtml(body: string): boolean {
  return /^\s*<(!doctype|html|head|body)/i.test(body);
}

const KEY_HELP =
  'Open Extensions › Gravity › Open sidebar and save a current API key (Gravity dashboard › Settings › API Key).';

/** Turns a non-2xx response into the error a user can act on. `what` names the request, e.g. "/metrics". */
export function errorForStatus(status: number, body: string, what: string): GravityError {
  const detail = errorDetail(body);
  const said = detail ? ` The API said: "${detail}".` : '';
  if (status === 400) {
    return new GravityError(
      'bad_request',
      `the API refused the request to ${what} (400).${said} Check the formula's arguments or the report row.`,
      status,
    );
  }
  if (status === 401) {
    return new GravityError('unauthorized', `the API key was rejected (401). ${KEY_HELP}`, status);
  }
  if (status === 402) {
    return new GravityError(
      'payment_required',
      `the Gravity account needs billing set up before ${what} is available (402).${said} Check billing in the Gravity dashboard.`,
      status,
    );
  }
  if (status === 403) {
    return new GravityError(
      'forbidden',
      `this API key may not read ${what} (403).${said} Use a key with access to this advertiser.`,
      status,
    );
  }
  if (status === 404) {
    return new GravityError(
      'not_found',
      `${what} was not found (404).${said} Check the id: GRAVITY_CAMPAIGNS() lists this account's campaigns.`,
      status,
    );
  }
  if (status === 422) {
    return new GravityError(
      'unprocessable',
      `the request to ${what} is missing a parameter (422).${said} Check the formula's arguments or the report row; if they are complete, the API has changed: report it.`,
      status,
    );
  }
  if (status === 429) {
    return new GravityError(
      'rate_limited',
      `the Gravity API is rate limiting requests (429). Wait a minute and try again.`,
      status,
    );
  }
  if (status >= 500) {
    const page = isHtml(body) ? ' (an HTML error page, probably from a proxy)' : said;
    return new GravityError(
      'server',
      `the Gravity API had a server error (${status})${page}. Try again in a few minutes.`,
      status,
    );
  }
  const page = isHtml(body) ? ' with an HTML page instead of data' : '';
  return new GravityError(
    'invalid_response',
    `the API answered ${what} with status ${status}${page}.${said}`,
    status,
  );
}
