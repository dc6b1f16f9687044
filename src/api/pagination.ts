import { GravityClient } from './client';
import { ApiRequest, conversionsRequest } from './endpoints';
import { GravityError } from './errors';
import { MAX_PAGE_SIZE } from './params';
import { Clock } from '../gas/ports';
import { Conversion, ConversionsPage } from './types';

export interface ConversionPagingOptions {
  /** Stop once this many rows were collected. */
  maxRows: number;
  campaignId?: string;
  eventType?: string;
  /** Absolute clock time after which no further page is requested. */
  stopBy: number;
  /** Stop at the first conversion already known (incremental sync); it is not included. */
  isKnown?: (conversion: Conversion) => boolean;
  /**
   * When a page after the first fails (after the client's retries), return what was collected with that
   * error instead of throwing: a formula can show the rows it has; a report tab must not (all or nothing).
   */
  keepPartialOnError?: boolean;
}

export type PagingStop = 'end' | 'max_rows' | 'known' | 'time' | 'error';

export interface ConversionPagingResult {
  conversions: Conversion[];
  /** Why paging ended: the last page, enough rows, an already-known conversion, or the time budget. */
  stoppedBy: PagingStop;
  pages: number;
  totalConversions: number | null;
  /** Why a later page failed, when `keepPartialOnError` kept the rows before it. */
  error?: GravityError;
}

type PageQuery = Pick<ConversionPagingOptions, 'maxRows' | 'campaignId' | 'eventType'>;

function pageRequest(options: PageQuery, remaining: number, cursor?: string): ApiRequest<ConversionsPage> {
  return conversionsRequest({
    limit: Math.min(MAX_PAGE_SIZE, Math.max(1, remaining)),
    cursor,
    campaignId: options.campaignId,
    eventType: options.eventType,
  });
}

/** The request collectConversions starts with: it depends on no answer, so it can go out with others. */
export function firstConversionsPage(options: PageQuery): ApiRequest<ConversionsPage> {
  return pageRequest(options, options.maxRows);
}

/**
 * Follows `next_cursor` through /conversions. Pages depend on each other, so they go one at a time; a
 * duplicate id (the API does not promise stable cursors while conversions arrive) is skipped, not repeated.
 */
export function collectConversions(
  client: GravityClient,
  clock: Clock,
  options: ConversionPagingOptions,
): ConversionPagingResult {
  const conversions: Conversion[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  let total: number | null = null;
  for (;;) {
    if (pages > 0 && clock.now() >= options.stopBy)
      return { conversions, stoppedBy: 'time', pages, totalConversions: total };
    let page: ConversionsPage;
    try {
      page = client.get(pageRequest(options, options.maxRows - conversions.length, cursor));
    } catch (error) {
      if (!(error instanceof GravityError) || !options.keepPartialOnError || pages === 0) throw error;
      return { conversions, stoppedBy: 'error', pages, totalConversions: total, error };
    }
    pages++;
    total = page.total_conversions ?? total;
    for (const conversion of page.conversions) {
      if (options.isKnown?.(conversion))
        return { conversions, stoppedBy: 'known', pages, totalConversions: total };
      if (seen.has(conversion.conversion_id)) continue;
      seen.add(conversion.conversion_id);
      conversions.push(conversion);
      if (conversions.length >= options.maxRows) {
        return { conversions, stoppedBy: 'max_rows', pages, totalConversions: total };
      }
    }
    if (!page.has_more || !page.next_cursor)
      return { conversions, stoppedBy: 'end', pages, totalConversions: total };
    cursor = page.next_cursor;
  }
}
