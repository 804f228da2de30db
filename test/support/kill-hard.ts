import { ChildProcess } from 'node:child_process';

/** Kills a child process the hard way (SIGKILL), as a crash would, and waits for it to exit. */
export async function killHard(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
