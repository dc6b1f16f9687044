/** Draws one tab as a Sheets-like grid: column letters, row numbers, frozen rows, the selected cell. */
import type { GridCell, GridView } from '../protocol';
import { a1, columnLetters, el } from './dom';

export interface Selection {
  row: number;
  column: number;
}

export const DEFAULT_COLUMN_WIDTH = 100;
const ROW_HEADER_WIDTH = 46;

export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

export function cellIndex(grid: GridView): Map<string, GridCell> {
  return new Map(grid.cells.map((cell) => [cellKey(cell.row, cell.column), cell]));
}

export function renderGrid(table: HTMLTableElement, grid: GridView, selection: Selection): void {
  const cells = cellIndex(grid);
  const colgroup = el('colgroup');
  const corner = el('col');
  corner.style.width = `${ROW_HEADER_WIDTH}px`;
  colgroup.append(corner);
  let totalWidth = ROW_HEADER_WIDTH;
  for (let c = 1; c <= grid.columns; c++) {
    const col = el('col');
    const width = grid.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
    col.style.width = `${width}px`;
    totalWidth += width;
    colgroup.append(col);
  }

  const head = el('thead');
  const headRow = el('tr');
  const cornerCell = el('th', 'corner');
  headRow.append(cornerCell);
  for (let c = 1; c <= grid.columns; c++) {
    const th = el('th', c === selection.column ? 'selected-header' : '', columnLetters(c));
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);

  const body = el('tbody');
  for (let r = 1; r <= grid.rows; r++) {
    const tr = el('tr');
    if (r <= grid.frozenRows) tr.classList.add('frozen');
    if (r === grid.frozenRows) tr.classList.add('frozen-last');
    const th = el('th', r === selection.row ? 'selected-header' : '', String(r));
    th.scope = 'row';
    tr.append(th);
    for (let c = 1; c <= grid.columns; c++) {
      const td = renderCell(r, c, cells.get(cellKey(r, c)), selection);
      // Sheets lets left-aligned text run on over empty cells to its right.
      if (td.firstChild?.nodeName === 'SPAN' && !cells.has(cellKey(r, c + 1))) td.classList.add('overflow');
      tr.append(td);
    }
    body.append(tr);
  }
  table.style.width = `${totalWidth}px`;
  table.replaceChildren(colgroup, head, body);
  pinFrozenRows(table);
}

function renderCell(row: number, column: number, cell: GridCell | undefined, selection: Selection) {
  const td = el('td');
  td.dataset.row = String(row);
  td.dataset.column = String(column);
  td.dataset.a1 = a1(row, column);
  if (row === selection.row && column === selection.column) td.classList.add('selected');
  if (!cell) return td;
  if (cell.checkbox !== undefined) {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = cell.checkbox;
    box.setAttribute('aria-label', `${a1(row, column)} checkbox`);
    td.append(box);
    td.classList.add('align-center');
  } else if (cell.align === 'left') {
    td.append(el('span', '', cell.text));
  } else {
    td.textContent = cell.text;
    td.classList.add(`align-${cell.align}`);
  }
  if (cell.bold) td.classList.add('bold');
  if (cell.background) td.style.backgroundColor = cell.background;
  if (cell.error) {
    td.classList.add('error');
    td.title = cell.error;
  } else if (cell.text.length > 12) {
    td.title = cell.text;
  }
  return td;
}

/** Frozen rows stay under the column letters while the rest scrolls: each sticks at its own offset. */
function pinFrozenRows(table: HTMLTableElement): void {
  for (const tr of Array.from(table.querySelectorAll<HTMLTableRowElement>('tr.frozen'))) {
    for (const cell of Array.from(tr.cells)) cell.style.top = `${tr.offsetTop}px`;
  }
}

/** The td of a cell, if drawn. */
export function cellElement(table: HTMLTableElement, selection: Selection): HTMLTableCellElement | null {
  return table.querySelector<HTMLTableCellElement>(
    `td[data-row="${selection.row}"][data-column="${selection.column}"]`,
  );
}

/** Moves the highlight without redrawing the grid. */
export function showSelection(table: HTMLTableElement, selection: Selection): void {
  for (const old of Array.from(table.querySelectorAll('.selected, .selected-header')))
    old.classList.remove('selected', 'selected-header');
  cellElement(table, selection)?.classList.add('selected');
  table.tHead?.rows[0]?.cells[selection.column]?.classList.add('selected-header');
  table.tBodies[0]?.rows[selection.row - 1]?.cells[0]?.classList.add('selected-header');
}
