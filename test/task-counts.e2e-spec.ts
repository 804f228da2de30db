import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { ManualClock } from '@cchc/common';
import { dropMaintainingTriggers, refillMaintainedTables } from '@cchc/database';
import { TASK_STATES } from '@cchc/domain';
import { TaskStatsQuery, TaskStatsService } from '@cchc/escalations';
import { freshEnvironment } from './support/e2e-env';
import { insertBareWards, seededRandom } from './support/random-province';
import { startApi } from './support/test-app';
import { redoMigration } from './support/redo-migration';

/*
 * The maintained task counts against the tasks themselves: `reform_tasks.accepted_on` against
 * the audit history it comes from, `task_counts` against a recount of the rows, and the
 * dashboard's task figures (GET /stats/tasks) against their definitions applied to the rows in
 * plain code, and its count by state against a plain count of the rows by state. A random province (two wards, three units each) written every way rows get
 * written: tasks and histories in multi-row and single-row inserts, a task accepted twice with
 * the later event written first, acceptances either side of midnight in Việt Nam, another kind of
 * instance reaching `accepted`, tasks moved to another state, due date, unit or area (one and
 * many per statement), tasks deleted. Then the migration is run again on the same rows (its fill)
 * and compared again, and so are rows written in bulk without the triggers and counted after (as
 * bench:http seeds). TASK_COUNTS_SEED replays a run.
 */
const SEED = Number(process.env.TASK_COUNTS_SEED ?? Date.now() % 1_000_000);
const STATES = [
  'assigned',
  'inProgress',
  'reported',
  'overdue',
  'accepted',
  'accepted',
  'cancelled',
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * The list's "Quá hạn" filter, which the figures follow: overdue, or assigned / in progress past
 * its due date, and never with a due date after today (the machine never leaves an overdue task
 * so; the rows this test moves at random may).
 */
const isOverdue = (task: { state: string; due_date: string | null }, today: string): boolean =>
  task.due_date !== null &&
  task.due_date <= today &&
  (task.state === 'overdue' ||
    (['assigned', 'inProgress'].includes(task.state) && task.due_date < today));

const START = Date.UTC(2026, 0, 1);

const day = (offset: number) => new Date(START + offset * DAY).toISOString().slice(0, 10);
/** The day in Việt Nam (UTC+7) of an instant. */
const vietnamDay = (at: Date) => new Date(at.getTime() + 7 * HOUR).toISOString().slice(0, 10);

const AREAS = [null, 'I', 'II'];
const KEY_COLUMNS = 'ward_id, lead_unit_id, plan_id, area_code, due_on, state, on_time';

/** Counter rows compared as plain values (the driver returns dates and sums in their own types). */
const normalized = (rows: Record<string, unknown>[]) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        value instanceof Date ? value.toISOString() : String(value),
      ]),
    ),
  );

interface Task {
  id: string;
  ward_id: string;
  lead_unit_id: string;
  area_code: string | null;
  state: string;
  due_date: string | null;
  accepted_on: string | null;
}
interface Event {
  instance_id: string;
  to_state: string;
  occurred_at: Date;
}

/** The figures by their definitions (TaskStatsService), from the rows. */
function expected(tasks: Task[], events: Event[], today: string) {
  const acceptedOn = new Map<string, string>();
  for (const event of events) {
    if (event.to_state !== 'accepted') continue;
    const on = vietnamDay(event.occurred_at);
    const known = acceptedOn.get(event.instance_id);
    if (known === undefined || on < known) acceptedOn.set(event.instance_id, on);
  }
  const units = new Map<
    string,
    { accepted: number; acceptedOnTime: number; open: number; overdue: number }
  >();
  for (const task of tasks) {
    const figures = units.get(task.lead_unit_id) ?? {
      accepted: 0,
      acceptedOnTime: 0,
      open: 0,
      overdue: 0,
    };
    const on = acceptedOn.get(task.id);
    if (task.state === 'accepted' && task.due_date !== null) figures.accepted++;
    if (
      task.state === 'accepted' &&
      task.due_date !== null &&
      on !== undefined &&
      on <= task.due_date
    )
      figures.acceptedOnTime++;
    if (!['accepted', 'cancelled'].includes(task.state)) figures.open++;
    if (isOverdue(task, today)) figures.overdue++;
    units.set(task.lead_unit_id, figures);
  }
  return { acceptedOn, units };
}

describe(`Maintained task counts against the tasks and their history (seed ${SEED})`, () => {
  const clock = new ManualClock(new Date('2026-06-15T03:00:00Z'));
  const random = seededRandom(SEED);
  let api: INestApplication;
  let db: DataSource;
  let stats: TaskStatsService;
  const wards: { id: string; units: string[] }[] = [];

  beforeAll(async () => {
    await freshEnvironment('task_stats_accepted_on');
    api = await startApi(clock);
    db = api.get(DataSource);
    stats = api.get(TaskStatsService);
    wards.push(...(await insertBareWards(db, ['t1', 't2'])));
  });

  afterAll(async () => {
    await api?.close();
  });

  const insertEvents = (rows: unknown[][]) =>
    db.query(
      `INSERT INTO audit_events (instance_type, instance_id, seq, event_type, from_state, to_state,
         actor_role, occurred_at, ward_id, prev_hash, hash)
       VALUES ${rows.map(() => "(?, ?, ?, 'E', NULL, ?, 'system', ?, ?, REPEAT('0', 64), REPEAT('0', 64))").join(', ')}`,
      rows.flat(),
    );

  /** A batch of tasks, then their histories: one multi-row insert, or one row at a time. */
  const write = async (count: number, oneByOne: boolean) => {
    const tasks: unknown[][] = [];
    const events: unknown[][] = [];
    for (let i = 0; i < count; i++) {
      const ward = random.pick(wards);
      const id = randomUUID();
      const state = random.pick(STATES);
      const due = random.int(6) === 0 ? null : random.int(200);
      tasks.push([
        id,
        ward.id,
        random.pick(ward.units),
        random.pick(AREAS),
        due === null ? null : day(due),
        state,
      ]);
      const created = START + random.int(100) * DAY;
      events.push(['reform-task', id, 1, 'assigned', new Date(created), ward.id]);
      if (state === 'accepted') {
        // Around the due day (or the creation), at hours either side of midnight in Việt Nam.
        const around = due === null ? created + 10 * DAY : START + (due - 1 + random.int(3)) * DAY;
        const at = new Date(around + random.pick([0, 16, 17, 23]) * HOUR + random.int(HOUR));
        const twice = random.int(4) === 0;
        // Accepted twice: the later event is written first, the earliest must win.
        if (twice)
          events.push(['reform-task', id, 3, 'accepted', new Date(at.getTime() + DAY), ward.id]);
        events.push(['reform-task', id, 2, 'accepted', at, ward.id]);
      } else if (state !== 'assigned') {
        events.push(['reform-task', id, 2, state, new Date(created + DAY), ward.id]);
      }
    }
    await db.query(
      `INSERT INTO reform_tasks (id, ward_id, title, content, lead_unit_id, area_code,
         coordinating_unit_ids, due_date, state, version, machine_version, snapshot, created_at,
         updated_at)
       VALUES ${tasks.map(() => "(?, ?, 'T', 'C', ?, ?, '[]', ?, ?, 1, 1, '{}', NOW(3), NOW(3))").join(', ')}`,
      tasks.flat(),
    );
    if (oneByOne) for (const row of events) await insertEvents([row]);
    else await insertEvents(events);
  };

  const all = async () => ({
    tasks: (await db.query(
      `SELECT id, ward_id, lead_unit_id, area_code, state, due_date, accepted_on FROM reform_tasks
       WHERE ward_id IN (?)`,
      [wards.map((ward) => ward.id)],
    )) as Task[],
    events: (await db.query(
      "SELECT instance_id, to_state, occurred_at FROM audit_events WHERE instance_type = 'reform-task'",
    )) as Event[],
  });

  /** The ward's tasks in each state, counted in the rows themselves (undated: in no period). */
  const countByState = async (wardId: string, query: TaskStatsQuery) => {
    const rows = (await db.query(
      `SELECT state, COUNT(*) AS n FROM reform_tasks
       WHERE ward_id = ? AND (? IS NULL OR due_date >= ?) AND (? IS NULL OR due_date <= ?)
       GROUP BY state`,
      [wardId, query.from ?? null, query.from ?? null, query.to ?? null, query.to ?? null],
    )) as { state: string; n: string }[];
    return TASK_STATES.map((state) => ({
      state,
      count: Number(rows.find((row) => row.state === state)?.n ?? 0),
    }));
  };

  const compare = async () => {
    const { tasks, events } = await all();
    const today = todayIn(clock.now());
    const { acceptedOn } = expected(tasks, events, today);
    for (const task of tasks)
      expect({ task: task.id, acceptedOn: task.accepted_on }).toEqual({
        task: task.id,
        acceptedOn: acceptedOn.get(task.id) ?? null,
      });
    // Due days are within 200 days of START: the last period has no task, every state at zero.
    const periods: TaskStatsQuery[] = [
      {},
      { from: day(30), to: day(120) },
      { to: day(60) },
      { from: day(300) },
    ];
    for (const ward of wards) {
      for (const query of periods) {
        const inPeriod = tasks.filter(
          (task) =>
            task.ward_id === ward.id &&
            (!query.from || (task.due_date !== null && task.due_date >= query.from)) &&
            (!query.to || (task.due_date !== null && task.due_date <= query.to)),
        );
        const { units } = expected(inPeriod, events, today);
        const got = await stats.figures(ward.id, query);
        expect({ query, byState: got.byState }).toEqual({
          query,
          byState: await countByState(ward.id, query),
        });
        const want = [...units].map(([unitId, figures]) => ({
          unitId,
          ...figures,
          acceptedLate: figures.accepted - figures.acceptedOnTime,
          onTimeRate: figures.accepted === 0 ? null : figures.acceptedOnTime / figures.accepted,
        }));
        expect({
          query,
          units: [...got.units].sort((a, b) => a.unitId.localeCompare(b.unitId)),
        }).toMatchObject({ query, units: want.sort((a, b) => a.unitId.localeCompare(b.unitId)) });
        const overdueByArea = new Map<string | null, number>();
        for (const task of inPeriod)
          if (isOverdue(task, today))
            overdueByArea.set(task.area_code, (overdueByArea.get(task.area_code) ?? 0) + 1);
        const byArea = (a: { areaCode: string | null }, b: { areaCode: string | null }) =>
          (a.areaCode ?? '').localeCompare(b.areaCode ?? '');
        expect({ query, areas: [...got.overdueByArea].sort(byArea) }).toEqual({
          query,
          areas: [...overdueByArea]
            .map(([areaCode, overdue]) => ({
              planId: null,
              planNumber: null,
              areaCode,
              areaTitle: 'Ngoài kế hoạch',
              overdue,
            }))
            .sort(byArea),
        });
      }
    }
    // Every counter against a recount of the rows (counters left at zero are kept).
    const counters = `SELECT ${KEY_COLUMNS}, n FROM task_counts WHERE n <> 0 ORDER BY ${KEY_COLUMNS}`;
    const recount = `SELECT ward_id, lead_unit_id, COALESCE(plan_id, '') AS plan_id,
        COALESCE(area_code, '') AS area_code, COALESCE(due_date, '9999-12-31') AS due_on, state,
        COALESCE(state = 'accepted' AND accepted_on <= due_date, 0) AS on_time, COUNT(*) AS n
      FROM reform_tasks GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY ${KEY_COLUMNS}`;
    expect(normalized(await db.query(counters))).toEqual(normalized(await db.query(recount)));
    return tasks.filter((task) => task.accepted_on !== null).length;
  };

  /** Some tasks moved to another state, due date, unit or area: one per statement, or many. */
  const move = async () => {
    const { tasks } = await all();
    const chosen = tasks.filter(() => random.int(4) === 0);
    for (const [index, task] of chosen.entries()) {
      const ward = wards.find((w) => w.id === task.ward_id)!;
      const change = random.pick([
        ['state = ?', random.pick(STATES)],
        ['due_date = ?', random.int(5) === 0 ? null : day(random.int(200))],
        ['lead_unit_id = ?', random.pick(ward.units)],
        ['area_code = ?', random.pick(AREAS)],
      ] as const);
      if (index % 2 === 0)
        await db.query(`UPDATE reform_tasks SET ${change[0]} WHERE id = ?`, [change[1], task.id]);
      else
        await db.query(`UPDATE reform_tasks SET ${change[0]} WHERE ward_id = ? AND id IN (?, ?)`, [
          change[1],
          task.ward_id,
          task.id,
          random.pick(tasks).id,
        ]);
    }
    const deleted = tasks.filter(() => random.int(10) === 0).map((task) => task.id);
    if (deleted.length > 0) await db.query('DELETE FROM reform_tasks WHERE id IN (?)', [deleted]);
  };

  it('keeps each task’s acceptance day, and the figures, as its history gives them', async () => {
    for (let batch = 0; batch < 6; batch++) await write(1 + random.int(80), false);
    for (let batch = 0; batch < 4; batch++) await write(1 + random.int(5), true);
    // Another kind of instance reaching a state of the same name changes no task.
    await insertEvents([['report', randomUUID(), 1, 'accepted', new Date(START), wards[0].id]]);
    expect(await compare()).toBeGreaterThan(0);
    await move();
    await write(1 + random.int(40), false);
    expect(await compare()).toBeGreaterThan(0);
  });

  it('counts a bulk load written without the triggers as the triggers would have', async () => {
    const runner = db.createQueryRunner();
    const terms = () =>
      db.query(
        'SELECT task_id, term, ward_id, due_sort, created_at FROM task_search_terms ORDER BY task_id, term',
      );
    try {
      // The search terms filled in again are those their triggers kept row by row.
      const kept = await terms();
      expect(kept.length).toBeGreaterThan(0);
      await dropMaintainingTriggers(runner);
      await refillMaintainedTables(runner);
      expect(await terms()).toEqual(kept);
      await dropMaintainingTriggers(runner);
      await write(1 + random.int(80), false);
      await move();
      await refillMaintainedTables(runner);
    } finally {
      await runner.release();
    }
    expect(await compare()).toBeGreaterThan(0);
    // The triggers are back: what is written now is counted.
    await write(1 + random.int(20), false);
    await move();
    expect(await compare()).toBeGreaterThan(0);
  });

  it('fills the counts and acceptance days from the rows and histories when it migrates', async () => {
    await redoMigration(db, 'TaskCounts1763803100000');
    expect(await compare()).toBeGreaterThan(0);
  });
});
