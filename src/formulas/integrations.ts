import { integrationsRequest } from '../api/endpoints';
import { formulaValues } from '../tables/cells';
import { integrationsTable } from '../tables/integrations';
import { FormulaResult } from './results';
import { FormulaRuntime } from './runtime';

/** GRAVITY_INTEGRATIONS(): one row per Shopify store or Calendly account. */
export function gravityIntegrations(runtime: FormulaRuntime): FormulaResult {
  const request = integrationsRequest();
  return formulaValues(integrationsTable(runtime.client.get(request)), runtime.zone);
}
