import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AppConfig } from '@cchc/common';
import { killHard, terminate } from './kill-hard';

const ROOT = join(__dirname, '..', '..');

/** The real API as a separate process (node + SWC, like `npm start`), for restart tests. */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    private readonly config: AppConfig,
    readonly port: number,
  ) {}

  /** What the process printed last (for a failing test's message). */
  recentOutput(chars = 4000): string {
    return this.output.slice(-chars);
  }

  /** The running process's id (undefined before start and after it stopped). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    this.child = spawn(
      process.execPath,
      [
        ...nodeArgs('API_NODE_ARGS'),
        '-r',
        join(ROOT, 'tools', 'register.js'),
        join(ROOT, 'apps', 'api', 'src', 'main.ts'),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          PORT: String(this.port),
          DATABASE_URL: this.config.databaseUrl,
          DATABASE_READ_URL: this.config.databaseReadUrl ?? '',
          DATABASE_READ_MAX_LAG: String(this.config.databaseReadMaxLagSeconds ?? 'off'),
          REDIS_URL: this.config.redisUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child.stdout?.on('data', (chunk) => (this.output += chunk));
    this.child.stderr?.on('data', (chunk) => (this.output += chunk));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`API exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`API did not answer on ${this.url} within 90 s:\n${this.output}`);
  }

  /** SIGTERM, as a rolling restart does; resolves with the exit code and what the process printed. */
  async terminate(): Promise<{ code: number | null; output: string }> {
    const code = await terminate(this.child);
    this.child = null;
    return { code, output: this.output };
  }

  /** Kills the process the hard way (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    await killHard(this.child);
    this.child = null;
  }
}

/** A TCP port nobody listens on right now (the kernel picks it), so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Extra Node flags for a child process from an environment variable, e.g.
 * `API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile the API under a benchmark.
 */
export function nodeArgs(variable: 'API_NODE_ARGS' | 'WORKER_NODE_ARGS'): string[] {
  return (process.env[variable] ?? '').split(' ').filter(Boolean);
}
