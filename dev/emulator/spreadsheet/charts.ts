/**
 * Embedded charts (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder): the builder
 * from `Sheet.newChart()`, and `insertChart` / `getCharts` / `updateChart` / `removeChart`. Chart types are the
 * `Charts.ChartType` values, kept as their names ('LINE', 'COLUMN', 'COMBO', ...).
 */
import { type ApiContext, facade, signatureError } from './api-context';

export interface ChartRecord {
  chartId: number;
  chartType: string | null;
  /** Data ranges as `Sheet!A1:B2`. */
  ranges: string[];
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/** A range handed to `addRange`: what charts need to know about it. */
export interface ChartRangeSource {
  a1WithSheet(): string;
}

/** Looks up the range behind a script-facing Range object. */
export type RangeResolver = (range: unknown) => ChartRangeSource | undefined;

const CHART_STATE = new WeakMap<object, ChartRecord>();

function copyRecord(r: ChartRecord): ChartRecord {
  return { ...r, ranges: [...r.ranges], position: { ...r.position }, options: { ...r.options } };
}

/** The record behind a script-facing EmbeddedChart, if it is one. */
export function chartRecordOf(chart: unknown): ChartRecord | undefined {
  return chart && typeof chart === 'object' ? CHART_STATE.get(chart) : undefined;
}

export function createChartBuilder(
  ctx: ApiContext,
  resolveRange: RangeResolver,
  start: ChartRecord,
): Record<string, (...args: never[]) => unknown> {
  const state = copyRecord(start);
  const builder: Record<string, (...args: never[]) => unknown> = facade(ctx, 'EmbeddedChartBuilder', {
    setChartType: (type: string) => {
      if (typeof type !== 'string') throw signatureError(ctx, 'EmbeddedChartBuilder.setChartType', [type]);
      state.chartType = type;
      return builder;
    },
    addRange: (range: unknown) => {
      const source = resolveRange(range);
      if (!source) throw signatureError(ctx, 'EmbeddedChartBuilder.addRange', [range]);
      state.ranges.push(source.a1WithSheet());
      return builder;
    },
    removeRange: (range: unknown) => {
      const source = resolveRange(range);
      if (!source) throw signatureError(ctx, 'EmbeddedChartBuilder.removeRange', [range]);
      state.ranges = state.ranges.filter((r) => r !== source.a1WithSheet());
      return builder;
    },
    clearRanges: () => {
      state.ranges = [];
      return builder;
    },
    setPosition: (anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number) => {
      state.position = { anchorRow, anchorColumn, offsetX, offsetY };
      return builder;
    },
    setOption: (option: string, value: unknown) => {
      state.options[option] = value;
      return builder;
    },
    getChartType: () => state.chartType,
    build: () => createChartFacade(ctx, resolveRange, copyRecord(state)),
  });
  return builder;
}

export function createChartFacade(ctx: ApiContext, resolveRange: RangeResolver, record: ChartRecord): object {
  const chart = facade(ctx, 'EmbeddedChart', {
    getChartId: () => (record.chartId > 0 ? record.chartId : null),
    getOptions: () =>
      facade(ctx, 'ChartOptions', {
        get: (option: string) => (option in record.options ? record.options[option] : null),
      }),
    getContainerInfo: () =>
      facade(ctx, 'ContainerInfo', {
        getAnchorRow: () => record.position.anchorRow,
        getAnchorColumn: () => record.position.anchorColumn,
        getOffsetX: () => record.position.offsetX,
        getOffsetY: () => record.position.offsetY,
      }),
    modify: () => createChartBuilder(ctx, resolveRange, record),
  });
  CHART_STATE.set(chart, record);
  return chart;
}

export function newChartRecord(): ChartRecord {
  return {
    chartId: 0,
    chartType: null,
    ranges: [],
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };
}
