import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { runCli } from './support/run-cli';
import { startApi } from './support/test-app';

describe('working-day calendar: CLI and API', () => {
  let api: INestApplication;
  let client: ApiClient;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = (await freshEnvironment('calendar')).databaseUrl;
    api = await startApi(new ManualClock(new Date('2026-11-20T08:00:00+07:00')));
    client = new ApiClient(api.getHttpServer());
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('CLI', () => {
    const cli = (...args: string[]) => runCli(args, { DATABASE_URL: databaseUrl });

    it('converts solar to lunar and back (Vietnam, UTC+7)', () => {
      expect(JSON.parse(cli('lunar', '2007-02-17', '--json').stdout)).toEqual({
        day: 1,
        month: 1,
        year: 2007,
        leap: false,
      });
      expect(cli('solar', '1', '1', '2026').stdout.trim()).toBe('2026-02-17');
      expect(cli('solar', '15', '4', '2020', '--leap').stdout.trim()).toBe('2020-06-06');
    });

    it('counts working days across Tết Bính Ngọ', () => {
      expect(cli('workdays', 'add', '2026-02-12', '5').stdout.trim()).toBe('2026-02-26');
      expect(cli('workdays', 'between', '2026-02-12', '2026-02-26').stdout.trim()).toBe('5');
    });

    it("lists a year's days off with their source", () => {
      const days = JSON.parse(cli('holidays', '2026', '--json').stdout) as {
        date: string;
        kind: string;
        source: string;
      }[];
      expect(days).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ date: '2026-02-17', kind: 'day-off', source: 'official' }),
        ]),
      );
      expect(cli('holidays', '2030').stdout).toMatch(/Bộ luật Lao động/);
    });

    it('reads a deadline phrase, and refuses bad input in one line', () => {
      expect(
        JSON.parse(cli('deadline', 'Quý I/2026', '--year', '2026', '--json').stdout),
      ).toMatchObject({ kind: 'period', due: '2026-03-31' });
      const bad = cli('lunar', '17/02/2026');
      expect(bad.status).not.toBe(0);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    });
  });

  describe('API', () => {
    it('shows a year and lets the system administrator (not a ward coordinator) correct it, audited and used from then on', async () => {
      const before = (await client.get('officer', '/calendar/years/2027')).body;
      expect(before).toMatchObject({ year: 2027, source: 'statutory', edited: false });
      for (const role of ['officer', 'coordinator']) {
        const refused = await client.put(role, '/calendar/years/2027', {
          daysOff: [],
          makeUpWorkdays: [],
          source: 'x',
        });
        expect(refused.status).toBe(403);
      }

      const invalid = await client.put('system_admin', '/calendar/years/2027', {
        daysOff: [{ date: '2028-01-01', name: 'Sai năm' }],
        makeUpWorkdays: [],
        source: 'Thử',
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.fields[0].field).toBe('daysOff[0].date');

      const schedule = {
        ...before.schedule,
        daysOff: [
          ...before.schedule.daysOff,
          { date: '2027-01-04', name: 'Nghỉ hoán đổi (thử nghiệm)' },
        ],
        makeUpWorkdays: [{ date: '2027-01-09', name: 'Làm bù cho thứ Hai 04/01/2027' }],
        source: 'Thông báo thử nghiệm',
      };
      delete schedule.year;
      const saved = await client.put('system_admin', '/calendar/years/2027', schedule);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ edited: true, source: 'official' });
      const added = (await client.get('officer', '/calendar/workdays/add?date=2026-12-31&n=1'))
        .body;
      expect(added.result).toBe('2027-01-05');
      expect(
        runCli(['workdays', 'add', '2026-12-31', '1'], { DATABASE_URL: databaseUrl }).stdout.trim(),
      ).toBe('2027-01-05');
      const audit = (await api
        .get(DataSource)
        .query(
          "SELECT event_type, actor_role FROM audit_events WHERE instance_id = 'calendar-year-2027'",
        )) as object[];
      expect(audit).toEqual([{ event_type: 'SCHEDULE_REPLACED', actor_role: 'system_admin' }]);
    });
  });
});
