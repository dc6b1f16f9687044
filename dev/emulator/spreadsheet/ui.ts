/**
 * `SpreadsheetApp.getUi()`: menus, sidebars, dialogs and alerts, recorded on the spreadsheet so tests can read
 * what a user would see (developers.google.com/apps-script/reference/base/ui, .../base/menu).
 */
import { type ApiContext, facade, signatureError } from './api-context';
import type { FakeSpreadsheet } from './store';

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuRecord {
  /** The add-on's submenu of Extensions (createAddonMenu) rather than a top-level menu. */
  addon: boolean;
  /** null for the add-on menu, whose caption is the add-on's name. */
  caption: string | null;
  items: MenuEntry[];
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface UiRecord {
  /** The add-on menu as last added with addToUi(). */
  addonMenu: MenuRecord | null;
  /** Top-level custom menus (createMenu(...).addToUi()), one per caption. */
  menus: MenuRecord[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  toasts: ToastRecord[];
  alerts: { title: string; prompt: string; buttons: string }[];
  /** Buttons the "user" will press for the next alerts/prompts (default: OK, or YES for yes/no). */
  pendingResponses: { button: string; text?: string }[];
}

export function emptyUiRecord(): UiRecord {
  return {
    addonMenu: null,
    menus: [],
    sidebars: [],
    dialogs: [],
    toasts: [],
    alerts: [],
    pendingResponses: [],
  };
}

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

interface HtmlOutputLike {
  getTitle(): string;
  getContent(): string;
}

function isHtmlOutput(v: unknown): v is HtmlOutputLike {
  const o = v as Partial<HtmlOutputLike> | null;
  return !!o && typeof o.getTitle === 'function' && typeof o.getContent === 'function';
}

interface MenuBuilder {
  entries: MenuEntry[];
  caption: string | null;
}

const MENU_BUILDERS = new WeakMap<object, MenuBuilder>();

function cloneEntries(entries: MenuEntry[]): MenuEntry[] {
  return entries.map((e) => (e.type === 'submenu' ? { ...e, items: cloneEntries(e.items) } : { ...e }));
}

function createMenuFacade(
  ctx: ApiContext,
  spreadsheet: FakeSpreadsheet,
  addon: boolean,
  caption: string | null,
) {
  const state: MenuBuilder = { entries: [], caption };
  const menu: Record<string, (...args: never[]) => unknown> = facade(ctx, 'Menu', {
    addItem: (itemCaption: string, functionName: string) => {
      if (typeof itemCaption !== 'string' || typeof functionName !== 'string') {
        throw signatureError(ctx, 'Menu.addItem', [itemCaption, functionName]);
      }
      state.entries.push({ type: 'item', caption: itemCaption, functionName });
      return menu;
    },
    addSeparator: () => {
      state.entries.push({ type: 'separator' });
      return menu;
    },
    addSubMenu: (sub: object) => {
      const subState = sub ? MENU_BUILDERS.get(sub) : undefined;
      if (!subState) throw signatureError(ctx, 'Menu.addSubMenu', [sub]);
      state.entries.push({ type: 'submenu', caption: subState.caption ?? '', items: subState.entries });
      return menu;
    },
    addToUi: () => {
      const record: MenuRecord = { addon, caption: state.caption, items: cloneEntries(state.entries) };
      if (addon) spreadsheet.ui.addonMenu = record;
      else {
        spreadsheet.ui.menus = spreadsheet.ui.menus.filter((m) => m.caption !== record.caption);
        spreadsheet.ui.menus.push(record);
      }
    },
  });
  MENU_BUILDERS.set(menu, state);
  return menu;
}

function nextResponse(spreadsheet: FakeSpreadsheet, buttons: string): { button: string; text: string } {
  const queued = spreadsheet.ui.pendingResponses.shift();
  if (queued) return { button: queued.button, text: queued.text ?? '' };
  return { button: buttons.startsWith('YES') ? Button.YES : Button.OK, text: '' };
}

export function createUi(ctx: ApiContext, spreadsheet: FakeSpreadsheet) {
  const ui = facade(ctx, 'Ui', {
    createAddonMenu: () => createMenuFacade(ctx, spreadsheet, true, null),
    createMenu: (caption: string) => {
      if (typeof caption !== 'string') throw signatureError(ctx, 'Ui.createMenu', [caption]);
      return createMenuFacade(ctx, spreadsheet, false, caption);
    },
    showSidebar: (output: unknown) => {
      if (!isHtmlOutput(output)) throw signatureError(ctx, 'Ui.showSidebar', [output]);
      spreadsheet.ui.sidebars.push({ title: output.getTitle(), html: output.getContent() });
    },
    showModalDialog: (output: unknown, title: string) => {
      if (!isHtmlOutput(output)) throw signatureError(ctx, 'Ui.showModalDialog', [output, title]);
      spreadsheet.ui.dialogs.push({ title: String(title), html: output.getContent(), modal: true });
    },
    showModelessDialog: (output: unknown, title: string) => {
      if (!isHtmlOutput(output)) throw signatureError(ctx, 'Ui.showModelessDialog', [output, title]);
      spreadsheet.ui.dialogs.push({ title: String(title), html: output.getContent(), modal: false });
    },
    /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
    alert: (a: string, b?: string, c?: string) => {
      const [title, prompt, buttons] =
        c !== undefined ? [a, b ?? '', c] : b !== undefined ? ['', a, b] : ['', a, ButtonSet.OK];
      spreadsheet.ui.alerts.push({ title: String(title), prompt: String(prompt), buttons: String(buttons) });
      return nextResponse(spreadsheet, String(buttons)).button;
    },
    /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons) */
    prompt: (a: string, b?: string, c?: string) => {
      const [title, prompt, buttons] =
        c !== undefined ? [a, b ?? '', c] : b !== undefined ? ['', a, b] : ['', a, ButtonSet.OK];
      spreadsheet.ui.alerts.push({ title: String(title), prompt: String(prompt), buttons: String(buttons) });
      const response = nextResponse(spreadsheet, String(buttons));
      return facade(ctx, 'PromptResponse', {
        getResponseText: () => response.text,
        getSelectedButton: () => response.button,
      });
    },
  });
  return Object.assign(ui, { Button, ButtonSet });
}
