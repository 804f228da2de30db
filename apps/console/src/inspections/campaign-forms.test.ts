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

const visit = (
  unitId: string,
  state: string,
  results: Visit['results'] = [],
  allowedEvents: Visit['allowedEvents'] = [],
): Visit => ({
  unitId,
  unitName: `Đơn vị ${unitId}`,
  state: state as Visit['state'],
  stateLabel: state,
  unannounced: false,
  scheduledOn: '2026-03-05',
  startedOn: null,
  doneOn: null,
  minutesNumber: null,
  results,
  minutes: null,
  allowedEvents,
});

const finding = (
  id: string,
  status: string,
  allowedEvents: Finding['allowedEvents'] = [],
): Finding => ({
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
  settled: false,
  allowedEvents,
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

describe('buttons from the allowedEvents of each visit and finding', () => {
  it('shows a visit its own steps; recording a finding is the campaign-wide button', () => {
    expect(visitActions(visit('u1', 'scheduled', [], ['START_VISIT']))).toEqual(['START_VISIT']);
    expect(
      visitActions(
        visit('u1', 'inProgress', [], ['RECORD_CHECKLIST', 'FINISH_VISIT', 'RECORD_FINDING']),
      ),
    ).toEqual(['RECORD_CHECKLIST', 'FINISH_VISIT']);
    expect(visitActions(visit('u1', 'done'))).toEqual([]);
  });

  it('shows a finding what the API allows for it', () => {
    expect(findingActions(finding('f', 'open', ['ASSIGN_TASK', 'ESCALATE_FINDING']))).toEqual([
      'ASSIGN_TASK',
      'ESCALATE_FINDING',
    ]);
    expect(findingActions(finding('f', 'task'))).toEqual([]);
  });

  it('records findings only at units where the API allows it', () => {
    const view = campaign(
      ['RECORD_FINDING'],
      [visit('u1', 'scheduled'), visit('u2', 'inProgress', [], ['RECORD_FINDING'])],
    );
    expect(findingUnits(view).map((v) => v.unitId)).toEqual(['u2']);
  });
});
