/**
 * The server side of the sidebar: one handler per function of `SidebarApi`. Each receives its arguments as
 * untrusted `unknown`, checks them (sidebar-input.ts), and answers with plain data the page renders as text.
 * The API key comes in once (to be verified and saved) and never goes out: answers carry only its mask.
 */
import { GravityClient } from '../api/client';
import { GravityError } from '../api/errors';
import { campaignsRequest, infoRequest } from '../api/endpoints';
import { userMessage } from '../formulas/custom-function';
import { KeyValueStore } from '../gas/ports';
import type {
  NewReport,
  ReportRowView,
  ReportRunResult,
  ScheduleFrequency,
  ScheduleView,
} from '../reports/contract';
import { formulaSpreadsheets, maskKey, readApiKey, setFormulasAllowed } from '../settings/credentials';
import { SETTING } from '../settings/keys';
import { AccountView, CampaignOption, SettingsView, SidebarApi } from './sidebar-api';
import { apiKeyArg, booleanArg, frequencyArg, newReportArg, reportRowArg } from './sidebar-input';

/** What the sidebar needs of the report engine (src/reports). */
export interface ReportEngine {
  list(): ReportRowView[];
  add(report: NewReport): void;
  refresh(row: number): ReportRunResult;
  setSchedule(frequency: ScheduleFrequency): ScheduleView;
  schedule(): ScheduleView;
}

export interface SidebarContext {
  /** The current user's properties (where the key lives). */
  user: KeyValueStore;
  spreadsheetId: string;
  /** A Gravity client for this key, with a retry budget that suits a person waiting. */
  connect(apiKey: string): GravityClient;
  reports: ReportEngine;
}

/** A server function as the page can call it: same arity, every argument unchecked. */
type Untrusted<F> = F extends (...args: infer A) => infer R
  ? (...args: { [I in keyof A]: unknown }) => R
  : never;
export type SidebarHandlers = { [K in keyof SidebarApi]: Untrusted<SidebarApi[K]> };

export function sidebarHandlers(context: SidebarContext): SidebarHandlers {
  const { user, spreadsheetId, reports } = context;

  const settings = (account?: AccountView): SettingsView => {
    const key = readApiKey(user);
    const view: SettingsView = {
      maskedKey: key ? maskKey(key) : null,
      account: null,
      accountError: null,
      formulasAllowed: formulaSpreadsheets(user).includes(spreadsheetId),
    };
    if (!key) return view;
    if (account) return { ...view, account };
    try {
      return { ...view, account: readAccount(context.connect(key)) };
    } catch (error) {
      return { ...view, accountError: userMessage(error) };
    }
  };

  return {
    sidebarLoad: () => ({ settings: settings(), reports: reports.list(), schedule: reports.schedule() }),

    sidebarSaveKey: (value) => {
      const key = apiKeyArg(value);
      const account = verifyKey(context.connect(key));
      user.set(SETTING.apiKey, key);
      // Saving here means the owner wants formulas in this spreadsheet (product-spec.md, Settings).
      setFormulasAllowed(user, spreadsheetId, true);
      return settings(account);
    },

    sidebarRemoveKey: () => {
      user.remove(SETTING.apiKey);
      return settings();
    },

    sidebarAllowFormulas: (value) => {
      setFormulasAllowed(user, spreadsheetId, booleanArg(value, 'allowed'));
      return settings();
    },

    sidebarCampaigns: () => {
      const key = readApiKey(user);
      if (!key)
        throw new GravityError('no_key', 'save your API key first; campaigns come from your account.');
      return context
        .connect(key)
        .get(campaignsRequest())
        .map((campaign): CampaignOption => ({
          id: campaign.campaign_id,
          name: campaign.name ?? '',
          status: campaign.status ?? '',
        }))
        .sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
    },

    sidebarReports: () => reports.list(),

    sidebarAddReport: (value) => {
      reports.add(newReportArg(value));
      return reports.list();
    },

    sidebarRefreshReport: (value) => reports.refresh(reportRowArg(value)),

    sidebarSchedule: () => reports.schedule(),

    sidebarSetSchedule: (value) => reports.setSchedule(frequencyArg(value)),
  };
}

function readAccount(client: GravityClient): AccountView {
  const info = client.get(infoRequest());
  return { advertiserId: String(info.advertiser_id ?? ''), name: info.name ?? '', email: info.email ?? '' };
}

/** /info with the new key, before anything is saved; a refusal says what to do, never echoing the key. */
function verifyKey(client: GravityClient): AccountView {
  try {
    return readAccount(client);
  } catch (error) {
    if (error instanceof GravityError && (error.kind === 'unauthorized' || error.kind === 'forbidden')) {
      throw new GravityError(
        error.kind,
        `Gravity did not accept this key (${error.status}). Copy it again from Gravity dashboard › ` +
          'Settings › API Key. Nothing was saved.',
        error.status,
      );
    }
    throw new GravityError(
      error instanceof GravityError ? error.kind : 'network',
      `the key could not be checked, so it was not saved. ${userMessage(error).replace(/^Gravity: /, '')}`,
    );
  }
}

/**
 * Runs one handler for google.script.run. A thrown Error reaches the page's failure handler with its message
 * (developers.google.com/apps-script/guides/html/reference/run#withFailureHandler(Function)), so every
 * failure leaves as a plain Error whose message a person can act on.
 */
export function runHandler<R>(body: () => R): R {
  try {
    return body();
  } catch (error) {
    throw new Error(userMessage(error)); // eslint-disable-line preserve-caught-error
  }
}
