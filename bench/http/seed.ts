/**
 * A province for bench:http, in bulk SQL: the demo ward (its real users sign in) and `wards - 1`
 * more with the same units; reform tasks over three plan years with their audit history (hash
 * chained) and snapshots as the engine writes them; TTHC dossiers received over the last two years
 * over every unit, with apology slips for the late ones; notifications for the demo users. The
 * maintained counts and task search terms are filled in once at the end, as the migrations fill
 * them, not row by row.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropMaintainingTriggers, refillMaintainedTables } from '@cchc/database';
import { seedDemoWard } from '@cchc/org';
import { withoutSecondaryIndexes } from '../bulk-indexes';
import { insertRows, TASK_AUDIT_COLUMNS, taskAuditRows } from '../seed-rows';
import { SeededIds } from './scenario';

export interface SeedOptions {
  wards: number;
  tasks: number;
  dossiers: number;
}

export const DEMO_PASSWORD = 'demo';
const DOSSIER_CHUNK = 100_000;
const DAY = 86_400_000;
const AREAS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
const TOPICS = [
  'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính về',
  'Tuyên truyền cải cách hành chính về',
  'Kiểm tra công tác cải cách hành chính tại',
  'Nâng cao chỉ số hài lòng của người dân đối với',
  'Triển khai dịch vụ công trực tuyến toàn trình',
  'Chuẩn hóa quy trình nội bộ giải quyết',
  'Đào tạo, bồi dưỡng công chức về',
];
const SUBJECTS = [
  'hộ tịch',
  'đất đai',
  'xây dựng',
  'chứng thực',
  'an sinh xã hội',
  'kinh doanh hộ cá thể',
  'môi trường',
  'giáo dục',
  'y tế',
  'văn hóa thông tin',
];

/** A deterministic spread in [0, 1) for the i-th item (no Math.random: runs are comparable). */
const spread = (i: number, salt: number) => (((i + 1) * 2654435761 + salt * 40503) % 1000) / 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export async function seedProvince(db: DataSource, options: SeedOptions): Promise<void> {
  let started = Date.now();
  await seedDemoWard(db, DEMO_PASSWORD);
  await seedWards(db, options.wards);
  console.log(`seeded ${options.wards} wards, units, staff and procedures in ${seconds(started)}`);
  // Without the triggers that maintain counts and search terms for every row: filled once after.
  const queryRunner = db.createQueryRunner();
  try {
    await dropMaintainingTriggers(queryRunner);
    await withoutSecondaryIndexes(
      db,
      ['reform_tasks', 'audit_events', 'tthc_dossiers'],
      async () => {
        started = Date.now();
        await seedTasks(db, options.tasks);
        console.log(`seeded ${options.tasks} tasks and their audit history in ${seconds(started)}`);
        started = Date.now();
        await seedDossiers(db, options.dossiers);
        console.log(
          `seeded ${options.dossiers} dossiers and their apology slips in ${seconds(started)}`,
        );
        started = Date.now();
      },
    );
    console.log(`built their indexes in ${seconds(started)}`);
    started = Date.now();
    await refillMaintainedTables(queryRunner);
    console.log(`filled the counts and search terms, triggers back, in ${seconds(started)}`);
  } finally {
    await queryRunner.release();
  }
  await seedNotifications(db);
  await db.query(
    'ANALYZE TABLE reform_tasks, tthc_dossiers, apology_slips, audit_events, notifications, ' +
      'dossier_daily_counts, dossier_monthly_counts, task_counts',
  );
}

/** What scenarios need of the demo ward, read back (so `--seed 0` works on a seeded database). */
export async function seededIds(db: DataSource): Promise<SeededIds> {
  const [ward] = (await db.query(`SELECT id FROM wards WHERE code = 'demo'`)) as { id: string }[];
  const units = (await db.query('SELECT id FROM org_units WHERE ward_id = ? ORDER BY code', [
    ward.id,
  ])) as { id: string }[];
  const plans = (await db.query(
    'SELECT id FROM plans WHERE ward_id = ? ORDER BY year DESC LIMIT 1',
    [ward.id],
  )) as { id: string }[];
  const tasks = (await db.query(
    `SELECT id, state FROM reform_tasks WHERE ward_id = ? AND state NOT IN ('accepted', 'cancelled')
     ORDER BY id LIMIT 20000`,
    [ward.id],
  )) as { id: string; state: string }[];
  const tasksByState: Record<string, string[]> = {};
  for (const task of tasks) (tasksByState[task.state] ??= []).push(task.id);
  const dossiers = (await db.query(
    `SELECT code FROM tthc_dossiers WHERE ward_id = ? AND state IN ('received', 'processing')
     ORDER BY id LIMIT 5000`,
    [ward.id],
  )) as { code: string }[];
  return {
    wardId: ward.id,
    planId: plans[0]?.id ?? null,
    unitIds: units.map((unit) => unit.id),
    tasksByState,
    dossierCodes: dossiers.map((dossier) => dossier.code),
  };
}

/** The other wards copy the demo ward's units; each unit has a head and two procedures. */
async function seedWards(db: DataSource, count: number): Promise<void> {
  const [demo] = (await db.query(`SELECT id, province FROM wards WHERE code = 'demo'`)) as {
    id: string;
    province: string;
  }[];
  const units = (await db.query('SELECT code, name FROM org_units WHERE ward_id = ?', [
    demo.id,
  ])) as { code: string; name: string }[];
  const wards: unknown[][] = [];
  const orgUnits: unknown[][] = [];
  const users: unknown[][] = [];
  for (let w = 1; w < count; w++) {
    const id = randomUUID();
    const code = `P${String(w + 1).padStart(3, '0')}`;
    wards.push([id, code, `Phường Số ${w + 1}`, demo.province]);
    users.push([randomUUID(), id, null, `${code}-cchc`, 'Công chức tham mưu CCHC', 'coordinator']);
    for (const unit of units) {
      const unitId = randomUUID();
      orgUnits.push([unitId, id, unit.code, unit.name]);
      users.push([
        randomUUID(),
        id,
        unitId,
        `${code}-${unit.code}`,
        `Trưởng ${unit.name}`,
        'unit_head',
      ]);
    }
  }
  await insertRows(db, 'wards', ['id', 'code', 'name', 'province'], wards);
  await insertRows(db, 'org_units', ['id', 'ward_id', 'code', 'name'], orgUnits);
  await insertRows(
    db,
    'users',
    ['id', 'ward_id', 'unit_id', 'username', 'full_name', 'role', 'password_hash'],
    users.map((row) => [...row, 'not-a-login']),
  );
  for (const [suffix, name, days] of [
    ['01', 'Đăng ký khai sinh', 3],
    ['02', 'Cấp bản sao trích lục', 7],
  ] as const) {
    await db.query(
      `INSERT INTO procedures (id, ward_id, code, name, processing_days, handling_unit_id, created_at, updated_at)
       SELECT UUID(), ward_id, CONCAT(code, '-${suffix}'), CONCAT('${name} (', name, ')'), ${days}, id, NOW(3), NOW(3)
       FROM org_units`,
    );
  }
}

interface TaskEvent {
  type: string;
  toState: string;
  at: number;
}

/**
 * Tasks of the plans of three years (one plan per ward and year), spread over the wards' units:
 * those due long ago mostly accepted (some late, some still overdue or reported), the current
 * ones assigned, in progress or reported, a few cancelled; about one in twelve without a due date.
 */
async function seedTasks(db: DataSource, count: number): Promise<void> {
  const wards = (await db.query(
    `SELECT w.id, (SELECT u.id FROM users u WHERE u.ward_id = w.id AND u.role = 'leader' LIMIT 1) AS leader_id
     FROM wards w ORDER BY w.code`,
  )) as { id: string; leader_id: string | null }[];
  const unitRows = (await db.query('SELECT id, ward_id FROM org_units ORDER BY code')) as {
    id: string;
    ward_id: string;
  }[];
  const now = Date.now();
  const thisYear = new Date(now).getUTCFullYear();
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const plans = new Map<string, string>();
  const planRows: unknown[][] = [];
  const areaRows: unknown[][] = [];
  for (const ward of wards) {
    for (const year of years) {
      const id = randomUUID();
      plans.set(`${ward.id}/${year}`, id);
      const issued = new Date(Date.UTC(year, 0, 10));
      planRows.push([
        id,
        ward.id,
        `${year % 100}/KH-UBND`,
        `Kế hoạch CCHC năm ${year}`,
        year,
        isoDay(issued.getTime()),
        'ke-hoach.docx',
        1,
        issued,
        issued,
      ]);
      AREAS.forEach((code, a) => areaRows.push([id, code, `Lĩnh vực ${code}`, a + 1]));
    }
  }
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
    planRows,
  );
  await insertRows(db, 'plan_areas', ['plan_id', 'code', 'title', 'position'], areaRows);

  const taskColumns = [
    'id',
    'ward_id',
    'title',
    'content',
    'lead_unit_id',
    'coordinating_unit_ids',
    'leader_id',
    'due_date',
    'state',
    'late',
    'version',
    'machine_version',
    'snapshot',
    'created_at',
    'updated_at',
    'plan_id',
    'area_code',
    'ordinal',
  ];
  const chunk = 10_000;
  for (let from = 0; from < count; from += chunk) {
    const tasks: unknown[][] = [];
    const events: unknown[][] = [];
    for (let k = from; k < Math.min(count, from + chunk); k++) {
      const ward = wards[k % wards.length];
      const units = unitRows.filter((unit) => unit.ward_id === ward.id);
      const year = years[Math.floor(spread(k, 5) * years.length)];
      const created = Date.UTC(year, 0, 10 + Math.floor(spread(k, 6) * 20), 2);
      const dueMs =
        spread(k, 7) < 0.08
          ? null
          : Date.UTC(year, 1 + Math.floor(spread(k, 1) * 11), 1 + (k % 28));
      const history = taskHistory(k, created, dueMs, now);
      const final = history.at(-1)!;
      const due = dueMs === null ? null : isoDay(dueMs);
      const late =
        dueMs !== null &&
        history.some((event) => event.type === 'SUBMIT_REPORT' && event.at > dueMs + DAY);
      const id = randomUUID();
      const leadUnitId = units[k % units.length].id;
      const area = AREAS[k % AREAS.length];
      const context = {
        leadUnitId,
        leaderId: ward.leader_id,
        dueDate: due,
        late,
        resumeState: final.toState === 'overdue' ? 'inProgress' : null,
        extensionRequest: null,
      };
      const title = `${TOPICS[k % TOPICS.length]} ${SUBJECTS[Math.floor(k / TOPICS.length) % SUBJECTS.length]} (${k + 1})`;
      tasks.push([
        id,
        ward.id,
        title,
        `${title}: triển khai theo kế hoạch của UBND phường`,
        leadUnitId,
        '[]',
        ward.leader_id,
        due,
        final.toState,
        late,
        history.length,
        1,
        JSON.stringify({ value: final.toState, context }),
        new Date(created),
        new Date(final.at),
        plans.get(`${ward.id}/${year}`),
        area,
        `${area}.${k + 1}`,
      ]);
      events.push(
        ...taskAuditRows(
          id,
          ward.id,
          history.map((event) => ({ ...event, at: new Date(event.at) })),
        ),
      );
    }
    await insertRows(db, 'reform_tasks', taskColumns, tasks);
    await insertRows(db, 'audit_events', TASK_AUDIT_COLUMNS, events);
  }
}

function taskHistory(k: number, created: number, due: number | null, now: number): TaskEvent[] {
  const events: TaskEvent[] = [{ type: 'CREATED', toState: 'assigned', at: created }];
  const step = (type: string, toState: string, at: number) => {
    if (at < now) events.push({ type, toState, at: Math.max(at, events.at(-1)!.at + 3_600_000) });
  };
  const fate = spread(k, 2);
  if (fate < 0.04) {
    step('CANCEL', 'cancelled', created + 40 * DAY);
    return events;
  }
  const target = due ?? created + 200 * DAY;
  step('START', 'inProgress', created + (2 + Math.floor(spread(k, 3) * 30)) * DAY);
  const reported = target + Math.floor((spread(k, 4) - 0.8) * 40) * DAY;
  if (fate < 0.12 && due !== null && due < now) {
    step('DEADLINE_PASSED', 'overdue', due + DAY);
    return events;
  }
  if (fate < 0.2 && reported < now) return events;
  step('SUBMIT_REPORT', 'reported', reported);
  if (fate < 0.26) return events;
  step('APPROVE', 'accepted', reported + (1 + (k % 5)) * DAY);
  return events;
}

/**
 * Dossiers received over the last two years, spread over every unit of every ward: most returned
 * early or on the day, about 5% late (with an apology slip, one in ten still a draft: pending), about 3%
 * open past their appointment, the recent ones still open.
 */
async function seedDossiers(db: DataSource, count: number): Promise<void> {
  await db.query(
    `CREATE TEMPORARY TABLE bench_procedures (n INT PRIMARY KEY, ward_id CHAR(36), unit_id CHAR(36),
       procedure_id CHAR(36), days INT)`,
  );
  await db.query(
    `INSERT INTO bench_procedures
     SELECT ROW_NUMBER() OVER (ORDER BY ward_id, handling_unit_id, code) - 1, ward_id, handling_unit_id, id, processing_days
     FROM procedures`,
  );
  const [{ n }] = (await db.query('SELECT COUNT(*) AS n FROM bench_procedures')) as { n: number }[];
  const today = isoDay(Date.now());
  const days = 730;
  for (let from = 0; from < count; from += DOSSIER_CHUNK) {
    const to = Math.min(count, from + DOSSIER_CHUNK) - 1;
    // r: the dossier's fate in [0, 1000); late = returned after the (moved) appointment.
    await db.query(
      `INSERT INTO tthc_dossiers (id, ward_id, code, procedure_id, applicant_name, received_at,
         received_on, handling_unit_id, state, original_appointment_date, appointment_date, overdue,
         apology_round, result_on, returned_on, late, late_on, closed_on, content_hash, version,
         machine_version, snapshot, created_at, updated_at)
       SELECT UUID(), y.ward_id, CONCAT('HS-', LPAD(y.seq, 7, '0')), y.procedure_id, y.applicant,
         TIMESTAMP(y.received_on, '02:00:00'), y.received_on, y.unit_id, y.state, y.appointment,
         y.moved, y.overdue, y.late, IF(y.state = 'returned', y.done_on, NULL),
         IF(y.state = 'returned', y.done_on, NULL), y.late, IF(y.late, y.appointment, NULL),
         IF(y.state = 'rejected', y.done_on, NULL), REPEAT('0', 64), 1, 1,
         JSON_OBJECT('value', y.state, 'context', JSON_OBJECT('handlingUnitId', y.unit_id,
           'receivedOn', y.received_on, 'processingDays', y.days, 'originalAppointmentDate', y.appointment,
           'appointmentDate', y.moved, 'pausedOn', NULL, 'remainingWorkingDays', NULL,
           'supplementRequests', 0, 'overdue', y.overdue = 1, 'delayReported', FALSE,
           'apologyRound', y.late, 'apologyPending', NULL,
           'resultOn', IF(y.state = 'returned', y.done_on, NULL), 'resultLate', y.late = 1,
           'returnedOn', IF(y.state = 'returned', y.done_on, NULL), 'returnedLate', y.late = 1,
           'lateSince', IF(y.late, y.appointment, NULL),
           'closedOn', IF(y.state = 'rejected', y.done_on, NULL))),
         TIMESTAMP(y.received_on, '02:00:00'), TIMESTAMP(COALESCE(y.done_on, y.received_on), '09:00:00')
       FROM (
         SELECT x.*, p.ward_id, p.unit_id, p.procedure_id, p.days,
           CASE WHEN x.r < 880 THEN x.appointment - INTERVAL x.r % 4 DAY
                WHEN x.r < 930 THEN x.appointment + INTERVAL 1 + x.r % 5 DAY END AS done_on,
           IF(x.r BETWEEN 880 AND 929, x.appointment + INTERVAL 1 + x.r % 5 DAY, x.appointment) AS moved,
           x.r BETWEEN 880 AND 959 AS overdue, x.r BETWEEN 880 AND 929 AS late,
           CASE WHEN x.r < 930 THEN IF(x.r % 50 = 7, 'rejected', 'returned')
                WHEN x.r < 960 THEN 'processing'
                WHEN x.r < 975 THEN 'resultReady'
                ELSE 'received' END AS state,
           ELT(1 + x.r % 6, 'Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thu Dung',
               'Hoàng Minh Đức', 'Vũ Thị Hà') AS applicant
         FROM (SELECT seq, CRC32(CONCAT('r', seq)) % 1000 AS r,
                 ? - INTERVAL (CRC32(CONCAT('d', seq)) % ${days}) DAY AS received_on,
                 ? - INTERVAL (CRC32(CONCAT('d', seq)) % ${days}) DAY + INTERVAL 7 DAY AS appointment
               FROM seq_${from}_to_${to}) x
         JOIN bench_procedures p ON p.n = x.seq % ?) y`,
      [today, today, n],
    );
  }
  // The open ones received long ago are done by now: returned on time.
  await db.query(
    `UPDATE tthc_dossiers SET state = 'returned', result_on = appointment_date, returned_on = appointment_date,
       snapshot = JSON_SET(snapshot, '$.value', 'returned', '$.context.resultOn', appointment_date,
         '$.context.returnedOn', appointment_date)
     WHERE state IN ('received', 'resultReady') AND received_on < ? - INTERVAL 10 DAY`,
    [today],
  );
  await db.query(
    `INSERT INTO apology_slips (id, dossier_id, round, ward_id, unit_id, \`trigger\`, status, year,
       number, number_text, missed_appointment_date, new_appointment_date, reason, signer_name,
       signer_position, drafted_on, issued_on, docx, pdf, created_at, issued_at)
     SELECT UUID(), d.id, 1, d.ward_id, d.handling_unit_id, 'overdue', s.status,
       IF(s.status = 'issued', YEAR(d.original_appointment_date), NULL), IF(s.status = 'issued', s.n, NULL),
       IF(s.status = 'issued', CONCAT(s.n, '/PXL'), NULL), d.original_appointment_date,
       d.appointment_date, 'Hồ sơ cần xác minh thêm', 'Chủ tịch', 'Chủ tịch UBND',
       d.original_appointment_date, IF(s.status = 'issued', d.original_appointment_date, NULL),
       '', '', NOW(3), IF(s.status = 'issued', NOW(3), NULL)
     FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY handling_unit_id, YEAR(original_appointment_date) ORDER BY id) AS n,
             IF(CRC32(id) % 10 = 0, 'draft', 'issued') AS status
           FROM tthc_dossiers WHERE late = 1) s
     JOIN tthc_dossiers d ON d.id = s.id`,
  );
  // A draft slip is one the head has not signed: its round is still pending in the snapshot.
  await db.query(
    `UPDATE tthc_dossiers d JOIN apology_slips s ON s.dossier_id = d.id AND s.status = 'draft'
     SET d.snapshot = JSON_SET(d.snapshot, '$.context.apologyPending', JSON_OBJECT('round', 1,
       'reason', 'overdue', 'appointmentDate', d.original_appointment_date,
       'startedOn', d.original_appointment_date + INTERVAL 1 DAY, 'proposedDate', NULL,
       'delayReason', NULL))`,
  );
}

/** 300 notifications for each demo user, the older two thirds read. */
async function seedNotifications(db: DataSource): Promise<void> {
  await db.query(
    `INSERT INTO notifications (user_id, dedupe_key, topic, subject_type, subject_id, title, body, created_at, read_at)
     SELECT u.id, CONCAT('bench-', s.seq), 'task.reminder', 'reform-task', u.id,
       CONCAT('Nhắc việc số ', s.seq), 'Nhiệm vụ sắp đến hạn', NOW(3) - INTERVAL s.seq HOUR,
       IF(s.seq > 100, NOW(3) - INTERVAL s.seq HOUR + INTERVAL 1 HOUR, NULL)
     FROM users u JOIN wards w ON w.id = u.ward_id AND w.code = 'demo' JOIN seq_1_to_300 s`,
  );
}
