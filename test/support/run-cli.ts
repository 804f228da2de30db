import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

const cliArgs = (args: string[]) => [
  '-r',
  join(ROOT, 'tools', 'register.js'),
  join(ROOT, 'apps', 'cli', 'src', 'main.ts'),
  ...args,
];

/** Runs the CLI as `npm run -s cli -- ...` does (node + SWC register), returning its output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, cliArgs(args), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/**
 * The same without blocking this process: needed when an in-process API or worker must keep
 * running (and releasing its database locks) while the CLI works.
 */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      cliArgs(args),
      { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ stdout, stderr, status: error ? Number(error.code ?? 1) : 0 }),
    );
  });
}
