/**
 * Reports at province scale: seeds `--wards` wards (units, staff, a plan of `--tasks` tasks per
 * ward with their audit history over the year) and `--dossiers` TTHC dossiers spread over the
 * wards' units, states and the year, then times compiling one ward's quarterly report
 * (ReportService.compile: figures as of the cut-off, audit checkpoint, new revision), the
 * province ranking (ProvinceService.rankings) and one ward's dossier figures for the year
 * (DossierStatsService.figures, GET /stats/dossiers), median of `--runs`, with the rows they read.
 *   npm run bench:reports -- [--wards 100] [--tasks 200] [--dossiers 1000000] [--runs 5]
 * Environment: BENCH_DATABASE_URL (default …/cchc_bench_reports, dropped and re-created),
 * BENCH_REDIS_URL (default db 13; nothing is queued: no worker runs).
 */
import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { CommonModule, loadConfig } from '@cchc/common';
import { dataSourceOptions, ENTITIES, ReadDatabase } from '@cchc/database';
import { DossierStatsService } from '@cchc/dossiers';
import { ProvinceModule, ProvinceService } from '@cchc/province';
import { QueueModule } from '@cchc/queue';
import { ReportService, ReportsModule } from '@cchc/reports';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { numericArgs } from './bench-args';
import { benchDatabaseUrl, dropDatabase } from './bench-database';
import { insertRows, TASK_AUDIT_COLUMNS, taskAuditRows } from './seed-rows';

const YEAR = 2026;
const PROVINCE = 'Thành phố Đo Tốc Độ';
const UNITS = [
  ['VP', 'Văn phòng HĐND và UBND'],
  ['VHXH', 'Phòng Văn hóa - Xã hội'],
  ['KT', 'Phòng Kinh tế'],
  ['TP', 'Phòng Tư pháp'],
  ['DC', 'Bộ phận Địa chính'],
  ['MC', 'Trung tâm Phục vụ hành chính công'],
] as const;
const AREAS = ['Cải cách thể chế', 'Cải cách TTHC', 'Cải cách tổ chức bộ máy', 'Chính phủ số'];
const DOSSIER_CHUNK = 100_000;

/**
 * The database on one connection, so that the session's Handler_read_* counters are exactly
 * what the measured code read (the shared server has other clients); DatabaseModule otherwise.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => ({
        ...dataSourceOptions(process.env.DATABASE_URL as string),
        extra: { connectionLimit: 1 },
      }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  // No replica here: ReadDatabase reads the same single connection.
  providers: [ReadDatabase],
  exports: [TypeOrmModule, ReadDatabase],
})
class OneConnectionDatabaseModule {}

@Module({
  imports: [CommonModule, OneConnectionDatabaseModule, QueueModule, ReportsModule, ProvinceModule],
})
class ReportsBenchModule {}

runMain(async () => {
  const args = numericArgs({
    wards: 100,
    tasks: 200,
    dossiers: 1_000_000,
    runs: 5,
    seed: 1,
  });
  const base = loadConfig();
  const databaseUrl = benchDatabaseUrl(base.databaseUrl, 'cchc_bench_reports');
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/13';
  // Checkpoints of a throw-away database are signed with a throw-away key.
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  });
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY ?? signingKey,
  });
  console.log(
    `bench:reports — ${args.wards} wards, ${args.wards * args.tasks} tasks, ${args.dossiers} dossiers`,
  );
  // --seed 0 measures again on the database a previous run seeded (migrated to the current schema).
  if (args.seed) await dropDatabase(databaseUrl);
  await prepareRuntime({ ...base, databaseUrl, redisUrl }, { seedDemo: false });
  if (args.seed) await seed(databaseUrl, args);

  const app = await NestFactory.createApplicationContext(ReportsBenchModule, {
    logger: ['error', 'warn'],
  });
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    const reports = app.get(ReportService);
    const province = app.get(ProvinceService);
    const user = await firstCoordinator(db);
    const opened = await compilingReport(reports, user);
    let { version } = opened;
    const compile = await measure(db, args.runs, async () => {
      ({ version } = await reports.compile(user, opened.id, { version }));
    });
    const officer: AuthUser = { ...user, role: 'province_officer', unitId: null };
    let ranked = 0;
    const ranking = await measure(db, args.runs, async () => {
      ranked = (await province.rankings(officer, YEAR)).wards.length;
    });
    // GET /stats/dossiers (and the dashboard's dossier figures): one ward, by unit, its year.
    const stats = app.get(DossierStatsService);
    const figures = await measure(db, args.runs, async () => {
      await stats.figures(user.wardId, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` });
    });
    const load = (await import('node:os')).loadavg().map((n) => n.toFixed(2));
    console.log(`load average ${load.join(' ')} (1, 5, 15 min); median of ${args.runs} runs`);
    console.log(`compile ${opened.periodLabel} of one ward   ${compile}`);
    console.log(`province ranking (${ranked} wards)   ${ranking}`);
    console.log(`dossier figures of one ward's year   ${figures}`);
    console.log('rows read = sum of the session Handler_read_* counters (one connection)');
  } finally {
    await app.close();
  }
});

async function seed(databaseUrl: string, args: { wards: number; tasks: number; dossiers: number }) {
  const db = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  let started = Date.now();
  await seedWards(db, args.wards, args.tasks);
  console.log(`seeded wards, plans, tasks and their audit history in ${seconds(started)}`);
  started = Date.now();
  await seedDossiers(db, args.dossiers);
  await db.query(
    'ANALYZE TABLE tthc_dossiers, apology_slips, audit_events, reform_tasks, dossier_daily_counts, dossier_monthly_counts',
  );
  console.log(`seeded ${args.dossiers} dossiers and their apology slips in ${seconds(started)}`);
  await db.destroy();
}

/** The coordinator of the first ward: the one whose report is compiled. */
async function firstCoordinator(db: DataSource): Promise<AuthUser> {
  const [user] = (await db.query(
    `SELECT u.id, u.username, u.ward_id FROM users u JOIN wards w ON w.id = u.ward_id
     WHERE u.role = 'coordinator' ORDER BY w.code LIMIT 1`,
  )) as { id: string; username: string; ward_id: string }[];
  return {
    id: user.id,
    username: user.username,
    role: 'coordinator',
    unitId: null,
    wardId: user.ward_id,
  };
}

/** The ward's Q3 report, opened and being compiled (or as a previous run left it). */
async function compilingReport(reports: ReportService, user: AuthUser) {
  const existing = (await reports.list(user)).find(
    (report) =>
      report.periodKind === 'quy' && report.periodYear === YEAR && report.periodIndex === 3,
  );
  const opened = existing
    ? await reports.get(user, existing.id)
    : await reports.open(user, { kind: 'quy', year: YEAR, index: 3 });
  if (opened.state !== 'open') return opened;
  return reports.sendEvent(user, opened.id, { type: 'START_COMPILING', version: opened.version });
}

/** Median wall time and rows read of `runs` calls of `work`. */
async function measure(db: DataSource, runs: number, work: () => Promise<void>): Promise<string> {
  const samples: { ms: number; rows: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const before = await rowsRead(db);
    const started = process.hrtime.bigint();
    await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // The counters' own query reads nothing from tables.
    samples.push({ ms, rows: (await rowsRead(db)) - before });
  }
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[Math.floor(samples.length / 2)];
  return `${median.ms.toFixed(0).padStart(7)} ms  ${median.rows.toLocaleString('en').padStart(11)} rows read`;
}

async function rowsRead(db: DataSource): Promise<number> {
  const rows = (await db.query("SHOW SESSION STATUS LIKE 'Handler_read%'")) as {
    Variable_name: string;
    Value: string;
  }[];
  return rows.reduce((sum, row) => sum + Number(row.Value), 0);
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** A deterministic spread in [0, 1) for the i-th item (no Math.random: runs are comparable). */
const spread = (i: number, salt: number) => (((i + 1) * 2654435761 + salt * 40503) % 1000) / 1000;

async function seedWards(db: DataSource, count: number, tasksPerWard: number) {
  const now = new Date();
  const rows = {
    wards: [] as unknown[][],
    units: [] as unknown[][],
    users: [] as unknown[][],
    procedures: [] as unknown[][],
    plans: [] as unknown[][],
    areas: [] as unknown[][],
    tasks: [] as unknown[][],
    events: [] as unknown[][],
  };
  for (let w = 0; w < count; w++) {
    const id = randomUUID();
    const planId = randomUUID();
    const units = UNITS.map(() => randomUUID());
    const coordinatorId = randomUUID();
    const code = `P${String(w + 1).padStart(3, '0')}`;
    rows.wards.push([id, code, `Phường Số ${w + 1}`, PROVINCE]);
    UNITS.forEach(([unitCode, name], u) => {
      rows.units.push([units[u], id, unitCode, name]);
      rows.users.push([
        randomUUID(),
        id,
        units[u],
        `${code}-${unitCode}`,
        `Trưởng ${name}`,
        'unit_head',
      ]);
      rows.procedures.push([
        randomUUID(),
        id,
        `TTHC-${unitCode}`,
        `Thủ tục của ${name}`,
        5,
        units[u],
        now,
        now,
      ]);
    });
    rows.users.push([
      coordinatorId,
      id,
      null,
      `${code}-cchc`,
      'Công chức tham mưu CCHC',
      'coordinator',
    ]);
    rows.plans.push([
      planId,
      id,
      `${w + 1}/KH-UBND`,
      `Kế hoạch CCHC năm ${YEAR}`,
      YEAR,
      `${YEAR}-01-10`,
      'bench.docx',
      1,
      now,
      now,
    ]);
    AREAS.forEach((title, a) => rows.areas.push([planId, String(a + 1), title, a + 1]));
    for (let t = 0; t < tasksPerWard; t++) {
      const k = w * tasksPerWard + t;
      const taskId = randomUUID();
      const area = (t % AREAS.length) + 1;
      const dueDay = 30 + Math.floor(spread(k, 1) * 300);
      const due = dayOfYear(dueDay);
      const history = taskHistory(k, dueDay);
      rows.tasks.push([
        taskId,
        id,
        `Nhiệm vụ ${t + 1} của phường`,
        'Nội dung nhiệm vụ cải cách hành chính',
        units[t % units.length],
        '[]',
        due,
        history.at(-1)!.toState,
        1,
        1,
        '{}',
        now,
        now,
        planId,
        String(area),
        `${area}.${t + 1}`,
      ]);
      rows.events.push(...taskAuditRows(taskId, id, history));
    }
  }
  await insertRows(db, 'wards', ['id', 'code', 'name', 'province'], rows.wards);
  await insertRows(db, 'org_units', ['id', 'ward_id', 'code', 'name'], rows.units);
  await insertRows(
    db,
    'users',
    ['id', 'ward_id', 'unit_id', 'username', 'full_name', 'role', 'password_hash'],
    rows.users.map((row) => [...row, 'not-a-login']),
  );
  await insertRows(
    db,
    'procedures',
    [
      'id',
      'ward_id',
      'code',
      'name',
      'processing_days',
      'handling_unit_id',
      'created_at',
      'updated_at',
    ],
    rows.procedures,
  );
  await insertRows(
    db,
    'plans',
    [
      'id',
      'ward_id',
      'number',
      'title',
      'year',
      'issued_on',
      'source_file',
      'revision',
      'created_at',
      'updated_at',
    ],
    rows.plans,
  );
  await insertRows(db, 'plan_areas', ['plan_id', 'code', 'title', 'position'], rows.areas);
  await insertRows(
    db,
    'reform_tasks',
    [
      'id',
      'ward_id',
      'title',
      'content',
      'lead_unit_id',
      'coordinating_unit_ids',
      'due_date',
      'state',
      'version',
      'machine_version',
      'snapshot',
      'created_at',
      'updated_at',
      'plan_id',
      'area_code',
      'ordinal',
    ],
    rows.tasks,
  );
  await insertRows(db, 'audit_events', TASK_AUDIT_COLUMNS, rows.events);
}

function dayOfYear(day: number): string {
  return new Date(Date.UTC(YEAR, 0, day)).toISOString().slice(0, 10);
}

/**
 * A task's history over the year: assigned in January; most started, reported and accepted
 * around their due day (some late), a few cancelled, the rest still in progress.
 */
function taskHistory(k: number, dueDay: number): { type: string; toState: string; at: Date }[] {
  const at = (day: number, hour: number) => new Date(Date.UTC(YEAR, 0, Math.min(day, 330), hour));
  const events = [{ type: 'CREATED', toState: 'assigned', at: at(10, 2) }];
  const fate = spread(k, 2);
  if (fate < 0.05) return [...events, { type: 'CANCEL', toState: 'cancelled', at: at(60, 3) }];
  const started = 12 + Math.floor(spread(k, 3) * 40);
  events.push({ type: 'START', toState: 'inProgress', at: at(started, 3) });
  if (fate < 0.2) return events;
  const finished = dueDay - 20 + Math.floor(spread(k, 4) * 40);
  events.push({ type: 'SUBMIT_REPORT', toState: 'reported', at: at(finished, 4) });
  if (fate < 0.3) return events;
  events.push({ type: 'ACCEPT', toState: 'accepted', at: at(finished + 2, 5) });
  return events;
}

/**
 * Dossiers in bulk SQL over a sequence: received across the year until today, spread over every
 * unit of every ward; most returned early or on the day, about 5% late (each with an issued
 * apology slip, a few only drafted), about 3% open past their appointment, the recent ones open.
 */
async function seedDossiers(db: DataSource, count: number): Promise<void> {
  await db.query(
    `CREATE TEMPORARY TABLE bench_units (n INT PRIMARY KEY, ward_id CHAR(36), unit_id CHAR(36), procedure_id CHAR(36))`,
  );
  await db.query(
    `INSERT INTO bench_units
     SELECT ROW_NUMBER() OVER (ORDER BY p.ward_id, p.handling_unit_id) - 1, p.ward_id, p.handling_unit_id, p.id
     FROM procedures p`,
  );
  const [{ units }] = (await db.query('SELECT COUNT(*) AS units FROM bench_units')) as {
    units: number;
  }[];
  const today = new Date().toISOString().slice(0, 10);
  const days = Math.max(1, Math.floor((Date.parse(today) - Date.UTC(YEAR, 0, 1)) / 86_400_000));
  for (let from = 0; from < count; from += DOSSIER_CHUNK) {
    const to = Math.min(count, from + DOSSIER_CHUNK) - 1;
    // r: the dossier's fate in [0, 1000) and its day, hashed apart from its unit (seq % units).
    await db.query(
      `INSERT INTO tthc_dossiers (id, ward_id, code, procedure_id, applicant_name, received_at,
         received_on, handling_unit_id, state, original_appointment_date, appointment_date, overdue,
         apology_round, result_on, returned_on, late, late_on, content_hash, version,
         machine_version, snapshot, created_at, updated_at)
       SELECT UUID(), u.ward_id, CONCAT('HS-', x.seq), u.procedure_id, 'Nguyễn Văn A',
         TIMESTAMP(x.received_on, '02:00:00'), x.received_on, u.unit_id,
         CASE WHEN x.r BETWEEN 930 AND 959 THEN 'processing'
              WHEN x.r >= 960 AND x.received_on >= ? - INTERVAL 7 DAY THEN 'received'
              ELSE 'returned' END,
         x.appointment,
         IF(x.r BETWEEN 880 AND 929, x.appointment + INTERVAL 1 + x.r % 5 DAY, x.appointment),
         x.r BETWEEN 880 AND 959, x.r BETWEEN 880 AND 929,
         IF(x.r < 880 OR x.r BETWEEN 880 AND 929 OR (x.r >= 960 AND x.received_on < ? - INTERVAL 7 DAY),
            LEAST(x.appointment + INTERVAL IF(x.r BETWEEN 880 AND 929, 1 + x.r % 5, -(x.r % 4)) DAY, ?), NULL),
         IF(x.r < 880 OR x.r BETWEEN 880 AND 929 OR (x.r >= 960 AND x.received_on < ? - INTERVAL 7 DAY),
            LEAST(x.appointment + INTERVAL IF(x.r BETWEEN 880 AND 929, 1 + x.r % 5, -(x.r % 4)) DAY, ?), NULL),
         x.r BETWEEN 880 AND 929, IF(x.r BETWEEN 880 AND 929, x.appointment, NULL),
         REPEAT('0', 64), 1, 1, '{}', NOW(3), NOW(3)
       FROM (SELECT seq, CRC32(CONCAT('r', seq)) % 1000 AS r,
               DATE('${YEAR}-01-01') + INTERVAL (CRC32(CONCAT('d', seq)) % ${days}) DAY AS received_on,
               DATE('${YEAR}-01-01') + INTERVAL (CRC32(CONCAT('d', seq)) % ${days}) + 7 DAY AS appointment
             FROM seq_${from}_to_${to}) x
       JOIN bench_units u ON u.n = x.seq % ?`,
      [today, today, today, today, today, units],
    );
  }
  // An apology slip for every late dossier: issued before the missed appointment mostly, a few
  // after it, one in ten still a draft.
  await db.query(
    `INSERT INTO apology_slips (id, dossier_id, round, ward_id, unit_id, \`trigger\`, status, year,
       number, number_text, missed_appointment_date, new_appointment_date, reason, signer_name,
       signer_position, drafted_on, issued_on, docx, pdf, created_at, issued_at)
     SELECT UUID(), d.id, 1, d.ward_id, d.handling_unit_id, 'overdue', s.status,
       IF(s.status = 'issued', ${YEAR}, NULL), IF(s.status = 'issued', s.n, NULL),
       IF(s.status = 'issued', CONCAT(s.n, '/PXL'), NULL), d.original_appointment_date,
       d.appointment_date, 'Hồ sơ cần xác minh thêm', 'Chủ tịch', 'Chủ tịch UBND',
       d.original_appointment_date - INTERVAL 1 DAY,
       IF(s.status = 'issued', d.original_appointment_date + INTERVAL s.after DAY, NULL),
       '', '', NOW(3), IF(s.status = 'issued', NOW(3), NULL)
     FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY handling_unit_id ORDER BY id) AS n,
             IF(CRC32(id) % 10 = 0, 'draft', 'issued') AS status,
             IF(CRC32(id) % 7 = 0, 2, -1) AS after
           FROM tthc_dossiers WHERE late = 1) s
     JOIN tthc_dossiers d ON d.id = s.id`,
  );
}
