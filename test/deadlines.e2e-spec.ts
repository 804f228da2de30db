import { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { endOfDayInstant, WorkingCalendar } from '@cchc/calendar';
import { ManualClock } from '@cchc/common';
import { CalendarService } from '@cchc/calendar-store';
import { TaskTimerPlanner } from '@cchc/escalations';
import { OutboxRelay } from '@cchc/queue';
import {
  DueTimer,
  FireOutcome,
  TimerFeeder,
  TimerProcessor,
  TimerRegistry,
  TimerService,
} from '@cchc/timers';
import { verifyDelivery } from '@cchc/webhooks';
import { ApiClient } from './support/api-client';
import { yearWithDayOff } from './support/calendar-edits';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment, wipeRedis } from './support/e2e-env';
import { eventually, PENDING_WORK_SQL, startApi, startWorker } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const SECRET = 'khoa-bi-mat-cua-he-thong-e-office';

describe('deadlines, reminders and escalations (MariaDB + Redis, in-process worker)', () => {
  // Monday 2 March 2026, 09:00 in Hà Nội.
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  const calendar = new WorkingCalendar();
  const today = '2026-03-02';
  const receiver = new WebhookReceiver();
  let api: INestApplication;
  let worker: INestApplicationContext;
  let client: ApiClient;
  let db: DataSource;
  let units: Record<string, string>;
  let users: Record<string, string>;
  let webhookId: string;

  beforeAll(async () => {
    await freshEnvironment('deadlines');
    Object.assign(process.env, { TIMER_FEED_MS: '100', TIMER_SWEEP_MS: '1000' });
    api = await startApi(clock);
    worker = await startWorker(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    ({ units, users } = await demoWardIds(client));
    const url = await receiver.start();
    const created = await client.post('coordinator', '/webhooks', {
      url,
      secret: SECRET,
      events: ['task.reminder', 'task.overdue', 'task.escalated'],
    });
    expect(created.status).toBe(201);
    webhookId = created.body.id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver.stop();
  });

  const createTask = async (dueDate: string | null, title = 'Rà soát thủ tục hành chính') => {
    const response = await client.post('coordinator', '/tasks', {
      title,
      leadUnitId: units.VHXH,
      leaderId: users.leader,
      dueDate,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const timersOf = async (taskId: string) =>
    (
      (await db.query(
        "SELECT kind, level, due_date, fire_at FROM timers WHERE subject_type = 'reform-task' AND subject_id = ? ORDER BY fire_at, kind, level",
        [taskId],
      )) as { kind: string; level: number; due_date: string; fire_at: Date }[]
    ).map((row) => ({
      kind: row.kind,
      level: row.level,
      dueDate: row.due_date,
      fireAt: new Date(row.fire_at).toISOString(),
    }));

  const escalationsOf = async (taskId: string) =>
    (await db.query(
      'SELECT kind, level, due_date AS dueDate FROM escalations WHERE task_id = ? ORDER BY id',
      [taskId],
    )) as { kind: string; level: number; dueDate: string }[];

  /** Waits until nothing is pending: no unprocessed outbox row, no timer that is due. */
  const quiet = () =>
    eventually(
      async () => Number((await db.query(PENDING_WORK_SQL, [clock.now()]))[0].n) === 0,
      20_000,
      'an empty outbox and no due timer',
    );

  const historyOf = async (taskId: string) =>
    ((await client.get('leader', `/tasks/${taskId}/history`)).body as { event: string }[]).map(
      (entry) => entry.event,
    );

  const noticesOf = async (username: string, taskId: string, topic: string) =>
    (
      (await client.get(username, '/notifications?pageSize=200')).body.items as {
        subjectId: string;
        topic: string;
        title: string;
      }[]
    ).filter((notice) => notice.subjectId === taskId && notice.topic === topic);

  it('makes a task created 5 working days past due overdue, with its notices and first chairman escalation, once', async () => {
    const due = calendar.subtractWorkingDays(today, 5);
    const taskId = await createTask(due, 'Nhiệm vụ đã quá hạn khi giao');
    await eventually(
      async () => (await escalationsOf(taskId)).length >= 2,
      20_000,
      'the overdue notice and the first escalation',
    );
    await quiet();
    // Everything again: a full re-feed and a re-plan must not fire anything a second time.
    const feeder = worker.get(TimerFeeder);
    feeder.resweep();
    await feeder.feedNow();
    await quiet();

    expect(await escalationsOf(taskId)).toEqual([
      { kind: 'deadline', level: 1, dueDate: due },
      { kind: 'escalate', level: 1, dueDate: due },
    ]);
    expect((await client.get('leader', `/tasks/${taskId}`)).body.state).toBe('overdue');
    expect(await historyOf(taskId)).toEqual(['CREATED', 'DEADLINE_PASSED', 'ESCALATE']);
    expect(await noticesOf('leader', taskId, 'task.overdue')).toHaveLength(1);
    expect(await noticesOf('unit_head', taskId, 'task.overdue')).toHaveLength(1);
    const escalated = await noticesOf('chairman', taskId, 'task.escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0].title).toMatch(/^Chuyển cấp trên xử lý lần 1: /);
    expect(await timersOf(taskId)).toEqual([
      {
        kind: 'escalate',
        level: 2,
        dueDate: due,
        fireAt: endOfDayInstant(calendar.addWorkingDays(due, 10)).toISOString(),
      },
    ]);
    await eventually(
      async () => receiver.calls.filter((call) => call.body.data.taskId === taskId).length >= 2,
      20_000,
      'two webhook calls',
    );
    const calls = receiver.calls.filter((call) => call.body.data.taskId === taskId);
    expect(calls.map((call) => call.body.type).sort()).toEqual(['task.escalated', 'task.overdue']);
    for (const call of calls) {
      expect(verifyDelivery(SECRET, call.raw, call.headers)).toBe(true);
    }
  });

  it('fires the escalation levels below one that fires first, in order, in its transaction', async () => {
    // Overdue, both escalations still ahead; then both moments come together (as for a task
    // caught up long overdue).
    const due = calendar.subtractWorkingDays(today, 1);
    const taskId = await createTask(due, 'Nhiệm vụ chuyển cấp trên hai lần');
    await eventually(
      async () =>
        (await timersOf(taskId)).filter((timer) => timer.kind === 'escalate').length === 2,
      20_000,
      'the escalations planned',
    );
    await quiet();
    const timerOf = async (level: number) =>
      (
        (await db.query(
          "SELECT id FROM timers WHERE subject_type = 'reform-task' AND subject_id = ? AND kind = 'escalate' AND level = ?",
          [taskId, level],
        )) as { id: string }[]
      )[0].id;
    const [first, second] = [await timerOf(1), await timerOf(2)];
    // Both moments come; the second level's job runs first (the feeder may start either).
    await db.query('UPDATE timers SET fire_at = ? WHERE id IN (?)', [clock.now(), [first, second]]);
    expect(['fired', 'gone']).toContain(await worker.get(TimerProcessor).fire(second));
    await quiet();

    expect(await escalationsOf(taskId)).toEqual([
      { kind: 'deadline', level: 1, dueDate: due },
      { kind: 'escalate', level: 1, dueDate: due },
      { kind: 'escalate', level: 2, dueDate: due },
    ]);
    const escalations = (
      (await client.get('leader', `/tasks/${taskId}/history`)).body as {
        event: string;
        payload: { level: number } | null;
      }[]
    ).filter((entry) => entry.event === 'ESCALATE');
    expect(escalations.map((entry) => entry.payload?.level)).toEqual([1, 2]);
    const titles = (await noticesOf('chairman', taskId, 'task.escalated')).map((n) => n.title);
    expect(titles.map((title) => title.slice(0, 'Chuyển cấp trên xử lý lần 1'.length))).toEqual(
      expect.arrayContaining(['Chuyển cấp trên xử lý lần 1', 'Chuyển cấp trên xử lý lần 2']),
    );
    expect(titles).toHaveLength(2);
    await eventually(
      async () =>
        receiver.calls.filter(
          (call) => call.body.data.taskId === taskId && call.body.type === 'task.escalated',
        ).length === 2,
      20_000,
      'two webhook calls',
    );
    const planned = receiver.calls
      .filter((call) => call.body.data.taskId === taskId && call.body.type === 'task.escalated')
      .map((call) => [call.body.data.level, call.body.data.plannedFor])
      .sort();
    expect(planned).toEqual([
      [1, clock.now().toISOString()],
      [2, clock.now().toISOString()],
    ]);
    // The first level's timer went with it: nothing left to fire.
    expect(await worker.get(TimerProcessor).fire(first)).toBe('gone');
    expect(await timersOf(taskId)).toEqual([]);
  });

  it('reminds 3 working days before and on the due date morning, then marks the task overdue at the end of the day', async () => {
    const due = calendar.addWorkingDays(today, 6);
    const taskId = await createTask(due, 'Công khai thủ tục trên Cổng dịch vụ công');
    const remindOne = new Date(`${calendar.subtractWorkingDays(due, 3)}T08:00:00+07:00`);
    const remindTwo = new Date(`${due}T08:00:00+07:00`);
    const deadline = endOfDayInstant(due);
    await eventually(async () => (await timersOf(taskId)).length === 3, 20_000, 'planned timers');
    expect(await timersOf(taskId)).toEqual([
      { kind: 'remind', level: 1, dueDate: due, fireAt: remindOne.toISOString() },
      { kind: 'remind', level: 2, dueDate: due, fireAt: remindTwo.toISOString() },
      { kind: 'deadline', level: 1, dueDate: due, fireAt: deadline.toISOString() },
    ]);

    clock.set(remindOne);
    await eventually(async () => (await escalationsOf(taskId)).length === 1, 20_000, 'reminder 1');
    expect(await noticesOf('officer', taskId, 'task.reminder')).toHaveLength(1);
    clock.set(remindTwo);
    await eventually(async () => (await escalationsOf(taskId)).length === 2, 20_000, 'reminder 2');
    clock.set(deadline);
    await eventually(async () => (await escalationsOf(taskId)).length === 3, 20_000, 'deadline');
    await quiet();
    expect(await escalationsOf(taskId)).toEqual([
      { kind: 'remind', level: 1, dueDate: due },
      { kind: 'remind', level: 2, dueDate: due },
      { kind: 'deadline', level: 1, dueDate: due },
    ]);
    expect(await noticesOf('officer', taskId, 'task.reminder')).toHaveLength(2);
    expect((await timersOf(taskId)).map((timer) => `${timer.kind} ${timer.level}`)).toEqual([
      'escalate 1',
      'escalate 2',
    ]);

    // A new due date (amendment) stops the escalations and plans the new date's timers.
    const newDue = calendar.addWorkingDays(due, 10);
    const task = (await client.get('coordinator', `/tasks/${taskId}`)).body;
    const amended = await client.post('coordinator', `/tasks/${taskId}/events`, {
      type: 'AMEND',
      version: task.version,
      reason: 'Điều chỉnh kế hoạch',
      changes: { dueDate: newDue },
    });
    expect(amended.status).toBe(200);
    await eventually(
      async () => (await timersOf(taskId)).every((timer) => timer.dueDate === newDue),
      20_000,
      'timers of the new due date',
    );
    expect((await timersOf(taskId)).map((timer) => `${timer.kind} ${timer.level}`)).toEqual([
      'remind 1',
      'remind 2',
      'deadline 1',
    ]);
    clock.set('2026-03-02T09:00:00+07:00');
  });

  it('re-plans an overdue task from the new due date when its extension is approved', async () => {
    const due = calendar.subtractWorkingDays(today, 1);
    const taskId = await createTask(due, 'Số hóa hồ sơ, kết quả giải quyết thủ tục');
    await eventually(
      async () =>
        (await timersOf(taskId)).map((timer) => `${timer.kind} ${timer.level}`).join() ===
        'escalate 1,escalate 2',
      20_000,
      'the escalation timers of the overdue task',
    );
    const newDue = calendar.addWorkingDays(today, 10);
    const requested = await client.post('officer', `/tasks/${taskId}/events`, {
      type: 'REQUEST_EXTENSION',
      version: 2,
      proposedDueDate: newDue,
      reason: 'Chờ hướng dẫn của Sở',
    });
    expect(requested.status).toBe(200);
    const approved = await client.post('leader', `/tasks/${taskId}/events`, {
      type: 'DECIDE_EXTENSION',
      version: 3,
      decision: 'approve',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('assigned');
    await eventually(
      async () => (await timersOf(taskId)).every((timer) => timer.dueDate === newDue),
      20_000,
      'timers of the new due date',
    );
    expect(await timersOf(taskId)).toEqual([
      {
        kind: 'remind',
        level: 1,
        dueDate: newDue,
        fireAt: new Date(`${calendar.subtractWorkingDays(newDue, 3)}T08:00:00+07:00`).toISOString(),
      },
      {
        kind: 'remind',
        level: 2,
        dueDate: newDue,
        fireAt: new Date(`${newDue}T08:00:00+07:00`).toISOString(),
      },
      {
        kind: 'deadline',
        level: 1,
        dueDate: newDue,
        fireAt: endOfDayInstant(newDue).toISOString(),
      },
    ]);
    expect(await escalationsOf(taskId)).toEqual([{ kind: 'deadline', level: 1, dueDate: due }]);
  });

  it('stops the timers of a task reported in time', async () => {
    const taskId = await createTask(calendar.addWorkingDays(today, 8));
    await eventually(async () => (await timersOf(taskId)).length === 3, 20_000, 'planned timers');
    expect(
      (await client.post('officer', `/tasks/${taskId}/events`, { type: 'START', version: 1 }))
        .status,
    ).toBe(200);
    const reported = await client.post('officer', `/tasks/${taskId}/events`, {
      type: 'SUBMIT_REPORT',
      version: 2,
      report: 'Đã hoàn thành',
    });
    expect(reported.status).toBe(200);
    await eventually(async () => (await timersOf(taskId)).length === 0, 20_000, 'no timers');
  });

  it('re-plans a task while one of its timers fires, without a deadlock', async () => {
    const taskId = await createTask(calendar.addWorkingDays(today, 8));
    await eventually(async () => (await timersOf(taskId)).length === 3, 20_000, 'planned timers');
    await quiet();
    const [{ id: timerId }] = (await db.query(
      "SELECT id FROM timers WHERE subject_type = 'reform-task' AND subject_id = ? AND kind = 'remind' AND level = 1",
      [taskId],
    )) as { id: string }[];
    // A transition holds the task's row while the firing and the plan start, so both wait for it.
    const transition = db.createQueryRunner();
    await transition.connect();
    let firing: Promise<FireOutcome> | undefined;
    let planning: Promise<number> | undefined;
    try {
      await transition.startTransaction('READ COMMITTED');
      await transition.query('SELECT id FROM reform_tasks WHERE id = ? FOR UPDATE', [taskId]);
      // The first reminder's moment has come (moved to now; the worker's feeder may fire it too).
      await db.query('UPDATE timers SET fire_at = ? WHERE id = ?', [clock.now(), timerId]);
      firing = worker.get(TimerProcessor).fire(timerId);
      planning = db.transaction('READ COMMITTED', (manager) =>
        worker.get(TaskTimerPlanner).planIn(manager, taskId),
      );
      await eventually(
        async () =>
          Number(
            (
              await db.query(
                `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST
                 WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND COMMAND = 'Query'
                   AND INFO LIKE CONCAT('%', ?, '%FOR UPDATE')`,
                [taskId],
              )
            )[0].n,
          ) >= 2,
        20_000,
        'the firing and the plan waiting for a lock',
      );
    } finally {
      await transition.commitTransaction();
      await transition.release();
    }
    // Before, the firing held its timer and the plan the timers' index entries: one was rolled back.
    const [outcome] = await Promise.all([firing, planning]);
    expect(['fired', 'gone']).toContain(outcome);
    await quiet();
    // Whichever took the task first: the reminder fired once and is planned no more, or the
    // plan put it back at its time and the firing found it gone.
    const reminders = (await escalationsOf(taskId)).filter((row) => row.kind === 'remind');
    const timers = (await timersOf(taskId)).map((timer) => `${timer.kind} ${timer.level}`);
    expect({ reminders: reminders.length, timers }).toEqual(
      reminders.length > 0
        ? { reminders: 1, timers: ['remind 2', 'deadline 1'] }
        : { reminders: 0, timers: ['remind 1', 'remind 2', 'deadline 1'] },
    );
  });

  it('fires every pending timer once after Redis is flushed', async () => {
    const due = calendar.addWorkingDays(today, 6);
    const ids = await Promise.all(
      Array.from({ length: 5 }, (_, index) => createTask(due, `Nhiệm vụ ${index + 1}`)),
    );
    const remindOne = new Date(`${calendar.subtractWorkingDays(due, 3)}T08:00:00+07:00`);
    await quiet();
    // The reminders are within the feeder's window: queued in Redis as delayed jobs, then lost.
    clock.set(new Date(remindOne.getTime() - 5_000));
    await worker.get(TimerFeeder).feedNow();
    await wipeRedis();
    clock.set(remindOne);
    await eventually(
      async () => {
        const [{ n }] = await db.query(
          "SELECT COUNT(*) AS n FROM escalations WHERE kind = 'remind' AND task_id IN (?)",
          [ids],
        );
        return Number(n) === 5;
      },
      20_000,
      'five reminders',
    );
    await quiet();
    worker.get(TimerFeeder).resweep();
    await worker.get(TimerFeeder).feedNow();
    await quiet();
    for (const id of ids) {
      expect(await escalationsOf(id)).toEqual([{ kind: 'remind', level: 1, dueDate: due }]);
      expect(await noticesOf('officer', id, 'task.reminder')).toHaveLength(1);
    }
    clock.set('2026-03-02T09:00:00+07:00');
  });

  it('relays again at once, on any clock, the jobs that a flush of Redis took away', async () => {
    const taskId = await createTask(null, 'Công việc có thông báo bị mất khi xoá Redis');
    await quiet();
    // Relayed just now, as far as the row tells; its job is not in Redis (the flush took it).
    const { insertId } = await db.query(
      "INSERT INTO outbox (queue, job_name, payload, created_at, relayed_at) VALUES ('notifications', 'notify', ?, ?, ?)",
      [
        JSON.stringify({
          instanceType: 'reform-task',
          instanceId: taskId,
          seq: 1,
          topic: 'task.assigned',
          to: ['leadUnit'],
        }),
        clock.now(),
        clock.now(),
      ],
    );
    const processed = async () =>
      (await db.query('SELECT processed_at FROM outbox WHERE id = ?', [insertId]))[0]
        .processed_at !== null;
    // While Redis keeps its keys, a young relayed row is left to its job (the clock stands still).
    const relay = worker.get(OutboxRelay);
    for (let tick = 0; tick < 3; tick++) await relay.relayNow();
    expect(await processed()).toBe(false);
    await wipeRedis();
    await eventually(processed, 10_000, 'the row to be relayed again and processed');
  });

  it('fires the timers of any registered subject type once, removing each with its effect', async () => {
    const fired: DueTimer[] = [];
    let failNext = true;
    worker.get(TimerRegistry).register({
      subjectType: 'test-subject',
      // A subject without a row: nothing to lock before its timers.
      lockSubject: async () => undefined,
      fire: async (manager, timer) => {
        await manager.query('SELECT 1');
        if (timer.kind === 'flaky' && failNext) {
          failNext = false;
          throw new Error('the handler fails once');
        }
        fired.push(timer);
      },
    });
    const timers = api.get(TimerService);
    const soon = new Date(clock.now().getTime() - 1);
    const later = new Date(clock.now().getTime() + 86_400_000);
    await db.transaction((manager) =>
      timers.replace(manager, 'test-subject', 'A-1', [
        { kind: 'appointment', level: 1, dueDate: '2026-03-02', fireAt: soon },
        { kind: 'flaky', level: 1, dueDate: null, fireAt: soon },
        { kind: 'appointment', level: 2, dueDate: '2026-03-02', fireAt: later },
      ]),
    );
    // A replace in a transaction that rolls back changes nothing.
    await expect(
      db.transaction(async (manager) => {
        await timers.replace(manager, 'test-subject', 'A-1', []);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await eventually(async () => fired.length === 2, 20_000, 'two firings');
    await quiet();
    expect(fired.map((timer) => `${timer.subjectId} ${timer.kind} ${timer.level}`).sort()).toEqual([
      'A-1 appointment 1',
      'A-1 flaky 1',
    ]);
    const left = (await db.query(
      "SELECT kind, level FROM timers WHERE subject_type = 'test-subject'",
    )) as { kind: string; level: number }[];
    expect(left).toEqual([{ kind: 'appointment', level: 2 }]);
    await db.transaction((manager) => timers.replace(manager, 'test-subject', 'A-1', []));
    expect(await db.query("SELECT id FROM timers WHERE subject_type = 'test-subject'")).toEqual([]);
  });

  describe('escalation policy', () => {
    it('has the defaults, lets the coordinator change it, and refuses bad values with their place', async () => {
      const initial = await client.get('leader', '/escalation-policy');
      expect(initial.body).toMatchObject({
        isDefault: true,
        reminders: [
          { workingDaysBefore: 3, at: '08:00', to: ['leadUnit'] },
          { workingDaysBefore: 0, at: '08:00', to: ['leadUnit'] },
        ],
        escalations: [
          { workingDaysAfter: 3, to: ['chairman'] },
          { workingDaysAfter: 10, to: ['chairman'] },
        ],
      });
      const policy = {
        reminders: [{ workingDaysBefore: 2, at: '07:30', to: ['leadUnit', 'leader'] }],
        escalations: [
          { workingDaysAfter: 2, to: ['chairman'] },
          { workingDaysAfter: 5, to: ['chairman', 'coordinator'] },
        ],
      };
      expect((await client.put('leader', '/escalation-policy', policy)).status).toBe(403);
      const bad = await client.put('coordinator', '/escalation-policy', {
        reminders: [{ workingDaysBefore: -1, at: '25:00', to: ['mayor'] }],
        escalations: [{ workingDaysAfter: 2, to: ['chairman'] }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('reminders.0.workingDaysBefore');
      expect(bad.body.message).toContain('reminders.0.at');
      expect(bad.body.message).toContain('reminders.0.to');
      const unordered = await client.put('coordinator', '/escalation-policy', {
        reminders: [],
        escalations: [
          { workingDaysAfter: 5, to: ['chairman'] },
          { workingDaysAfter: 3, to: ['chairman'] },
        ],
      });
      expect(unordered.status).toBe(400);
      expect(unordered.body.message).toContain('escalations[1].workingDaysAfter');
      const saved = await client.put('coordinator', '/escalation-policy', policy);
      expect(saved.status).toBe(200);
      expect((await client.get('chairman', '/escalation-policy')).body).toMatchObject({
        ...policy,
        isDefault: false,
      });
    });

    it('re-plans the watched tasks of the ward with a new policy', async () => {
      const due = calendar.addWorkingDays(today, 8);
      const taskId = await createTask(due);
      await quiet();
      await client.put('coordinator', '/escalation-policy', {
        reminders: [{ workingDaysBefore: 1, at: '14:00', to: ['leadUnitHead'] }],
        escalations: [{ workingDaysAfter: 3, to: ['chairman'] }],
      });
      await eventually(
        async () =>
          JSON.stringify((await timersOf(taskId)).map((timer) => timer.fireAt)) ===
          JSON.stringify([
            new Date(`${calendar.subtractWorkingDays(due, 1)}T14:00:00+07:00`).toISOString(),
            endOfDayInstant(due).toISOString(),
          ]),
        20_000,
        'the timers of the new policy',
      );
    });

    it("re-plans the tasks an edited calendar moves, with the calendar as committed, not the worker's copy", async () => {
      await client.put('coordinator', '/escalation-policy', {
        reminders: [{ workingDaysBefore: 1, at: '14:00', to: ['leadUnitHead'] }],
        escalations: [{ workingDaysAfter: 3, to: ['chairman'] }],
      });
      const due = calendar.addWorkingDays(today, 8);
      const reminderDay = calendar.subtractWorkingDays(due, 1);
      const taskId = await createTask(due, 'Rà soát lịch làm việc');
      const timersAt = (reminderOn: string) =>
        JSON.stringify([
          new Date(`${reminderOn}T14:00:00+07:00`).toISOString(),
          endOfDayInstant(due).toISOString(),
        ]);
      const firesAt = async () => JSON.stringify((await timersOf(taskId)).map((row) => row.fireAt));
      await eventually(async () => (await firesAt()) === timersAt(reminderDay), 20_000, 'planned');
      await quiet();

      // The day before the due date becomes a day off: the reminder moves to the working day
      // before. The worker holds a copy of the calendar read just before the edit.
      const { original, withDayOff } = await yearWithDayOff(client, 2026, reminderDay);
      const movedTo = new WorkingCalendar([{ year: 2026, ...withDayOff }]).subtractWorkingDays(
        due,
        1,
      );
      expect(movedTo < reminderDay).toBe(true);
      try {
        await worker.get(CalendarService).workingCalendar();
        const edited = await client.put('system_admin', '/calendar/years/2026', withDayOff);
        expect(edited.status).toBe(200);
        await eventually(async () => (await firesAt()) === timersAt(movedTo), 20_000, 'moved');
      } finally {
        const restored = await client.put('system_admin', '/calendar/years/2026', original);
        expect(restored.status).toBe(200);
      }
      await eventually(async () => (await firesAt()) === timersAt(reminderDay), 20_000, 'back');
      await quiet();
    });
  });

  describe('escalation log', () => {
    it('lists escalations by level, unit and day for leaders, chairman, coordinator and inspector only', async () => {
      const all = await client.get('inspector', '/escalations');
      expect(all.status).toBe(200);
      expect(all.body.length).toBeGreaterThan(0);
      const levelTwo = await client.get('chairman', '/escalations?level=2');
      expect(levelTwo.body.every((row: { level: number }) => row.level === 2)).toBe(true);
      expect(levelTwo.body.length).toBeGreaterThan(0);
      const otherUnit = await client.get('coordinator', `/escalations?leadUnitId=${units.VP}`);
      expect(otherUnit.body).toEqual([]);
      const future = await client.get('leader', '/escalations?from=2099-01-01');
      expect(future.body).toEqual([]);
      expect((await client.get('officer', '/escalations')).status).toBe(403);
      const bad = await client.get('leader', '/escalations?level=x&from=2026-13');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('level');
      expect(bad.body.message).toContain('from');
    });
  });

  describe('Bull Board', () => {
    it('is at /queues for the coordinator and chairman, read-only, the token never in the address', async () => {
      const server = api.getHttpServer();
      expect((await request(server).get('/queues')).status).toBe(401);
      const officer = await client.login('officer');
      const forbidden = await request(server)
        .get('/queues')
        .set('Authorization', `Bearer ${officer}`);
      expect(forbidden.status).toBe(403);
      const token = await client.login('chairman');
      expect((await request(server).get(`/queues?token=${token}`)).status).toBe(401);
      // A browser signed in to the console carries its session cookie to the board.
      const session = await request(server)
        .post('/auth/login')
        .send({ username: 'chairman', password: 'demo' });
      expect(session.status).toBe(200);
      const cookie = session.headers['set-cookie'] as unknown as string[];
      expect(cookie.join(';')).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
      const page = await request(server).get('/queues').set('Cookie', cookie);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html');
      const retry = await request(server)
        .put('/queues/api/queues/webhooks/retry/failed')
        .set('Cookie', cookie);
      expect(retry.status).toBe(403);
      const queues = await request(server)
        .get('/queues/api/queues')
        .set('Authorization', `Bearer ${await client.login('coordinator')}`);
      expect(queues.status).toBe(200);
      expect(queues.body.queues.map((queue: { name: string }) => queue.name)).toEqual(
        expect.arrayContaining(['timers', 'webhooks', 'notifications', 'task-timers']),
      );
    });
  });

  describe('webhooks', () => {
    it('are managed by the coordinator and chairman, validated, and keep a log of signed deliveries', async () => {
      expect((await client.get('officer', '/webhooks')).status).toBe(403);
      const bad = await client.post('chairman', '/webhooks', {
        url: 'ftp://x',
        secret: 'short',
        events: [],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('url');
      expect(bad.body.message).toContain('secret');
      expect(bad.body.message).toContain('events');
      const list = await client.get('chairman', '/webhooks');
      expect(list.body).toEqual([
        expect.objectContaining({ id: webhookId, events: expect.any(Array), active: true }),
      ]);
      expect(list.body[0].secret).toBeUndefined();
      const log = await client.get('coordinator', `/webhooks/${webhookId}/deliveries`);
      expect(log.status).toBe(200);
      expect(log.body.length).toBeGreaterThan(0);
      expect(log.body.every((row: { status: string }) => row.status === 'delivered')).toBe(true);
    });

    it('retries a failed delivery with backoff until the receiver accepts it', async () => {
      const failures = new Map<string, number>();
      receiver.respond = (call) => {
        const failed = failures.get(call.body.key) ?? 0;
        if (failed >= 2) return 200;
        failures.set(call.body.key, failed + 1);
        return 503;
      };
      const taskId = await createTask(calendar.subtractWorkingDays(today, 1), 'Giao muộn');
      const delivered = await eventually(
        async () => {
          const log = (await client.get('coordinator', `/webhooks/${webhookId}/deliveries`))
            .body as { eventKey: string; status: string; attempts: number }[];
          const mine = log.find(
            (row) => row.eventKey.includes(taskId) && row.status === 'delivered',
          );
          return mine ?? null;
        },
        30_000,
        'the delivery after two failures',
      );
      expect(delivered.attempts).toBe(3);
      receiver.respond = () => 200;
    });
  });
});
