import { initialTransition, transition } from 'xstate';
import { WorkingCalendar } from '@cchc/calendar';
import { Actor, DossierEventType, IsoDate, SYSTEM_ACTOR } from '@cchc/domain';
import { refusal, tthcDossierMachine, tthcDossierWorkflow } from '@cchc/workflows';
import { appointmentAfter, calendarFigures, nonWorkingAppointment } from './appointment-dates';
import { tthcDossierPersistence } from './dossier.persistence';

/*
 * Walks the dossier machine the way the server drives it: each event dated, its working-day
 * figures computed with the real working calendar (Tết Bính Ngọ off 14/2–22/2/2026, Friday
 * 2/1/2026 off and Saturday 10/1/2026 worked instead), across weekends, with a supplement
 * pause before or after the appointment.
 */
const calendar = new WorkingCalendar();
const UNIT = 'unit-VHXH';
const user = (role: 'officer' | 'unit_head' | 'one_stop_officer'): Actor => ({
  kind: 'user',
  userId: role,
  role,
  unitId: role === 'one_stop_officer' ? 'desk' : UNIT,
});
const SENDER: Record<DossierEventType, Actor> = {
  START_PROCESSING: user('one_stop_officer'),
  REQUEST_SUPPLEMENT: user('officer'),
  SUPPLEMENT_RECEIVED: user('one_stop_officer'),
  RECORD_RESULT: user('officer'),
  RETURN_RESULT: user('one_stop_officer'),
  REPORT_DELAY: user('officer'),
  APPROVE_APOLOGY: user('unit_head'),
  APPOINTMENT_MISSED: SYSTEM_ACTOR,
  REJECT: user('unit_head'),
  WITHDRAW: user('one_stop_officer'),
};
const REASONS: Partial<Record<DossierEventType, Record<string, string>>> = {
  REQUEST_SUPPLEMENT: { reason: 'Thiếu bản sao giấy tờ tùy thân' },
  REPORT_DELAY: { reason: 'Chờ kết quả xác minh' },
  APPROVE_APOLOGY: { reason: 'Chờ kết quả xác minh' },
};

type Snapshot = ReturnType<typeof initialTransition<typeof tthcDossierMachine>>[0];

/** A dossier received on `receivedOn` for a procedure of `days` working days. */
function receive(receivedOn: IsoDate, days: number) {
  const appointmentDate = appointmentAfter(calendar, receivedOn, days);
  const [snapshot] = initialTransition(tthcDossierMachine, {
    handlingUnitId: UNIT,
    receivedOn,
    processingDays: days,
    appointmentDate,
  });
  let current: Snapshot = snapshot;
  const started: number[] = [];
  return {
    /** Sends the event on `today` with the server's figures; fails the test if refused. */
    send(type: DossierEventType, today: IsoDate, fields: Record<string, unknown> = {}) {
      const event = {
        type,
        ...REASONS[type],
        ...calendarFigures(calendar, type, today, current.context),
        ...fields,
        actor: SENDER[type],
        today,
      } as never;
      expect(refusal(tthcDossierWorkflow, current, event)).toBeNull();
      const [next, actions] = transition(tthcDossierMachine, current, event);
      for (const action of actions) {
        if (action.type === 'startApology')
          started.push((action.params as { round: number }).round);
      }
      current = next;
      return this;
    },
    refused(type: DossierEventType, today: IsoDate, fields: Record<string, unknown> = {}) {
      const event = {
        type,
        ...REASONS[type],
        ...calendarFigures(calendar, type, today, current.context),
        ...fields,
        actor: SENDER[type],
        today,
      } as never;
      return refusal(tthcDossierWorkflow, current, event);
    },
    get state() {
      return current.value;
    },
    get context() {
      return current.context;
    },
    /** The mirrored `late` column the figures count. */
    get late() {
      return tthcDossierPersistence.project(current).late;
    },
    /** Apology rounds started, in order. */
    started,
  };
}

describe('appointmentAfter', () => {
  it.each([
    // Counting starts the working day after receipt; Tết 14–22/2/2026 is skipped.
    ['2026-02-12', 5, '2026-02-26'],
    ['2026-02-13', 1, '2026-02-23'],
    // Received on a Tết day: the first day counted is Monday 23/2.
    ['2026-02-16', 2, '2026-02-24'],
    // Friday 2/1/2026 is off, Saturday 10/1/2026 is worked.
    ['2025-12-31', 2, '2026-01-06'],
    ['2026-01-07', 3, '2026-01-10'],
    // No working day left: the day itself if it is a working day, else the next one.
    ['2026-02-26', 0, '2026-02-26'],
    ['2026-02-28', 0, '2026-03-02'],
    ['2026-02-14', 0, '2026-02-23'],
    ['2026-01-10', 0, '2026-01-10'],
  ])('%s + %d working days → %s', (from, days, expected) => {
    const date = appointmentAfter(calendar, from, days);
    expect(date).toBe(expected);
    expect(calendar.isWorkingDay(date)).toBe(true);
  });
});

describe('nonWorkingAppointment', () => {
  it.each([
    ['2026-02-21', 'Tết'],
    ['2026-02-28', 'a Saturday'],
    ['2026-01-02', 'a weekday off for the swap'],
  ])('refuses %s (%s), naming the field and a working day', (date) => {
    expect(nonWorkingAppointment(calendar, 'newAppointmentDate', date)).toMatch(
      /^newAppointmentDate: ngày .* không phải ngày làm việc.*ví dụ \d{2}\/\d{2}\/2026$/,
    );
  });

  it('accepts working days, the swapped Saturday included', () => {
    expect(nonWorkingAppointment(calendar, 'proposedDate', '2026-01-10')).toBeNull();
    expect(nonWorkingAppointment(calendar, 'proposedDate', '2026-02-23')).toBeNull();
  });
});

describe('dossier lifecycle on the working calendar', () => {
  it('issue 11 repro: events after the missed appointment, before the timer, end late', () => {
    const dossier = receive('2026-02-12', 5);
    expect(dossier.context.appointmentDate).toBe('2026-02-26');
    // Sunday 29/11/2026, long after the appointment, in quick succession.
    const day = '2026-11-29';
    dossier.send('START_PROCESSING', day);
    expect(dossier.context).toMatchObject({ overdue: true, apologyRound: 1 });
    dossier.send('REQUEST_SUPPLEMENT', day);
    expect(dossier.context.remainingWorkingDays).toBe(
      -calendar.workingDaysBetween('2026-02-26', day),
    );
    expect(dossier.context.remainingWorkingDays).toBeLessThan(-150);
    dossier.send('SUPPLEMENT_RECEIVED', day);
    expect(dossier.context.appointmentDate).toBe('2026-02-26');
    dossier.send('RECORD_RESULT', day).send('RETURN_RESULT', day);
    expect(dossier.state).toBe('returned');
    expect(dossier.context).toMatchObject({ overdue: true, resultLate: true, returnedLate: true });
    expect(dossier.late).toBe(true);
    expect(dossier.started).toEqual([1]);
  });

  it('a pause before the appointment, across Tết, gives the days back: returned early', () => {
    const dossier = receive('2026-02-09', 5);
    expect(dossier.context.appointmentDate).toBe('2026-02-23');
    dossier.send('START_PROCESSING', '2026-02-10').send('REQUEST_SUPPLEMENT', '2026-02-11');
    // 12, 13 and 23 February are left (Tết in between).
    expect(dossier.context.remainingWorkingDays).toBe(3);
    // The supplement arrives on Tuesday 24/2: 25, 26, 27 February.
    dossier.send('SUPPLEMENT_RECEIVED', '2026-02-24');
    expect(dossier.context.appointmentDate).toBe('2026-02-27');
    // A day after the original appointment, but before the new one: nothing missed.
    dossier.send('RECORD_RESULT', '2026-02-25').send('RETURN_RESULT', '2026-02-26');
    expect(dossier.context).toMatchObject({ overdue: false, apologyRound: 0 });
    expect(dossier.late).toBe(false);
    expect(dossier.context.returnedOn).toBe('2026-02-26');
    expect(dossier.context.appointmentDate).toBe('2026-02-27');
  });

  it('a pause on the appointment day, resumed on a Saturday, sets the next Monday', () => {
    const dossier = receive('2026-02-12', 5);
    dossier.send('START_PROCESSING', '2026-02-13').send('REQUEST_SUPPLEMENT', '2026-02-26');
    expect(dossier.context.remainingWorkingDays).toBe(0);
    dossier.send('SUPPLEMENT_RECEIVED', '2026-02-28');
    expect(dossier.context.appointmentDate).toBe('2026-03-02');
    dossier.send('RECORD_RESULT', '2026-03-02').send('RETURN_RESULT', '2026-03-02');
    expect(dossier.late).toBe(false);
    expect(dossier.context.returnedOn).toBe(dossier.context.appointmentDate);
  });

  it('a pause after the appointment keeps the overrun: still overdue after the supplement', () => {
    const dossier = receive('2026-02-12', 5);
    dossier.send('START_PROCESSING', '2026-02-13');
    // Monday 2/3: 27/2 and 2/3 overrun.
    dossier.send('REQUEST_SUPPLEMENT', '2026-03-02');
    expect(dossier.context).toMatchObject({ remainingWorkingDays: -2, overdue: true });
    expect(dossier.started).toEqual([1]);
    expect(
      dossier.refused('SUPPLEMENT_RECEIVED', '2026-03-04', { newAppointmentDate: '2026-03-06' }),
    ).toMatchObject({ kind: 'precondition' });
    dossier.send('SUPPLEMENT_RECEIVED', '2026-03-04');
    expect(dossier.context).toMatchObject({ appointmentDate: '2026-02-26', overdue: true });
    // The timer comes late: the miss was recorded once already.
    expect(dossier.refused('APPOINTMENT_MISSED', '2026-03-04')).toMatchObject({
      kind: 'precondition',
    });
    dossier.send('APPROVE_APOLOGY', '2026-03-05', { newAppointmentDate: '2026-03-10' });
    expect(dossier.context).toMatchObject({ appointmentDate: '2026-03-10', overdue: false });
    dossier.send('RECORD_RESULT', '2026-03-09').send('RETURN_RESULT', '2026-03-10');
    expect(dossier.late).toBe(true);
    expect(dossier.started).toEqual([1]);
  });

  it('a pause on the weekend after a Friday appointment still records the miss', () => {
    // Appointment Friday 27/2/2026; Saturday 28/2 has no working day overrun yet.
    const dossier = receive('2026-02-12', 6);
    expect(dossier.context.appointmentDate).toBe('2026-02-27');
    dossier.send('START_PROCESSING', '2026-02-13').send('REQUEST_SUPPLEMENT', '2026-02-28');
    expect(dossier.context).toMatchObject({ remainingWorkingDays: 0, overdue: true });
    dossier.send('SUPPLEMENT_RECEIVED', '2026-03-02');
    expect(dossier.context).toMatchObject({ appointmentDate: '2026-02-27', overdue: true });
    expect(dossier.late).toBe(true);
  });

  it('the swapped Saturday is a working appointment; the Sunday after it is a miss', () => {
    const dossier = receive('2026-01-07', 3);
    expect(dossier.context.appointmentDate).toBe('2026-01-10');
    dossier.send('START_PROCESSING', '2026-01-08');
    dossier.send('RECORD_RESULT', '2026-01-10').send('RETURN_RESULT', '2026-01-10');
    expect(dossier.late).toBe(false);

    const missed = receive('2026-01-07', 3);
    missed.send('START_PROCESSING', '2026-01-08').send('RECORD_RESULT', '2026-01-11');
    expect(missed.context).toMatchObject({ overdue: true, resultLate: true });
    expect(missed.started).toEqual([1]);
  });

  it('a pause across the swap: Friday 2/1 off, Saturday 10/1 counted', () => {
    const dossier = receive('2025-12-29', 5);
    // 30, 31/12, (1/1 and 2/1 off), 5, 6, 7/1.
    expect(dossier.context.appointmentDate).toBe('2026-01-07');
    dossier.send('START_PROCESSING', '2025-12-30').send('REQUEST_SUPPLEMENT', '2025-12-31');
    // 5, 6 and 7 January.
    expect(dossier.context.remainingWorkingDays).toBe(3);
    dossier.send('SUPPLEMENT_RECEIVED', '2026-01-07');
    // 8, 9, 10 (the worked Saturday).
    expect(dossier.context.appointmentDate).toBe('2026-01-10');
  });

  it('the timer and a late event do not start two slips for one missed appointment', () => {
    const dossier = receive('2026-02-12', 5);
    dossier.send('START_PROCESSING', '2026-02-13').send('APPOINTMENT_MISSED', '2026-02-26');
    dossier.send('RECORD_RESULT', '2026-03-02');
    expect(dossier.started).toEqual([1]);
    expect(dossier.context.apologyRound).toBe(1);
  });

  it('the new appointment of a slip, missed in turn, starts the next round on the next event', () => {
    const dossier = receive('2026-02-12', 5);
    dossier.send('START_PROCESSING', '2026-02-27');
    dossier.send('APPROVE_APOLOGY', '2026-03-02', { newAppointmentDate: '2026-03-04' });
    dossier.send('REQUEST_SUPPLEMENT', '2026-03-05');
    expect(dossier.started).toEqual([1, 2]);
    expect(dossier.context.remainingWorkingDays).toBe(-1);
  });

  it('a dossier rejected after its appointment is marked overdue but starts no slip', () => {
    const dossier = receive('2026-02-12', 5);
    dossier.send('REJECT', '2026-03-02', { reason: 'Không thuộc thẩm quyền' });
    expect(dossier.state).toBe('rejected');
    expect(dossier.context.overdue).toBe(true);
    expect(dossier.started).toEqual([]);
  });
});
