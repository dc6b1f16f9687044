/**
 * The reconciliation's small dashboard: a tab holding the period's daily spend, revenue and ROAS, with one
 * Sheets chart of them. The chart is found again by its title on every refresh and pointed at the new rows,
 * so refreshes never pile charts up and a user's moves or resizes of it are kept.
 */
import { writeTable } from '../reports/writer';
import { Table } from '../tables/table';
import { ZoneClock } from '../tables/timezone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** Every chart the add-on draws has a title starting with this: how a refresh finds its own chart. */
export const CHART_TITLE = 'Gravity: daily spend vs revenue';

/** The dashboard tab of a reconciliation tab. */
export function dashboardTabName(reconciliationTab: string): string {
  return `${reconciliationTab} dashboard`.slice(0, 100);
}

function isOurs(chart: EmbeddedChart): boolean {
  const title = chart.getOptions().get('title');
  return typeof title === 'string' && title.startsWith(CHART_TITLE);
}

/**
 * Writes the daily table (date, spend, revenue, roas) to the dashboard tab of `reconciliationTab` and points
 * the chart at it: spend and revenue on the left axis in dollars, ROAS on the right. Returns the tab written.
 */
export function writeDashboard(
  spreadsheet: Spreadsheet,
  reconciliationTab: string,
  daily: Table,
  period: { start: string; end: string } | null,
  zone: ZoneClock,
): Sheet {
  const tab = dashboardTabName(reconciliationTab);
  if (!spreadsheet.getSheetByName(tab)) placeBeside(spreadsheet, reconciliationTab, tab);
  writeTable(spreadsheet, tab, daily, zone, { mode: 'replace' });
  const sheet = spreadsheet.getSheetByName(tab) as Sheet;
  const range = sheet.getRange(1, 1, daily.rows.length + 1, daily.columns.length);
  const title = period ? `${CHART_TITLE}, ${period.start} to ${period.end}` : CHART_TITLE;
  const [existing, ...extra] = sheet.getCharts().filter(isOurs);
  for (const chart of extra) sheet.removeChart(chart);
  const builder = (
    existing
      ? existing.modify().clearRanges()
      : sheet.newChart().setPosition(2, daily.columns.length + 2, 0, 0)
  )
    .setChartType(Charts.ChartType.LINE)
    .addRange(range)
    .setOption('title', title)
    // Google Charts options (developers.google.com/chart/interactive/docs/gallery/linechart#dual-y-charts).
    .setOption('series', { 2: { targetAxisIndex: 1 } })
    .setOption('vAxes', { 0: { title: 'Dollars' }, 1: { title: 'ROAS' } });
  if (existing) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
  return sheet;
}

/**
 * A new dashboard goes right after its reconciliation tab, which is created (empty) when this is the first
 * refresh: the report engine writes it as soon as this report's table is returned.
 */
function placeBeside(spreadsheet: Spreadsheet, reconciliationTab: string, tab: string): void {
  const anchor = spreadsheet.getSheetByName(reconciliationTab) ?? spreadsheet.insertSheet(reconciliationTab);
  // getIndex() is the 1-based position, insertSheet's index 0-based: the same number lands just after it.
  spreadsheet.insertSheet(tab, anchor.getIndex());
}
