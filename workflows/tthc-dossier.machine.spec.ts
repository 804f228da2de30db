import { initialTransition } from 'xstate';
import {
  DOSSIER_EVENT_TYPES,
  DOSSIER_FINAL_STATES,
  DOSSIER_STATES,
  DossierContext,
  DossierEvent,
  DossierEventType,
  DossierNotifyEffect,
  DossierState,
  IsoDate,
} from '@cchc/domain';
import { tthcDossierMachine } from './tthc-dossier.machine';
import { tthcDossierWorkflow } from './tthc-dossier.workflow';
import { refusal } from './workflow-definition';
import {
  ACTOR_NAMES,
  ActorName,
  actors,
  AFTER,
  APPOINTMENT,
  baseContext,
  BEFORE,
  contextIn,
  DELAY_REASON,
  delayPending,
  EmittedAction,
  input,
  LATER,
  MUCH_LATER,
  overduePending,
  PAUSED_ON,
  pendingDelayApology,
  pendingOverdueApology,
  RESUMED_APPOINTMENT,
  send,
  SLIP_REASON,
  Snapshot,
  snapshotIn,
  validEvent,
} from './tthc-dossier.fixtures';

/** Asserts the event is refused with this kind and that the machine does not move. */
function expectRefused(
  snapshot: Snapshot,
  event: DossierEvent,
  kind: 'state' | 'role' | 'precondition',
) {
  expect(snapshot.can(event)).toBe(false);
  const r = refusal(tthcDossierWorkflow, snapshot, event);
  expect(r?.kind).toBe(kind);
  const result = send(snapshot, event);
  expect(result.snapshot.value).toEqual(snapshot.value);
  expect(result.snapshot.context).toEqual(snapshot.context);
  expect(result.actions).toEqual([]);
  return r!;
}

/** Asserts the event is accepted and returns the transition's result. */
function expectAccepted(snapshot: Snapshot, event: DossierEvent) {
  expect(refusal(tthcDossierWorkflow, snapshot, event)).toBeNull();
  expect(snapshot.can(event)).toBe(true);
  return send(snapshot, event);
}

const notice = (topic: string, ...to: DossierNotifyEffect['to']): EmittedAction => ({
  type: 'notify',
  params: { to, topic },
});

/** The actions of a slip approved with `newAppointmentDate`, replacing `appointmentDate`. */
const approvedSlip = (
  round: number,
  newAppointmentDate: IsoDate,
  reason: string,
  appointmentDate: IsoDate = APPOINTMENT,
): EmittedAction[] => [
  { type: 'issueApology', params: { round, newAppointmentDate, reason, appointmentDate } },
  notice('dossier.appointment.rescheduled', 'handlingUnit', 'oneStop'),
];

/** Helpers for events with a payload. */
const supplementRequest = (
  remainingWorkingDays: number,
  today: IsoDate = BEFORE,
  reason = 'Thiếu tờ khai',
): DossierEvent => ({
  type: 'REQUEST_SUPPLEMENT',
  actor: actors.officer,
  today,
  reason,
  remainingWorkingDays,
});
const supplementReceived = (
  newAppointmentDate: IsoDate,
  today: IsoDate = BEFORE,
): DossierEvent => ({
  type: 'SUPPLEMENT_RECEIVED',
  actor: actors.oneStop,
  today,
  newAppointmentDate,
});
const delay = (
  proposedDate: IsoDate,
  today: IsoDate = BEFORE,
  reason = DELAY_REASON,
): DossierEvent => ({
  type: 'REPORT_DELAY',
  actor: actors.officer,
  today,
  reason,
  proposedDate,
});
const approve = (newAppointmentDate: IsoDate, today: IsoDate, reason?: string): DossierEvent => ({
  type: 'APPROVE_APOLOGY',
  actor: actors.unitHead,
  today,
  newAppointmentDate,
  ...(reason === undefined ? {} : { reason }),
});
const missed = (today: IsoDate): DossierEvent =>
  validEvent('APPOINTMENT_MISSED', actors.system, today);

describe('tthcDossierMachine', () => {
  describe('creation', () => {
    it('starts in `received` with the appointment of the receipt and tells the handling unit', () => {
      const [snapshot, actions] = initialTransition(tthcDossierMachine, input);
      expect(tthcDossierMachine.id).toBe('tthcDossier');
      expect(snapshot.value).toBe('received');
      expect(snapshot.status).toBe('active');
      expect(snapshot.context).toEqual(baseContext);
      expect(actions.map((a) => ({ type: a.type, params: a.params }))).toEqual([
        notice('dossier.received', 'handlingUnit'),
      ]);
    });
  });

  /*
   * Every state × every event type, sent by its normal sender with a valid payload (an
   * APPROVE_APOLOGY is sent with a delay slip pending). A listed cell is accepted: resulting
   * state, whole context and every emitted action asserted. An unlisted cell is refused with
   * kind 'state' and changes nothing.
   */
  describe('state × event matrix', () => {
    interface Accepted {
      state: DossierState;
      context: Partial<DossierContext>;
      emitted: EmittedAction[];
    }
    // Closed on the event's day (BEFORE, validEvent's), recorded for figures as of a cut-off.
    const rejected: Accepted = {
      state: 'rejected',
      context: { closedOn: BEFORE },
      emitted: [notice('dossier.rejected', 'oneStop')],
    };
    const withdrawn: Accepted = {
      state: 'withdrawn',
      context: { closedOn: BEFORE },
      emitted: [notice('dossier.withdrawn', 'handlingUnit')],
    };
    const approved = (state: DossierState): Accepted => ({
      state,
      context: {
        appointmentDate: LATER,
        delayReported: false,
        overdue: false,
        apologyRound: 1,
        apologyPending: null,
      },
      emitted: approvedSlip(1, LATER, SLIP_REASON),
    });
    const missedHere = (state: DossierState): Accepted => ({
      state,
      context: {
        overdue: true,
        apologyRound: 1,
        apologyPending: pendingOverdueApology,
        lateSince: APPOINTMENT,
      },
      emitted: [
        {
          type: 'startApology',
          params: { round: 1, reason: 'overdue', appointmentDate: APPOINTMENT },
        },
        notice('dossier.overdue', 'handlingUnit'),
      ],
    });

    const MATRIX: Record<DossierState, Partial<Record<DossierEventType, Accepted>>> = {
      received: {
        START_PROCESSING: {
          state: 'processing',
          context: {},
          emitted: [notice('dossier.processing', 'oneStop')],
        },
        APPROVE_APOLOGY: approved('received'),
        APPOINTMENT_MISSED: missedHere('received'),
        REJECT: rejected,
        WITHDRAW: withdrawn,
      },
      processing: {
        REQUEST_SUPPLEMENT: {
          state: 'supplementRequested',
          context: { pausedOn: BEFORE, remainingWorkingDays: 4, supplementRequests: 1 },
          emitted: [notice('dossier.supplement.requested', 'oneStop')],
        },
        RECORD_RESULT: {
          state: 'resultReady',
          context: { resultOn: BEFORE, resultLate: false },
          emitted: [notice('dossier.result.ready', 'oneStop')],
        },
        REPORT_DELAY: {
          state: 'processing',
          context: {
            delayReported: true,
            apologyRound: 1,
            apologyPending: pendingDelayApology,
            lateSince: BEFORE,
          },
          emitted: [
            {
              type: 'startApology',
              params: {
                round: 1,
                reason: 'delay-reported',
                proposedDate: LATER,
                delayReason: DELAY_REASON,
                appointmentDate: APPOINTMENT,
              },
            },
            notice('dossier.delay.reported', 'handlingUnitHead'),
          ],
        },
        APPROVE_APOLOGY: approved('processing'),
        APPOINTMENT_MISSED: missedHere('processing'),
        REJECT: rejected,
        WITHDRAW: withdrawn,
      },
      supplementRequested: {
        SUPPLEMENT_RECEIVED: {
          state: 'processing',
          context: {
            appointmentDate: RESUMED_APPOINTMENT,
            pausedOn: null,
            remainingWorkingDays: null,
            supplementRequests: 1,
          },
          emitted: [notice('dossier.supplement.received', 'handlingUnit')],
        },
        REJECT: rejected,
        WITHDRAW: withdrawn,
      },
      resultReady: {
        RETURN_RESULT: {
          state: 'returned',
          context: { returnedOn: BEFORE, returnedLate: false },
          emitted: [notice('dossier.returned', 'handlingUnit')],
        },
        APPROVE_APOLOGY: approved('resultReady'),
        WITHDRAW: withdrawn,
      },
      returned: {},
      rejected: {},
      withdrawn: {},
    };

    const cells = DOSSIER_STATES.flatMap((state) =>
      DOSSIER_EVENT_TYPES.map((type) => [state, type, MATRIX[state][type]] as const),
    );

    it('covers 7 states × 10 event types, 18 of them accepted', () => {
      expect(cells).toHaveLength(70);
      expect(cells.filter(([, , accepted]) => accepted)).toHaveLength(18);
    });

    it.each(cells)('%s + %s', (state, type, accepted) => {
      const overrides = type === 'APPROVE_APOLOGY' ? delayPending : {};
      const snapshot = snapshotIn(state, overrides);
      const event = validEvent(type);

      if (!accepted) {
        const { message } = expectRefused(snapshot, event, 'state');
        expect(message).toContain(`"${tthcDossierWorkflow.stateLabels[state]}"`);
        return;
      }
      const result = expectAccepted(snapshot, event);
      expect(result.snapshot.value).toBe(accepted.state);
      expect(result.snapshot.context).toEqual({
        ...contextIn(state, overrides),
        ...accepted.context,
      });
      // Context changes stay inside (assign); only the effects leave the machine.
      expect(result.emitted).toEqual(accepted.emitted);
      expect(result.snapshot.status).toBe(
        DOSSIER_FINAL_STATES.includes(accepted.state) ? 'done' : 'active',
      );
    });
  });

  /*
   * Every event type × every kind of actor, in a state that accepts the event type.
   */
  describe('role rules', () => {
    const ALLOWED: Record<DossierEventType, ActorName[]> = {
      START_PROCESSING: ['officer', 'unitHead', 'oneStop'],
      REQUEST_SUPPLEMENT: ['officer', 'unitHead'],
      SUPPLEMENT_RECEIVED: ['officer', 'unitHead', 'oneStop'],
      RECORD_RESULT: ['officer', 'unitHead'],
      RETURN_RESULT: ['oneStop'],
      REPORT_DELAY: ['officer', 'unitHead'],
      APPROVE_APOLOGY: ['unitHead'],
      APPOINTMENT_MISSED: ['system'],
      REJECT: ['unitHead'],
      WITHDRAW: ['oneStop'],
    };
    const STATE_FOR: Record<DossierEventType, DossierState> = {
      START_PROCESSING: 'received',
      REQUEST_SUPPLEMENT: 'processing',
      SUPPLEMENT_RECEIVED: 'supplementRequested',
      RECORD_RESULT: 'processing',
      RETURN_RESULT: 'resultReady',
      REPORT_DELAY: 'processing',
      APPROVE_APOLOGY: 'processing',
      APPOINTMENT_MISSED: 'processing',
      REJECT: 'processing',
      WITHDRAW: 'processing',
    };
    const cases = DOSSIER_EVENT_TYPES.flatMap((type) =>
      ACTOR_NAMES.map((name) => [type, name, ALLOWED[type].includes(name)] as const),
    );

    it.each(cases)('%s sent by %s → allowed: %s', (type, name, allowed) => {
      const snapshot = snapshotIn(
        STATE_FOR[type],
        type === 'APPROVE_APOLOGY' ? overduePending : {},
      );
      const event = validEvent(type, actors[name]);
      if (allowed) {
        const result = expectAccepted(snapshot, event);
        expect(result.notifications.length).toBeGreaterThan(0);
      } else {
        const { message } = expectRefused(snapshot, event, 'role');
        expect(message).toMatch(/^[A-ZĐÂĂÊÔƠƯ]/u);
        expect(message).toMatch(/\.$/);
      }
    });

    it('refuses the inspector everything in every state', () => {
      for (const state of DOSSIER_STATES) {
        for (const type of DOSSIER_EVENT_TYPES) {
          const snapshot = snapshotIn(state, delayPending);
          const event = validEvent(type, actors.inspector);
          expect(snapshot.can(event)).toBe(false);
          expect(['state', 'role']).toContain(refusal(tthcDossierWorkflow, snapshot, event)?.kind);
          expect(send(snapshot, event).actions).toEqual([]);
        }
      }
    });

    it("tells the staff of another unit that the dossier is not their unit's", () => {
      const { message } = expectRefused(
        snapshotIn('processing'),
        validEvent('RECORD_RESULT', actors.otherOfficer),
        'role',
      );
      expect(message).toContain('đơn vị khác');
      const head = expectRefused(
        snapshotIn('processing', overduePending),
        validEvent('APPROVE_APOLOGY', actors.otherUnitHead),
        'role',
      );
      expect(head.message).toContain('thủ trưởng');
    });

    it('refuses a unit head or officer without a unit', () => {
      const homeless = { kind: 'user', userId: 'h', role: 'unit_head', unitId: null } as const;
      expectRefused(snapshotIn('processing'), validEvent('REJECT', homeless), 'role');
      expectRefused(snapshotIn('received'), validEvent('START_PROCESSING', homeless), 'role');
    });

    it('lets only the system mark a missed appointment, and the system nothing else', () => {
      const r = expectRefused(
        snapshotIn('processing'),
        validEvent('APPOINTMENT_MISSED', actors.unitHead),
        'role',
      );
      expect(r.message).toContain('Chỉ hệ thống');
      const sys = expectRefused(
        snapshotIn('processing'),
        validEvent('WITHDRAW', actors.system),
        'role',
      );
      expect(sys.message).toContain('Hệ thống chỉ được');
    });
  });

  describe('REQUEST_SUPPLEMENT — the clock stops', () => {
    it('records when it stopped and the working days the caller counted as left', () => {
      const result = expectAccepted(snapshotIn('processing'), supplementRequest(4));
      expect(result.snapshot.value).toBe('supplementRequested');
      expect(result.snapshot.context).toMatchObject({
        pausedOn: BEFORE,
        remainingWorkingDays: 4,
        supplementRequests: 1,
        appointmentDate: APPOINTMENT,
      });
    });

    it.each([
      ['a blank reason', supplementRequest(4, BEFORE, '  '), 'nội dung cần bổ sung'],
      ['negative days before the appointment', supplementRequest(-1), 'không thể âm'],
      ['fractional days', supplementRequest(1.5), 'số nguyên'],
      ['NaN days', supplementRequest(Number.NaN), 'số nguyên'],
      [
        'days as a string',
        { ...supplementRequest(3), remainingWorkingDays: '3' as unknown as number },
        'số nguyên',
      ],
      // 10 → 16 March is 6 calendar days: 7 working days cannot fit.
      ['more days than fit before the appointment', supplementRequest(7), 'vượt quá'],
      ['days left after the appointment passed', supplementRequest(1, AFTER), 'không thể dương'],
      ['days left on the appointment date', supplementRequest(1, APPOINTMENT), 'vượt quá'],
    ])('refuses %s', (_label, event, text) => {
      const { message } = expectRefused(snapshotIn('processing'), event, 'precondition');
      expect(message).toContain(text);
    });

    it('accepts 0 days left, also for an overdue dossier', () => {
      expectAccepted(snapshotIn('processing'), supplementRequest(0));
      const overdue = expectAccepted(
        snapshotIn('processing', overduePending),
        supplementRequest(0, AFTER),
      );
      expect(overdue.snapshot.context).toMatchObject({
        pausedOn: AFTER,
        remainingWorkingDays: 0,
        overdue: true,
        apologyPending: pendingOverdueApology,
      });
    });

    it('while paused, no appointment is missed, announced late or moved', () => {
      const paused = snapshotIn('supplementRequested', overduePending);
      expectRefused(paused, missed(AFTER), 'state');
      expectRefused(paused, validEvent('REPORT_DELAY'), 'state');
      expectRefused(paused, validEvent('APPROVE_APOLOGY'), 'state');
      expectRefused(paused, validEvent('RECORD_RESULT'), 'state');
    });
  });

  describe('SUPPLEMENT_RECEIVED — the clock runs again', () => {
    it('sets the appointment the caller computed and clears the pause', () => {
      const result = expectAccepted(
        snapshotIn('supplementRequested'),
        supplementReceived(RESUMED_APPOINTMENT),
      );
      expect(result.snapshot.value).toBe('processing');
      expect(result.snapshot.context).toEqual({
        ...baseContext,
        appointmentDate: RESUMED_APPOINTMENT,
        supplementRequests: 1,
      });
    });

    it.each([
      ['not a date', '18/03/2026', 'không hợp lệ'],
      ['before today', '2026-03-09', 'không được trước ngày hôm nay'],
      // 6 working days left from 10 March cannot end before 16 March.
      ['closer than the days left', '2026-03-15', 'ít nhất 6 ngày làm việc'],
    ])('refuses a new appointment %s', (_label, date, text) => {
      const { message } = expectRefused(
        snapshotIn('supplementRequested'),
        supplementReceived(date),
        'precondition',
      );
      expect(message).toContain(text);
    });

    it('accepts today as the new appointment when no working day was left', () => {
      const paused = snapshotIn('supplementRequested', { remainingWorkingDays: 0 });
      const result = expectAccepted(paused, supplementReceived(AFTER, AFTER));
      expect(result.snapshot.context.appointmentDate).toBe(AFTER);
    });
  });

  describe('pause and resume, end to end', () => {
    it('carries the remaining days from the request to the new appointment', () => {
      let s = snapshotIn('processing');
      s = expectAccepted(s, supplementRequest(6, PAUSED_ON)).snapshot;
      expect(s.context).toMatchObject({ pausedOn: PAUSED_ON, remainingWorkingDays: 6 });
      // The old appointment passes while the clock is stopped: nothing happens.
      expectRefused(s, missed(APPOINTMENT), 'state');
      // The caller adds the stored remainingWorkingDays to the day the supplement arrives.
      const days = s.context.remainingWorkingDays;
      expect(days).toBe(6);
      s = expectAccepted(s, supplementReceived(RESUMED_APPOINTMENT, BEFORE)).snapshot;
      expect(s.value).toBe('processing');
      expect(s.context).toMatchObject({
        originalAppointmentDate: APPOINTMENT,
        appointmentDate: RESUMED_APPOINTMENT,
        pausedOn: null,
        remainingWorkingDays: null,
      });
      // The old appointment date is no longer watched; the new one is.
      expectRefused(s, missed(APPOINTMENT), 'precondition');
      const late = expectAccepted(s, missed(RESUMED_APPOINTMENT));
      expect(late.startApology).toEqual([
        { round: 1, reason: 'overdue', appointmentDate: RESUMED_APPOINTMENT },
      ]);
    });

    it('a second supplement request counts and pauses again', () => {
      let s = snapshotIn('processing');
      s = expectAccepted(s, supplementRequest(4)).snapshot;
      s = expectAccepted(s, supplementReceived(MUCH_LATER, BEFORE)).snapshot;
      s = expectAccepted(s, supplementRequest(2, AFTER)).snapshot;
      expect(s.context).toMatchObject({
        supplementRequests: 2,
        pausedOn: AFTER,
        remainingWorkingDays: 2,
      });
    });

    it('an overdue dossier paused and resumed stays overdue until its slip is signed', () => {
      let s = snapshotIn('processing');
      s = expectAccepted(s, missed(APPOINTMENT)).snapshot;
      expect(s.context).toMatchObject({ overdue: true, apologyRound: 1 });
      s = expectAccepted(s, supplementRequest(-3, AFTER)).snapshot;
      expect(s.context).toMatchObject({ remainingWorkingDays: -3 });
      expectRefused(s, supplementReceived(LATER, AFTER), 'precondition');
      s = expectAccepted(s, supplementReceived(APPOINTMENT, AFTER)).snapshot;
      expect(s.context).toMatchObject({
        appointmentDate: APPOINTMENT,
        overdue: true,
        apologyRound: 1,
        apologyPending: pendingOverdueApology,
      });
      // The appointment was missed once: no second miss, no second slip.
      expectRefused(s, missed(AFTER), 'precondition');
      // The head signs the slip owed since round 1.
      const signed = expectAccepted(s, approve(LATER, AFTER, SLIP_REASON));
      expect(signed.issueApology).toEqual([
        { round: 1, newAppointmentDate: LATER, reason: SLIP_REASON, appointmentDate: APPOINTMENT },
      ]);
    });
  });

  describe('results and late marking', () => {
    it('a result on the appointment date is on time, returned on time', () => {
      let s = snapshotIn('processing');
      s = expectAccepted(s, validEvent('RECORD_RESULT', actors.unitHead, APPOINTMENT)).snapshot;
      expect(s.context).toMatchObject({ resultOn: APPOINTMENT, resultLate: false });
      s = expectAccepted(s, validEvent('RETURN_RESULT', actors.oneStop, APPOINTMENT)).snapshot;
      expect(s.value).toBe('returned');
      expect(s.status).toBe('done');
      expect(s.context).toMatchObject({ returnedOn: APPOINTMENT, returnedLate: false });
    });

    it('a result after the appointment records the miss and its slip, even before the timer', () => {
      const s = expectAccepted(
        snapshotIn('processing'),
        validEvent('RECORD_RESULT', actors.officer, AFTER),
      );
      expect(s.snapshot.context).toMatchObject({
        resultOn: AFTER,
        resultLate: true,
        overdue: true,
        apologyRound: 1,
        apologyPending: { ...pendingOverdueApology, startedOn: AFTER },
      });
      expect(s.startApology).toEqual([
        { round: 1, reason: 'overdue', appointmentDate: APPOINTMENT },
      ]);
    });

    it('a result ready in time but collected after the appointment is returned late', () => {
      let s = snapshotIn('processing');
      s = expectAccepted(s, validEvent('RECORD_RESULT', actors.officer, BEFORE)).snapshot;
      const returned = expectAccepted(s, validEvent('RETURN_RESULT', actors.oneStop, AFTER));
      expect(returned.snapshot.context).toMatchObject({
        resultLate: false,
        returnedOn: AFTER,
        returnedLate: true,
      });
      expect(returned.notifications).toEqual([{ to: ['handlingUnit'], topic: 'dossier.returned' }]);
    });

    it('the appointment cannot be missed once the result is ready', () => {
      const ready = snapshotIn('resultReady');
      expectRefused(ready, missed(AFTER), 'state');
      expectRefused(ready, validEvent('REPORT_DELAY'), 'state');
    });

    it('returned before the appointment a slip set is not late, but counts a round', () => {
      let s = snapshotIn('processing');
      s = expectAccepted(s, missed(APPOINTMENT)).snapshot;
      s = expectAccepted(s, approve(LATER, AFTER, SLIP_REASON)).snapshot;
      s = expectAccepted(s, validEvent('RECORD_RESULT', actors.officer, AFTER)).snapshot;
      s = expectAccepted(s, validEvent('RETURN_RESULT', actors.oneStop, LATER)).snapshot;
      expect(s.context).toMatchObject({
        originalAppointmentDate: APPOINTMENT,
        appointmentDate: LATER,
        resultLate: false,
        returnedLate: false,
        apologyRound: 1,
      });
    });
  });

  describe('REPORT_DELAY — the slip starts before the appointment passes', () => {
    it('is accepted up to and on the appointment date', () => {
      const result = expectAccepted(snapshotIn('processing'), delay(LATER, APPOINTMENT));
      expect(result.snapshot.context).toMatchObject({
        delayReported: true,
        apologyRound: 1,
        apologyPending: { ...pendingDelayApology, startedOn: APPOINTMENT },
      });
      expect(result.startApology).toEqual([
        {
          round: 1,
          reason: 'delay-reported',
          proposedDate: LATER,
          delayReason: DELAY_REASON,
          appointmentDate: APPOINTMENT,
        },
      ]);
    });

    it('keeps the reason trimmed', () => {
      const result = expectAccepted(
        snapshotIn('processing'),
        delay(LATER, BEFORE, `  ${DELAY_REASON} `),
      );
      expect(result.snapshot.context.apologyPending?.delayReason).toBe(DELAY_REASON);
    });

    it.each([
      ['after the appointment passed', delay(LATER, AFTER), 'đã qua'],
      ['with a blank reason', delay(LATER, BEFORE, ''), 'lý do trễ hạn'],
      ['with a proposed date on the appointment', delay(APPOINTMENT), 'sau ngày hẹn hiện tại'],
      ['with a proposed date before it', delay('2026-03-12'), 'sau ngày hẹn hiện tại'],
      ['with a proposed date that is not one', delay('2026-02-30'), 'không hợp lệ'],
    ])('is refused %s', (_label, event, text) => {
      const { message } = expectRefused(snapshotIn('processing'), event, 'precondition');
      expect(message).toContain(text);
    });

    it('is accepted once per appointment', () => {
      const once = expectAccepted(snapshotIn('processing'), delay(LATER)).snapshot;
      const { message } = expectRefused(once, delay(MUCH_LATER), 'precondition');
      expect(message).toBe('Đã báo trễ hạn cho ngày hẹn trả này.');
    });

    it('is refused once the appointment was marked missed', () => {
      const missedOnce = expectAccepted(snapshotIn('processing'), missed(APPOINTMENT)).snapshot;
      const { message } = expectRefused(missedOnce, delay(LATER, APPOINTMENT), 'precondition');
      expect(message).toContain('đã quá hạn hẹn trả');
    });

    it('is refused while a slip from an earlier round waits for signature', () => {
      const s = snapshotIn('processing', {
        appointmentDate: RESUMED_APPOINTMENT,
        apologyRound: 1,
        apologyPending: pendingOverdueApology,
      });
      const { message } = expectRefused(s, delay(LATER), 'precondition');
      expect(message).toContain('chờ thủ trưởng đơn vị ký');
    });

    it('then the missed appointment marks the dossier overdue without a second slip', () => {
      let s = snapshotIn('processing');
      const reported = expectAccepted(s, delay(LATER));
      expect(reported.startApology).toHaveLength(1);
      s = reported.snapshot;
      const overdue = expectAccepted(s, missed(APPOINTMENT));
      expect(overdue.snapshot.context).toMatchObject({
        overdue: true,
        delayReported: true,
        apologyRound: 1,
        apologyPending: pendingDelayApology,
      });
      expect(overdue.emitted).toEqual([notice('dossier.overdue', 'handlingUnit')]);
      // The head signs the one slip; its reason defaults to the unit's.
      const signed = expectAccepted(overdue.snapshot, approve(MUCH_LATER, AFTER));
      expect(signed.emitted).toEqual(approvedSlip(1, MUCH_LATER, DELAY_REASON));
      expect(signed.snapshot.context).toMatchObject({
        appointmentDate: MUCH_LATER,
        overdue: false,
        delayReported: false,
        apologyRound: 1,
        apologyPending: null,
      });
    });

    it('signed before the appointment, it moves the appointment and nothing is missed', () => {
      let s = snapshotIn('processing');
      s = expectAccepted(s, delay(LATER)).snapshot;
      s = expectAccepted(s, approve(LATER, BEFORE)).snapshot;
      expectRefused(s, missed(APPOINTMENT), 'precondition');
      const late = expectAccepted(s, missed(LATER));
      expect(late.startApology).toEqual([{ round: 2, reason: 'overdue', appointmentDate: LATER }]);
    });
  });

  describe('APPOINTMENT_MISSED', () => {
    it('is refused before the appointment date', () => {
      const { message } = expectRefused(snapshotIn('processing'), missed(BEFORE), 'precondition');
      expect(message).toBe('Chưa đến ngày hẹn trả (16/03/2026).');
    });

    it('is accepted on the appointment date and after it', () => {
      for (const today of [APPOINTMENT, AFTER]) {
        const result = expectAccepted(snapshotIn('received'), missed(today));
        expect(result.snapshot.value).toBe('received');
        expect(result.snapshot.context.apologyPending).toEqual({
          ...pendingOverdueApology,
          startedOn: today,
        });
      }
    });

    it('is accepted once per appointment', () => {
      const once = expectAccepted(snapshotIn('processing'), missed(APPOINTMENT)).snapshot;
      const { message } = expectRefused(once, missed(AFTER), 'precondition');
      expect(message).toBe('Đã ghi nhận hồ sơ quá hạn cho ngày hẹn trả này.');
    });
  });

  describe('APPROVE_APOLOGY', () => {
    it('is refused when no slip is pending', () => {
      const { message } = expectRefused(
        snapshotIn('processing'),
        approve(LATER, BEFORE, SLIP_REASON),
        'precondition',
      );
      expect(message).toBe('Không có phiếu xin lỗi nào đang chờ ký.');
    });

    it.each([
      ['today', AFTER, AFTER, 'sau ngày hôm nay'],
      ['before today', APPOINTMENT, AFTER, 'sau ngày hôm nay'],
      ['not a date', '27/03/2026', AFTER, 'không hợp lệ'],
    ] as const)('refuses a new appointment %s', (_label, date, today, text) => {
      const { message } = expectRefused(
        snapshotIn('processing', overduePending),
        approve(date, today, SLIP_REASON),
        'precondition',
      );
      expect(message).toContain(text);
    });

    it('refuses a new appointment not after the current one (delay signed early)', () => {
      const { message } = expectRefused(
        snapshotIn('processing', delayPending),
        approve(APPOINTMENT, BEFORE),
        'precondition',
      );
      expect(message).toContain('sau ngày hẹn hiện tại (16/03/2026)');
    });

    it('needs a reason for an overdue slip, and never a blank one', () => {
      const overdue = snapshotIn('processing', overduePending);
      const none = expectRefused(overdue, approve(LATER, AFTER), 'precondition');
      expect(none.message).toContain('Phải nêu lý do');
      const blank = expectRefused(
        snapshotIn('processing', delayPending),
        approve(LATER, BEFORE, ' '),
        'precondition',
      );
      expect(blank.message).toContain('không được để trống');
    });

    it("prints the head's edited reason, trimmed, over the unit's", () => {
      const result = expectAccepted(
        snapshotIn('processing', delayPending),
        approve(LATER, BEFORE, ` ${SLIP_REASON} `),
      );
      expect(result.issueApology).toEqual([
        { round: 1, newAppointmentDate: LATER, reason: SLIP_REASON, appointmentDate: APPOINTMENT },
      ]);
    });

    it('may be signed after the result is ready, before it is returned', () => {
      let s = snapshotIn('processing');
      s = expectAccepted(s, missed(APPOINTMENT)).snapshot;
      s = expectAccepted(s, validEvent('RECORD_RESULT', actors.officer, AFTER)).snapshot;
      expect(s.context).toMatchObject({ resultLate: true, apologyPending: pendingOverdueApology });
      s = expectAccepted(s, approve(LATER, AFTER, SLIP_REASON)).snapshot;
      expect(s.value).toBe('resultReady');
      s = expectAccepted(s, validEvent('RETURN_RESULT', actors.oneStop, LATER)).snapshot;
      expect(s.context).toMatchObject({ returnedLate: false, apologyRound: 1, resultLate: true });
    });
  });

  describe('apology rounds', () => {
    it('two missed appointments give two rounds, two slips', () => {
      let s = snapshotIn('received');
      s = expectAccepted(s, validEvent('START_PROCESSING', actors.officer, '2026-03-03')).snapshot;

      const first = expectAccepted(s, missed(APPOINTMENT));
      expect(first.startApology).toEqual([
        { round: 1, reason: 'overdue', appointmentDate: APPOINTMENT },
      ]);
      const firstSlip = expectAccepted(first.snapshot, approve(LATER, AFTER, SLIP_REASON));
      expect(firstSlip.emitted).toEqual(approvedSlip(1, LATER, SLIP_REASON, APPOINTMENT));

      const second = expectAccepted(firstSlip.snapshot, missed(LATER));
      expect(second.startApology).toEqual([
        { round: 2, reason: 'overdue', appointmentDate: LATER },
      ]);
      expect(second.snapshot.context).toMatchObject({ overdue: true, apologyRound: 2 });
      const secondSlip = expectAccepted(
        second.snapshot,
        approve(MUCH_LATER, '2026-03-30', 'Lý do khác'),
      );
      expect(secondSlip.emitted).toEqual(approvedSlip(2, MUCH_LATER, 'Lý do khác', LATER));

      const done = expectAccepted(
        secondSlip.snapshot,
        validEvent('RECORD_RESULT', actors.officer, '2026-04-01'),
      );
      expect(done.snapshot.context).toMatchObject({
        originalAppointmentDate: APPOINTMENT,
        appointmentDate: MUCH_LATER,
        apologyRound: 2,
        apologyPending: null,
        overdue: false,
        resultLate: false,
      });
    });

    it('a delay report after a signed slip starts the next round', () => {
      let s = snapshotIn('processing', { appointmentDate: LATER, apologyRound: 1 });
      const reported = expectAccepted(s, delay(MUCH_LATER, LATER));
      expect(reported.startApology).toEqual([
        expect.objectContaining({ round: 2, reason: 'delay-reported', appointmentDate: LATER }),
      ]);
      s = reported.snapshot;
      expect(expectAccepted(s, missed(LATER)).startApology).toEqual([]);
    });

    it('exactly one startApology per round along a long history', () => {
      const events: DossierEvent[] = [
        validEvent('START_PROCESSING', actors.oneStop, '2026-03-03'),
        delay(LATER, BEFORE),
        missed(APPOINTMENT),
        approve(MUCH_LATER, AFTER),
        supplementRequest(5, '2026-04-01'),
        supplementReceived('2026-04-15', '2026-04-06'),
        missed('2026-04-15'),
        missed('2026-04-16'),
        approve('2026-04-30', '2026-04-16', SLIP_REASON),
        missed('2026-04-30'),
        validEvent('RECORD_RESULT', actors.officer, '2026-05-04'),
        approve('2026-05-08', '2026-05-05', SLIP_REASON),
        validEvent('RETURN_RESULT', actors.oneStop, '2026-05-06'),
      ];
      let s = snapshotIn('received');
      const starts: number[] = [];
      const issues: number[] = [];
      const refused: string[] = [];
      for (const event of events) {
        if (refusal(tthcDossierWorkflow, s, event)) {
          refused.push(event.type);
          continue;
        }
        const r = send(s, event);
        starts.push(...r.startApology.map((a) => a.round));
        issues.push(...r.issueApology.map((a) => a.round));
        s = r.snapshot;
      }
      // The second APPOINTMENT_MISSED for 15 April is refused: once per appointment.
      expect(refused).toEqual(['APPOINTMENT_MISSED']);
      expect(starts).toEqual([1, 2, 3]);
      expect(issues).toEqual([1, 2, 3]);
      expect(s.value).toBe('returned');
      expect(s.context).toMatchObject({
        apologyRound: 3,
        apologyPending: null,
        supplementRequests: 1,
        returnedLate: false,
      });
    });
  });

  describe('REJECT and WITHDRAW', () => {
    it.each([
      ['REJECT', 'từ chối'],
      ['WITHDRAW', 'rút hồ sơ'],
    ] as const)('%s needs a reason', (type, text) => {
      const event = { ...validEvent(type), reason: ' ' } as DossierEvent;
      const { message } = expectRefused(snapshotIn('processing'), event, 'precondition');
      expect(message).toContain(text);
    });

    it('a dossier with a result can be withdrawn but not rejected', () => {
      expectRefused(snapshotIn('resultReady'), validEvent('REJECT'), 'state');
      expect(expectAccepted(snapshotIn('resultReady'), validEvent('WITHDRAW')).snapshot.value).toBe(
        'withdrawn',
      );
    });

    it('a paused dossier can be rejected or withdrawn; the pause stays on record', () => {
      for (const type of ['REJECT', 'WITHDRAW'] as const) {
        const closed = expectAccepted(snapshotIn('supplementRequested'), validEvent(type));
        expect(closed.snapshot.status).toBe('done');
        expect(closed.snapshot.context).toEqual({
          ...contextIn('supplementRequested'),
          closedOn: BEFORE,
        });
      }
    });

    it('an unsigned slip stays on record when the dossier closes', () => {
      const closed = expectAccepted(
        snapshotIn('processing', overduePending),
        validEvent('WITHDRAW'),
      );
      expect(closed.snapshot.context.apologyPending).toEqual(pendingOverdueApology);
      expectRefused(closed.snapshot, approve(LATER, AFTER, SLIP_REASON), 'state');
    });
  });

  /*
   * When the dossier first became late, for figures as of a past day: set once by whatever
   * makes it late first, never moved afterwards.
   */
  describe('lateSince', () => {
    const lateSinceAfter = (snapshot: Snapshot, ...events: DossierEvent[]) =>
      events.reduce((current, event) => expectAccepted(current, event).snapshot, snapshot).context
        .lateSince;

    it('is null while nothing was late, through a supplement pause and an on-time return', () => {
      expect(
        lateSinceAfter(
          snapshotIn('processing'),
          supplementRequest(4, BEFORE),
          supplementReceived(RESUMED_APPOINTMENT, BEFORE),
          validEvent('RECORD_RESULT', actors.officer, RESUMED_APPOINTMENT),
          validEvent('RETURN_RESULT', actors.oneStop, RESUMED_APPOINTMENT),
        ),
      ).toBeNull();
    });

    it('a miss from the timer: the appointment missed, even when the timer fires days later', () => {
      expect(lateSinceAfter(snapshotIn('processing'), missed(APPOINTMENT))).toBe(APPOINTMENT);
      expect(lateSinceAfter(snapshotIn('received'), missed(LATER))).toBe(APPOINTMENT);
    });

    it('a miss found by a later event: the appointment missed, not the event’s day', () => {
      const started = validEvent('START_PROCESSING', actors.oneStop, AFTER);
      expect(lateSinceAfter(snapshotIn('received'), started)).toBe(APPOINTMENT);
      const ended = validEvent('WITHDRAW', actors.oneStop, AFTER);
      expect(lateSinceAfter(snapshotIn('processing'), ended)).toBe(APPOINTMENT);
    });

    it('a result recorded after the appointment: the appointment', () => {
      const result = validEvent('RECORD_RESULT', actors.officer, AFTER);
      expect(lateSinceAfter(snapshotIn('processing'), result)).toBe(APPOINTMENT);
    });

    it('a result ready in time but handed over after the appointment: the appointment', () => {
      const ready = snapshotIn('resultReady');
      const late = validEvent('RETURN_RESULT', actors.oneStop, AFTER);
      expect(lateSinceAfter(ready, late)).toBe(APPOINTMENT);
      const onTime = validEvent('RETURN_RESULT', actors.oneStop, APPOINTMENT);
      expect(lateSinceAfter(ready, onTime)).toBeNull();
    });

    it('a delay report: its own day, before the appointment', () => {
      expect(lateSinceAfter(snapshotIn('processing'), delay(LATER, BEFORE))).toBe(BEFORE);
    });

    it('never moves: not by the slip, the next miss, nor a late result and return', () => {
      expect(
        lateSinceAfter(
          snapshotIn('processing'),
          delay(LATER, BEFORE),
          approve(LATER, APPOINTMENT),
          missed(LATER),
          approve(MUCH_LATER, '2026-03-30', SLIP_REASON),
          validEvent('RECORD_RESULT', actors.officer, '2026-04-13'),
          validEvent('RETURN_RESULT', actors.oneStop, '2026-04-14'),
        ),
      ).toBe(BEFORE);
    });

    it('a snapshot stored before the field existed loads, and reads it as never late', () => {
      const { lateSince: _absent, ...older } = contextIn('processing');
      const stored = tthcDossierMachine.resolveState({
        value: 'processing',
        context: older as DossierContext,
      });
      expect(stored.context.lateSince).toBeUndefined();
      const moved = expectAccepted(stored, supplementRequest(4, BEFORE)).snapshot;
      expect(moved.context.lateSince ?? null).toBeNull();
      expect(lateSinceAfter(stored, missed(APPOINTMENT))).toBe(APPOINTMENT);
      expect(lateSinceAfter(stored, delay(LATER, BEFORE))).toBe(BEFORE);
    });
  });

  describe('persistence', () => {
    const roundTrip = (snapshot: Snapshot): Snapshot =>
      tthcDossierMachine.resolveState(JSON.parse(JSON.stringify(snapshot)));

    it('a snapshot survives JSON at every step of a full lifecycle and keeps working', () => {
      const [initial] = initialTransition(tthcDossierMachine, input);
      const events: DossierEvent[] = [
        validEvent('START_PROCESSING', actors.oneStop, '2026-03-03'),
        supplementRequest(6, PAUSED_ON),
        supplementReceived(RESUMED_APPOINTMENT, BEFORE),
        delay(LATER, APPOINTMENT),
        missed(RESUMED_APPOINTMENT),
        approve(LATER, AFTER),
        missed(LATER),
        approve(MUCH_LATER, '2026-03-30', SLIP_REASON),
        validEvent('RECORD_RESULT', actors.unitHead, '2026-04-08'),
        validEvent('RETURN_RESULT', actors.oneStop, '2026-04-13'),
      ];
      let live: Snapshot = initial;
      let stored: Snapshot = roundTrip(initial);
      const visited: unknown[] = [];
      for (const event of events) {
        const a = send(live, event);
        const b = send(stored, event);
        expect(b.snapshot.value).toEqual(a.snapshot.value);
        expect(b.snapshot.context).toEqual(a.snapshot.context);
        expect(b.emitted).toEqual(a.emitted);
        expect(b.emitted.length).toBeGreaterThan(0);
        live = a.snapshot;
        stored = roundTrip(b.snapshot);
        visited.push(live.value);
      }
      expect(visited).toEqual([
        'processing',
        'supplementRequested',
        'processing',
        'processing',
        'processing',
        'processing',
        'processing',
        'processing',
        'resultReady',
        'returned',
      ]);
      expect(stored.status).toBe('done');
      expect(stored.context).toEqual({
        ...baseContext,
        appointmentDate: MUCH_LATER,
        supplementRequests: 1,
        apologyRound: 2,
        resultOn: '2026-04-08',
        returnedOn: '2026-04-13',
        returnedLate: true,
        // The delay was reported on the appointment day itself: late from then on.
        lateSince: APPOINTMENT,
      });
      expectRefused(stored, validEvent('WITHDRAW'), 'state');
    });

    it('restores a paused dossier with its pending slip and resumes it', () => {
      const stored = roundTrip(snapshotIn('supplementRequested', overduePending));
      expect(stored.value).toBe('supplementRequested');
      expect(stored.status).toBe('active');
      expect(stored.context).toEqual(contextIn('supplementRequested', overduePending));
      const resumed = expectAccepted(stored, supplementReceived(APPOINTMENT, AFTER));
      expect(resumed.snapshot.context).toMatchObject({
        appointmentDate: APPOINTMENT,
        overdue: true,
        apologyPending: pendingOverdueApology,
      });
    });
  });
});
