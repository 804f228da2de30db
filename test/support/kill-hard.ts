import { ChildProcess } from 'node:child_process';

/** Kills a child process the hard way (SIGKILL), as a crash would, and waits for it to exit. */
export async function killHard(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Sends `signal` (SIGTERM: a graceful stop) and resolves with the exit code. */
export async function terminate(
  child: ChildProcess | null,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (!child) return null;
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill(signal);
  return exited;
}
