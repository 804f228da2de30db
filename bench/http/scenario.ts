/**
 * The shape of a bench:http scenario: a module exporting a `Scenario` whose `run` drives the
 * running API (and, if it wants, the in-process engine on the same database) and returns one
 * `Figures` row per endpoint and concurrency; the runner prints them and judges each against
 * the scenario's target.
 */
import autocannon from 'autocannon';
import { Role } from '@cchc/domain';

/** Ids of the demo ward (whose users sign in) that scenarios may use. */
export interface SeededIds {
  wardId: string;
  /** The ward's plan of the current year. */
  planId: string | null;
  unitIds: string[];
  /** Open tasks of the ward by state (`assigned`, `inProgress`, `reported`, `overdue`), ≤ 20,000. */
  tasksByState: Record<string, string[]>;
  /** Codes of dossiers still received or processing, ≤ 5,000. */
  dossierCodes: string[];
}

export interface BenchContext {
  /** The API under load, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** A bearer token of the demo ward's user of each role (username = role, password `demo`). */
  tokens: Record<Role, string>;
  /** The demo users' ids and units by role. */
  users: Record<Role, { id: string; unitId: string | null }>;
  ids: SeededIds;
  /** The benchmark's database and Redis (for a scenario that also runs the engine in process). */
  databaseUrl: string;
  redisUrl: string;
  /** How long one load run lasts, in seconds (`--seconds`). */
  seconds: number;
  /** The concurrencies every endpoint is driven at: [1, 16]. */
  concurrencies: number[];
  /** CPU time the API process has used so far, in ms (NaN where it cannot be read). */
  apiCpuMs(): number;
  /** CPU time the worker process has used so far, in ms (NaN where it cannot be read). */
  workerCpuMs(): number;
  /** CPU time every process of the machine has used so far (MariaDB, Redis, this one), in ms. */
  machineCpuMs(): number;
}

/** What a scenario promises at concurrency 16 (the targets); unset bounds are not judged. */
export interface Target {
  /** p99 latency at most this many ms. */
  p99Ms?: number;
  /** At least this many requests (or transitions) per second. */
  minRps?: number;
  /** Said in the output, e.g. "p99 ≤ 100 ms, ≥ 300 req/s at 16 clients". */
  description: string;
}

/** One measured row. */
export interface Figures {
  /** What was driven, e.g. "GET /tasks?overdue=true". */
  endpoint: string;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  rps: number;
  requests: number;
  /** Responses that were not 2xx, errors and timeouts. */
  failed: number;
  /** Anything else worth printing (a ratio, rows read). */
  note?: string;
  /** Set by a scenario that judges itself (e.g. a ratio to the in-process engine). */
  pass?: boolean;
}

export interface Scenario {
  name: string;
  target: Target;
  run(ctx: BenchContext): Promise<Figures[]>;
}

/**
 * PASS/FAIL of one row: its own verdict, else the target at 16 clients (no answer within the run
 * fails); '' at other concurrencies.
 */
export function verdict(figures: Figures, target: Target): string {
  if (figures.pass !== undefined) return figures.pass ? 'PASS' : 'FAIL';
  if (figures.concurrency !== 16) return '';
  const ok =
    figures.requests > 0 &&
    figures.failed === 0 &&
    (target.p99Ms === undefined || figures.p99Ms <= target.p99Ms) &&
    (target.minRps === undefined || figures.rps >= target.minRps);
  return ok ? 'PASS' : 'FAIL';
}

export interface LoadOptions {
  endpoint: string;
  role: Role;
  /** One path, or several taken in turn (e.g. different ids). */
  paths: string | string[];
  method?: 'GET' | 'POST';
  body?: (index: number) => unknown;
}

/**
 * Requests nobody measures, before the first run: the first endpoint measured would otherwise pay
 * for the API's compiling its code paths (GET /tasks, first, took 3.2 ms of API CPU a request
 * against 1.8–2.0 ms when run again). A few read endpoints of every kind, at 16 clients.
 */
export function warmUp(ctx: BenchContext, seconds: number): Promise<Figures> {
  return loadAt(
    { ...ctx, seconds },
    {
      endpoint: 'warm-up',
      role: 'coordinator',
      paths: ['/tasks', '/tasks?overdue=true', '/dossiers', '/inbox', '/notifications'],
    },
    16,
  );
}

/** Drives one endpoint with autocannon at each of the context's concurrencies. */
export async function load(ctx: BenchContext, options: LoadOptions): Promise<Figures[]> {
  const rows: Figures[] = [];
  for (const connections of ctx.concurrencies) {
    rows.push(await loadAt(ctx, options, connections));
  }
  return rows;
}

async function loadAt(ctx: BenchContext, options: LoadOptions, connections: number) {
  const paths = Array.isArray(options.paths) ? options.paths : [options.paths];
  let next = 0;
  const cpuBefore = ctx.apiCpuMs();
  const result = await autocannon({
    url: ctx.baseUrl,
    connections,
    duration: ctx.seconds,
    timeout: 30,
    headers: {
      authorization: `Bearer ${ctx.tokens[options.role]}`,
      'content-type': 'application/json',
    },
    requests: [
      {
        method: options.method ?? 'GET',
        setupRequest: (request) => {
          const index = next++;
          return {
            ...request,
            path: paths[index % paths.length],
            ...(options.body ? { body: JSON.stringify(options.body(index)) } : {}),
          };
        },
      },
    ],
  });
  const cpuPerRequest = (ctx.apiCpuMs() - cpuBefore) / result.requests.total;
  return {
    endpoint: options.endpoint,
    concurrency: connections,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rps: result.requests.total / result.duration,
    requests: result.requests.total,
    // What the request rate asks of two cores, robust to other load on the machine.
    ...failures(
      result,
      Number.isFinite(cpuPerRequest) ? `API ${cpuPerRequest.toFixed(2)} ms CPU/request` : '',
    ),
  };
}

/** Requests that failed, and a note naming their answers (`409×3`) or errors after `note`. */
export function failures(
  result: autocannon.Result,
  note = '',
): Pick<Figures, 'failed'> & { note?: string } {
  const answers = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, { count }]) => `${status}×${count ?? 0}`);
  if (result.errors) answers.push(`errors×${result.errors}`);
  if (result.timeouts) answers.push(`timeouts×${result.timeouts}`);
  const text = [note, answers.length ? `failed: ${answers.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  return {
    failed: result.non2xx + result.errors + result.timeouts,
    ...(text ? { note: text } : {}),
  };
}
