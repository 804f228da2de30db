/**
 * bench:http — the API at province scale, as people use it: seeds its own database (the demo
 * ward and `--wards - 1` more; `--tasks` tasks with audit history, `--dossiers` dossiers), starts
 * the API and the worker as child processes, signs in the demo ward's users and runs every
 * scenario of bench/http/*.scenario.ts (each endpoint with autocannon at 1 and 16 clients for
 * `--seconds`), printing p50/p99/req/s and PASS/FAIL against the scenario's target.
 *   npm run bench:http -- [--wards 5] [--tasks 100000] [--dossiers 1000000] [--seconds 10] [--seed 0]
 *     [--warmup 5]
 * `--seed 0` measures again on the database a previous run seeded; `--warmup` seconds of read
 * requests, not measured, come before the first run. Environment:
 * BENCH_DATABASE_URL (default …/cchc_bench_http, dropped and re-created), BENCH_REDIS_URL
 * (default db 12), BENCH_SCENARIOS (e.g. `lists,stats`; default every scenario).
 */
import 'reflect-metadata';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig, mysqlConnectionOptions } from '@cchc/common';
import { dataSourceOptions } from '@cchc/database';
import { Role } from '@cchc/domain';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { ApiProcess, freePort } from '../../test/support/api-process';
import { WorkerProcess } from '../../test/support/worker-process';
import { numericArgs } from '../bench-args';
import { benchDatabaseUrl, dropDatabase } from '../bench-database';
import { BenchContext, Figures, Scenario, verdict, warmUp } from './scenario';
import { DEMO_PASSWORD, seededIds, seedProvince } from './seed';

runMain(async () => {
  const args = numericArgs({
    wards: 5,
    tasks: 100_000,
    dossiers: 1_000_000,
    seconds: 10,
    seed: 1,
    warmup: 5,
  });
  const base = loadConfig();
  const databaseUrl = benchDatabaseUrl(base.databaseUrl, 'cchc_bench_http');
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/12';
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: 'bench-http',
    JWT_SECRET: process.env.JWT_SECRET || randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY:
      process.env.AUDIT_SIGNING_KEY ||
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }),
  });
  const scenarios = await loadScenarios(process.env.BENCH_SCENARIOS);
  const config = { ...base, databaseUrl, redisUrl };
  if (args.seed) await dropDatabase(databaseUrl);
  await prepareRuntime(config, { seedDemo: false });
  const db = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  let ids;
  try {
    if (args.seed) await seedProvince(db, args);
    ids = await seededIds(db);
  } finally {
    await db.destroy();
  }
  const api = new ApiProcess(config, await freePort());
  const worker = new WorkerProcess(config);
  try {
    await Promise.all([api.start(), worker.start()]);
    const ctx: BenchContext = {
      baseUrl: api.url,
      ...(await signIn(api.url, databaseUrl)),
      ids,
      databaseUrl,
      redisUrl,
      seconds: args.seconds,
      concurrencies: [1, 16],
      apiCpuMs: () => processCpuMs(api.pid),
      workerCpuMs: () => processCpuMs(worker.pid),
      machineCpuMs,
    };
    console.log(
      `bench:http — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; ${args.seconds} s per run; ` +
        `load average before ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
    );
    if (args.warmup > 0) {
      const warmed = await warmUp(ctx, args.warmup);
      console.log(
        `warmed up: ${warmed.requests} read requests in ${args.warmup} s, not measured` +
          (warmed.failed > 0 ? `; ${warmed.failed} failed (${warmed.note})` : ''),
      );
    }
    let failures = 0;
    for (const scenario of scenarios) {
      console.log(`\n${scenario.name}: ${scenario.target.description}`);
      console.log(header());
      for (const figures of await scenario.run(ctx)) {
        const judged = verdict(figures, scenario.target);
        if (judged === 'FAIL') failures++;
        console.log(line(figures, judged));
      }
    }
    console.log(
      `\nload average after ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    console.log(failures === 0 ? 'every target met' : `${failures} rows below target`);
  } finally {
    await Promise.all([api.terminate(), worker.terminate()]);
  }
});

/** Every `*.scenario.ts` beside this file (or only those BENCH_SCENARIOS names), by name. */
async function loadScenarios(only: string | undefined): Promise<Scenario[]> {
  const found: Scenario[] = [];
  for (const file of readdirSync(__dirname).filter((name) => /\.scenario\.[jt]s$/.test(name))) {
    const module = (await import(join(__dirname, file))) as Record<string, unknown>;
    found.push(...Object.values(module).filter(isScenario));
  }
  found.sort((a, b) => a.name.localeCompare(b.name));
  if (!only) return found;
  const names = only.split(',');
  const unknown = names.filter((name) => !found.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown scenario ${unknown.join(', ')}; scenarios: ${found.map((s) => s.name).join(', ')}`,
    );
  }
  return found.filter((scenario) => names.includes(scenario.name));
}

function isScenario(value: unknown): value is Scenario {
  const candidate = value as Partial<Scenario> | null;
  return typeof candidate?.name === 'string' && typeof candidate.run === 'function';
}

/** A token for each demo user (username = role). */
async function signIn(baseUrl: string, databaseUrl: string) {
  const db = await createConnection(mysqlConnectionOptions(databaseUrl, true));
  const [users] = (await db.query(
    `SELECT u.id, u.username, u.unit_id FROM users u JOIN wards w ON w.id = u.ward_id WHERE w.code = 'demo'`,
  )) as unknown as [{ id: string; username: Role; unit_id: string | null }[]];
  await db.end();
  const tokens = {} as Record<Role, string>;
  const byRole = {} as Record<Role, { id: string; unitId: string | null }>;
  for (const user of users) {
    const response = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`sign-in of ${user.username}: HTTP ${response.status}`);
    tokens[user.username] = ((await response.json()) as { accessToken: string }).accessToken;
    byRole[user.username] = { id: user.id, unitId: user.unit_id };
  }
  return { tokens, users: byRole };
}

/** User + system CPU time of a process in ms, from /proc (Linux; NaN elsewhere). */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Busy time of all the machine's cores so far (/proc/stat: all but idle and iowait), in ms. */
function machineCpuMs(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return NaN;
  }
}

function header(): string {
  return `${'endpoint'.padEnd(52)} ${'c'.padStart(3)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'failed'.padStart(7)}`;
}

function line(figures: Figures, judged: string): string {
  return [
    figures.endpoint.padEnd(52),
    String(figures.concurrency).padStart(3),
    figures.p50Ms.toFixed(1).padStart(8),
    figures.p99Ms.toFixed(1).padStart(8),
    figures.rps.toFixed(0).padStart(8),
    String(figures.failed).padStart(7),
    judged.padEnd(4),
    figures.note ?? '',
  ]
    .join(' ')
    .trimEnd();
}
