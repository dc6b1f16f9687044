/** The sidebar page: loads the state in one call, then wires each section. */
import type { SidebarApi } from '../ui/sidebar-api';
import { remote, scriptRun } from './bridge';
import { byId, errorText, setText, show } from './dom';
import { reportsSection } from './reports';
import { scheduleSection } from './schedule';
import { settingsSection } from './settings';

const SECTIONS = ['settings', 'reports', 'schedule', 'formulas'];

async function start(): Promise<void> {
  const server = remote<SidebarApi>(scriptRun);
  const schedule = scheduleSection(server);
  const reports = reportsSection(server, async () => schedule.render(await server.sidebarSchedule()));
  const settings = settingsSection(server, () => reports.forgetCampaigns());
  const app = byId('app');
  try {
    const state = await server.sidebarLoad();
    settings.render(state.settings);
    reports.render(state.reports);
    schedule.render(state.schedule);
    for (const id of SECTIONS) show(byId(id), true);
  } catch (error) {
    const message = byId('load-error');
    setText(message, errorText(error));
    show(message, true);
  } finally {
    show(byId('loading'), false);
    app.removeAttribute('aria-busy');
  }
}

void start();
