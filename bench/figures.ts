/**
 * One line of the bench's table: a measured figure beside the floor it cannot beat or the limit it must stay
 * under, as a ratio, and whether it meets its target.
 */

export type Bound = 'floor' | 'limit';

export interface Figure {
  scenario: string;
  figure: string;
  value: number;
  unit: string;
  bound: Bound | null;
  /** The floor or limit itself. */
  against: number | null;
  /** value / against; null when there is nothing to divide by. */
  ratio: number | null;
  /** The target in words (e.g. "ratio 1.0", "≤ 8"), or '' for a figure reported for information. */
  target: string;
  /** Whether the target is met; null for information only. */
  ok: boolean | null;
  note?: string;
}

function ratioOf(value: number, against: number): number | null {
  if (against === 0) return value === 0 ? 1 : null;
  return value / against;
}

interface TargetOptions {
  maxRatio?: number;
  target?: boolean;
  targetText?: string;
  note?: string;
}

/** A figure measured against a floor or a limit: its target is `value ≤ against × maxRatio` (or none). */
function bounded(
  bound: Bound,
  scenario: string,
  figure: string,
  value: number,
  unit: string,
  against: number,
  options: TargetOptions,
): Figure {
  const maxRatio = options.maxRatio ?? 1;
  const targeted = options.target ?? true;
  const defaultText = bound === 'floor' && maxRatio === 1 ? 'ratio 1.0' : `ratio ≤ ${maxRatio}`;
  return {
    scenario,
    figure,
    value,
    unit,
    bound,
    against,
    ratio: ratioOf(value, against),
    target: targeted ? (options.targetText ?? defaultText) : '',
    ok: targeted ? value <= against * maxRatio : null,
    note: options.note,
  };
}

/** A figure that cannot go below `floor`; its target is `value ≤ floor × maxRatio` (or no target). */
export function vsFloor(
  scenario: string,
  figure: string,
  value: number,
  unit: string,
  floor: number,
  options: Omit<TargetOptions, 'targetText'> = {},
): Figure {
  return bounded('floor', scenario, figure, value, unit, floor, options);
}

/** A figure that must stay under `limit`; its target is `value ≤ limit × maxRatio` (or no target). */
export function vsLimit(
  scenario: string,
  figure: string,
  value: number,
  unit: string,
  limit: number,
  options: TargetOptions = {},
): Figure {
  return bounded('limit', scenario, figure, value, unit, limit, options);
}

export function info(scenario: string, figure: string, value: number, unit: string, note?: string): Figure {
  return {
    scenario,
    figure,
    value,
    unit,
    bound: null,
    against: null,
    ratio: null,
    target: '',
    ok: null,
    note,
  };
}

function number(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 2 : 1 });
}

/** The figures as a fixed-width text table, grouped by scenario. */
export function formatTable(figures: Figure[]): string {
  const header = ['figure', 'value', 'floor / limit', 'ratio', 'target', ''];
  const rows: string[][] = [];
  let scenario = '';
  for (const f of figures) {
    if (f.scenario !== scenario) {
      scenario = f.scenario;
      rows.push([`# ${scenario}`, '', '', '', '', '']);
    }
    rows.push([
      `  ${f.figure}`,
      `${number(f.value)} ${f.unit}`,
      f.bound && f.against !== null ? `${f.bound} ${number(f.against)}` : '',
      f.ratio === null ? '' : f.ratio.toFixed(2),
      f.target,
      f.ok === null ? '' : f.ok ? 'OK' : 'MISS',
    ]);
  }
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i].startsWith('# ') ? 0 : r[i].length))),
  );
  const line = (cells: string[]) =>
    cells[0].startsWith('# ')
      ? cells[0]
      : cells
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
