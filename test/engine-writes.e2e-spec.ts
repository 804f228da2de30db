import { INestApplication } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditVerification, GLOBAL_SCOPE } from '@cchc/audit';
import { CalendarService } from '@cchc/calendar-store';
import { ManualClock } from '@cchc/common';
import { Actor } from '@cchc/domain';
import { StaleVersionError, WorkflowEngine } from '@cchc/engine';
import { reformTaskPersistence } from '@cchc/tasks';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { eventually, startApi } from './support/test-app';

describe('engine writes (MariaDB)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;

  beforeAll(async () => {
    await freshEnvironment('engine_writes');
    api = await startApi(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('fails only the transition the database refuses; its neighbours in the group commit', async () => {
    const [unit] = (await db.query("SELECT id FROM org_units WHERE code = 'VHXH'")) as {
      id: string;
    }[];
    const [officer] = (await db.query("SELECT id FROM users WHERE username = 'officer'")) as {
      id: string;
    }[];
    const [leader] = (await db.query("SELECT id FROM users WHERE username = 'leader'")) as {
      id: string;
    }[];
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const created = await client.post('coordinator', '/tasks', {
        title: `Rà soát thủ tục hành chính số ${i + 1}`,
        leadUnitId: unit.id,
        leaderId: leader.id,
        dueDate: '2026-12-31',
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id as string);
    }
    const engine = api.get(WorkflowEngine);
    const actor: Actor = { kind: 'user', userId: officer.id, role: 'officer', unitId: unit.id };
    const faulty = 12;
    // Sent together, so that the engine writes them in a few groups; the audit reason of one
    // is longer than its TEXT column.
    const outcomes = await Promise.allSettled(
      ids.map((id, i) =>
        engine.send(
          reformTaskPersistence,
          id,
          { type: 'START', ...(i === faulty ? { reason: 'x'.repeat(70_000) } : {}) } as never,
          actor,
          1,
        ),
      ),
    );
    const refused = outcomes.flatMap((outcome, i) => (outcome.status === 'rejected' ? [i] : []));
    expect(refused).toEqual([faulty]);
    expect(String((outcomes[faulty] as PromiseRejectedResult).reason)).toMatch(/too long/i);
    const states = (await db.query('SELECT id, state, version FROM reform_tasks WHERE id IN (?)', [
      ids,
    ])) as { id: string; state: string; version: number }[];
    const byId = new Map(states.map((row) => [row.id, row]));
    ids.forEach((id, i) =>
      expect(byId.get(id)).toMatchObject(
        i === faulty ? { state: 'assigned', version: 1 } : { state: 'inProgress', version: 2 },
      ),
    );
    const [{ audits }] = (await db.query(
      "SELECT COUNT(*) AS audits FROM audit_events WHERE instance_id IN (?) AND event_type = 'START'",
      [ids],
    )) as { audits: string }[];
    expect(Number(audits)).toBe(ids.length - 1);
  });

  it("answers a stale transition in a group as stale and writes only the winners' rows", async () => {
    const [unit] = (await db.query("SELECT id FROM org_units WHERE code = 'VHXH'")) as {
      id: string;
    }[];
    const [officer] = (await db.query("SELECT id FROM users WHERE username = 'officer'")) as {
      id: string;
    }[];
    const [leader] = (await db.query("SELECT id FROM users WHERE username = 'leader'")) as {
      id: string;
    }[];
    const ids: string[] = [];
    for (let i = 0; i < 13; i++) {
      const created = await client.post('coordinator', '/tasks', {
        title: `Kiểm tra việc niêm yết thủ tục số ${i + 1}`,
        leadUnitId: unit.id,
        leaderId: leader.id,
        dueDate: '2026-12-31',
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id as string);
    }
    const engine = api.get(WorkflowEngine);
    const actor: Actor = { kind: 'user', userId: officer.id, role: 'officer', unitId: unit.id };
    // What a step writes besides its row and audit event: the leader's notification, whose topic
    // tells which step wrote it.
    const topics = async (): Promise<Map<string, string[]>> => {
      const rows = (await db.query(
        'SELECT subject_id, topic FROM notifications WHERE subject_id IN (?) AND topic <> ?',
        [ids, 'task.assigned'],
      )) as { subject_id: string; topic: string }[];
      const byTask = new Map<string, string[]>();
      for (const row of rows)
        byTask.set(row.subject_id, [...(byTask.get(row.subject_id) ?? []), row.topic]);
      return byTask;
    };
    await engine.send(reformTaskPersistence, ids[0], { type: 'START' } as never, actor, 1);
    expect(await topics()).toEqual(new Map([[ids[0], ['task.started']]]));
    const racing = ids.slice(1);
    // A START and an extension request of each task at version 1, sent together: they share
    // groups, one of each pair wins, and only the winner's notification is written.
    const extension = {
      type: 'REQUEST_EXTENSION',
      proposedDueDate: '2027-01-29',
      reason: 'Chờ ý kiến sở',
    };
    const outcomes = await Promise.allSettled(
      racing.flatMap((id) =>
        [{ type: 'START' }, extension].map((event) =>
          engine.send(reformTaskPersistence, id, event as never, actor, 1),
        ),
      ),
    );
    const winners = racing.map((_, i) => {
      const pair = outcomes.slice(2 * i, 2 * i + 2);
      expect(pair.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const lost = pair.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(StaleVersionError);
      return pair[0].status === 'fulfilled' ? 'task.started' : 'task.extension.requested';
    });
    const [{ audits }] = (await db.query(
      "SELECT COUNT(*) AS audits FROM audit_events WHERE instance_id IN (?) AND event_type IN ('START', 'REQUEST_EXTENSION')",
      [racing],
    )) as { audits: string }[];
    expect(Number(audits)).toBe(racing.length);
    expect(await topics()).toEqual(
      new Map([
        [ids[0], ['task.started']],
        ...racing.map((id, i): [string, string[]] => [id, [winners[i]]]),
      ]),
    );
    const versions = (await db.query('SELECT DISTINCT version FROM reform_tasks WHERE id IN (?)', [
      ids,
    ])) as { version: number }[];
    expect(versions).toEqual([{ version: 2 }]);
  });

  it("writes a task's plan job only with a step that can change its timers", async () => {
    const [unit] = (await db.query("SELECT id FROM org_units WHERE code = 'VHXH'")) as {
      id: string;
    }[];
    const users = (await db.query(
      "SELECT id, username FROM users WHERE username IN ('officer', 'chairman')",
    )) as { id: string; username: string }[];
    const userId = (name: string) => users.find((user) => user.username === name)?.id as string;
    const officer: Actor = {
      kind: 'user',
      userId: userId('officer'),
      role: 'officer',
      unitId: unit.id,
    };
    const chairman: Actor = {
      kind: 'user',
      userId: userId('chairman'),
      role: 'chairman',
      unitId: null,
    };
    const created = await client.post('coordinator', '/tasks', {
      title: 'Rà soát quy trình nội bộ giải quyết thủ tục hành chính',
      leadUnitId: unit.id,
      dueDate: '2026-12-31',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const jobsOf = async (seq: number): Promise<string[]> =>
      (
        (await db.query(
          "SELECT job_name FROM outbox WHERE JSON_VALUE(payload, '$.instanceId') = ? " +
            "AND JSON_VALUE(payload, '$.seq') = ? ORDER BY job_name",
          [id, seq],
        )) as { job_name: string }[]
      ).map((row) => row.job_name);
    const steps: [Actor, Record<string, unknown>][] = [
      [officer, { type: 'START' }],
      [officer, { type: 'SUBMIT_REPORT', report: 'Đã rà soát xong' }],
      [chairman, { type: 'RETURN', reason: 'Thiếu danh mục quy trình' }],
      [
        officer,
        { type: 'REQUEST_EXTENSION', proposedDueDate: '2027-01-29', reason: 'Chờ ý kiến sở' },
      ],
      [chairman, { type: 'DECIDE_EXTENSION', decision: 'approve' }],
      [officer, { type: 'SUBMIT_REPORT', report: 'Đã bổ sung danh mục' }],
      [chairman, { type: 'APPROVE' }],
    ];
    for (const [i, [actor, event]] of steps.entries())
      await api.get(WorkflowEngine).send(reformTaskPersistence, id, event as never, actor, i + 1);
    const jobs = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(jobsOf));
    const plans = jobs.map((names) => names.includes('plan'));
    // A job at creation, none at START (still before its due date), one when reported (its
    // timers dropped) and returned, none for an extension asked for, one when granted (a new due
    // date) and reported again, none when accepted (nothing to wait for before or after).
    expect(plans).toEqual([true, false, true, true, false, true, true, false]);
    // Its notification is written in the transaction itself, not by a job, and a task outside a
    // group has no group to complete: no `settled` job (plans-commit: one with a group has it).
    expect(jobs[7]).toEqual([]);
    expect(
      await db.query(
        "SELECT topic FROM notifications WHERE dedupe_key = CONCAT('reform-task:', ?, ':8:task.accepted') LIMIT 1",
        [id],
      ),
    ).toEqual([{ topic: 'task.accepted' }]);
  });

  describe("locks the task's ward before its row, so that writes of one ward take its counters in turn", () => {
    let unit: { id: string; ward_id: string };
    let actor: Actor;

    beforeAll(async () => {
      [unit] = (await db.query("SELECT id, ward_id FROM org_units WHERE code = 'VHXH'")) as {
        id: string;
        ward_id: string;
      }[];
      const [officer] = (await db.query("SELECT id FROM users WHERE username = 'officer'")) as {
        id: string;
      }[];
      actor = { kind: 'user', userId: officer.id, role: 'officer', unitId: unit.id };
    });

    const createTask = async (title: string) => {
      const created = await client.post('coordinator', '/tasks', {
        title,
        leadUnitId: unit.id,
        dueDate: '2026-12-31',
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };

    /**
     * Starts `write` while another transaction holds the ward's row: it must wait for it having
     * changed nothing and, when it writes a task, without holding that task's row.
     */
    const waitsForTheWard = async (write: () => Promise<unknown>, taskId?: string) => {
      const holder = db.createQueryRunner();
      await holder.startTransaction('READ COMMITTED');
      let written: Promise<unknown> | undefined;
      let outcome = 'pending';
      try {
        await holder.query('SELECT id FROM wards WHERE id = ? FOR UPDATE', [unit.ward_id]);
        written = write().then(
          () => (outcome = 'written'),
          (error: Error) => (outcome = `failed: ${error.message}`),
        );
        // What the server and the pool showed last, said if the wait never shows (a rare failure
        // in CI, on Node 22): the connections of this database and whether the write settled.
        let seen: unknown[] = [];
        let connections: unknown[] = [];
        const waiting = await eventually(
          async () => {
            connections = (await db.query(
              `SELECT COMMAND AS command, STATE AS state, LEFT(INFO, 120) AS info
                 FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()`,
            )) as unknown[];
            const rows = (await db.query(
              `SELECT trx.trx_rows_modified AS modified, trx.trx_state AS state,
                      LEFT(trx.trx_query, 300) AS query
                 FROM information_schema.INNODB_TRX trx
                 JOIN information_schema.PROCESSLIST list ON list.ID = trx.trx_mysql_thread_id
                WHERE list.DB = DATABASE()`,
            )) as { modified: string; state: string; query: string | null }[];
            seen = rows;
            const waits = rows.filter(
              (row) =>
                row.state === 'LOCK WAIT' &&
                /FROM wards WHERE id IN[\s\S]*FOR UPDATE/.test(row.query ?? ''),
            );
            return waits.length === 1 ? waits : null;
          },
          20_000,
          "the write waiting for the ward's row",
        ).catch((error: Error) => {
          throw new Error(
            `${error.message}; the write: ${outcome}; transactions seen last: ${JSON.stringify(
              seen,
            )}; connections: ${JSON.stringify(connections)}; pool: ${JSON.stringify(poolState())}`,
          );
        });
        expect(Number(waiting[0].modified)).toBe(0);
        if (taskId)
          await db.transaction((manager) =>
            manager.query('SELECT id FROM reform_tasks WHERE id = ? FOR UPDATE NOWAIT', [taskId]),
          );
      } finally {
        await holder.commitTransaction();
        await holder.release();
      }
      await written;
      expect(outcome).toBe('written');
    };

    /** The driver pool's connections (mysql2's own fields), for the diagnosis above. */
    const poolState = () => {
      // Undefined with a read replica (a pool cluster): then there is nothing to tell.
      const pool = (db.driver as unknown as { pool?: Record<string, { length: number }> }).pool;
      return {
        all: pool?._allConnections?.length,
        free: pool?._freeConnections?.length,
        queued: pool?._connectionQueue?.length,
      };
    };

    const start = (taskId: string, manager?: EntityManager) =>
      api
        .get(WorkflowEngine)
        .send(reformTaskPersistence, taskId, { type: 'START' } as never, actor, 1, manager);

    const versionOf = async (taskId: string) =>
      (
        (await db.query('SELECT state, version FROM reform_tasks WHERE id = ?', [taskId])) as {
          state: string;
          version: number;
        }[]
      )[0];

    it('in a group commit', async () => {
      const taskId = await createTask('Niêm yết thủ tục hành chính tại bộ phận một cửa');
      await waitsForTheWard(() => start(taskId), taskId);
      expect(await versionOf(taskId)).toEqual({ state: 'inProgress', version: 2 });
    });

    it("in a caller's transaction", async () => {
      const taskId = await createTask('Rà soát quy trình nội bộ giải quyết thủ tục');
      await waitsForTheWard(() => db.transaction((manager) => start(taskId, manager)), taskId);
      expect(await versionOf(taskId)).toEqual({ state: 'inProgress', version: 2 });
    });

    it('when a caller locks the task to write it (WorkflowEngine.lockRow)', async () => {
      const taskId = await createTask('Cập nhật danh mục thủ tục hành chính của phường');
      await waitsForTheWard(
        () =>
          db.transaction('READ COMMITTED', (manager) =>
            api.get(WorkflowEngine).lockRow(manager, reformTaskPersistence, taskId, unit.ward_id),
          ),
        taskId,
      );
    });

    it('when a task is created', async () => {
      let taskId = '';
      await waitsForTheWard(
        async () => (taskId = await createTask('Công khai kết quả giải quyết hồ sơ trực tuyến')),
      );
      expect(await versionOf(taskId)).toEqual({ state: 'assigned', version: 1 });
    });
  });

  it('numbers concurrent edits of one calendar year one after another', async () => {
    const calendar = api.get(CalendarService);
    const [coordinator] = (await db.query(
      "SELECT id FROM users WHERE username = 'coordinator'",
    )) as { id: string }[];
    const actor: Actor = {
      kind: 'user',
      userId: coordinator.id,
      role: 'coordinator',
      unitId: null,
    };
    const { year, ...schedule } = (await calendar.year(2027)).schedule;
    expect(year).toBe(2027);
    await Promise.all(Array.from({ length: 6 }, () => calendar.replaceYear(2027, schedule, actor)));
    const seqs = (await db.query(
      "SELECT seq FROM audit_events WHERE instance_id = 'calendar-year-2027' ORDER BY seq",
    )) as { seq: number }[];
    expect(seqs.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // ... and each links to the one before it: the hash chain holds under concurrent appends.
    const report = await api.get(AuditVerification).verify({ wardId: GLOBAL_SCOPE });
    expect(report).toMatchObject({ ok: true, breaks: [] });
    expect(report.events).toBeGreaterThanOrEqual(6);
  });
});
