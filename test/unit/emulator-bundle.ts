/** Writes a hand-written bundle (Code.js, appsscript.json, *.html) to a temp dir and loads it in an emulator. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppsScriptEmulator } from '../../dev/emulator';

export const OWNER = 'owner@example.com';
export const EDITOR = 'editor@example.com';
/** 2025-05-20T12:00:00Z */
export const START = Date.UTC(2025, 4, 20, 12, 0, 0);

export function writeBundle(
  code: string,
  html: Record<string, string> = {},
  timeZone = 'America/New_York',
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-bundle-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), code);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone, runtimeVersion: 'V8' }));
  for (const [name, content] of Object.entries(html))
    fs.writeFileSync(path.join(dir, `${name}.html`), content);
  return dir;
}

export function emulatorWith(
  code: string,
  opts: { html?: Record<string, string>; urlFetchDailyQuota?: number } = {},
): AppsScriptEmulator {
  const emu = new AppsScriptEmulator({ now: START, urlFetchDailyQuota: opts.urlFetchDailyQuota });
  emu.loadBundle(writeBundle(code, opts.html));
  return emu;
}
