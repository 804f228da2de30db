import { INestApplication, INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { CalendarService } from '@cchc/calendar-store';
import { ManualClock } from '@cchc/common';
import { yearWithDayOff } from './support/calendar-edits';
import { demoWardIds } from './support/demo-ward-ids';
import { E2E_REDIS_URL, freshEnvironment, wipeRedis } from './support/e2e-env';
import { e2eRedisPrefix } from './support/e2e-resources';
import { ReportSession, vnTime } from './support/report-session';
import { describeWithSeed } from './support/seeds';
import { eventually, startApi, startWorker } from './support/test-app';

/*
 * A period's contribution timers (README "Periodic reports": reminders 3 working days before the
 * due day and on its morning, late at the end of it, escalations 3 and 10 working days after)
 * live in MySQL; Redis only holds those about to fire. Here Redis loses them just before each
 * one fires — this run's keys only, as a FLUSHALL would, never anyone else's — and a second
 * worker joins: each still fires exactly once, and escalations due together fire in order.
 */

const SUBJECT = 'report-contribution';

describeWithSeed('002', 'contribution timers: exactly once after Redis is flushed', (seedText) => {
  const clock = new ManualClock(vnTime('2026-02-25T09:00:00'));
  let api: INestApplication;
  const workers: INestApplicationContext[] = [];
  let s: ReportSession;
  let units: Record<string, string>;
  let reportId: string;
  let ids: string[];
  let vhxh: string;
  const redis = new Redis(E2E_REDIS_URL);

  beforeAll(async () => {
    await freshEnvironment('contribution_timers');
    Object.assign(process.env, { TIMER_FEED_MS: '100', TIMER_SWEEP_MS: '1000' });
    api = await startApi(clock);
    workers.push(await startWorker(clock));
    s = new ReportSession(api, clock);
    ({ units } = await demoWardIds(s.client));
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api?.close();
    redis.disconnect();
  });

  /** The contributions' timers still in MySQL, earliest first. */
  const pending = async () =>
    (await s.db.query(
      'SELECT id, subject_id, kind, level, fire_at FROM timers WHERE subject_type = ? AND subject_id IN (?) ORDER BY fire_at, id',
      [SUBJECT, ids],
    )) as { id: string; subject_id: string; kind: string; level: number; fire_at: Date }[];

  /** Which of these timers are queued in Redis (ahead of their moment, or due). */
  const queued = async (timerIds: string[]) =>
    (await redis.keys(`${e2eRedisPrefix()}:timers:timer-*`)).filter((key) =>
      timerIds.some((id) => key.endsWith(`:timer-${id}-at`) || key.endsWith(`:timer-${id}-now`)),
    );

  /** Each contribution's REMIND / DEADLINE_PASSED / ESCALATE events, in its audit. */
  const audited = async (id: string) => {
    const rows = (await s.db.query(
      `SELECT event_type, COUNT(*) AS n FROM audit_events
        WHERE instance_type = ? AND instance_id = ? GROUP BY event_type`,
      [SUBJECT, id],
    )) as { event_type: string; n: string }[];
    const count = (type: string) => Number(rows.find((row) => row.event_type === type)?.n ?? 0);
    return {
      remind: count('REMIND'),
      deadline: count('DEADLINE_PASSED'),
      escalate: count('ESCALATE'),
    };
  };

  /** Notifications by contribution, topic and user. */
  const notices = async () =>
    (await s.db.query(
      `SELECT n.subject_id, n.topic, u.username, COUNT(*) AS n FROM notifications n
         JOIN users u ON u.id = n.user_id
        WHERE n.subject_id IN (?) GROUP BY n.subject_id, n.topic, u.username`,
      [ids],
    )) as { subject_id: string; topic: string; username: string; n: string }[];

  /** A user's event on a contribution, at its current version. */
  const contributionEvent = async (username: string, id: string, event: object) => {
    const { contributions } = await s.report(reportId);
    const { version } = contributions.find((c: { id: string }) => c.id === id);
    return s.client.post(username, `/reports/${reportId}/contributions/${id}/events`, {
      ...event,
      version,
    });
  };

  /** Puts a timer for the contribution's current due date in MySQL, due now (an old job come back). */
  const timerDueNow = async (id: string, kind: string, level: number) => {
    const [{ due_date: dueDate }] = await s.db.query(
      "SELECT DATE_FORMAT(due_date, '%Y-%m-%d') AS due_date FROM report_contributions WHERE id = ?",
      [id],
    );
    await s.db.query(
      'INSERT INTO timers (subject_type, subject_id, kind, level, due_date, fire_at) VALUES (?, ?, ?, ?, ?, ?)',
      [SUBJECT, id, kind, level, dueDate, clock.now()],
    );
  };

  it('opens Q1 of seed 002: every contribution’s reminders and deadline are planned in MySQL', async () => {
    const imported = await s.importPlan(seedText());
    expect(imported.status).toBe(200);
    const opened = await s.open('quy', 2026, 1);
    reportId = opened.id;
    const contributions = opened.contributions as { id: string; unitId: string }[];
    ids = contributions.map((c) => c.id);
    vhxh = contributions.find((c) => c.unitId === units.VHXH)!.id;
    expect(ids.length).toBeGreaterThan(1);
    await s.quiet();
    const timers = await pending();
    for (const id of ids)
      expect(timers.filter((t) => t.subject_id === id).map((t) => `${t.kind} ${t.level}`)).toEqual([
        'remind 1',
        'remind 2',
        'deadline 1',
      ]);
  });

  it('plans every contribution’s timers again when the ward’s policy changes, and back when it is restored', async () => {
    const plannedAt = async () =>
      (await pending())
        .map((t) => `${t.subject_id} ${t.kind} ${t.level} ${t.fire_at.toISOString()}`)
        .sort();
    const before = await plannedAt();
    const { reminders, escalations } = (await s.client.get('coordinator', '/escalation-policy'))
      .body;
    const changed = await s.client.put('coordinator', '/escalation-policy', {
      reminders: [{ workingDaysBefore: 1, at: '14:00', to: ['leadUnitHead'] }],
      escalations: [{ workingDaysAfter: 3, to: ['chairman'] }],
    });
    expect(changed.status).toBe(200);
    await eventually(
      async () => {
        const timers = await pending();
        return ids.every((id) => {
          const own = timers.filter((t) => t.subject_id === id);
          // One reminder now, at 14:00 in Vietnam (07:00 UTC), then the deadline.
          return (
            own.map((t) => `${t.kind} ${t.level}`).join() === 'remind 1,deadline 1' &&
            own[0].fire_at.getUTCHours() === 7
          );
        });
      },
      20_000,
      'the timers of the new policy',
    );
    const restored = await s.client.put('coordinator', '/escalation-policy', {
      reminders,
      escalations,
    });
    expect(restored.status).toBe(200);
    await eventually(
      async () => JSON.stringify(await plannedAt()) === JSON.stringify(before),
      20_000,
      'the timers of the restored policy',
    );
    await s.quiet();
  });

  it('moves a contribution’s first reminder when its day becomes a day off, and back when the calendar is restored', async () => {
    const firstReminders = async () =>
      (await pending()).filter(
        (t) => t.subject_id === vhxh && t.kind === 'remind' && t.level === 1,
      );
    const [reminder] = await firstReminders();
    const day = reminder.fire_at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    const { original, withDayOff } = await yearWithDayOff(s.client, 2026, day);
    // The worker holds a copy of the calendar read just before the edit: plans must not use it.
    await workers[0].get(CalendarService).workingCalendar();
    let restored: number | undefined;
    try {
      expect((await s.client.put('system_admin', '/calendar/years/2026', withDayOff)).status).toBe(
        200,
      );
      await eventually(
        async () => {
          const [moved] = await firstReminders();
          return moved && moved.fire_at < reminder.fire_at;
        },
        20_000,
        'the reminder a working day earlier',
      );
    } finally {
      restored = (await s.client.put('system_admin', '/calendar/years/2026', original)).status;
    }
    expect(restored).toBe(200);
    await eventually(
      async () => (await firstReminders())[0]?.fire_at.getTime() === reminder.fire_at.getTime(),
      20_000,
      'the reminder back on its day',
    );
    await s.quiet();
  });

  it('fires the reminders, the late marking and both escalations, each once, though Redis loses them every time and a second worker joins', async () => {
    const fired: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const [next] = await pending();
      if (!next) break;
      const at = new Date(next.fire_at);
      fired.push(`${next.kind} ${next.level}`);
      // The feeders queue the timers due within their window; then Redis loses them all.
      const due = (await pending()).filter(
        (timer) => new Date(timer.fire_at).getTime() === at.getTime(),
      );
      clock.set(new Date(at.getTime() - 5_000));
      await eventually(
        async () => (await queued(due.map((timer) => timer.id))).length === due.length,
        10_000,
        `the feeders to queue ${due.length} timers ahead`,
      );
      // A feeder's sweep (every second here) may queue them again at once: wiped until none is.
      await eventually(
        async () => {
          await wipeRedis();
          return (await queued(due.map((timer) => timer.id))).length === 0;
        },
        10_000,
        `Redis to lose the ${due.length} timers`,
      );
      if (round === 0) workers.push(await startWorker(clock));
      // Their moment comes: the feeders' next sweep finds them in MySQL again.
      clock.set(new Date(at.getTime() + 1));
      await eventually(
        async () => (await pending()).every((timer) => new Date(timer.fire_at) > at),
        20_000,
        `the contributions' ${next.kind} ${next.level} to fire`,
      );
      await s.quiet();
      // VHXH sends its part after the first reminder: nothing more is due from it.
      if (round === 0) {
        const sent = await contributionEvent('officer', vhxh, {
          type: 'SUBMIT',
          results: 'Đã rà soát thủ tục hành chính lĩnh vực hộ tịch',
        });
        expect(sent.status).toBe(200);
        // Its timers are planned again (none left) by the worker's plan job.
        await s.quiet();
      }
    }
    expect(fired).toEqual(['remind 1', 'remind 2', 'deadline 1', 'escalate 1', 'escalate 2']);
    expect(await pending()).toEqual([]);

    const { contributions } = await s.report(reportId);
    for (const contribution of contributions as {
      id: string;
      reminded: number[];
      escalated: number[];
      late: boolean;
    }[]) {
      const silent = contribution.id !== vhxh;
      expect(contribution).toMatchObject({
        reminded: silent ? [1, 2] : [1],
        escalated: silent ? [1, 2] : [],
        late: silent,
      });
      expect(await audited(contribution.id)).toEqual(
        silent ? { remind: 2, deadline: 1, escalate: 2 } : { remind: 1, deadline: 0, escalate: 0 },
      );
    }
    // The chairman is told of each escalation of each silent unit, once.
    const told = await notices();
    const chairman = told.filter(
      (row) => row.topic === 'contribution.escalated' && row.username === 'chairman',
    );
    expect(chairman.map((row) => [row.subject_id, Number(row.n)]).sort()).toEqual(
      ids
        .filter((id) => id !== vhxh)
        .map((id) => [id, 2])
        .sort(),
    );
    // VHXH's head and officer had the first reminder only, once each.
    expect(
      told
        .filter((row) => row.subject_id === vhxh && row.topic === 'contribution.reminder')
        .map((row) => [row.username, Number(row.n)])
        .sort(),
    ).toEqual([
      ['officer', 1],
      ['unit_head', 1],
    ]);
  });

  it('refuses a timer delivered again for a level already fired: nothing is audited or told twice', async () => {
    const silent = ids.find((id) => id !== vhxh)!;
    const before = { audit: await audited(silent), notices: await notices() };
    // As if an old job came back: the slots fired already, due now.
    for (const [kind, level] of [
      ['remind', 2],
      ['deadline', 1],
      ['escalate', 1],
      ['escalate', 2],
    ] as const)
      await timerDueNow(silent, kind, level);
    await eventually(async () => (await pending()).length === 0, 20_000, 'the timers to be taken');
    await s.quiet();
    expect(await audited(silent)).toEqual(before.audit);
    expect(await notices()).toEqual(before.notices);
  });

  it('keeps a reminder left from before the deadline silent once the contribution is overdue', async () => {
    // Follows the tests above (run it with them): the clock is past every due date, and VHXH
    // sent its part after the first reminder. Returned now, it is planned its deadline alone,
    // which marks it overdue at once, then its escalations catch up.
    const returned = await contributionEvent('coordinator', vhxh, {
      type: 'RETURN',
      reason: 'Bổ sung số liệu',
    });
    expect(returned.status).toBe(200);
    await eventually(
      async () => (await audited(vhxh)).escalate === 2,
      20_000,
      'the returned contribution to be marked overdue and escalated',
    );
    await s.quiet();
    const before = { audit: await audited(vhxh), notices: await notices() };
    expect(before.audit).toEqual({ remind: 1, deadline: 1, escalate: 2 });
    // Both escalation levels were due at once, their jobs in the two workers' hands: the first
    // to run fired the lower level first.
    const escalations = (await s.db.query(
      "SELECT payload FROM audit_events WHERE instance_type = ? AND instance_id = ? AND event_type = 'ESCALATE' ORDER BY seq",
      [SUBJECT, vhxh],
    )) as { payload: { level: number } }[];
    expect(escalations.map((row) => row.payload.level)).toEqual([1, 2]);
    // As if its second reminder had been planned before the deadline and its job came late.
    await timerDueNow(vhxh, 'remind', 2);
    await eventually(
      async () => (await pending()).every((timer) => timer.kind !== 'remind'),
      20_000,
      'the late reminder to be taken',
    );
    await s.quiet();
    expect(await audited(vhxh)).toEqual(before.audit);
    expect(await notices()).toEqual(before.notices);
  });
});
