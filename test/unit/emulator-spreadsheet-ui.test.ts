/** Menus, sidebars, dialogs, alerts and toasts as recorded on FakeSpreadsheet.ui. */
import { setup } from './emulator-spreadsheet-helpers';

const html = (title: string, content: string) => ({ getTitle: () => title, getContent: () => content });

test('the add-on menu tree with submenus and separators is recorded when added', () => {
  const { app, spreadsheet } = setup();
  const ui = app.getUi();
  const addReport = ui
    .createMenu('Add report')
    .addItem('Campaigns', 'addCampaigns')
    .addItem('Billing snapshot', 'addBilling');
  const schedule = ui
    .createMenu('Schedule')
    .addItem('Every hour', 'scheduleHourly')
    .addItem('Turn off', 'scheduleOff');
  const menu = ui
    .createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addSeparator()
    .addSubMenu(addReport)
    .addSubMenu(schedule);
  expect(spreadsheet.ui.addonMenu).toBeNull();
  menu.addToUi();
  expect(spreadsheet.ui.addonMenu).toEqual({
    addon: true,
    caption: null,
    items: [
      { type: 'item', caption: 'Open sidebar', functionName: 'showSidebar' },
      { type: 'separator' },
      {
        type: 'submenu',
        caption: 'Add report',
        items: [
          { type: 'item', caption: 'Campaigns', functionName: 'addCampaigns' },
          { type: 'item', caption: 'Billing snapshot', functionName: 'addBilling' },
        ],
      },
      {
        type: 'submenu',
        caption: 'Schedule',
        items: [
          { type: 'item', caption: 'Every hour', functionName: 'scheduleHourly' },
          { type: 'item', caption: 'Turn off', functionName: 'scheduleOff' },
        ],
      },
    ],
  });
});

test('addItem needs a function name, not a function', () => {
  const { app } = setup();
  expect(() =>
    app
      .getUi()
      .createAddonMenu()
      .addItem('Go', () => 1),
  ).toThrow("don't match the method signature");
});

test('a custom top-level menu replaces one with the same caption', () => {
  const { app, spreadsheet } = setup();
  app.getUi().createMenu('Tools').addItem('A', 'a').addToUi();
  app.getUi().createMenu('Tools').addItem('B', 'b').addToUi();
  expect(spreadsheet.ui.menus).toEqual([
    { addon: false, caption: 'Tools', items: [{ type: 'item', caption: 'B', functionName: 'b' }] },
  ]);
});

test('sidebars and dialogs record title and HTML', () => {
  const { app, spreadsheet } = setup();
  app.getUi().showSidebar(html('Gravity', '<h1>Settings</h1>'));
  app.getUi().showModalDialog(html('', '<p>Sure?</p>'), 'Confirm');
  expect(spreadsheet.ui.sidebars).toEqual([{ title: 'Gravity', html: '<h1>Settings</h1>' }]);
  expect(spreadsheet.ui.dialogs).toEqual([{ title: 'Confirm', html: '<p>Sure?</p>', modal: true }]);
  expect(() => app.getUi().showSidebar('<p>raw</p>')).toThrow("don't match the method signature");
});

test('alerts return the pressed button (OK by default, queued responses first)', () => {
  const { app, spreadsheet } = setup();
  const ui = app.getUi();
  expect(ui.alert('Done')).toBe(ui.Button.OK);
  spreadsheet.ui.pendingResponses.push({ button: 'NO' });
  expect(ui.alert('Remove key?', 'This cannot be undone.', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
  expect(ui.alert('Again?', 'Sure', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
  expect(spreadsheet.ui.alerts[1]).toEqual({
    title: 'Remove key?',
    prompt: 'This cannot be undone.',
    buttons: 'YES_NO',
  });
});

test('toasts are recorded with title and timeout (default 5 s)', () => {
  const { app, spreadsheet } = setup();
  app.getActiveSpreadsheet().toast('Refreshed 3 reports');
  app.getActiveSpreadsheet().toast('Failed', 'Gravity', -1);
  expect(spreadsheet.ui.toasts).toEqual([
    { message: 'Refreshed 3 reports', title: '', timeoutSeconds: 5 },
    { message: 'Failed', title: 'Gravity', timeoutSeconds: -1 },
  ]);
});
