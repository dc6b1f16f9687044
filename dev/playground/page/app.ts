/**
 * The playground page: the emulated spreadsheet as a grid with a formula bar and tabs, the add-on's menu,
 * the real sidebar in a 300 px panel, and the playground's own controls (schedule, mock faults, exports).
 * The server runs everything; this page only draws the state it gets back and sends what the person does.
 */
import { Activity, FAULT_LABELS, FaultName, GridView, PlaygroundState } from '../protocol';
import { fetchState, fetchVersion, post } from './api';
import { renderChart } from './chart';
import { a1, byId, el } from './dom';
import { Selection, cellElement, cellIndex, cellKey, renderGrid, showSelection } from './grid';
import { menuKeyboard, renderMenu } from './menu';

const POLL_MS = 1000;
const TOAST_MS = 6000;
const EXAMPLES = [
  '=GRAVITY_METRICS(7)',
  '=GRAVITY_CAMPAIGNS()',
  '=GRAVITY_TOTAL("spend", 30)',
  '=GRAVITY_INFO()',
];

const table = byId<HTMLTableElement>('grid');
const gridWrap = byId('grid-wrap');
const editor = byId<HTMLInputElement>('cell-editor');
const formulaBar = byId<HTMLInputElement>('formula');
const nameBox = byId<HTMLInputElement>('name-box');
const extensionsButton = byId<HTMLButtonElement>('menu-extensions');
const extensionsMenu = byId('extensions-menu');
const sidebarPanel = byId('sidebar-panel');
const sidebarFrame = byId<HTMLIFrameElement>('sidebar');
const dialog = byId<HTMLDialogElement>('dialog');

let state: PlaygroundState | null = null;
let selection: Selection = { row: 1, column: 1 };
/** Where the person is typing (in the cell or in the formula bar), or null. */
let editing: Edit | null = null;
let lastActivity = -1;
let inFlight = 0;
const dialogs: Activity[] = [];

// ── State ────────────────────────────────────────────────────────────────────────────────────────────

function apply(next: PlaygroundState): void {
  const tabChanged = state?.active !== next.active;
  state = next;
  if (tabChanged) selection = { row: 1, column: 1 };
  byId('doc-title').textContent = next.spreadsheetName;
  const mode = byId('mode');
  mode.textContent =
    next.mode === 'mock' ? `Mock Gravity API · ${next.apiBaseUrl}` : `LIVE · ${next.apiBaseUrl}`;
  mode.classList.toggle('live', next.mode === 'live');
  for (const group of Array.from(document.querySelectorAll<HTMLElement>('.mock-only')))
    group.hidden = next.mode !== 'mock';
  renderMenu(extensionsMenu, next.addonName, next.menu, runMenuItem);
  byId('schedule').textContent = next.triggers.length
    ? `Schedule: ${next.triggers.map((t) => t.description).join(', ')}`
    : 'No schedule set';
  byId<HTMLAnchorElement>('export-csv').href = `/export/tab.csv?tab=${encodeURIComponent(next.active)}`;
  renderTabs(next);
  if (editing === null) drawGrid(next.grid);
  renderCharts(next.grid);
  renderActivity(next.activity);
  if (!sidebarFrame.src) sidebarFrame.src = next.sidebarUrl;
  byId('sidebar-title').textContent = next.sidebarTitle;
}

function drawGrid(grid: GridView): void {
  selection = {
    row: Math.min(selection.row, grid.rows),
    column: Math.min(selection.column, grid.columns),
  };
  renderGrid(table, grid, selection);
  const note = byId('rows-note');
  note.textContent =
    grid.dataRows > grid.rows
      ? `Showing the first ${grid.rows.toLocaleString()} of ${grid.dataRows.toLocaleString()} rows; the exports have them all.`
      : '';
  showSelected();
}

function renderTabs(next: PlaygroundState): void {
  const tabs = next.tabs.map((name) => {
    const tab = el('button', 'tab', name);
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(name === next.active));
    tab.addEventListener('click', () => void act('/api/tab', { name }, `Opening ${name}`));
    return tab;
  });
  byId('tabs').replaceChildren(...tabs);
}

/** Charts float over the grid from their anchor cell, as in Sheets. */
function renderCharts(grid: GridView): void {
  const cards = grid.charts.map((chart) => {
    const card = renderChart(chart);
    const anchor = cellElement(table, { row: chart.anchorRow, column: chart.anchorColumn });
    card.style.left = `${anchor?.offsetLeft ?? 0}px`;
    card.style.top = `${anchor?.offsetTop ?? 0}px`;
    return card;
  });
  byId('charts').replaceChildren(...cards);
}

function renderActivity(activity: Activity[]): void {
  const list = byId('activity');
  list.replaceChildren(
    ...activity.map((entry) => {
      const item = el('li', `kind-${entry.kind}`);
      const time = el('time', '', new Date(entry.at).toLocaleTimeString([], { hour12: false }));
      time.dateTime = entry.at;
      const what = el('span', 'what');
      what.append(
        el('strong', '', entry.title),
        document.createTextNode(entry.text ? ` — ${entry.text}` : ''),
      );
      item.append(time, el('span', 'kind', entry.kind), what);
      return item;
    }),
  );
  list.scrollTop = list.scrollHeight;
  const fresh = activity.filter((entry) => entry.id > lastActivity);
  // What happened before the page was opened is listed, not popped up again.
  if (lastActivity >= 0) popUp(fresh);
  lastActivity = Math.max(lastActivity, ...activity.map((entry) => entry.id));
}

/** Toasts as Sheets shows them (the newest replaces the last); alerts and errors as a dialog. */
function popUp(fresh: Activity[]): void {
  const toast = fresh.filter((entry) => entry.kind === 'toast').pop();
  if (toast) showToast(toast);
  dialogs.push(...fresh.filter((entry) => entry.kind === 'alert' || entry.kind === 'error'));
  nextDialog();
}

function showToast(entry: Activity): void {
  const box = el('div', 'toast');
  box.setAttribute('role', 'status');
  if (entry.title) box.append(el('strong', '', entry.title));
  box.append(document.createTextNode(entry.text));
  const toasts = byId('toasts');
  toasts.replaceChildren(box);
  setTimeout(() => box.remove(), TOAST_MS);
}

function nextDialog(): void {
  if (dialog.open) return;
  const entry = dialogs.shift();
  if (!entry) return;
  dialog.classList.toggle('error', entry.kind === 'error');
  byId('dialog-title').textContent =
    entry.kind === 'error' ? `Error: ${entry.title}` : entry.title || 'Gravity';
  byId('dialog-text').textContent = entry.text;
  dialog.showModal();
}

byId('dialog-ok').addEventListener('click', () => dialog.close());
dialog.addEventListener('close', () => {
  gridWrap.focus();
  nextDialog();
});

// ── Talking to the server ────────────────────────────────────────────────────────────────────────────

async function act(path: string, body: Record<string, unknown>, label: string): Promise<void> {
  const busy = byId('busy');
  inFlight++;
  busy.textContent = `${label}…`;
  busy.hidden = false;
  try {
    apply(await post(path, body));
  } catch (error) {
    dialogs.push({
      id: -1,
      at: new Date().toISOString(),
      kind: 'error',
      title: label,
      text: error instanceof Error ? error.message : String(error),
    });
    nextDialog();
  } finally {
    if (--inFlight === 0) busy.hidden = true;
  }
}

async function poll(): Promise<void> {
  if (inFlight > 0 || !state) return;
  try {
    const version = await fetchVersion();
    if (version !== state.version && inFlight === 0) apply(await fetchState());
  } catch {
    // The server stopped (Ctrl-C): the page stays as it was.
  }
}

// ── Menu ─────────────────────────────────────────────────────────────────────────────────────────────

function runMenuItem(handler: string, path: string[]): void {
  closeMenu();
  if (handler === 'showSidebar') {
    openSidebar();
    return;
  }
  void act('/api/menu', { handler }, `Running ${path.slice(1).join(' › ')}`);
}

/** Open sidebar: each load of the panel runs the menu's showSidebar in the emulator and shows its HTML. */
function openSidebar(): void {
  if (!state) return;
  sidebarPanel.hidden = false;
  document.body.classList.remove('sidebar-closed');
  sidebarFrame.src = `${state.sidebarUrl}?opened=${Date.now()}`;
}

function closeMenu(): void {
  extensionsMenu.hidden = true;
  extensionsButton.setAttribute('aria-expanded', 'false');
}

extensionsButton.addEventListener('click', () => {
  const show = extensionsMenu.hidden === true;
  extensionsMenu.hidden = !show;
  extensionsButton.setAttribute('aria-expanded', String(show));
  if (show) extensionsMenu.querySelector<HTMLButtonElement>('.menu-item')?.focus();
});
document.addEventListener('click', (event) => {
  if (!(event.target as HTMLElement).closest('.menu-root')) closeMenu();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !extensionsMenu.hidden) {
    closeMenu();
    extensionsButton.focus();
  }
});
menuKeyboard(extensionsMenu);
byId('close-sidebar').addEventListener('click', () => {
  sidebarPanel.hidden = true;
  document.body.classList.add('sidebar-closed');
});

// ── Selection and editing ────────────────────────────────────────────────────────────────────────────

/** A cell being typed into: where the text goes when it is committed, wherever the selection is by then. */
interface Edit {
  mode: 'cell' | 'bar';
  tab: string;
  target: Selection;
  original: string;
}

function inputAt(at: Selection): string {
  if (!state) return '';
  return cellIndex(state.grid).get(cellKey(at.row, at.column))?.input ?? '';
}

function showSelected(): void {
  showSelection(table, selection);
  nameBox.value = a1(selection.row, selection.column);
  if (editing === null) formulaBar.value = inputAt(selection);
  showCellError();
}

/** The message behind #ERROR! beside the selected cell, as Sheets shows it on hover. */
function showCellError(): void {
  const card = byId('cell-error');
  const error = state && cellIndex(state.grid).get(cellKey(selection.row, selection.column))?.error;
  const td = cellElement(table, selection);
  card.hidden = !error || !td || editing !== null;
  if (card.hidden || !td) return;
  byId('cell-error-text').textContent = error ?? '';
  card.style.left = `${td.offsetLeft + td.offsetWidth + 4}px`;
  card.style.top = `${td.offsetTop}px`;
}

function select(row: number, column: number): void {
  if (!state) return;
  selection = {
    row: Math.max(1, Math.min(row, state.grid.rows)),
    column: Math.max(1, Math.min(column, state.grid.columns)),
  };
  showSelected();
  cellElement(table, selection)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function beginEdit(mode: Edit['mode']): void {
  if (!state) return;
  editing = { mode, tab: state.active, target: { ...selection }, original: inputAt(selection) };
  byId('cell-error').hidden = true;
}

/** Typing into the cell itself: an input laid over it, mirrored in the formula bar. */
function startEditing(initial: string): void {
  const td = cellElement(table, selection);
  if (!td) return;
  beginEdit('cell');
  editor.hidden = false;
  editor.style.left = `${td.offsetLeft}px`;
  editor.style.top = `${td.offsetTop}px`;
  editor.style.minWidth = `${td.offsetWidth}px`;
  editor.style.height = `${td.offsetHeight + 1}px`;
  editor.value = initial;
  formulaBar.value = initial;
  editor.focus();
}

function stopEditing(): void {
  editing = null;
  editor.hidden = true;
}

/** Sends the text to its cell (if it changed) and moves the selection from that cell by `move`. */
async function commit(text: string, move: { row: number; column: number }): Promise<void> {
  if (!state) return;
  const edit = editing ?? { tab: state.active, target: { ...selection }, original: inputAt(selection) };
  stopEditing();
  gridWrap.focus();
  select(edit.target.row + move.row, edit.target.column + move.column);
  if (text === edit.original) return;
  const cell = a1(edit.target.row, edit.target.column);
  const label = text.startsWith('=') ? `Calculating ${cell}` : 'Saving';
  await act('/api/cell', { tab: edit.tab, a1: cell, text }, label);
}

function cancelEditing(): void {
  stopEditing();
  formulaBar.value = inputAt(selection);
  gridWrap.focus();
}

table.addEventListener('mousedown', (event) => {
  const td = (event.target as HTMLElement).closest('td');
  if (!td) return;
  // Clicking another cell while typing commits the text where it was being typed, as in Sheets.
  if (editing) void commit(editing.mode === 'cell' ? editor.value : formulaBar.value, { row: 0, column: 0 });
  select(Number(td.dataset.row), Number(td.dataset.column));
});
table.addEventListener('dblclick', (event) => {
  if ((event.target as HTMLElement).closest('td')) startEditing(inputAt(selection));
});
table.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  const td = box.closest('td');
  if (box.type !== 'checkbox' || !td || !state) return;
  void act(
    '/api/cell',
    { tab: state.active, a1: td.dataset.a1, text: box.checked ? 'TRUE' : 'FALSE' },
    'Saving',
  );
});

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

// Tab is left alone in the grid, so the keyboard can always leave it.
gridWrap.addEventListener('keydown', (event) => {
  if (event.target !== gridWrap || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Enter' || event.key === 'F2') {
    startEditing(inputAt(selection));
  } else if (event.key in ARROWS) {
    const [dr, dc] = ARROWS[event.key];
    select(selection.row + dr, selection.column + dc);
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    void commit('', { row: 0, column: 0 });
  } else if (event.key.length === 1) {
    startEditing(event.key);
  } else return;
  event.preventDefault();
});

editor.addEventListener('input', () => {
  formulaBar.value = editor.value;
});
editor.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') cancelEditing();
  else if (event.key === 'Enter') void commit(editor.value, { row: 1, column: 0 });
  else if (event.key === 'Tab') void commit(editor.value, { row: 0, column: event.shiftKey ? -1 : 1 });
  else return;
  event.preventDefault();
});
editor.addEventListener('blur', () => {
  if (editing?.mode === 'cell') void commit(editor.value, { row: 0, column: 0 });
});

formulaBar.addEventListener('focus', () => {
  if (!editing) beginEdit('bar');
});
formulaBar.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') cancelEditing();
  else if (event.key === 'Enter') void commit(formulaBar.value, { row: 1, column: 0 });
  else return;
  event.preventDefault();
});
formulaBar.addEventListener('blur', () => {
  if (editing?.mode === 'bar') void commit(formulaBar.value, { row: 0, column: 0 });
});

// ── Playground controls ──────────────────────────────────────────────────────────────────────────────

function setUpControls(): void {
  const faults = byId<HTMLSelectElement>('fault');
  for (const [name, label] of Object.entries(FAULT_LABELS)) {
    const option = el('option', '', label);
    option.value = name;
    faults.append(option);
  }
  byId('inject-fault').addEventListener('click', () => {
    const name = faults.value as FaultName;
    void act('/api/mock/fault', { name }, 'Queuing the fault');
  });
  byId('new-conversions').addEventListener(
    'click',
    () => void act('/api/mock/conversions', {}, 'Adding conversions'),
  );
  byId('reset-mock').addEventListener('click', () => void act('/api/mock/reset', {}, 'Resetting the mock'));
  byId('run-schedule').addEventListener(
    'click',
    () => void act('/api/schedule/run', {}, 'Running the schedule'),
  );
  const examples = EXAMPLES.map((formula) => {
    const chip = el('button', 'example', formula);
    chip.type = 'button';
    chip.title = 'Enter this formula in the selected cell';
    chip.addEventListener('click', () => void commit(formula, { row: 0, column: 0 }));
    return chip;
  });
  byId('examples').replaceChildren(...examples);
}

async function start(): Promise<void> {
  setUpControls();
  apply(await fetchState());
  gridWrap.focus();
  setInterval(() => void poll(), POLL_MS);
}

void start();
