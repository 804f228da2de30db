import {
  campaignBody,
  checklistResults,
  checklistValues,
  findingActions,
  findingUnits,
  repeatedUnit,
  visitActions,
} from './campaign-forms';
import type { Campaign, Finding, Visit } from './types';

const visit = (unitId: string, state: string, results: Visit['results'] = []): Visit => ({
  unitId,
  unitName: `Đơn vị ${unitId}`,
  state: state as Visit['state'],
  stateLabel: state,
  unannounced: false,
  scheduledOn: '2026-03-05',
  startedOn: null,
  doneOn: null,
  results,
  minutes: null,
});

const finding = (id: string, status: string, settled = false): Finding => ({
  id,
  unitId: 'u1',
  unitName: 'Đơn vị u1',
  topicCode: 'MOT_CUA',
  description: 'Niêm yết chưa cập nhật',
  severity: 'trung_binh',
  parCode: null,
  recommendation: 'Cập nhật',
  status: status as Finding['status'],
  statusLabel: status,
  statusReason: null,
  taskId: null,
  taskState: null,
  taskDueDate: null,
  settled,
});

const campaign = (allowedEvents: string[], visits: Visit[] = []): Campaign =>
  ({
    id: 'c1',
    checklist: [
      { code: 'MOT_CUA', title: 'Một cửa' },
      { code: 'PAKN', title: 'PAKN' },
      { code: 'DAN_CHU', title: 'Dân chủ cơ sở' },
    ],
    visits,
    findings: [],
    allowedEvents,
  }) as unknown as Campaign;

describe('campaign plan form', () => {
  it('sends the trimmed decision, the members without the head, and each unit with its date', () => {
    expect(
      campaignBody({
        title: ' Kiểm tra CCHC 2026 ',
        decisionNumber: ' 45/QĐ-UBND',
        decisionDate: '2026-03-02',
        kind: 'dot_xuat',
        year: 2026,
        headId: 'h',
        inspectorIds: ['h', 'm'],
        visits: [
          { unitId: 'u1', scheduledOn: '2026-03-05' },
          { unitId: 'u2', scheduledOn: '2026-03-06' },
        ],
      }),
    ).toEqual({
      title: 'Kiểm tra CCHC 2026',
      decisionNumber: '45/QĐ-UBND',
      decisionDate: '2026-03-02',
      kind: 'dot_xuat',
      year: 2026,
      headId: 'h',
      inspectorIds: ['m'],
      visits: [
        { unitId: 'u1', scheduledOn: '2026-03-05' },
        { unitId: 'u2', scheduledOn: '2026-03-06' },
      ],
    });
  });

  it('leaves out an empty team and finds a unit chosen twice', () => {
    const body = campaignBody({
      title: 'a',
      decisionNumber: 'b',
      decisionDate: '2026-03-02',
      kind: 'dinh_ky',
      year: 2026,
      headId: 'h',
      inspectorIds: ['h'],
      visits: [{ unitId: 'u1', scheduledOn: '2026-03-05' }],
    });
    expect(body).not.toHaveProperty('inspectorIds');
    expect(repeatedUnit([{ unitId: 'u1' }, {}, { unitId: 'u2' }])).toBeNull();
    expect(repeatedUnit([{ unitId: 'u1' }, { unitId: 'u2' }, { unitId: 'u1' }])).toBe('u1');
  });
});

describe('checklist form', () => {
  it('sends the topics given a result, in the checklist order, with non-blank notes only', () => {
    const view = campaign([]);
    expect(
      checklistResults(view.checklist, {
        PAKN: { result: 'dat', note: '  ' },
        MOT_CUA: { result: 'khong_dat', note: ' Niêm yết chưa cập nhật ' },
        DAN_CHU: { note: 'chưa xem' },
      }),
    ).toEqual([
      { topicCode: 'MOT_CUA', result: 'khong_dat', note: 'Niêm yết chưa cập nhật' },
      { topicCode: 'PAKN', result: 'dat' },
    ]);
  });

  it('opens with what the visit recorded', () => {
    expect(
      checklistValues(
        visit('u1', 'inProgress', [
          { topicCode: 'PAKN', result: 'dat', note: null },
          { topicCode: 'MOT_CUA', result: 'khong_dat', note: 'x' },
        ]),
      ),
    ).toEqual({ PAKN: { result: 'dat', note: '' }, MOT_CUA: { result: 'khong_dat', note: 'x' } });
  });
});

describe('buttons from allowedEvents', () => {
  const all = [
    'START_VISIT',
    'RECORD_CHECKLIST',
    'FINISH_VISIT',
    'ASSIGN_TASK',
    'ESCALATE_FINDING',
  ];

  it('offers a visit only the steps its state and the allowed events both permit', () => {
    const view = campaign([...all, 'CLOSE_FINDING']);
    expect(visitActions(view, visit('u1', 'scheduled'))).toEqual(['START_VISIT']);
    expect(visitActions(view, visit('u1', 'inProgress'))).toEqual([
      'RECORD_CHECKLIST',
      'FINISH_VISIT',
    ]);
    expect(visitActions(view, visit('u1', 'done'))).toEqual([]);
    expect(visitActions(campaign(['RECORD_FINDING']), visit('u1', 'scheduled'))).toEqual([]);
  });

  it('offers a finding assignment or escalation while open, closing (chairman) until settled', () => {
    expect(findingActions(campaign(all), finding('f', 'open'))).toEqual([
      'ASSIGN_TASK',
      'ESCALATE_FINDING',
    ]);
    expect(findingActions(campaign(all), finding('f', 'task'))).toEqual([]);
    const chairman = campaign(['CLOSE_FINDING']);
    expect(findingActions(chairman, finding('f', 'escalated'))).toEqual(['CLOSE_FINDING']);
    expect(findingActions(chairman, finding('f', 'task', true))).toEqual([]);
    expect(findingActions(chairman, finding('f', 'closed', true))).toEqual([]);
  });

  it('records findings only at units whose visit has started', () => {
    const view = campaign([], [visit('u1', 'scheduled'), visit('u2', 'inProgress')]);
    expect(findingUnits(view).map((v) => v.unitId)).toEqual(['u2']);
  });
});
