import { Integrations } from '../api/types';
import { flatten } from './field-value';
import { column, Table } from './table';

/** One row per connection: its `type`, then the Shopify fields (Calendly rows leave the Shopify-only ones blank). */
export function integrationsTable(integrations: Integrations): Table {
  return {
    columns: [
      column('type', 'text'),
      column('id', 'text'),
      column('shop_domain', 'text'),
      column('is_active', 'boolean'),
      column('connected_at', 'datetime'),
      column('verification_status', 'text'),
    ],
    rows: [
      ...integrations.shopify.map((s) => [
        'shopify',
        flatten(s.id),
        flatten(s.shop_domain),
        flatten(s.is_active),
        flatten(s.connected_at),
        flatten(s.verification_status),
      ]),
      ...integrations.calendly.map((c) => [
        'calendly',
        flatten(c.id),
        null,
        flatten(c.is_active),
        flatten(c.connected_at),
        null,
      ]),
    ],
  };
}
