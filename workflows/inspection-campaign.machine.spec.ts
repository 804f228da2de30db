import { initialTransition, transition } from 'xstate';
import {
  Actor,
  CAMPAIGN_EVENT_TYPES,
  CAMPAIGN_STATES,
  CampaignEventType,
  CampaignState,
  InspectionCampaignEvent,
  InspectionKind,
  Role,
} from '@cchc/domain';
import { inspectionCampaignMachine } from './inspection-campaign.machine';
import {
  findingAllowedEvents,
  inspectionCampaignWorkflow,
  visitAllowedEvents,
} from './inspection-campaign.workflow';
import { allowedEvents, refusal } from './workflow-definition';

const TODAY = '2026-04-10';
const user = (userId: string, role: Role, unitId: string | null = null): Actor => ({
  kind: 'user',
  userId,
  role,
  unitId,
});
const head = user('insp-head', 'inspector');
const member = user('insp-member', 'inspector');
const outsider = user('insp-other', 'inspector');
const chairman = user('chair', 'chairman');
const unitHead = user('head-A', 'unit_head', 'unit-A');
const coordinator = user('coord', 'coordinator', 'office');

const input = {
  kind: 'khong_bao_truoc' as const,
  headId: 'insp-head',
  inspectorIds: ['insp-head', 'insp-member'],
  visits: [
    { unitId: 'unit-A', scheduledOn: '2026-04-01' },
    { unitId: 'unit-B', scheduledOn: '2026-04-02' },
  ],
};

type Snapshot = ReturnType<typeof initialTransition<typeof inspectionCampaignMachine>>[0];

function send(snapshot: Snapshot, event: InspectionCampaignEvent): Snapshot {
  expect(refusal(inspectionCampaignWorkflow, snapshot, event)).toBeNull();
  return transition(inspectionCampaignMachine, snapshot, event)[0];
}

const at = (actor: Actor) => ({ actor, today: TODAY });

/** Walks a campaign to `state`: in progress with unit-A done and one open finding, etc. */
function snapshotIn(state: CampaignState): Snapshot {
  let snapshot = initialTransition(inspectionCampaignMachine, input)[0];
  if (state === 'planned') return snapshot;
  snapshot = send(snapshot, { type: 'START', ...at(head) });
  snapshot = send(snapshot, { type: 'START_VISIT', unitId: 'unit-A', ...at(member) });
  snapshot = send(snapshot, {
    type: 'RECORD_FINDING',
    unitId: 'unit-A',
    findingId: 'f1',
    ...at(member),
  });
  snapshot = send(snapshot, {
    type: 'RECORD_FINDING',
    unitId: 'unit-A',
    findingId: 'f2',
    ...at(member),
  });
  if (state === 'inProgress') return snapshot;
  for (const unitId of ['unit-A', 'unit-B']) {
    if (snapshot.context.visits[unitId].state === 'scheduled') {
      snapshot = send(snapshot, { type: 'START_VISIT', unitId, ...at(member) });
    }
    snapshot = send(snapshot, {
      type: 'FINISH_VISIT',
      unitId,
      doneOn: TODAY,
      uncheckedTopics: 0,
      ...at(member),
    });
  }
  snapshot = send(snapshot, { type: 'CONCLUDE', noticeNumber: '12/TB-UBND', ...at(chairman) });
  if (state === 'concluded') return snapshot;
  snapshot = send(snapshot, { type: 'ASSIGN_TASK', findingId: 'f1', taskId: 't1', ...at(head) });
  snapshot = send(snapshot, {
    type: 'ESCALATE_FINDING',
    findingId: 'f2',
    reason: 'Vượt thẩm quyền',
    ...at(head),
  });
  snapshot = send(snapshot, {
    type: 'CLOSE_FINDING',
    findingId: 'f2',
    reason: 'Đã chỉ đạo',
    ...at(chairman),
  });
  return send(snapshot, { type: 'CLOSE', unacceptedTasks: 0, ...at(head) });
}

/** A valid event of each type, sent by who may send it. */
function validEvent(type: CampaignEventType): InspectionCampaignEvent {
  switch (type) {
    case 'START':
      return { type, ...at(head) };
    case 'START_VISIT':
      return { type, unitId: 'unit-B', ...at(member) };
    case 'RECORD_CHECKLIST':
      return { type, unitId: 'unit-A', ...at(member) };
    case 'FINISH_VISIT':
      return { type, unitId: 'unit-A', doneOn: TODAY, uncheckedTopics: 0, ...at(member) };
    case 'RECORD_FINDING':
      return {
        type,
        unitId: 'unit-A',
        findingId: 'f9',
        ...at(member),
      };
    case 'ASSIGN_TASK':
      return { type, findingId: 'f1', taskId: 't1', ...at(head) };
    case 'ESCALATE_FINDING':
      return { type, findingId: 'f1', reason: 'Vượt thẩm quyền', ...at(head) };
    case 'CLOSE_FINDING':
      return { type, findingId: 'f1', reason: 'Đã chỉ đạo khắc phục', ...at(chairman) };
    case 'CONCLUDE':
      return { type, noticeNumber: '12/TB-UBND', ...at(chairman) };
    case 'CLOSE':
      return { type, unacceptedTasks: 0, ...at(head) };
  }
}

/** Which event types each state accepts (given valid payloads and senders). */
const ACCEPTS: Record<CampaignState, CampaignEventType[]> = {
  planned: ['START'],
  inProgress: [
    'START_VISIT',
    'RECORD_CHECKLIST',
    'RECORD_FINDING',
    'ASSIGN_TASK',
    'ESCALATE_FINDING',
    'FINISH_VISIT',
  ],
  concluded: ['ASSIGN_TASK', 'ESCALATE_FINDING', 'CLOSE_FINDING'],
  closed: [],
};

describe('inspectionCampaignMachine', () => {
  it('starts planned with every visit scheduled and no finding', () => {
    const snapshot = snapshotIn('planned');
    expect(snapshot.value).toBe('planned');
    expect(snapshot.context.visits['unit-A']).toEqual({
      state: 'scheduled',
      scheduledOn: '2026-04-01',
      startedOn: null,
      checkedOn: null,
      doneOn: null,
    });
    expect(snapshot.context.findings).toEqual({});
  });

  it('runs planned → inProgress → concluded → closed', () => {
    expect(snapshotIn('inProgress').value).toBe('inProgress');
    const concluded = snapshotIn('concluded');
    expect(concluded.value).toBe('concluded');
    expect(concluded.context.noticeNumber).toBe('12/TB-UBND');
    expect(concluded.context.concludedOn).toBe(TODAY);
    expect(concluded.context.visits['unit-B']).toMatchObject({ state: 'done', doneOn: TODAY });
    const closed = snapshotIn('closed');
    expect(closed.value).toBe('closed');
    expect(closed.status).toBe('done');
    expect(closed.context.findings).toEqual({
      f1: { unitId: 'unit-A', status: 'task' },
      f2: { unitId: 'unit-A', status: 'closed' },
    });
  });

  describe.each(CAMPAIGN_STATES)('in %s', (state) => {
    it.each(CAMPAIGN_EVENT_TYPES)('%s is accepted exactly when the state takes it', (type) => {
      const snapshot = snapshotIn(state);
      const event = validEvent(type);
      const refused = refusal(inspectionCampaignWorkflow, snapshot, event);
      if (ACCEPTS[state].includes(type)) {
        expect(refused).toBeNull();
        expect(snapshot.can(event)).toBe(true);
      } else {
        expect(snapshot.can(event)).toBe(false);
        expect(refused?.kind).toBe(
          state === 'inProgress' && type === 'CONCLUDE'
            ? 'precondition'
            : state === 'concluded' && type === 'CLOSE'
              ? 'precondition'
              : 'state',
        );
        const [after] = transition(inspectionCampaignMachine, snapshot, event);
        expect(after.value).toEqual(snapshot.value);
        expect(after.context).toEqual(snapshot.context);
      }
    });
  });

  describe('notifications', () => {
    /** The `notify` effects a transition emits, as data (the engine writes them as notifications). */
    const notices = (snapshot: Snapshot, event: InspectionCampaignEvent) => {
      expect(refusal(inspectionCampaignWorkflow, snapshot, event)).toBeNull();
      const [, actions] = transition(inspectionCampaignMachine, snapshot, event);
      return actions.filter((action) => action.type === 'notify').map((action) => action.params);
    };
    const planned = (kind: InspectionKind) =>
      initialTransition(inspectionCampaignMachine, { ...input, kind })[0];
    const team = { topic: 'campaign.started', userIds: ['insp-head', 'insp-member'], unitIds: [] };

    it.each(['dinh_ky', 'dot_xuat'] as const)(
      'a %s campaign tells the team and every unit in scope when it starts, and no unit again',
      (kind) => {
        const start = { type: 'START' as const, ...at(head) };
        expect(notices(planned(kind), start)).toEqual([
          team,
          { topic: 'campaign.announced', userIds: [], unitIds: ['unit-A', 'unit-B'] },
        ]);
        const running = transition(inspectionCampaignMachine, planned(kind), start)[0];
        expect(notices(running, validEvent('START_VISIT'))).toEqual([]);
      },
    );

    it('an unannounced campaign tells only the team when it starts, and each unit as its visit starts', () => {
      const start = { type: 'START' as const, ...at(head) };
      expect(notices(planned('khong_bao_truoc'), start)).toEqual([team]);
      const running = send(planned('khong_bao_truoc'), start);
      expect(notices(running, { type: 'START_VISIT', unitId: 'unit-B', ...at(member) })).toEqual([
        { topic: 'campaign.visit.started', userIds: [], unitIds: ['unit-B'] },
      ]);
      const visited = send(running, { type: 'START_VISIT', unitId: 'unit-B', ...at(member) });
      expect(visited.context.visits['unit-B']).toMatchObject({ state: 'inProgress' });
      expect(
        notices(visited, { type: 'RECORD_CHECKLIST', unitId: 'unit-B', ...at(member) }),
      ).toEqual([]);
    });

    it('a refused start tells no one', () => {
      const [after, actions] = transition(inspectionCampaignMachine, planned('dinh_ky'), {
        type: 'START',
        ...at(member),
      });
      expect(after.value).toBe('planned');
      expect(actions.filter((action) => action.type === 'notify')).toEqual([]);
    });
  });

  describe('role rules', () => {
    const cases: [CampaignEventType, CampaignState, Actor[]][] = [
      ['START', 'planned', [member, outsider, chairman, coordinator, unitHead]],
      ['START_VISIT', 'inProgress', [outsider, chairman, coordinator, unitHead]],
      ['RECORD_FINDING', 'inProgress', [outsider, chairman, unitHead]],
      ['ASSIGN_TASK', 'inProgress', [member, outsider, chairman, unitHead]],
      ['CLOSE_FINDING', 'concluded', [head, member, coordinator, unitHead]],
      ['CONCLUDE', 'inProgress', [head, member, coordinator]],
    ];
    it.each(cases)('%s in %s is refused to everyone but its sender', (type, state, others) => {
      const snapshot = snapshotIn(state);
      for (const actor of others) {
        const event = { ...validEvent(type), actor } as InspectionCampaignEvent;
        expect(refusal(inspectionCampaignWorkflow, snapshot, event)?.kind).toBe('role');
      }
    });

    it('offers each member only what they may do', () => {
      const snapshot = snapshotIn('inProgress');
      expect(allowedEvents(inspectionCampaignWorkflow, snapshot, member)).toEqual([
        'START_VISIT',
        'RECORD_CHECKLIST',
        'FINISH_VISIT',
        'RECORD_FINDING',
      ]);
      expect(allowedEvents(inspectionCampaignWorkflow, snapshot, head)).toContain('ASSIGN_TASK');
      expect(allowedEvents(inspectionCampaignWorkflow, snapshot, unitHead)).toEqual([]);
    });
  });

  describe('preconditions', () => {
    const refusedWith = (snapshot: Snapshot, event: InspectionCampaignEvent) => {
      const refused = refusal(inspectionCampaignWorkflow, snapshot, event);
      expect(refused?.kind).toBe('precondition');
      return refused!.message;
    };

    it('concludes only when every visit is done', () => {
      const snapshot = snapshotIn('inProgress');
      expect(refusedWith(snapshot, validEvent('CONCLUDE'))).toBe(
        'Còn 2 đơn vị chưa hoàn thành kiểm tra.',
      );
    });

    it('closes only when every finding has a task or is closed, and every task is accepted', () => {
      const concluded = snapshotIn('concluded');
      expect(refusedWith(concluded, validEvent('CLOSE'))).toBe(
        'Còn 2 tồn tại, hạn chế chưa được khắc phục hoặc kết thúc.',
      );
      let snapshot = send(concluded, validEvent('ASSIGN_TASK'));
      snapshot = send(snapshot, {
        type: 'ESCALATE_FINDING',
        findingId: 'f2',
        reason: 'Vượt thẩm quyền',
        ...at(head),
      });
      expect(refusedWith(snapshot, validEvent('CLOSE'))).toBe(
        'Còn 1 tồn tại, hạn chế chưa được khắc phục hoặc kết thúc.',
      );
      snapshot = send(snapshot, {
        type: 'CLOSE_FINDING',
        findingId: 'f2',
        reason: 'Đã chỉ đạo',
        ...at(chairman),
      });
      expect(refusedWith(snapshot, { type: 'CLOSE', unacceptedTasks: 1, ...at(head) })).toBe(
        'Còn 1 nhiệm vụ khắc phục chưa được nghiệm thu.',
      );
      expect(send(snapshot, { type: 'CLOSE', unacceptedTasks: 0, ...at(chairman) }).value).toBe(
        'closed',
      );
    });

    it('the chairman may close a finding whose task will not be accepted', () => {
      let snapshot = send(snapshotIn('concluded'), validEvent('ASSIGN_TASK'));
      snapshot = send(snapshot, {
        type: 'CLOSE_FINDING',
        findingId: 'f1',
        reason: 'Nhiệm vụ bị hủy',
        ...at(chairman),
      });
      expect(snapshot.context.findings.f1.status).toBe('closed');
      expect(
        refusedWith(snapshot, {
          type: 'CLOSE_FINDING',
          findingId: 'f1',
          reason: 'lại',
          ...at(chairman),
        }),
      ).toBe('Tồn tại, hạn chế này đã kết thúc.');
    });

    it('checks visits: in scope, started once, finished with a date and every topic checked', () => {
      const snapshot = snapshotIn('inProgress');
      expect(refusedWith(snapshot, { type: 'START_VISIT', unitId: 'unit-Z', ...at(member) })).toBe(
        'Đơn vị không thuộc phạm vi đợt kiểm tra.',
      );
      expect(refusedWith(snapshot, { type: 'START_VISIT', unitId: 'unit-A', ...at(member) })).toBe(
        'Đã bắt đầu kiểm tra tại đơn vị này.',
      );
      expect(
        refusedWith(snapshot, { type: 'RECORD_CHECKLIST', unitId: 'unit-B', ...at(member) }),
      ).toBe('Chỉ ghi kết quả khi đang kiểm tra tại đơn vị.');
      expect(
        refusedWith(snapshot, {
          type: 'RECORD_FINDING',
          unitId: 'unit-B',
          findingId: 'f3',
          ...at(member),
        }),
      ).toBe('Chưa bắt đầu kiểm tra tại đơn vị này.');
      expect(
        refusedWith(snapshot, {
          type: 'RECORD_FINDING',
          unitId: 'unit-A',
          findingId: 'f1',
          ...at(member),
        }),
      ).toBe('Mã tồn tại, hạn chế không hợp lệ hoặc đã có.');
      const finish = (doneOn: string, uncheckedTopics: number) =>
        ({
          type: 'FINISH_VISIT',
          unitId: 'unit-A',
          doneOn,
          uncheckedTopics,
          ...at(member),
        }) as const;
      expect(refusedWith(snapshot, finish('2026-04-11', 0))).toBe(
        'Ngày kiểm tra không được sau ngày hôm nay.',
      );
      expect(refusedWith(snapshot, finish('2026-04-09', 0))).toBe(
        'Ngày kiểm tra không được trước ngày bắt đầu (10/04/2026).',
      );
      expect(refusedWith(snapshot, finish('2026-02-30', 0))).toBe('Ngày kiểm tra không hợp lệ.');
      expect(refusedWith(snapshot, finish(TODAY, 3))).toBe(
        'Còn 3 nội dung kiểm tra chưa có kết quả.',
      );
      expect(send(snapshot, finish(TODAY, 0)).context.visits['unit-A']).toEqual({
        state: 'done',
        scheduledOn: '2026-04-01',
        startedOn: TODAY,
        checkedOn: null,
        doneOn: TODAY,
      });
    });

    it('needs reasons and a notice number', () => {
      const inProgress = snapshotIn('inProgress');
      expect(
        refusedWith(inProgress, {
          type: 'ESCALATE_FINDING',
          findingId: 'f1',
          reason: ' ',
          ...at(head),
        }),
      ).toBe('Phải nêu lý do báo cáo Chủ tịch.');
      expect(
        refusedWith(inProgress, {
          type: 'ASSIGN_TASK',
          findingId: 'nope',
          taskId: 't',
          ...at(head),
        }),
      ).toBe('Không có tồn tại, hạn chế này trong đợt kiểm tra.');
      const concluded = snapshotIn('concluded');
      expect(
        refusedWith(concluded, {
          type: 'CLOSE_FINDING',
          findingId: 'f1',
          reason: '',
          ...at(chairman),
        }),
      ).toBe('Phải nêu lý do kết thúc.');
    });
  });

  describe('allowed events of each visit and finding', () => {
    const allowed = (snapshot: Snapshot, actor: Actor) =>
      allowedEvents(inspectionCampaignWorkflow, snapshot, actor);

    it("narrows the campaign's events to what each visit's state lets through", () => {
      const inProgress = snapshotIn('inProgress');
      const { context } = inProgress;
      expect(visitAllowedEvents(context, allowed(inProgress, member), 'unit-A')).toEqual([
        'RECORD_CHECKLIST',
        'FINISH_VISIT',
        'RECORD_FINDING',
      ]);
      expect(visitAllowedEvents(context, allowed(inProgress, member), 'unit-B')).toEqual([
        'START_VISIT',
      ]);
      expect(visitAllowedEvents(context, allowed(inProgress, chairman), 'unit-A')).toEqual([]);
      expect(visitAllowedEvents(context, allowed(inProgress, member), 'unit-Z')).toEqual([]);
      const planned = snapshotIn('planned');
      expect(visitAllowedEvents(planned.context, allowed(planned, member), 'unit-B')).toEqual([]);
    });

    it('offers an open finding to the head, an unsettled one to the chairman once concluded', () => {
      const inProgress = snapshotIn('inProgress');
      expect(findingAllowedEvents(inProgress.context, allowed(inProgress, head), 'f1')).toEqual([
        'ASSIGN_TASK',
        'ESCALATE_FINDING',
      ]);
      expect(findingAllowedEvents(inProgress.context, allowed(inProgress, member), 'f1')).toEqual(
        [],
      );
      let concluded = snapshotIn('concluded');
      concluded = send(concluded, {
        type: 'ASSIGN_TASK',
        findingId: 'f1',
        taskId: 't1',
        ...at(head),
      });
      expect(findingAllowedEvents(concluded.context, allowed(concluded, head), 'f1')).toEqual([]);
      expect(findingAllowedEvents(concluded.context, allowed(concluded, head), 'f2')).toEqual([
        'ASSIGN_TASK',
        'ESCALATE_FINDING',
      ]);
      expect(findingAllowedEvents(concluded.context, allowed(concluded, chairman), 'f1')).toEqual([
        'CLOSE_FINDING',
      ]);
      const closed = send(concluded, {
        type: 'CLOSE_FINDING',
        findingId: 'f1',
        reason: 'Đã chỉ đạo',
        ...at(chairman),
      });
      expect(findingAllowedEvents(closed.context, allowed(closed, chairman), 'f1')).toEqual([]);
    });
  });
});
