import { ConfigEntry } from '../../../src/reports/config';
import { ReportSpec } from '../../../src/reports/definition';
import { freeTabName, planFinanceRows } from '../../../src/finance/setup';

function entry(
  row: number,
  tab: string,
  spec: Partial<ReportSpec> | null,
  extra: Partial<ConfigEntry> = {},
): ConfigEntry {
  return {
    row,
    tab,
    report: spec?.report ?? '',
    mode: spec?.mode ?? 'replace',
    enabled: true,
    lastRun: null,
    result: '',
    rows: null,
    spec: spec ? ({ row, tab, range: null, mode: 'replace', ...spec } as ReportSpec) : null,
    error: spec ? null : 'bad row',
    ...extra,
  };
}

describe('Add report › Billing reconciliation rows', () => {
  it('adds the three finance rows to an empty config: billing history in append mode, reconciliation over 90 days', () => {
    const plan = planFinanceRows([], ['Sheet1']);
    expect(plan.reuse).toEqual([]);
    expect(plan.add.map((cells) => [cells[0], cells[1], cells[2], cells[9], cells[10]])).toEqual([
      ['Billing history', 'billing', '', 'append', true],
      ['Monthly spend', 'monthly_spend', '', 'replace', true],
      ['Reconciliation', 'reconciliation', 90, 'replace', true],
    ]);
    expect(plan.add.every((cells) => cells.length === 14)).toBe(true);
  });

  it('reuses rows that already do the job and adds only what is missing', () => {
    const entries = [
      entry(2, 'My billing log', { report: 'billing', mode: 'append' }),
      entry(3, 'Billing', { report: 'billing', mode: 'replace' }),
      entry(4, 'Recon', { report: 'reconciliation' }),
    ];
    const plan = planFinanceRows(entries, ['Sheet1', 'My billing log', 'Billing', 'Recon']);
    expect(plan.reuse).toEqual([2, 4]);
    expect(plan.add.map((cells) => cells[1])).toEqual(['monthly_spend']);
  });

  it('does not reuse a disabled or broken row, and never takes a tab name already in use', () => {
    const entries = [
      entry(2, 'Reconciliation', { report: 'reconciliation' }, { enabled: false }),
      entry(3, 'Monthly spend', null),
    ];
    const plan = planFinanceRows(entries, ['Billing history', 'Reconciliation']);
    expect(plan.reuse).toEqual([]);
    expect(plan.add.map((cells) => cells[0])).toEqual([
      'Billing history 2',
      'Monthly spend 2',
      'Reconciliation 2',
    ]);
  });

  it('keeps clear of the dashboard tab a reconciliation tab would get', () => {
    expect(freeTabName('Reconciliation', new Set(['Reconciliation dashboard']))).toBe('Reconciliation 2');
    expect(freeTabName('Reconciliation', new Set())).toBe('Reconciliation');
  });
});
