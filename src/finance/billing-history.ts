/**
 * The previous billing snapshot, read back from the billing history tab (a `billing` report in append mode:
 * one row per run with a `fetched_at` column and the /billing fields as headers).
 */
import { parseTimestamp } from '../tables/cells';
import { centsOrNull } from './money';
import { BillingSnapshot } from './reconciliation';

function instantOf(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'string') return parseTimestamp(value.trim())?.getTime() ?? null;
  return null;
}

/**
 * The newest snapshot taken before `before` (epoch ms): rows taken during the current run are the snapshot
 * being reconciled, not the previous one. `values` is the tab's grid, header row first, as getValues gives it.
 */
export function previousSnapshot(values: unknown[][], before: number): BillingSnapshot | null {
  if (values.length < 2) return null;
  const header = values[0].map((h) => String(h).trim());
  const at = (name: string) => header.indexOf(name);
  const fetchedAt = at('fetched_at');
  if (fetchedAt < 0) return null;
  const [spend, billed, unbilled] = ['total_spend_dollars', 'total_billed_dollars', 'unbilled_dollars'].map(
    at,
  );
  const cents = (row: unknown[], index: number) => (index < 0 ? null : centsOrNull(row[index]));
  let best: BillingSnapshot | null = null;
  for (const row of values.slice(1)) {
    const time = instantOf(row[fetchedAt]);
    if (time === null || time >= before || (best && best.fetchedAt >= time)) continue;
    best = {
      fetchedAt: time,
      totalSpendCents: cents(row, spend),
      billedCents: cents(row, billed),
      unbilledCents: cents(row, unbilled),
    };
  }
  return best;
}
