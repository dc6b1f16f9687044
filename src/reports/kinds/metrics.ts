import { metricsRequest } from '../../api/endpoints';
import { metricsTable } from '../../tables/metrics';
import { column, Table } from '../../tables/table';
import { ReportDefinition, singleRequest } from '../definition';

const DEFAULT_RANGE = { days: 30 };

/**
 * A filtered report says which campaign each row belongs to (after `date`), so several campaigns can share
 * one append tab, keyed by date and campaign_id.
 */
export function withCampaignColumn(table: Table, campaignId: string): Table {
  const [first, ...rest] = table.columns;
  return {
    columns: [first, column('campaign_id', 'text'), ...rest],
    rows: table.rows.map(([date, ...values]) => [date, campaignId, ...values]),
  };
}

export const metricsReport: ReportDefinition = {
  type: 'metrics',
  title: 'Metrics',
  inputs: ['range', 'campaignId'],
  appendKeys: (spec) => (spec.campaignId ? ['date', 'campaign_id'] : ['date']),
  plan: (spec) =>
    singleRequest(
      metricsRequest({ range: spec.range ?? DEFAULT_RANGE, campaignId: spec.campaignId }),
      (response) => {
        const table = metricsTable(response.data);
        return spec.campaignId ? withCampaignColumn(table, spec.campaignId) : table;
      },
    ),
};
