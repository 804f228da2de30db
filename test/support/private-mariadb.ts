import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { mysqlConnectionOptions } from '@cchc/common';
import { killHard } from './kill-hard';
import { eventually } from './test-app';

const USER = process.env.USER ?? 'root';

/**
 * A MariaDB server of a test's own (temporary data directory, a free port), so that it can be
 * killed, started again or replicated without touching the shared server.
 */
export class PrivateMariaDb {
  private readonly dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-mariadb-'));
  private server: ChildProcess | null = null;

  /** `serverOptions`: extra mariadbd options (binary log, server id); none: no binary log. */
  constructor(
    readonly port: number,
    private readonly database: string,
    private readonly serverOptions: string[] = ['--skip-log-bin'],
  ) {}

  static available(): boolean {
    return ['mariadb-install-db', 'mariadbd'].every(
      (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0,
    );
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/${this.database}`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  install(): void {
    const result = spawnSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${this.dataDir}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        `--user=${USER}`,
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`mariadb-install-db failed:\n${result.stderr}`);
  }

  /** Starts from a copy of `other`'s data directory (installed, never started): quicker than installing. */
  installFrom(other: PrivateMariaDb): void {
    cpSync(other.dataDir, this.dataDir, { recursive: true });
  }

  async start(): Promise<void> {
    this.server = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${this.dataDir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mariadb.sock')}`,
        `--pid-file=${join(this.dir, 'mariadb.pid')}`,
        `--user=${USER}`,
        '--innodb-buffer-pool-size=32M',
        ...this.serverOptions,
      ],
      { stdio: 'ignore' },
    );
    await eventually(
      async () => {
        const connection = await createConnection(mysqlConnectionOptions(this.url)).catch(
          () => null,
        );
        await connection?.end();
        return connection !== null;
      },
      30_000,
      'the private MariaDB to accept connections',
    );
  }

  /** SIGKILL: what a crash or a power cut does to the server. */
  async kill(): Promise<void> {
    await killHard(this.server);
    this.server = null;
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
