import { initialTransition } from 'xstate';
import {
  NotifyEffect,
  ReformTaskContext,
  ReformTaskEvent,
  TASK_EVENT_TYPES,
  TASK_STATES,
  TaskEventType,
  TaskState,
} from '@cchc/domain';
import { reformTaskMachine } from './reform-task.machine';
import { reformTaskWorkflow } from './reform-task.workflow';
import { refusal } from './workflow-definition';
import {
  ACTOR_NAMES,
  ActorName,
  actors,
  AFTER_DUE,
  BEFORE_DUE,
  baseContext,
  contextIn,
  DUE,
  LATER,
  pendingRequest,
  send,
  snapshotIn,
  validEvent,
} from './reform-task.fixtures';

type Snapshot = ReturnType<typeof snapshotIn>;

/** Asserts the event is refused with this kind and that the machine does not move. */
function expectRefused(
  snapshot: Snapshot,
  event: ReformTaskEvent,
  kind: 'state' | 'role' | 'precondition',
) {
  expect(snapshot.can(event)).toBe(false);
  expect(refusal(reformTaskWorkflow, snapshot, event)?.kind).toBe(kind);
  const result = send(snapshot, event);
  expect(result.snapshot.value).toEqual(snapshot.value);
  expect(result.snapshot.context).toEqual(snapshot.context);
  expect(result.actions).toEqual([]);
  return refusal(reformTaskWorkflow, snapshot, event)!;
}

/** Asserts the event is accepted and returns the transition's result. */
function expectAccepted(snapshot: Snapshot, event: ReformTaskEvent) {
  expect(refusal(reformTaskWorkflow, snapshot, event)).toBeNull();
  expect(snapshot.can(event)).toBe(true);
  return send(snapshot, event);
}

const notice = (topic: string, ...to: NotifyEffect['to']): NotifyEffect => ({ to, topic });

describe('reformTaskMachine', () => {
  describe('creation', () => {
    it('starts in `assigned` with the input, nothing late or pending, and tells the lead unit', () => {
      const [snapshot, actions] = initialTransition(reformTaskMachine, {
        leadUnitId: 'unit-A',
        leaderId: 'leader-1',
        dueDate: DUE,
      });
      expect(reformTaskMachine.id).toBe('reformTask');
      expect(snapshot.value).toBe('assigned');
      expect(snapshot.status).toBe('active');
      expect(snapshot.context).toEqual(baseContext);
      expect(actions).toHaveLength(1);
      expect(actions[0]).toMatchObject({
        type: 'notify',
        params: { to: ['leadUnit'], topic: 'task.assigned' },
      });
    });

    it('accepts a task without due date or leader', () => {
      const [snapshot] = initialTransition(reformTaskMachine, {
        leadUnitId: 'unit-A',
        leaderId: null,
        dueDate: null,
      });
      expect(snapshot.context).toEqual({ ...baseContext, leaderId: null, dueDate: null });
    });
  });

  /*
   * Every state × every event type, sent by its normal sender with a valid payload.
   * A listed cell is accepted (resulting state, context and notifications asserted);
   * an unlisted cell is refused with kind 'state' and changes nothing.
   */
  describe('state × event matrix', () => {
    interface Accepted {
      state: TaskState;
      context: Partial<ReformTaskContext>;
      notify: NotifyEffect[];
    }
    const requested = (today: string) => ({
      extensionRequest: {
        proposedDueDate: LATER,
        reason: 'Chờ hướng dẫn của thành phố',
        requestedBy: 'officer-1',
        requestedOn: today,
      },
    });
    const cancelled: Accepted = {
      state: 'cancelled',
      context: { extensionRequest: null },
      notify: [notice('task.cancelled', 'leadUnit', 'leader')],
    };
    const reassigned = (state: TaskState): Accepted => ({
      state,
      context: { leadUnitId: 'unit-B', leaderId: 'leader-1' },
      notify: [notice('task.reassigned', 'leadUnit', 'leader')],
    });
    const extended = (state: TaskState): Accepted => ({
      state,
      context: { dueDate: LATER, late: false, resumeState: null, extensionRequest: null },
      notify: [notice('task.extension.approved', 'leadUnit')],
    });
    const amended = (state: TaskState): Accepted => ({
      state,
      context: { leadUnitId: 'unit-B' },
      notify: [notice('task.amended', 'leadUnit', 'leader')],
    });
    const reminded = (state: TaskState): Accepted => ({
      state,
      context: baseContext,
      notify: [{ ...notice('task.reminder', 'leadUnit'), level: 1 }],
    });
    const completedWithChildren = (late: boolean): Accepted => ({
      state: 'accepted',
      context: { late, resumeState: null },
      notify: [notice('task.accepted', 'leadUnit', 'leader')],
    });
    const overdueFrom = (from: 'assigned' | 'inProgress'): Accepted => ({
      state: 'overdue',
      context: { late: true, resumeState: from },
      notify: [notice('task.overdue', 'leadUnit', 'leader')],
    });

    const MATRIX: Record<TaskState, Partial<Record<TaskEventType, Accepted>>> = {
      assigned: {
        START: {
          state: 'inProgress',
          context: baseContext,
          notify: [notice('task.started', 'leader')],
        },
        DEADLINE_PASSED: overdueFrom('assigned'),
        REQUEST_EXTENSION: {
          state: 'assigned',
          context: requested(BEFORE_DUE),
          notify: [notice('task.extension.requested', 'leader')],
        },
        DECIDE_EXTENSION: extended('assigned'),
        REASSIGN: reassigned('assigned'),
        CANCEL: cancelled,
        AMEND: amended('assigned'),
        REMIND: reminded('assigned'),
        CHILDREN_COMPLETED: completedWithChildren(false),
      },
      inProgress: {
        SUBMIT_REPORT: {
          state: 'reported',
          context: { late: false },
          notify: [notice('task.reported', 'leader')],
        },
        DEADLINE_PASSED: overdueFrom('inProgress'),
        REQUEST_EXTENSION: {
          state: 'inProgress',
          context: requested(BEFORE_DUE),
          notify: [notice('task.extension.requested', 'leader')],
        },
        DECIDE_EXTENSION: extended('inProgress'),
        REASSIGN: reassigned('inProgress'),
        CANCEL: cancelled,
        AMEND: amended('inProgress'),
        REMIND: reminded('inProgress'),
        CHILDREN_COMPLETED: completedWithChildren(false),
      },
      reported: {
        APPROVE: {
          state: 'accepted',
          context: { late: false },
          notify: [notice('task.accepted', 'leadUnit')],
        },
        RETURN: {
          state: 'inProgress',
          context: { late: false, resumeState: null },
          notify: [notice('task.returned', 'leadUnit')],
        },
        REASSIGN: reassigned('reported'),
        CANCEL: cancelled,
        AMEND: amended('reported'),
        CHILDREN_COMPLETED: completedWithChildren(false),
      },
      overdue: {
        SUBMIT_REPORT: {
          state: 'reported',
          context: { late: true, resumeState: null },
          notify: [notice('task.reported', 'leader')],
        },
        REQUEST_EXTENSION: {
          state: 'overdue',
          context: { late: true, ...requested(AFTER_DUE) },
          notify: [notice('task.extension.requested', 'leader')],
        },
        DECIDE_EXTENSION: extended('inProgress'),
        REASSIGN: { ...reassigned('overdue'), context: { leadUnitId: 'unit-B', late: true } },
        CANCEL: cancelled,
        // Without a new deadline the amendment leaves the task overdue.
        AMEND: { ...amended('overdue'), context: { leadUnitId: 'unit-B', late: true } },
        ESCALATE: {
          state: 'overdue',
          context: { late: true },
          notify: [{ ...notice('task.escalated', 'chairman'), level: 1 }],
        },
        CHILDREN_COMPLETED: completedWithChildren(true),
      },
      accepted: {},
      cancelled: {},
    };

    const cells = TASK_STATES.flatMap((state) =>
      TASK_EVENT_TYPES.map((type) => [state, type, MATRIX[state][type]] as const),
    );

    it('covers 6 states × 13 event types', () => expect(cells).toHaveLength(78));

    it.each(cells)('%s + %s', (state, type, accepted) => {
      const snapshot = snapshotIn(
        state,
        type === 'DECIDE_EXTENSION' ? { extensionRequest: pendingRequest } : {},
      );
      // An overdue task lives after its due date; elsewhere it is still before it.
      const today = type === 'DEADLINE_PASSED' ? DUE : state === 'overdue' ? AFTER_DUE : BEFORE_DUE;
      const event = validEvent(type, undefined, today);

      if (!accepted) {
        const { message } = expectRefused(snapshot, event, 'state');
        expect(message).toContain(`"${reformTaskWorkflow.stateLabels[state]}"`);
        return;
      }
      const result = expectAccepted(snapshot, event);
      expect(result.snapshot.value).toBe(accepted.state);
      expect(result.snapshot.context).toMatchObject(accepted.context);
      expect(result.notifications).toEqual(accepted.notify);
      // Context changes leave as assign(); only notify effects (and `settled` on reaching a
      // final state) leave the machine.
      const final = accepted.state === 'accepted' || accepted.state === 'cancelled';
      const settled = result.actions.filter((a) => a.type === 'settled');
      expect(settled.map((a) => a.params)).toEqual(final ? [{ state: accepted.state }] : []);
      expect(result.actions.every((a) => a.type === 'notify' || a.type === 'settled')).toBe(true);
      expect(result.snapshot.status).toBe(final ? 'done' : 'active');
    });
  });

  /*
   * Every event type × every kind of actor, in a state that accepts the event type.
   */
  describe('role rules', () => {
    const ALLOWED: Record<TaskEventType, ActorName[]> = {
      START: ['officer', 'unitHead'],
      SUBMIT_REPORT: ['officer', 'unitHead'],
      REQUEST_EXTENSION: ['officer', 'unitHead'],
      APPROVE: ['leader', 'chairman'],
      RETURN: ['leader', 'chairman'],
      DECIDE_EXTENSION: ['leader', 'chairman'],
      DEADLINE_PASSED: ['system'],
      REASSIGN: ['coordinator', 'chairman'],
      CANCEL: ['chairman'],
      AMEND: ['coordinator', 'chairman'],
      REMIND: ['system'],
      ESCALATE: ['system'],
      CHILDREN_COMPLETED: ['system'],
    };
    const STATE_FOR: Record<TaskEventType, TaskState> = {
      START: 'assigned',
      SUBMIT_REPORT: 'inProgress',
      REQUEST_EXTENSION: 'inProgress',
      APPROVE: 'reported',
      RETURN: 'reported',
      DECIDE_EXTENSION: 'inProgress',
      DEADLINE_PASSED: 'inProgress',
      REASSIGN: 'inProgress',
      CANCEL: 'inProgress',
      AMEND: 'inProgress',
      REMIND: 'inProgress',
      ESCALATE: 'overdue',
      CHILDREN_COMPLETED: 'reported',
    };
    const cases = TASK_EVENT_TYPES.flatMap((type) =>
      ACTOR_NAMES.map((name) => [type, name, ALLOWED[type].includes(name)] as const),
    );

    it.each(cases)('%s sent by %s → allowed: %s', (type, name, allowed) => {
      const snapshot = snapshotIn(
        STATE_FOR[type],
        type === 'DECIDE_EXTENSION' ? { extensionRequest: pendingRequest } : {},
      );
      const event = validEvent(type, actors[name], type === 'ESCALATE' ? AFTER_DUE : undefined);
      if (allowed) {
        const result = expectAccepted(snapshot, event);
        expect(result.notifications.length).toBeGreaterThan(0);
      } else {
        const { message } = expectRefused(snapshot, event, 'role');
        expect(message).toMatch(/^[A-ZĐÂĂÊÔƠƯ]/u);
      }
    });

    it('refuses the inspector and the one-stop officer every event in every state', () => {
      for (const name of ['inspector', 'oneStop'] as const) {
        for (const state of TASK_STATES) {
          for (const type of TASK_EVENT_TYPES) {
            const snapshot = snapshotIn(state, { extensionRequest: pendingRequest });
            const event = validEvent(type, actors[name]);
            expect(snapshot.can(event)).toBe(false);
            expect(['state', 'role']).toContain(refusal(reformTaskWorkflow, snapshot, event)?.kind);
            expect(send(snapshot, event).actions).toEqual([]);
          }
        }
      }
    });

    it('lets only the chairman decide when the task has no leader', () => {
      const snapshot = snapshotIn('reported', { leaderId: null });
      const byLeader = expectRefused(snapshot, validEvent('APPROVE', actors.leader), 'role');
      expect(byLeader.message).toContain('chưa có lãnh đạo phụ trách');
      expect(expectAccepted(snapshot, validEvent('APPROVE', actors.chairman)).snapshot.value).toBe(
        'accepted',
      );
    });

    it("a leader who is not the task's leader may not return or decide an extension", () => {
      expectRefused(snapshotIn('reported'), validEvent('RETURN', actors.otherLeader), 'role');
      expectRefused(
        snapshotIn('overdue', { extensionRequest: pendingRequest }),
        validEvent('DECIDE_EXTENSION', actors.otherLeader, AFTER_DUE),
        'role',
      );
    });

    it('follows the lead unit and the leader through a reassignment', () => {
      const start = snapshotIn('inProgress');
      const moved = expectAccepted(start, {
        ...validEvent('REASSIGN', actors.chairman),
        type: 'REASSIGN',
        leadUnitId: 'unit-B',
        leaderId: 'leader-2',
      }).snapshot;
      expect(moved.context).toMatchObject({ leadUnitId: 'unit-B', leaderId: 'leader-2' });
      expectRefused(moved, validEvent('SUBMIT_REPORT', actors.officer), 'role');
      const reported = expectAccepted(moved, validEvent('SUBMIT_REPORT', actors.otherUnitHead));
      expectRefused(reported.snapshot, validEvent('APPROVE', actors.leader), 'role');
      expect(
        expectAccepted(reported.snapshot, validEvent('APPROVE', actors.otherLeader)).snapshot.value,
      ).toBe('accepted');
    });

    it('does not let an event without a known actor through', () => {
      const event = { ...validEvent('START'), actor: undefined } as unknown as ReformTaskEvent;
      expectRefused(snapshotIn('assigned'), event, 'role');
    });
  });

  describe('preconditions', () => {
    it.each([
      ['empty', ''],
      ['blank', '   '],
    ])('refuses a report that is %s', (_label, report) => {
      const event: ReformTaskEvent = {
        ...validEvent('SUBMIT_REPORT'),
        type: 'SUBMIT_REPORT',
        report,
      };
      const { message } = expectRefused(snapshotIn('inProgress'), event, 'precondition');
      expect(message).toBe('Phải nhập nội dung báo cáo kết quả thực hiện.');
    });

    it('accepts a report without product or evidence', () => {
      const event: ReformTaskEvent = {
        type: 'SUBMIT_REPORT',
        actor: actors.unitHead,
        today: BEFORE_DUE,
        report: 'Đã thực hiện',
      };
      expect(expectAccepted(snapshotIn('inProgress'), event).snapshot.value).toBe('reported');
    });

    it('requires a reason to return and to cancel', () => {
      const back: ReformTaskEvent = { ...validEvent('RETURN'), type: 'RETURN', reason: ' ' };
      expect(expectRefused(snapshotIn('reported'), back, 'precondition').message).toBe(
        'Phải nêu lý do trả lại báo cáo.',
      );
      const cancel: ReformTaskEvent = { ...validEvent('CANCEL'), type: 'CANCEL', reason: '' };
      expect(expectRefused(snapshotIn('assigned'), cancel, 'precondition').message).toBe(
        'Phải nêu lý do hủy nhiệm vụ.',
      );
    });

    it('refuses an event whose `today` is not a date', () => {
      expectRefused(
        snapshotIn('assigned'),
        validEvent('START', actors.officer, '31/03/2026'),
        'precondition',
      );
    });

    describe('DEADLINE_PASSED', () => {
      it('is accepted on the due date itself (the worker fires at 23:59:59) and after it', () => {
        for (const today of [DUE, AFTER_DUE]) {
          const event = validEvent('DEADLINE_PASSED', actors.system, today);
          expect(expectAccepted(snapshotIn('inProgress'), event).snapshot.value).toBe('overdue');
        }
      });

      it('is refused before the due date', () => {
        const event = validEvent('DEADLINE_PASSED', actors.system, '2026-03-30');
        const { message } = expectRefused(snapshotIn('assigned'), event, 'precondition');
        expect(message).toBe('Nhiệm vụ chưa đến hạn (31/03/2026).');
      });

      it('is refused for a task without due date', () => {
        const event = validEvent('DEADLINE_PASSED', actors.system, AFTER_DUE);
        expectRefused(snapshotIn('inProgress', { dueDate: null }), event, 'precondition');
      });

      it('is not accepted while a report waits for review', () => {
        expectRefused(snapshotIn('reported'), validEvent('DEADLINE_PASSED'), 'state');
      });
    });

    describe('REQUEST_EXTENSION', () => {
      const request = (proposedDueDate: string, reason = 'Lý do', today = BEFORE_DUE) =>
        ({
          type: 'REQUEST_EXTENSION',
          actor: actors.officer,
          today,
          proposedDueDate,
          reason,
        }) as const;

      it('refuses a second request while one is pending', () => {
        const { message } = expectRefused(
          snapshotIn('inProgress', { extensionRequest: pendingRequest }),
          request('2026-06-30'),
          'precondition',
        );
        expect(message).toContain('đang chờ quyết định');
      });

      it.each([
        ['today', BEFORE_DUE, 'sau ngày hôm nay'],
        ['before today', '2026-03-01', 'sau ngày hôm nay'],
        ['the current due date', DUE, 'sau thời hạn hiện tại (31/03/2026)'],
        ['before the current due date', '2026-03-25', 'sau thời hạn hiện tại'],
        ['not a date', '2026-02-30', 'không hợp lệ'],
      ])('refuses a proposed date that is %s', (_label, date, text) => {
        const { message } = expectRefused(snapshotIn('inProgress'), request(date), 'precondition');
        expect(message).toContain(text);
      });

      it('refuses a request without reason', () => {
        expectRefused(snapshotIn('assigned'), request(LATER, '  '), 'precondition');
      });

      it('refuses a request for a task without due date', () => {
        expectRefused(snapshotIn('assigned', { dueDate: null }), request(LATER), 'precondition');
      });

      it('from an overdue task only needs a date after today', () => {
        const result = expectAccepted(snapshotIn('overdue'), request('2026-04-11', 'x', AFTER_DUE));
        expect(result.snapshot.context.extensionRequest?.proposedDueDate).toBe('2026-04-11');
        expectRefused(snapshotIn('overdue'), request(AFTER_DUE, 'x', AFTER_DUE), 'precondition');
      });
    });

    describe('DECIDE_EXTENSION', () => {
      const decide = (
        decision: 'approve' | 'reject',
        extra: { newDueDate?: string; reason?: string } = {},
        today = BEFORE_DUE,
      ): ReformTaskEvent => ({
        type: 'DECIDE_EXTENSION',
        actor: actors.leader,
        today,
        decision,
        ...extra,
      });

      it('is refused when no request is pending', () => {
        const { message } = expectRefused(
          snapshotIn('inProgress'),
          decide('approve'),
          'precondition',
        );
        expect(message).toBe('Không có đề nghị gia hạn nào đang chờ.');
      });

      it('approves with the proposed date by default, or with the one decided', () => {
        const pending = snapshotIn('inProgress', { extensionRequest: pendingRequest });
        expect(expectAccepted(pending, decide('approve')).snapshot.context.dueDate).toBe(LATER);
        const decided = expectAccepted(pending, decide('approve', { newDueDate: '2026-04-30' }));
        expect(decided.snapshot.context).toMatchObject({
          dueDate: '2026-04-30',
          extensionRequest: null,
        });
      });

      it('accepts a new due date of today for an overdue task', () => {
        const pending = snapshotIn('overdue', { extensionRequest: pendingRequest });
        const result = expectAccepted(
          pending,
          decide('approve', { newDueDate: AFTER_DUE }, AFTER_DUE),
        );
        expect(result.snapshot.value).toBe('inProgress');
        expect(result.snapshot.context.dueDate).toBe(AFTER_DUE);
      });

      it.each([
        ['before today', '2026-04-09', AFTER_DUE, 'overdue', 'không được trước ngày hôm nay'],
        ['not after the current due date', DUE, BEFORE_DUE, 'inProgress', 'sau thời hạn hiện tại'],
        ['not a date', 'ngày mai', BEFORE_DUE, 'inProgress', 'không hợp lệ'],
      ] as const)('refuses a new due date %s', (_label, newDueDate, today, state, text) => {
        const pending = snapshotIn(state, { extensionRequest: pendingRequest });
        const { message } = expectRefused(
          pending,
          decide('approve', { newDueDate }, today),
          'precondition',
        );
        expect(message).toContain(text);
      });

      it('requires a reason to reject, and a rejection only clears the request', () => {
        const pending = snapshotIn('overdue', { extensionRequest: pendingRequest });
        expectRefused(pending, decide('reject', {}, AFTER_DUE), 'precondition');
        const result = expectAccepted(
          pending,
          decide('reject', { reason: 'Không có căn cứ' }, AFTER_DUE),
        );
        expect(result.snapshot.value).toBe('overdue');
        expect(result.snapshot.context).toEqual(contextIn('overdue'));
        expect(result.notifications).toEqual([notice('task.extension.rejected', 'leadUnit')]);
      });
    });

    describe('REASSIGN', () => {
      const reassign = (change: {
        leadUnitId?: string;
        leaderId?: string | null;
      }): ReformTaskEvent => ({
        type: 'REASSIGN',
        actor: actors.coordinator,
        today: BEFORE_DUE,
        ...change,
      });

      it.each([
        ['nothing', {}],
        ['the same unit', { leadUnitId: 'unit-A' }],
        ['the same unit and leader', { leadUnitId: 'unit-A', leaderId: 'leader-1' }],
        ['an empty unit', { leadUnitId: ' ' }],
        ['an empty leader', { leaderId: '' }],
      ])('refuses a reassignment to %s', (_label, change) => {
        expectRefused(snapshotIn('inProgress'), reassign(change), 'precondition');
      });

      it('may remove the leader', () => {
        const result = expectAccepted(snapshotIn('reported'), reassign({ leaderId: null }));
        expect(result.snapshot.context).toMatchObject({ leadUnitId: 'unit-A', leaderId: null });
      });

      it('withdraws a pending extension request when the lead unit changes', () => {
        const pending = snapshotIn('inProgress', { extensionRequest: pendingRequest });
        const result = expectAccepted(pending, reassign({ leadUnitId: 'unit-B' }));
        expect(result.snapshot.context.extensionRequest).toBeNull();
      });

      it('keeps a pending extension request for the new leader to decide', () => {
        const pending = snapshotIn('inProgress', { extensionRequest: pendingRequest });
        const moved = expectAccepted(pending, reassign({ leaderId: 'leader-2' })).snapshot;
        expect(moved.context.extensionRequest).toEqual(pendingRequest);
        expectRefused(moved, validEvent('DECIDE_EXTENSION', actors.leader), 'role');
        expectAccepted(moved, validEvent('DECIDE_EXTENSION', actors.otherLeader));
      });
    });
  });

  describe('late marking', () => {
    it('a report on the due date is on time, accepted on time', () => {
      const reported = expectAccepted(
        snapshotIn('inProgress'),
        validEvent('SUBMIT_REPORT', actors.officer, DUE),
      );
      expect(reported.snapshot.context.late).toBe(false);
      const accepted = expectAccepted(
        reported.snapshot,
        validEvent('APPROVE', actors.leader, AFTER_DUE),
      );
      expect(accepted.snapshot.value).toBe('accepted');
      expect(accepted.snapshot.context.late).toBe(false);
    });

    it('a report after the due date is late even if DEADLINE_PASSED never came', () => {
      const reported = expectAccepted(
        snapshotIn('inProgress'),
        validEvent('SUBMIT_REPORT', actors.officer, AFTER_DUE),
      );
      expect(reported.snapshot.context.late).toBe(true);
      const accepted = expectAccepted(
        reported.snapshot,
        validEvent('APPROVE', actors.chairman, AFTER_DUE),
      );
      expect(accepted.snapshot.context.late).toBe(true);
    });

    it('overdue → reported → accepted is "hoàn thành quá hạn"', () => {
      let s = snapshotIn('assigned');
      s = expectAccepted(s, validEvent('START', actors.officer, BEFORE_DUE)).snapshot;
      s = expectAccepted(s, validEvent('DEADLINE_PASSED', actors.system, DUE)).snapshot;
      expect(s.value).toBe('overdue');
      expect(s.context).toMatchObject({ late: true, resumeState: 'inProgress' });
      s = expectAccepted(s, validEvent('SUBMIT_REPORT', actors.officer, AFTER_DUE)).snapshot;
      expect(s.context).toMatchObject({ late: true, resumeState: null });
      s = expectAccepted(s, validEvent('APPROVE', actors.leader, AFTER_DUE)).snapshot;
      expect(s.value).toBe('accepted');
      expect(s.status).toBe('done');
      expect(s.context.late).toBe(true);
    });

    it('a report submitted from overdue on the due date itself stays late', () => {
      const s = expectAccepted(
        snapshotIn('overdue'),
        validEvent('SUBMIT_REPORT', actors.officer, DUE),
      );
      expect(s.snapshot.context.late).toBe(true);
    });

    it('an overdue task can go straight to its report without START', () => {
      let s = snapshotIn('assigned');
      s = expectAccepted(s, validEvent('DEADLINE_PASSED', actors.system, AFTER_DUE)).snapshot;
      expect(s.context.resumeState).toBe('assigned');
      s = expectAccepted(s, validEvent('SUBMIT_REPORT', actors.officer, AFTER_DUE)).snapshot;
      expect(s.value).toBe('reported');
    });
  });

  describe('return', () => {
    it('returns to inProgress up to the due date', () => {
      const result = expectAccepted(
        snapshotIn('reported'),
        validEvent('RETURN', actors.leader, DUE),
      );
      expect(result.snapshot.value).toBe('inProgress');
      expect(result.snapshot.context).toEqual(baseContext);
    });

    it('returns to overdue after the due date, late, and an extension brings it back', () => {
      const reportedInTime = snapshotIn('reported');
      const returned = expectAccepted(
        reportedInTime,
        validEvent('RETURN', actors.chairman, AFTER_DUE),
      );
      expect(returned.snapshot.value).toBe('overdue');
      expect(returned.snapshot.context).toMatchObject({ late: true, resumeState: 'inProgress' });
      expect(returned.notifications).toEqual([notice('task.returned', 'leadUnit')]);

      const asked = expectAccepted(
        returned.snapshot,
        validEvent('REQUEST_EXTENSION', actors.unitHead, AFTER_DUE),
      ).snapshot;
      const granted = expectAccepted(
        asked,
        validEvent('DECIDE_EXTENSION', actors.leader, AFTER_DUE),
      );
      expect(granted.snapshot.value).toBe('inProgress');
      expect(granted.snapshot.context).toEqual({ ...baseContext, dueDate: LATER });
    });

    it('a task returned after a late report goes back to overdue', () => {
      const late = snapshotIn('reported', { late: true });
      const returned = expectAccepted(late, validEvent('RETURN', actors.leader, AFTER_DUE));
      expect(returned.snapshot.value).toBe('overdue');
    });
  });

  describe('extension', () => {
    it('approved for an overdue task brings it back to where it was, no longer late', () => {
      for (const from of ['assigned', 'inProgress'] as const) {
        let s = snapshotIn(from);
        s = expectAccepted(s, validEvent('DEADLINE_PASSED', actors.system, DUE)).snapshot;
        expect(s.value).toBe('overdue');
        s = expectAccepted(s, validEvent('REQUEST_EXTENSION', actors.officer, AFTER_DUE)).snapshot;
        expect(s.context.extensionRequest).toMatchObject({
          requestedBy: 'officer-1',
          requestedOn: AFTER_DUE,
        });
        const granted = expectAccepted(
          s,
          validEvent('DECIDE_EXTENSION', actors.chairman, AFTER_DUE),
        );
        expect(granted.snapshot.value).toBe(from);
        expect(granted.snapshot.context).toEqual({ ...baseContext, dueDate: LATER });
        expect(granted.notifications).toEqual([notice('task.extension.approved', 'leadUnit')]);
        // Resuming to `assigned` does not re-announce the assignment.
        expect(granted.notifications.map((n) => n.topic)).not.toContain('task.assigned');
        // The new deadline is watched again.
        const again = expectAccepted(
          granted.snapshot,
          validEvent('DEADLINE_PASSED', actors.system, LATER),
        );
        expect(again.snapshot.context).toMatchObject({ late: true, resumeState: from });
      }
    });

    it('an overdue task without resumeState resumes work in inProgress', () => {
      const s = snapshotIn('overdue', { resumeState: null, extensionRequest: pendingRequest });
      const granted = expectAccepted(s, validEvent('DECIDE_EXTENSION', actors.leader, AFTER_DUE));
      expect(granted.snapshot.value).toBe('inProgress');
    });

    it('rejected leaves an overdue task overdue and allows a new request', () => {
      let s = snapshotIn('overdue', { extensionRequest: pendingRequest });
      s = expectAccepted(s, {
        type: 'DECIDE_EXTENSION',
        actor: actors.leader,
        today: AFTER_DUE,
        decision: 'reject',
        reason: 'Không đủ căn cứ',
      }).snapshot;
      expect(s.value).toBe('overdue');
      expect(s.context).toMatchObject({
        late: true,
        resumeState: 'inProgress',
        extensionRequest: null,
      });
      expectAccepted(s, validEvent('REQUEST_EXTENSION', actors.officer, AFTER_DUE));
    });

    it('a pending request is dropped when the report is submitted or the task cancelled', () => {
      const pending = snapshotIn('inProgress', { extensionRequest: pendingRequest });
      const reported = expectAccepted(pending, validEvent('SUBMIT_REPORT')).snapshot;
      expect(reported.context.extensionRequest).toBeNull();
      expectRefused(reported, validEvent('DECIDE_EXTENSION'), 'state');
      const cancelled = expectAccepted(pending, validEvent('CANCEL')).snapshot;
      expect(cancelled.context.extensionRequest).toBeNull();
    });

    it('a task falls overdue with its request still pending, and approval brings it back', () => {
      let s = snapshotIn('inProgress');
      s = expectAccepted(s, validEvent('REQUEST_EXTENSION', actors.officer, BEFORE_DUE)).snapshot;
      s = expectAccepted(s, validEvent('DEADLINE_PASSED', actors.system, DUE)).snapshot;
      expect(s.value).toBe('overdue');
      expect(s.context.extensionRequest).not.toBeNull();
      expectRefused(s, validEvent('REQUEST_EXTENSION', actors.officer, AFTER_DUE), 'precondition');
      s = expectAccepted(s, validEvent('DECIDE_EXTENSION', actors.leader, AFTER_DUE)).snapshot;
      expect(s.value).toBe('inProgress');
      expect(s.context).toEqual({ ...baseContext, dueDate: LATER });
    });
  });

  describe('timers: REMIND and ESCALATE', () => {
    it('tells whoever the timer names, without moving the task', () => {
      const event = {
        ...validEvent('REMIND'),
        to: ['leadUnitHead', 'coordinator'],
        level: 2,
      } as ReformTaskEvent;
      const result = expectAccepted(snapshotIn('assigned'), event);
      expect(result.snapshot.value).toBe('assigned');
      // The level goes with it, for the notification to say which reminder this is.
      expect(result.notifications).toEqual([
        { ...notice('task.reminder', 'leadUnitHead', 'coordinator'), level: 2 },
      ]);
    });

    it('refuses a timer planned for another due date (the deadline moved since)', () => {
      const stale = { ...validEvent('REMIND'), dueDate: BEFORE_DUE } as ReformTaskEvent;
      const { message } = expectRefused(snapshotIn('inProgress'), stale, 'precondition');
      expect(message).toContain('20/03/2026');
      expect(message).toContain('31/03/2026');
      const staleEscalation = {
        ...validEvent('ESCALATE', actors.system, AFTER_DUE),
        dueDate: LATER,
      } as ReformTaskEvent;
      expectRefused(snapshotIn('overdue'), staleEscalation, 'precondition');
    });

    it('does not remind after the due date, nor a task without one', () => {
      expectRefused(
        snapshotIn('inProgress'),
        validEvent('REMIND', actors.system, AFTER_DUE),
        'precondition',
      );
      expectRefused(
        snapshotIn('inProgress', { dueDate: null }),
        validEvent('REMIND'),
        'precondition',
      );
    });

    it('refuses a timer without recipients or with an unknown one', () => {
      for (const to of [[], ['mayor']]) {
        const event = {
          ...validEvent('ESCALATE', actors.system, AFTER_DUE),
          to,
        } as ReformTaskEvent;
        expectRefused(snapshotIn('overdue'), event, 'precondition');
      }
    });

    it('escalates only an overdue task, and a report stops it', () => {
      expectRefused(
        snapshotIn('inProgress'),
        validEvent('ESCALATE', actors.system, AFTER_DUE),
        'state',
      );
      const reported = expectAccepted(
        snapshotIn('overdue'),
        validEvent('SUBMIT_REPORT', actors.officer, AFTER_DUE),
      ).snapshot;
      expectRefused(reported, validEvent('ESCALATE', actors.system, AFTER_DUE), 'state');
    });
  });

  describe('AMEND', () => {
    const amend = (changes: object, today = AFTER_DUE) =>
      ({ ...validEvent('AMEND', actors.coordinator, today), changes }) as ReformTaskEvent;

    it('changes only the fields it names', () => {
      const result = expectAccepted(
        snapshotIn('inProgress'),
        amend({ dueDate: LATER }, BEFORE_DUE),
      );
      expect(result.snapshot.context).toEqual({ ...baseContext, dueDate: LATER });
      const noLeader = expectAccepted(
        snapshotIn('assigned'),
        amend({ leaderId: null }, BEFORE_DUE),
      );
      expect(noLeader.snapshot.context).toEqual({ ...baseContext, leaderId: null });
    });

    it('brings an overdue task back when the new deadline has not passed', () => {
      for (const resumeState of ['assigned', 'inProgress'] as const) {
        const result = expectAccepted(
          snapshotIn('overdue', { resumeState }),
          amend({ dueDate: LATER }),
        );
        expect(result.snapshot.value).toBe(resumeState);
        expect(result.snapshot.context).toMatchObject({
          dueDate: LATER,
          late: false,
          resumeState: null,
        });
      }
      const withoutDeadline = expectAccepted(snapshotIn('overdue'), amend({ dueDate: null }));
      expect(withoutDeadline.snapshot.value).toBe('inProgress');
    });

    it('leaves an overdue task overdue when the new deadline has passed too', () => {
      const result = expectAccepted(snapshotIn('overdue'), amend({ dueDate: BEFORE_DUE }));
      expect(result.snapshot.value).toBe('overdue');
      expect(result.snapshot.context).toMatchObject({ dueDate: BEFORE_DUE, late: true });
    });

    it('requires a reason and well-formed changes', () => {
      const blank = { ...amend({ dueDate: LATER }), reason: ' ' } as ReformTaskEvent;
      expect(expectRefused(snapshotIn('assigned'), blank, 'precondition').message).toBe(
        'Phải nêu lý do điều chỉnh nhiệm vụ.',
      );
      expectRefused(snapshotIn('assigned'), amend({ dueDate: '2026-02-30' }), 'precondition');
      expectRefused(snapshotIn('assigned'), amend({ leadUnitId: '' }), 'precondition');
      expectRefused(snapshotIn('assigned'), amend(undefined as never), 'precondition');
    });

    it('is refused once the task is accepted or cancelled', () => {
      for (const state of ['accepted', 'cancelled'] as const) {
        expectRefused(snapshotIn(state), amend({ dueDate: LATER }), 'state');
      }
    });
  });

  describe('CHILDREN_COMPLETED', () => {
    it('accepts a group task, late when a child was late or the group itself was', () => {
      const late = { ...validEvent('CHILDREN_COMPLETED'), late: true } as ReformTaskEvent;
      expect(expectAccepted(snapshotIn('inProgress'), late).snapshot.context.late).toBe(true);
      const onTime = validEvent('CHILDREN_COMPLETED');
      expect(expectAccepted(snapshotIn('assigned'), onTime).snapshot.context.late).toBe(false);
      expect(expectAccepted(snapshotIn('overdue'), onTime).snapshot.context.late).toBe(true);
    });

    it('requires to know whether a child was late', () => {
      const event = {
        ...validEvent('CHILDREN_COMPLETED'),
        late: undefined,
      } as unknown as ReformTaskEvent;
      expectRefused(snapshotIn('assigned'), event, 'precondition');
    });
  });

  describe('persistence', () => {
    const roundTrip = (snapshot: Snapshot): Snapshot =>
      reformTaskMachine.resolveState(JSON.parse(JSON.stringify(snapshot)));

    it('a snapshot survives JSON at every step of a full lifecycle and keeps working', () => {
      const [initial] = initialTransition(reformTaskMachine, {
        leadUnitId: 'unit-A',
        leaderId: 'leader-1',
        dueDate: DUE,
      });
      const events: ReformTaskEvent[] = [
        validEvent('START', actors.officer, '2026-03-01'),
        validEvent('REQUEST_EXTENSION', actors.officer, '2026-03-02'),
        {
          type: 'DECIDE_EXTENSION',
          actor: actors.leader,
          today: '2026-03-03',
          decision: 'reject',
          reason: 'Không',
        },
        validEvent('DEADLINE_PASSED', actors.system, DUE),
        validEvent('REQUEST_EXTENSION', actors.unitHead, AFTER_DUE),
        validEvent('DECIDE_EXTENSION', actors.chairman, AFTER_DUE),
        validEvent('SUBMIT_REPORT', actors.officer, '2026-05-01'),
        validEvent('RETURN', actors.leader, '2026-05-02'),
        validEvent('SUBMIT_REPORT', actors.officer, '2026-05-03'),
        validEvent('APPROVE', actors.leader, '2026-05-04'),
      ];
      let live: Snapshot = initial;
      let stored: Snapshot = roundTrip(initial);
      const visited: unknown[] = [];
      for (const event of events) {
        const a = send(live, event);
        const b = send(stored, event);
        expect(b.snapshot.value).toEqual(a.snapshot.value);
        expect(b.snapshot.context).toEqual(a.snapshot.context);
        expect(b.notifications).toEqual(a.notifications);
        expect(b.notifications.length).toBeGreaterThan(0);
        live = a.snapshot;
        stored = roundTrip(b.snapshot);
        visited.push(live.value);
      }
      expect(visited).toEqual([
        'inProgress',
        'inProgress',
        'inProgress',
        'overdue',
        'overdue',
        'inProgress',
        'reported',
        'inProgress',
        'reported',
        'accepted',
      ]);
      expect(stored.status).toBe('done');
      expect(stored.context).toEqual({ ...baseContext, dueDate: LATER });
      expectRefused(stored, validEvent('CANCEL'), 'state');
    });

    it('restores a stored overdue task with its pending request', () => {
      const stored = roundTrip(snapshotIn('overdue', { extensionRequest: pendingRequest }));
      expect(stored.value).toBe('overdue');
      expect(stored.status).toBe('active');
      const granted = expectAccepted(
        stored,
        validEvent('DECIDE_EXTENSION', actors.leader, AFTER_DUE),
      );
      expect(granted.snapshot.value).toBe('inProgress');
    });
  });
});
