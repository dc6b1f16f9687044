/**
 * What the playground's server and page say to each other: plain JSON, shared by both sides so the page is
 * type-checked against what the server sends.
 */
import type { MenuEntry } from '../emulator/spreadsheet';

export type { MenuEntry };

/** One non-empty cell of the grid, as the page draws it. */
export interface GridCell {
  row: number;
  column: number;
  /** The text Sheets would show, number format applied. */
  text: string;
  /** What the formula bar shows: the formula, else the value as typed. */
  input: string;
  align: 'left' | 'center' | 'right';
  bold?: boolean;
  background?: string;
  /** A checkbox cell and whether it is ticked. */
  checkbox?: boolean;
  /** The message behind #ERROR!, #REF!, #NAME? (Sheets' red-corner tooltip). */
  error?: string;
}

export interface ChartView {
  /** The cell its top-left corner sits on (setPosition), as Sheets floats a chart over the grid. */
  anchorRow: number;
  anchorColumn: number;
  title: string;
  type: string;
  ranges: string[];
  /** The chart's series read from its ranges: the first range's column is the x axis. */
  series: { name: string; points: Array<number | null>; rightAxis: boolean }[];
  labels: string[];
}

export interface GridView {
  name: string;
  /** Rows and columns the page draws (data plus a margin, within the sheet's size). */
  rows: number;
  columns: number;
  /** Rows holding data; more than `rows` when the page shows only the first ones. */
  dataRows: number;
  frozenRows: number;
  columnWidths: Record<number, number>;
  cells: GridCell[];
  charts: ChartView[];
}

export type ActivityKind = 'run' | 'error' | 'toast' | 'alert' | 'formula' | 'trigger' | 'mock' | 'sidebar';

/** One line of the activity log: what the add-on and the playground did, newest last. */
export interface Activity {
  id: number;
  at: string;
  kind: ActivityKind;
  title: string;
  text: string;
}

export interface TriggerView {
  uid: string;
  handler: string;
  description: string;
}

export interface PlaygroundState {
  version: number;
  spreadsheetName: string;
  owner: string;
  /** 'mock': the embedded Gravity mock; 'live': the real API. */
  mode: 'mock' | 'live';
  apiBaseUrl: string;
  addonName: string;
  tabs: string[];
  active: string;
  grid: GridView;
  menu: MenuEntry[];
  triggers: TriggerView[];
  activity: Activity[];
  sidebarUrl: string;
  /** The title the script gave the sidebar (HtmlOutput.setTitle), shown in the panel's header. */
  sidebarTitle: string;
}

/** The faults the page offers, by name (see FAULTS in session.ts). */
export type FaultName = 'rate-limit-once' | 'rate-limit-always' | 'server-error' | 'html-page' | 'slow';

export const FAULT_LABELS: Record<FaultName, string> = {
  'rate-limit-once': '429 Too Many Requests, once',
  'rate-limit-always': '429 on every request',
  'server-error': '503 on the next 5 requests',
  'html-page': 'HTML error page from a proxy',
  slow: 'Slow answers (3 s)',
};

export interface CellEdit {
  tab: string;
  a1: string;
  text: string;
}
