import type { PlanPreview, PlanTaskPreview } from '../types';
import { createLeaderResolver } from '../people/leader-resolver';
import { planImport, titleOf } from './planned-tasks';

const row = (
  sourceRow: number,
  ordinal: string | null,
  overrides: Partial<PlanTaskPreview> = {},
): PlanTaskPreview => ({
  sourceRow,
  ordinal,
  area: 'I',
  parent: null,
  isGroup: false,
  content: `Việc ${ordinal}`,
  requirement: null,
  product: null,
  leader: null,
  leadUnit: { raw: 'Phòng VHXH', unitId: 'unit-VHXH', groupCode: null },
  coordinatingUnits: [],
  deadline: null,
  ...overrides,
});

const preview = (tasks: PlanTaskPreview[]): PlanPreview => ({
  plan: { number: '07/KH-UBND', title: 'Kế hoạch', year: 2026, issueDate: null },
  areas: [{ code: 'I', title: 'Chỉ đạo điều hành' }],
  tasks,
  warnings: [],
  errors: [],
});

const resolveLeader = createLeaderResolver([
  { id: 'chair', fullName: 'Nguyễn Văn Thành', role: 'chairman' },
]);

describe('planImport', () => {
  it('keeps what the row says and resolves the leader', () => {
    const result = planImport(
      preview([
        row(5, '1', {
          leader: 'Chủ tịch UBND',
          coordinatingUnits: [
            { raw: 'Công an', unitId: 'unit-CA', groupCode: null },
            { raw: 'Các đoàn thể', unitId: null, groupCode: 'MASS_ORGANIZATIONS' },
          ],
          deadline: {
            kind: 'period',
            due: '2026-03-31',
            milestones: ['2026-03-31'],
            start: null,
            recurrence: null,
            raw: 'Quý I/2026',
          },
        }),
      ]),
      resolveLeader,
    );
    expect(result.errors).toEqual([]);
    expect(result.tasks[0]).toMatchObject({
      key: 'I/1',
      leadUnitId: 'unit-VHXH',
      leaderId: 'chair',
      coordinatingRaw: 'Công an; Các đoàn thể',
      coordinatingUnitIds: ['unit-CA'],
      deadlineRaw: 'Quý I/2026',
      dueDate: '2026-03-31',
    });
  });

  it('refuses leaf tasks whose lead unit is unknown, missing or a group, and repeated ordinals', () => {
    const result = planImport(
      preview([
        row(5, '1', { leadUnit: { raw: 'Phòng Tư pháp', unitId: null, groupCode: null } }),
        row(6, '2', {
          leadUnit: { raw: 'Các phòng chuyên môn', unitId: null, groupCode: 'SPECIALIZED' },
        }),
        row(7, '3', { leadUnit: null }),
        row(8, '3'),
        row(9, null),
      ]),
      resolveLeader,
    );
    expect(result.tasks).toEqual([]);
    expect(result.errors.map(({ row: at, field }) => [at, field])).toEqual([
      [5, 'leadUnit'],
      [6, 'leadUnit'],
      [7, 'leadUnit'],
      [8, 'ordinal'],
      [9, 'ordinal'],
    ]);
    expect(result.errors[1].message).toMatch(/là một nhóm đơn vị/);
  });

  it("lets a group row without a lead unit follow its first child's, and links children to it", () => {
    const result = planImport(
      preview([
        row(5, '1', { isGroup: true, leadUnit: null }),
        row(6, '1.1', {
          parent: '1',
          leadUnit: { raw: 'Công an', unitId: 'unit-CA', groupCode: null },
        }),
        row(7, '1.2', { parent: '1' }),
      ]),
      resolveLeader,
    );
    expect(result.errors).toEqual([]);
    expect(result.tasks.map((task) => [task.key, task.parentKey, task.leadUnitId])).toEqual([
      ['I/1', null, 'unit-CA'],
      ['I/1.1', 'I/1', 'unit-CA'],
      ['I/1.2', 'I/1', 'unit-VHXH'],
    ]);
    expect(result.warnings.map((warning) => warning.row)).toEqual([5]);
  });

  it('says when the leader named cannot be told', () => {
    const result = planImport(preview([row(5, '1', { leader: 'Phó Chủ tịch' })]), resolveLeader);
    expect(result.tasks[0].leaderId).toBeNull();
    expect(result.warnings).toEqual([
      {
        row: 5,
        field: 'leader',
        message:
          "Chưa xác định được lãnh đạo phụ trách 'Phó Chủ tịch'; cần chọn người sau khi nhập.",
      },
    ]);
  });

  it('shortens long contents into titles at a word boundary', () => {
    const title = titleOf(`${'Rà soát thủ tục '.repeat(40)}`);
    expect(title.length).toBeLessThanOrEqual(300);
    expect(title.endsWith('…')).toBe(true);
    const words = title.slice(0, -1).split(' ');
    expect(words.every((word) => ['Rà', 'soát', 'thủ', 'tục'].includes(word))).toBe(true);
  });
});
