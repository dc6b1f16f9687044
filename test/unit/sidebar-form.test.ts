import { REPORTS } from '../../src/reports/registry';
import { REPORT_TYPES } from '../../src/reports/contract';
import { REPORT_FORM } from '../../src/ui/sidebar-api';

/**
 * The sidebar's add-report form lives in the browser bundle and cannot import the server's registry, so it
 * keeps its own table of which fields each report type takes. This keeps the two from drifting apart.
 */
describe('sidebar add-report form', () => {
  it.each(REPORT_TYPES.map((type) => [type]))('offers exactly the inputs the %s report reads', (type) => {
    const definition = REPORTS[type];
    if (!definition) throw new Error(`no report definition for ${type}`);
    const inputs = new Set<string>(definition.inputs);
    if (definition.required?.includes('campaignId')) inputs.add('campaignId');
    const form = REPORT_FORM[type];
    expect({
      range: form.range,
      campaign: form.campaign !== 'none',
      status: form.status,
      eventType: form.eventType,
      domain: form.domain,
    }).toEqual({
      range: inputs.has('range'),
      campaign: inputs.has('campaignId'),
      status: inputs.has('status'),
      eventType: inputs.has('eventType'),
      domain: inputs.has('domain'),
    });
  });
});
