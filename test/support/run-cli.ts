import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs the CLI as `npm run -s cli -- ...` does (node + SWC register), returning its output. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(
    process.execPath,
    [
      '-r',
      join(ROOT, 'tools', 'register.js'),
      join(ROOT, 'apps', 'cli', 'src', 'main.ts'),
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}
