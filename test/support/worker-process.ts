import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { AppConfig } from '@cchc/common';
import { nodeArgs } from './api-process';
import { killHard, terminate } from './kill-hard';

const ROOT = join(__dirname, '..', '..');
const READY = 'worker: relaying the outbox';

/** The real worker as a separate process (node + SWC, like `npm start`), to run two or kill one. */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    private readonly config: AppConfig,
    private readonly env: Record<string, string> = {},
  ) {}

  /** The running process's id (undefined before start and after it stopped). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(
      process.execPath,
      [
        ...nodeArgs('WORKER_NODE_ARGS'),
        '-r',
        join(ROOT, 'tools', 'register.js'),
        join(ROOT, 'apps', 'worker', 'src', 'main.ts'),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          DATABASE_URL: this.config.databaseUrl,
          REDIS_URL: this.config.redisUrl,
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    const deadline = Date.now() + 90_000;
    while (!this.output.includes(READY)) {
      if (child.exitCode !== null)
        throw new Error(`worker exited with ${child.exitCode}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`worker not ready within 90 s:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGTERM, as a rolling restart does; resolves with the exit code and what the process printed. */
  async terminate(): Promise<{ code: number | null; output: string }> {
    const code = await terminate(this.child);
    this.child = null;
    return { code, output: this.output };
  }

  /** SIGKILL, as a crash would: no shutdown hook runs, open transactions are lost. */
  async kill(): Promise<void> {
    await killHard(this.child);
    this.child = null;
  }
}
