/**
 * `npm start` runs on the built bundle, like the tests: it builds first when dist/ is missing or older than
 * anything the build reads (src/, the manifest, the build scripts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = ['Code.js', 'appsscript.json'];

/** The newest modification time under `path` (a file or a folder, walked recursively). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

export function needsBuild(root: string, dist: string): boolean {
  const built = BUILT.map((name) => join(dist, name));
  if (!built.every(existsSync)) return true;
  const oldestOutput = Math.min(...built.map((file) => statSync(file).mtimeMs));
  const inputs = ['src', 'appsscript.json', 'dev/build.ts', 'dev/build'].map((p) => newest(join(root, p)));
  return Math.max(...inputs) > oldestOutput;
}

/** Runs `npm run build`'s script in this Node; throws when it fails. */
export function buildIfNeeded(root: string, dist: string): boolean {
  if (!needsBuild(root, dist)) return false;
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'dev', 'build.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the build failed (see above)');
  return true;
}
