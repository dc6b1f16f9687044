/**
 * The Reports section: the rows of `Gravity Reports` with their last result, `Refresh now` (one server call
 * per report, so the page can show how far it got), and the form that adds a report.
 */
import type { NewReport, ReportMode, ReportRowView, ReportType } from '../reports/contract';
import { REPORT_FORM, SidebarApi } from '../ui/sidebar-api';
import { Remote } from './bridge';
import { busy, byId, el, errorText, formatInstant, setText, show } from './dom';

export interface ReportsSection {
  render(rows: ReportRowView[]): void;
  /** The key changed: the campaign list belongs to the old account. */
  forgetCampaigns(): void;
}

export function reportsSection(
  server: Remote<SidebarApi>,
  afterRefresh: () => Promise<void>,
): ReportsSection {
  const list = byId<HTMLUListElement>('report-list');
  const empty = byId('reports-empty');
  const refreshButton = byId<HTMLButtonElement>('refresh-now');
  const progress = byId('refresh-progress');
  const bar = byId<HTMLProgressElement>('refresh-bar');
  const progressText = byId('refresh-text');
  const error = byId('reports-error');
  let rows: ReportRowView[] = [];

  const render = (next: ReportRowView[]): void => {
    rows = next;
    list.replaceChildren(...rows.map(reportItem));
    show(empty, rows.length === 0);
    refreshButton.disabled = !rows.some((row) => row.enabled);
  };

  const fail = (failure: unknown): void => {
    setText(error, errorText(failure));
    show(error, true);
  };

  refreshButton.addEventListener('click', () => {
    const due = rows.filter((row) => row.enabled);
    show(error, false);
    void busy(refreshButton, 'Refreshing…', async () => {
      show(progress, true);
      bar.max = due.length;
      let failed = 0;
      for (const [index, row] of due.entries()) {
        bar.value = index;
        setText(progressText, `Refreshing ${index + 1} of ${due.length}: ${row.tab}`);
        try {
          const result = await server.sidebarRefreshReport(row.row);
          if (!result.ok) failed++;
        } catch (failure) {
          failed++;
          fail(failure);
        }
      }
      try {
        render(await server.sidebarReports());
        await afterRefresh();
      } catch (failure) {
        fail(failure);
      }
      // Said last, once the list shows every new result.
      bar.value = due.length;
      const outcome = failed ? `${failed} failed; see each report's result.` : 'all OK.';
      setText(progressText, `Refreshed ${due.length} of ${due.length}: ${outcome}`);
    });
  });

  const form = reportForm(server, render);
  return { render, forgetCampaigns: form.forgetCampaigns };
}

function reportItem(row: ReportRowView): HTMLLIElement {
  const ok = row.result === 'OK';
  const status = !row.lastRun ? 'Not run yet' : ok ? 'OK' : errorText(new Error(row.result));
  const rowsText = row.rows === null ? '' : ` · ${row.rows.toLocaleString()} rows`;
  return el('li', { className: row.enabled ? 'report' : 'report disabled' }, [
    el('div', { className: 'report-head' }, [
      el('span', { className: 'report-tab', text: row.tab || '(no tab name)' }),
      el('span', { className: 'report-kind', text: `${row.report} · ${row.mode || 'replace'}` }),
    ]),
    el('div', {
      className: `report-result ${!row.lastRun ? 'pending' : ok ? 'ok' : 'failed'}`,
      text: row.enabled ? status : `Disabled · ${status}`,
    }),
    el('div', { className: 'secondary', text: `Last run ${formatInstant(row.lastRun)}${rowsText}` }),
  ]);
}

interface ReportForm {
  forgetCampaigns(): void;
}

function reportForm(server: Remote<SidebarApi>, render: (rows: ReportRowView[]) => void): ReportForm {
  const details = byId<HTMLDetailsElement>('add-report');
  const form = byId<HTMLFormElement>('report-form');
  const type = byId<HTMLSelectElement>('report-type');
  const campaign = byId<HTMLSelectElement>('report-campaign');
  const campaignError = byId('campaign-error');
  const submit = byId<HTMLButtonElement>('add-report-button');
  const error = byId('report-form-error');
  const value = (id: string): string => byId<HTMLInputElement | HTMLSelectElement>(id).value.trim();
  let campaigns: Promise<void> | null = null;

  type.append(
    ...(Object.keys(REPORT_FORM) as ReportType[]).map((report) =>
      el('option', { text: REPORT_FORM[report].label, attrs: { value: report } }),
    ),
  );

  const selected = (): ReportType => type.value as ReportType;

  /** Shows only the fields the chosen report takes. */
  const fitFields = (): void => {
    const fields = REPORT_FORM[selected()];
    show(byId('range-fields'), fields.range);
    show(byId('campaign-field'), fields.campaign !== 'none');
    show(byId('status-field'), fields.status);
    show(byId('event-type-field'), fields.eventType);
    show(byId('domain-field'), fields.domain);
    const anyOption = campaign.querySelector('option[value=""]');
    if (anyOption) setText(anyOption as HTMLElement, anyLabel());
    if (details.open && fields.campaign !== 'none') void loadCampaigns();
  };

  const anyLabel = (): string =>
    REPORT_FORM[selected()].campaign === 'required' ? 'Choose a campaign…' : 'All campaigns';

  const loadCampaigns = (): Promise<void> => {
    campaigns =
      campaigns ??
      (async () => {
        campaign.replaceChildren(el('option', { text: 'Loading campaigns…', attrs: { value: '' } }));
        show(campaignError, false);
        try {
          const options = await server.sidebarCampaigns();
          campaign.replaceChildren(
            el('option', { text: anyLabel(), attrs: { value: '' } }),
            ...options.map((option) =>
              el('option', {
                text: option.status
                  ? `${option.name || option.id} (${option.status})`
                  : option.name || option.id,
                attrs: { value: option.id },
              }),
            ),
          );
        } catch (failure) {
          campaigns = null;
          campaign.replaceChildren(el('option', { text: anyLabel(), attrs: { value: '' } }));
          setText(campaignError, errorText(failure));
          show(campaignError, true);
        }
      })();
    return campaigns;
  };

  const describe = (): NewReport => {
    const report = selected();
    const fields = REPORT_FORM[report];
    const result: NewReport = { report, mode: value('report-mode') as ReportMode };
    const tab = value('report-tab');
    if (tab) result.tab = tab;
    if (fields.range) {
      if (byId<HTMLInputElement>('range-days').checked) result.days = Number(value('report-days'));
      else {
        result.startDate = value('report-start');
        result.endDate = value('report-end');
      }
    }
    if (fields.campaign !== 'none' && campaign.value) result.campaignId = campaign.value;
    if (fields.status && value('report-status')) result.status = value('report-status');
    if (fields.eventType && value('report-event-type')) result.eventType = value('report-event-type');
    if (fields.domain && value('report-domain')) result.domain = value('report-domain');
    return result;
  };

  // Typing in a range's inputs picks that kind of range.
  const pick = (radio: string, inputs: string[]): void =>
    inputs.forEach((id) =>
      byId(id).addEventListener('input', () => (byId<HTMLInputElement>(radio).checked = true)),
    );
  pick('range-days', ['report-days']);
  pick('range-dates', ['report-start', 'report-end']);
  type.addEventListener('change', fitFields);
  details.addEventListener('toggle', () => {
    if (details.open) fitFields();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(error, false);
    void busy(submit, 'Adding…', async () => {
      try {
        render(await server.sidebarAddReport(describe()));
        form.reset();
        fitFields();
        details.open = false;
        byId('reports-title').focus();
      } catch (failure) {
        setText(error, errorText(failure));
        show(error, true);
      }
    });
  });
  fitFields();

  return {
    forgetCampaigns: () => {
      campaigns = null;
      if (details.open && REPORT_FORM[selected()].campaign !== 'none') void loadCampaigns();
    },
  };
}
