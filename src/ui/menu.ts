/**
 * The add-on menu (product-spec.md, "Menu"): captions exactly as specified, each naming the top-level
 * function of main.ts it runs. Kept as data so the bundle contract test can check every handler exists.
 */

export interface MenuItem {
  caption: string;
  handler: string;
}

export interface SubMenu {
  caption: string;
  items: MenuItem[];
}

export type MenuEntry = MenuItem | SubMenu;

export const ADD_REPORT_ITEMS: MenuItem[] = [
  { caption: 'Metrics (last 30 days)', handler: 'addMetricsReport' },
  { caption: 'Campaigns', handler: 'addCampaignsReport' },
  { caption: 'Conversions', handler: 'addConversionsReport' },
  { caption: 'Billing snapshot', handler: 'addBillingReport' },
  { caption: 'Pixel events', handler: 'addEventsReport' },
  { caption: 'Conversion stats', handler: 'addConversionStatsReport' },
  { caption: 'Integrations', handler: 'addIntegrationsReport' },
  { caption: 'Billing reconciliation', handler: 'addReconciliationReports' },
];

export const SCHEDULE_ITEMS: MenuItem[] = [
  { caption: 'Every hour', handler: 'scheduleHourly' },
  { caption: 'Every day', handler: 'scheduleDaily' },
  { caption: 'Every week', handler: 'scheduleWeekly' },
  { caption: 'Turn off', handler: 'scheduleOff' },
];

export const MENU: MenuEntry[] = [
  { caption: 'Open sidebar', handler: 'showSidebar' },
  { caption: 'Refresh all reports now', handler: 'refreshAllReports' },
  { caption: 'Refresh GRAVITY formulas', handler: 'refreshFormulas' },
  { caption: 'Add report', items: ADD_REPORT_ITEMS },
  { caption: 'Schedule', items: SCHEDULE_ITEMS },
];

/** Every handler the menu names, for the contract test. */
export function menuHandlers(entries: MenuEntry[] = MENU): string[] {
  return entries.flatMap((entry) => ('items' in entry ? entry.items.map((i) => i.handler) : [entry.handler]));
}

/**
 * Builds Extensions › Gravity. Under AuthMode.NONE this is all onOpen may do: it touches no other service.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, entries: MenuEntry[] = MENU): void {
  const menu = ui.createAddonMenu();
  for (const entry of entries) {
    if ('items' in entry) {
      const sub = ui.createMenu(entry.caption);
      for (const item of entry.items) sub.addItem(item.caption, item.handler);
      menu.addSubMenu(sub);
    } else {
      menu.addItem(entry.caption, entry.handler);
    }
  }
  menu.addToUi();
}
