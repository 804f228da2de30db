import {
  ReformTaskEvent,
  TASK_EVENT_LABELS,
  TASK_EVENT_TYPES,
  TASK_STATE_LABELS,
  TASK_STATES,
  TaskEventType,
} from '@cchc/domain';
import {
  allowedEvents,
  authorizeReformTask,
  reformTaskMachine,
  reformTaskPrecondition,
  reformTaskWorkflow,
  refusal,
  restoreSnapshot,
  stateLabel,
} from './index';
import {
  ACTOR_NAMES,
  actors,
  AFTER_DUE,
  BEFORE_DUE,
  DUE,
  LATER,
  pendingRequest,
  send,
  snapshotIn,
  validEvent,
} from './reform-task.fixtures';

const wf = reformTaskWorkflow;

describe('reformTaskWorkflow definition', () => {
  it('names and versions the machine', () => {
    expect(wf.name).toBe('reform-task');
    expect(wf.version).toBe(1);
    expect(wf.machine).toBe(reformTaskMachine);
  });

  it('labels every state of the machine and nothing else', () => {
    expect(Object.keys(reformTaskMachine.states).sort()).toEqual([...TASK_STATES].sort());
    expect(wf.stateLabels).toEqual(TASK_STATE_LABELS);
  });

  it('lists every event type the machine handles, each with a label', () => {
    expect([...reformTaskMachine.root.events].sort()).toEqual([...TASK_EVENT_TYPES].sort());
    expect(wf.eventTypes).toEqual(TASK_EVENT_TYPES);
    for (const type of wf.eventTypes) expect(wf.eventLabels[type]).toBe(TASK_EVENT_LABELS[type]);
  });

  it('refuses an unknown event type in authorize', () => {
    expect(authorizeReformTask(snapshotIn('assigned').context, 'PUBLISH', actors.chairman)).toBe(
      'Loại sự kiện "PUBLISH" không hợp lệ.',
    );
  });
});

describe('stateLabel', () => {
  it('gives the Vietnamese label of the current state', () => {
    expect(stateLabel(wf, snapshotIn('inProgress'))).toBe('Đang thực hiện');
    expect(stateLabel(wf, snapshotIn('cancelled'))).toBe('Đã hủy');
  });
});

describe('refusal', () => {
  it('is null when the snapshot accepts the event', () => {
    expect(refusal(wf, snapshotIn('assigned'), validEvent('START'))).toBeNull();
  });

  it('names the state and the event when the state does not take the event type', () => {
    expect(refusal(wf, snapshotIn('assigned'), validEvent('APPROVE'))).toEqual({
      kind: 'state',
      message: 'Không thể "Nghiệm thu" khi nhiệm vụ đang ở trạng thái "Đã giao".',
    });
    expect(refusal(wf, snapshotIn('reported'), validEvent('DEADLINE_PASSED'))).toEqual({
      kind: 'state',
      message: 'Không thể "Quá hạn" khi nhiệm vụ đang ở trạng thái "Chờ nghiệm thu".',
    });
  });

  it('refuses everything in a final state as a state refusal, whoever sends it', () => {
    for (const state of ['accepted', 'cancelled'] as const) {
      for (const type of TASK_EVENT_TYPES) {
        const r = refusal(wf, snapshotIn(state), validEvent(type, actors.chairman));
        expect(r?.kind).toBe('state');
        expect(r?.message).toContain(`"${TASK_STATE_LABELS[state]}"`);
      }
    }
  });

  it('refuses an event type the workflow does not know', () => {
    const event = { type: 'PUBLISH', actor: actors.chairman, today: BEFORE_DUE };
    const r = refusal(wf, snapshotIn('assigned'), event as unknown as ReformTaskEvent);
    expect(r).toEqual({
      kind: 'state',
      message: 'Loại thao tác "PUBLISH" không có trong quy trình nhiệm vụ.',
    });
  });

  it("gives authorize()'s sentence for a role refusal", () => {
    const snapshot = snapshotIn('assigned');
    const event = validEvent('START', actors.otherOfficer);
    expect(refusal(wf, snapshot, event)).toEqual({
      kind: 'role',
      message: authorizeReformTask(snapshot.context, 'START', actors.otherOfficer),
    });
    expect(
      refusal(wf, snapshotIn('inProgress'), validEvent('DEADLINE_PASSED', actors.chairman, DUE)),
    ).toEqual({
      kind: 'role',
      message:
        'Chỉ hệ thống mới được gửi sự kiện này (quá hạn, nhắc hạn, chuyển cấp trên xử lý, hoàn thành nhóm).',
    });
    expect(refusal(wf, snapshotIn('inProgress'), validEvent('CANCEL', actors.system))?.kind).toBe(
      'role',
    );
  });

  it('checks the role before the payload', () => {
    const event: ReformTaskEvent = {
      ...validEvent('CANCEL', actors.coordinator),
      type: 'CANCEL',
      reason: '',
    };
    expect(refusal(wf, snapshotIn('inProgress'), event)?.kind).toBe('role');
  });

  it("gives the precondition's sentence otherwise", () => {
    const snapshot = snapshotIn('inProgress');
    const event: ReformTaskEvent = {
      ...validEvent('SUBMIT_REPORT'),
      type: 'SUBMIT_REPORT',
      report: '',
    };
    expect(refusal(wf, snapshot, event)).toEqual({
      kind: 'precondition',
      message: reformTaskPrecondition(snapshot.context, event),
    });
    expect(refusal(wf, snapshot, validEvent('DECIDE_EXTENSION'))).toEqual({
      kind: 'precondition',
      message: 'Không có đề nghị gia hạn nào đang chờ.',
    });
  });

  /*
   * The guard and the explanation come from the same rules: whatever the state, actor and
   * payload, `refusal` is null exactly when the machine moves.
   */
  it('agrees with the machine for every state × event × actor × payload', () => {
    const variants = (type: TaskEventType, actorName: (typeof ACTOR_NAMES)[number]) => {
      const actor = actors[actorName];
      const events: ReformTaskEvent[] = [BEFORE_DUE, DUE, AFTER_DUE].map((today) =>
        validEvent(type, actor, today),
      );
      const base = validEvent(type, actor);
      switch (base.type) {
        case 'SUBMIT_REPORT':
          events.push({ ...base, report: ' ' });
          break;
        case 'RETURN':
        case 'CANCEL':
          events.push({ ...base, reason: '' });
          break;
        case 'REQUEST_EXTENSION':
          events.push({ ...base, proposedDueDate: DUE }, { ...base, reason: '' });
          break;
        case 'DECIDE_EXTENSION':
          events.push(
            { ...base, decision: 'reject' },
            { ...base, decision: 'reject', reason: 'Không' },
            { ...base, newDueDate: '2026-01-01' },
          );
          break;
        case 'REASSIGN':
          events.push({ ...base, leadUnitId: 'unit-A' }, { ...base, leaderId: null });
          break;
      }
      return events;
    };

    let checked = 0;
    let accepted = 0;
    for (const state of TASK_STATES) {
      for (const overrides of [{}, { extensionRequest: pendingRequest }, { dueDate: null }]) {
        const snapshot = snapshotIn(state, overrides);
        for (const type of TASK_EVENT_TYPES) {
          for (const actorName of ACTOR_NAMES) {
            for (const event of variants(type, actorName)) {
              const r = refusal(wf, snapshot, event);
              const moved = send(snapshot, event);
              const didMove = moved.actions.length > 0;
              expect({ state, type, actorName, event, refused: r !== null }).toEqual({
                state,
                type,
                actorName,
                event,
                refused: !didMove,
              });
              if (r === null) accepted++;
              if (r?.kind === 'role') {
                expect(authorizeReformTask(snapshot.context, type, event.actor)).toBe(r.message);
              }
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('allowedEvents', () => {
  const pending = { extensionRequest: pendingRequest };

  it.each([
    ['officer', 'assigned', {}, ['START', 'REQUEST_EXTENSION']],
    ['unitHead', 'assigned', pending, ['START']],
    ['officer', 'inProgress', {}, ['SUBMIT_REPORT', 'REQUEST_EXTENSION']],
    ['officer', 'overdue', {}, ['SUBMIT_REPORT', 'REQUEST_EXTENSION']],
    ['officer', 'inProgress', { dueDate: null }, ['SUBMIT_REPORT']],
    ['officer', 'reported', {}, []],
    ['otherOfficer', 'inProgress', {}, []],
    ['leader', 'reported', {}, ['APPROVE', 'RETURN']],
    ['leader', 'inProgress', {}, []],
    ['leader', 'overdue', pending, ['DECIDE_EXTENSION']],
    ['otherLeader', 'reported', {}, []],
    ['leader', 'reported', { leaderId: null }, []],
    [
      'chairman',
      'reported',
      { leaderId: null },
      ['APPROVE', 'RETURN', 'REASSIGN', 'CANCEL', 'AMEND'],
    ],
    ['chairman', 'inProgress', pending, ['DECIDE_EXTENSION', 'REASSIGN', 'CANCEL', 'AMEND']],
    ['coordinator', 'overdue', {}, ['REASSIGN', 'AMEND']],
    ['system', 'assigned', {}, ['DEADLINE_PASSED', 'REMIND', 'CHILDREN_COMPLETED']],
    ['system', 'inProgress', {}, ['DEADLINE_PASSED', 'REMIND', 'CHILDREN_COMPLETED']],
    ['system', 'inProgress', { dueDate: null }, ['CHILDREN_COMPLETED']],
    ['system', 'reported', {}, ['CHILDREN_COMPLETED']],
    ['system', 'overdue', {}, ['ESCALATE', 'CHILDREN_COMPLETED']],
  ] as const)('%s in %s %j → %j', (actorName, state, overrides, expected) => {
    expect(allowedEvents(wf, snapshotIn(state, overrides), actors[actorName])).toEqual(expected);
  });

  it('offers nothing to the inspector or the one-stop officer, nor anything in a final state', () => {
    for (const state of TASK_STATES) {
      const snapshot = snapshotIn(state, pending);
      expect(allowedEvents(wf, snapshot, actors.inspector)).toEqual([]);
      expect(allowedEvents(wf, snapshot, actors.oneStop)).toEqual([]);
    }
    for (const state of ['accepted', 'cancelled'] as const) {
      for (const name of ACTOR_NAMES)
        expect(allowedEvents(wf, snapshotIn(state), actors[name])).toEqual([]);
    }
  });

  it('offers exactly the event types a valid payload gets through', () => {
    for (const state of TASK_STATES) {
      for (const overrides of [{}, pending, { dueDate: null }]) {
        const snapshot = snapshotIn(state, overrides);
        for (const name of ACTOR_NAMES) {
          const offered = allowedEvents(wf, snapshot, actors[name]);
          for (const type of TASK_EVENT_TYPES) {
            const today = type === 'DEADLINE_PASSED' ? AFTER_DUE : BEFORE_DUE;
            const passes = refusal(wf, snapshot, validEvent(type, actors[name], today)) === null;
            expect({ state, overrides, name, type, offered: offered.includes(type) }).toEqual({
              state,
              overrides,
              name,
              type,
              offered: passes,
            });
          }
        }
      }
    }
  });
});

describe('restoreSnapshot', () => {
  it('rebuilds a working snapshot from stored JSON', () => {
    const stored = JSON.parse(
      JSON.stringify(snapshotIn('overdue', { extensionRequest: pendingRequest })),
    );
    const snapshot = restoreSnapshot(wf, stored);
    expect(snapshot.value).toBe('overdue');
    expect(allowedEvents(wf, snapshot, actors.leader)).toEqual(['DECIDE_EXTENSION']);
    const next = send(snapshot, validEvent('DECIDE_EXTENSION', actors.leader, AFTER_DUE));
    expect(next.snapshot.value).toBe('inProgress');
    expect(next.snapshot.context.dueDate).toBe(LATER);
  });

  it('restores a final state as done', () => {
    const snapshot = restoreSnapshot(wf, JSON.parse(JSON.stringify(snapshotIn('accepted'))));
    expect(snapshot.status).toBe('done');
    expect(refusal(wf, snapshot, validEvent('CANCEL'))?.kind).toBe('state');
  });
});
