import {
  DOSSIER_EVENT_LABELS,
  DOSSIER_EVENT_TYPES,
  DOSSIER_FINAL_STATES,
  DOSSIER_STATE_LABELS,
  DOSSIER_STATES,
  DossierContext,
  DossierEvent,
  DossierEventType,
  IsoDate,
} from '@cchc/domain';
import {
  allowedEvents,
  authorizeTthcDossier,
  refusal,
  restoreSnapshot,
  stateLabel,
  tthcDossierMachine,
  tthcDossierPrecondition,
  tthcDossierWorkflow,
} from './index';
import {
  ACTOR_NAMES,
  ActorName,
  actors,
  AFTER,
  APPOINTMENT,
  BEFORE,
  defaultToday,
  delayPending,
  overduePending,
  send,
  snapshotIn,
  validEvent,
} from './tthc-dossier.fixtures';

const wf = tthcDossierWorkflow;

/** Contexts every state is tried with: plain, a slip pending either way, overdue, late. */
const CONTEXTS: Partial<DossierContext>[] = [
  {},
  delayPending,
  overduePending,
  { overdue: true },
  { appointmentDate: BEFORE },
];

describe('tthcDossierWorkflow definition', () => {
  it('names, versions and describes the machine', () => {
    expect(wf.name).toBe('tthc-dossier');
    expect(wf.version).toBe(1);
    expect(wf.subject).toBe('hồ sơ');
    expect(wf.machine).toBe(tthcDossierMachine);
  });

  it('labels every state of the machine and nothing else', () => {
    expect(Object.keys(tthcDossierMachine.states).sort()).toEqual([...DOSSIER_STATES].sort());
    expect(wf.stateLabels).toEqual(DOSSIER_STATE_LABELS);
    expect(wf.stateLabels.supplementRequested).toBe('Chờ bổ sung');
  });

  it('marks exactly the final states as final', () => {
    for (const state of DOSSIER_STATES) {
      expect(snapshotIn(state).status).toBe(
        DOSSIER_FINAL_STATES.includes(state) ? 'done' : 'active',
      );
    }
  });

  it('lists every event type the machine handles, each with a label', () => {
    expect([...tthcDossierMachine.root.events].sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
    expect(wf.eventTypes).toEqual(DOSSIER_EVENT_TYPES);
    for (const type of wf.eventTypes) expect(wf.eventLabels[type]).toBe(DOSSIER_EVENT_LABELS[type]);
  });
});

describe('stateLabel', () => {
  it('gives the Vietnamese label of the current state', () => {
    expect(stateLabel(wf, snapshotIn('processing'))).toBe('Đang xử lý');
    expect(stateLabel(wf, snapshotIn('withdrawn'))).toBe('Đã rút hồ sơ');
  });
});

describe('refusal', () => {
  it('is null when the snapshot accepts the event', () => {
    expect(refusal(wf, snapshotIn('received'), validEvent('START_PROCESSING'))).toBeNull();
  });

  it('names the state and the event when the state does not take the event type', () => {
    expect(
      refusal(wf, snapshotIn('supplementRequested'), validEvent('APPOINTMENT_MISSED')),
    ).toEqual({
      kind: 'state',
      message: 'Không thể "Quá hạn hẹn trả" khi hồ sơ đang ở trạng thái "Chờ bổ sung".',
    });
    expect(refusal(wf, snapshotIn('resultReady'), validEvent('REJECT'))).toEqual({
      kind: 'state',
      message: 'Không thể "Từ chối giải quyết" khi hồ sơ đang ở trạng thái "Có kết quả".',
    });
  });

  it('refuses everything in a final state as a state refusal, whoever sends it', () => {
    for (const state of DOSSIER_FINAL_STATES) {
      for (const type of DOSSIER_EVENT_TYPES) {
        for (const name of ACTOR_NAMES) {
          const r = refusal(wf, snapshotIn(state, delayPending), validEvent(type, actors[name]));
          expect(r?.kind).toBe('state');
          expect(r?.message).toContain(`"${DOSSIER_STATE_LABELS[state]}"`);
        }
      }
    }
  });

  it('refuses an event type the workflow does not know', () => {
    const event = { type: 'PUBLISH', actor: actors.oneStop, today: BEFORE };
    expect(refusal(wf, snapshotIn('received'), event as unknown as DossierEvent)).toEqual({
      kind: 'state',
      message: 'Loại thao tác "PUBLISH" không có trong quy trình hồ sơ.',
    });
  });

  it("gives authorize()'s sentence for a role refusal, checked before the payload", () => {
    const snapshot = snapshotIn('processing');
    const event = { ...validEvent('REJECT', actors.officer), reason: '' } as DossierEvent;
    expect(refusal(wf, snapshot, event)).toEqual({
      kind: 'role',
      message: authorizeTthcDossier(snapshot.context, 'REJECT', actors.officer),
    });
  });

  it("gives the precondition's sentence otherwise", () => {
    const snapshot = snapshotIn('processing');
    const event = { ...validEvent('REPORT_DELAY'), proposedDate: APPOINTMENT } as DossierEvent;
    expect(refusal(wf, snapshot, event)).toEqual({
      kind: 'precondition',
      message: tthcDossierPrecondition(snapshot.context, event),
    });
    expect(refusal(wf, snapshot, validEvent('APPROVE_APOLOGY'))).toEqual({
      kind: 'precondition',
      message: 'Không có phiếu xin lỗi nào đang chờ ký.',
    });
  });

  /*
   * The guard and the explanation come from the same rules: whatever the state, context,
   * actor, day and payload, `refusal` is null exactly when the machine moves.
   */
  it('agrees with the machine for every state × context × event × actor × day × payload', () => {
    const variants = (type: DossierEventType, name: ActorName): DossierEvent[] => {
      const actor = actors[name];
      const events = [BEFORE, APPOINTMENT, AFTER].map((today) => validEvent(type, actor, today));
      const base = validEvent(type, actor);
      switch (base.type) {
        case 'REQUEST_SUPPLEMENT':
          events.push(
            { ...base, remainingWorkingDays: 0 },
            { ...base, remainingWorkingDays: -1 },
            { ...base, remainingWorkingDays: 30 },
            { ...base, reason: '' },
          );
          break;
        case 'SUPPLEMENT_RECEIVED':
          events.push(
            { ...base, newAppointmentDate: BEFORE },
            { ...base, newAppointmentDate: 'x' },
          );
          break;
        case 'REPORT_DELAY':
          events.push({ ...base, proposedDate: APPOINTMENT }, { ...base, reason: ' ' });
          break;
        case 'APPROVE_APOLOGY': {
          const { reason: _omitted, ...noReason } = base;
          events.push(noReason, { ...base, reason: '' }, { ...base, newAppointmentDate: BEFORE });
          break;
        }
        case 'REJECT':
        case 'WITHDRAW':
          events.push({ ...base, reason: '' });
          break;
      }
      return events;
    };

    let checked = 0;
    const kinds = { none: 0, state: 0, role: 0, precondition: 0 };
    // Collected, then asserted once: an expect() per case would make this test slow.
    const disagreements: unknown[] = [];
    for (const state of DOSSIER_STATES) {
      for (const overrides of CONTEXTS) {
        const snapshot = snapshotIn(state, overrides);
        for (const type of DOSSIER_EVENT_TYPES) {
          for (const name of ACTOR_NAMES) {
            for (const event of variants(type, name)) {
              const r = refusal(wf, snapshot, event);
              const moved = send(snapshot, event);
              const didMove = moved.actions.length > 0;
              const unchanged =
                moved.snapshot.value === snapshot.value &&
                JSON.stringify(moved.snapshot.context) === JSON.stringify(snapshot.context);
              const roleMessageAgrees =
                r?.kind !== 'role' ||
                authorizeTthcDossier(snapshot.context, type, event.actor) === r.message;
              if ((r !== null) === didMove || (r !== null && !unchanged) || !roleMessageAgrees) {
                disagreements.push({ state, overrides, name, event, refusal: r, didMove });
              }
              kinds[r?.kind ?? 'none']++;
              checked++;
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
    for (const count of Object.values(kinds)) expect(count).toBeGreaterThan(100);
  });
});

describe('allowedEvents', () => {
  it.each([
    ['oneStop', 'received', {}, ['START_PROCESSING', 'WITHDRAW']],
    ['officer', 'received', {}, ['START_PROCESSING']],
    ['unitHead', 'received', overduePending, ['START_PROCESSING', 'APPROVE_APOLOGY', 'REJECT']],
    ['officer', 'processing', {}, ['REQUEST_SUPPLEMENT', 'RECORD_RESULT', 'REPORT_DELAY']],
    ['officer', 'processing', delayPending, ['REQUEST_SUPPLEMENT', 'RECORD_RESULT']],
    ['officer', 'processing', { overdue: true }, ['REQUEST_SUPPLEMENT', 'RECORD_RESULT']],
    [
      'unitHead',
      'processing',
      overduePending,
      ['REQUEST_SUPPLEMENT', 'RECORD_RESULT', 'APPROVE_APOLOGY', 'REJECT'],
    ],
    ['otherUnitHead', 'processing', overduePending, []],
    ['oneStop', 'processing', {}, ['WITHDRAW']],
    ['oneStop', 'supplementRequested', {}, ['SUPPLEMENT_RECEIVED', 'WITHDRAW']],
    ['unitHead', 'supplementRequested', overduePending, ['SUPPLEMENT_RECEIVED', 'REJECT']],
    ['oneStop', 'resultReady', {}, ['RETURN_RESULT', 'WITHDRAW']],
    ['unitHead', 'resultReady', overduePending, ['APPROVE_APOLOGY']],
    ['system', 'received', {}, ['APPOINTMENT_MISSED']],
    ['system', 'processing', delayPending, ['APPOINTMENT_MISSED']],
    ['system', 'processing', { overdue: true }, []],
    ['system', 'supplementRequested', {}, []],
    ['system', 'resultReady', {}, []],
    ['chairman', 'processing', overduePending, []],
    ['leader', 'processing', overduePending, []],
    ['coordinator', 'received', {}, []],
  ] as const)('%s in %s %j → %j', (name, state, overrides, expected) => {
    expect(allowedEvents(wf, snapshotIn(state, overrides), actors[name])).toEqual(expected);
  });

  it('offers nothing to the inspector, nor anything in a final state', () => {
    for (const state of DOSSIER_STATES) {
      for (const overrides of CONTEXTS) {
        expect(allowedEvents(wf, snapshotIn(state, overrides), actors.inspector)).toEqual([]);
      }
    }
    for (const state of DOSSIER_FINAL_STATES) {
      for (const name of ACTOR_NAMES) {
        expect(allowedEvents(wf, snapshotIn(state, delayPending), actors[name])).toEqual([]);
      }
    }
  });

  it('offers exactly the event types a valid payload gets through', () => {
    // A valid event is sent on a day that fits its context.
    const dayFor = (type: DossierEventType, context: DossierContext): IsoDate =>
      type === 'APPOINTMENT_MISSED' ? context.appointmentDate : defaultToday(type);
    // An overdue dossier resumes on its missed appointment (the slip sets the next one).
    const fitted = (event: DossierEvent, context: DossierContext): DossierEvent =>
      event.type === 'SUPPLEMENT_RECEIVED' && context.overdue
        ? { ...event, newAppointmentDate: context.appointmentDate }
        : event;
    const disagreements: unknown[] = [];
    for (const state of DOSSIER_STATES) {
      for (const overrides of [{}, delayPending, overduePending, { overdue: true }]) {
        const snapshot = snapshotIn(state, overrides);
        for (const name of ACTOR_NAMES) {
          const offered = allowedEvents(wf, snapshot, actors[name]);
          for (const type of DOSSIER_EVENT_TYPES) {
            const event = fitted(
              validEvent(type, actors[name], dayFor(type, snapshot.context)),
              snapshot.context,
            );
            const passes = refusal(wf, snapshot, event) === null;
            if (offered.includes(type) !== passes) {
              disagreements.push({ state, overrides, name, type, offered: !passes });
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('restoreSnapshot', () => {
  it('rebuilds a working snapshot from stored JSON', () => {
    const stored = JSON.parse(JSON.stringify(snapshotIn('processing', overduePending)));
    const snapshot = restoreSnapshot(wf, stored);
    expect(snapshot.value).toBe('processing');
    expect(allowedEvents(wf, snapshot, actors.unitHead)).toContain('APPROVE_APOLOGY');
    const next = send(snapshot, validEvent('APPROVE_APOLOGY', actors.unitHead, AFTER));
    expect(next.snapshot.context).toMatchObject({ apologyPending: null, overdue: false });
    expect(next.issueApology).toHaveLength(1);
  });

  it('restores a final state as done', () => {
    const snapshot = restoreSnapshot(wf, JSON.parse(JSON.stringify(snapshotIn('returned'))));
    expect(snapshot.status).toBe('done');
    expect(refusal(wf, snapshot, validEvent('WITHDRAW'))?.kind).toBe('state');
  });
});
