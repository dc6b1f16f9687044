/**
 * `Charts`: only the enums that spreadsheet chart builders take (`Charts.ChartType.LINE`...); the standalone
 * chart builders are not emulated.
 */
const enumOf = (...names: string[]): Readonly<Record<string, string>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export function createCharts(): object {
  return {
    ChartType: enumOf(
      'TIMELINE',
      'AREA',
      'BAR',
      'BUBBLE',
      'CANDLESTICK',
      'COLUMN',
      'COMBO',
      'GAUGE',
      'GEO',
      'HISTOGRAM',
      'RADAR',
      'LINE',
      'ORG',
      'PIE',
      'SCATTER',
      'SPARKLINE',
      'STEPPED_AREA',
      'TABLE',
      'TREEMAP',
      'WATERFALL',
    ),
    ChartHiddenDimensionStrategy: enumOf('IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'),
    ChartMergeStrategy: enumOf('MERGE_COLUMNS', 'MERGE_ROWS'),
    ColumnType: enumOf('DATE', 'NUMBER', 'STRING'),
    CurveStyle: enumOf('NORMAL', 'SMOOTH'),
    PointStyle: enumOf('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'),
    Position: enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE'),
  };
}
