import { campaignRequest, campaignsRequest } from '../../api/endpoints';
import { campaignDetailTable, campaignsTable } from '../../tables/campaigns';
import { ReportDefinition, singleRequest } from '../definition';

export const campaignsReport: ReportDefinition = {
  type: 'campaigns',
  title: 'Campaigns',
  inputs: ['status'],
  appendKeys: () => ['campaign_id'],
  plan: (spec) => singleRequest(campaignsRequest(spec.status), campaignsTable),
};

export const campaignReport: ReportDefinition = {
  type: 'campaign',
  title: 'Campaign',
  inputs: ['campaignId'],
  required: ['campaignId'],
  appendKeys: () => null,
  plan: (spec) => singleRequest(campaignRequest(spec.campaignId ?? ''), campaignDetailTable),
};
