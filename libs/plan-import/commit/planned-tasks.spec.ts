import type { PlanPreview, PlanTaskPreview } from '../types';
import { createAssignedLeader } from '../people/leader-assignment';
import { createLeaderResolver } from '../people/leader-resolver';
import { planImport, titleOf, type WardImportRules } from './planned-tasks';

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

const SPECIALIZED = [
  { id: 'unit-VP', code: 'VP', name: 'Văn phòng HĐND&UBND' },
  { id: 'unit-VHXH', code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
];

const rules = (overrides: Partial<WardImportRules> = {}): WardImportRules => ({
  resolveLeader: createLeaderResolver([
    { id: 'chair', fullName: 'Nguyễn Văn Thành', role: 'chairman' },
    { id: 'vice-1', fullName: 'Trần Thị Hương', role: 'leader' },
    { id: 'vice-2', fullName: 'Lê Văn Hải', role: 'leader' },
  ]),
  assignedLeader: createAssignedLeader([]),
  groupMembers: (groupCode) => (groupCode === 'SPECIALIZED' ? SPECIALIZED : []),
  fallbackUnitId: null,
  ...overrides,
});

describe('planImport', () => {
  it('keeps what the row says and takes the leader from the plan', () => {
    const result = planImport(
      preview([
        row(5, '1', {
          leader: 'Chủ tịch UBND',
          coordinatingUnits: [
            { raw: 'Công an', unitId: 'unit-CA', groupCode: null },
            { raw: 'Phòng VHXH', unitId: 'unit-VHXH', groupCode: null },
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
      rules(),
    );
    expect(result.errors).toEqual([]);
    expect(result.tasks[0]).toMatchObject({
      key: 'I/1',
      leadUnitId: 'unit-VHXH',
      leaderId: 'chair',
      leaderRule: 'plan',
      coordinatingRaw: 'Công an; Phòng VHXH; Các đoàn thể',
      coordinatingUnitIds: ['unit-CA'],
      deadlineRaw: 'Quý I/2026',
      dueDate: '2026-03-31',
    });
  });

  it('refuses unknown lead units, groups the ward has not defined, and repeated ordinals', () => {
    const result = planImport(
      preview([
        row(5, '1', { leadUnit: { raw: 'Phòng Tư pháp', unitId: null, groupCode: null } }),
        row(6, '2', {
          leadUnit: { raw: 'Các đơn vị liên quan', unitId: null, groupCode: 'RELATED' },
        }),
        row(7, '3', { leadUnit: null }),
        row(8, '3'),
      ]),
      rules(),
    );
    expect(result.tasks).toEqual([]);
    expect(result.errors.map(({ row: at, field }) => [at, field])).toEqual([
      [5, 'leadUnit'],
      [6, 'leadUnit'],
      [7, 'leadUnit'],
      [8, 'ordinal'],
    ]);
    expect(result.errors[1].message).toMatch(/nhóm đơn vị mà phường chưa xác định/);
  });

  it("gives a row without ordinal a provisional one, and without lead unit the importer's unit", () => {
    const result = planImport(
      preview([row(5, null, { leadUnit: null }), row(6, null)]),
      rules({ fallbackUnitId: 'unit-VP' }),
    );
    expect(result.errors).toEqual([]);
    expect(result.tasks.map((task) => [task.key, task.leadUnitId])).toEqual([
      ['I/#1', 'unit-VP'],
      ['I/#2', 'unit-VHXH'],
    ]);
    expect(
      result.warnings.filter((w) => w.field !== 'leader').map((w) => [w.row, w.field]),
    ).toEqual([
      [5, 'ordinal'],
      [5, 'leadUnit'],
      [6, 'ordinal'],
    ]);
  });

  it('turns a row led by a group into a group task with one child per unit of the group', () => {
    const result = planImport(
      preview([
        row(5, '8', {
          leadUnit: { raw: 'Các phòng chuyên môn', unitId: null, groupCode: 'SPECIALIZED' },
          coordinatingUnits: [{ raw: 'VP', unitId: 'unit-VP', groupCode: null }],
        }),
      ]),
      rules({
        assignedLeader: createAssignedLeader([
          { leaderId: 'vice-2', areaCode: null, unitId: 'unit-VP' },
        ]),
      }),
    );
    expect(result.errors).toEqual([]);
    expect(
      result.tasks.map((task) => [
        task.key,
        task.parentKey,
        task.isGroup,
        task.leadUnitId,
        task.coordinatingUnitIds,
        task.leaderId,
      ]),
    ).toEqual([
      ['I/8', null, true, 'unit-VP', [], 'vice-2'],
      ['I/8:VP', 'I/8', false, 'unit-VP', [], 'vice-2'],
      ['I/8:VHXH', 'I/8', false, 'unit-VHXH', ['unit-VP'], null],
    ]);
    expect(result.tasks[2].title).toBe('Phòng Văn hóa - Xã hội: Việc 8');
    expect(result.warnings.map((w) => w.message).join(' ')).toMatch(
      /là nhóm đơn vị: nhiệm vụ được giao cho từng đơn vị \(Văn phòng HĐND&UBND, Phòng Văn hóa - Xã hội\)/,
    );
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
      rules({
        assignedLeader: createAssignedLeader([{ leaderId: 'vice-1', areaCode: 'I', unitId: null }]),
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.tasks.map((task) => [task.key, task.parentKey, task.leadUnitId])).toEqual([
      ['I/1', null, 'unit-CA'],
      ['I/1.1', 'I/1', 'unit-CA'],
      ['I/1.2', 'I/1', 'unit-VHXH'],
    ]);
    expect(result.warnings.map((warning) => warning.row)).toEqual([5]);
  });

  it("takes the leader from the plan, else the unit's, else the area's, else none (a warning)", () => {
    const assignedLeader = createAssignedLeader([
      { leaderId: 'vice-1', areaCode: 'I', unitId: null },
      { leaderId: 'vice-2', areaCode: null, unitId: 'unit-CA' },
    ]);
    const ca = { raw: 'Công an', unitId: 'unit-CA', groupCode: null };
    const result = planImport(
      {
        ...preview([
          row(5, '1', { leader: 'Đ/c Trần Thị Hương', leadUnit: ca }),
          row(6, '2', { leader: 'Phó Chủ tịch', leadUnit: ca }),
          row(7, '3'),
          row(8, '4', { area: 'II' }),
        ]),
      },
      rules({ assignedLeader }),
    );
    expect(result.tasks.map((task) => [task.ordinal, task.leaderId, task.leaderRule])).toEqual([
      ['1', 'vice-1', 'plan'],
      ['2', 'vice-2', 'unit'],
      ['3', 'vice-1', 'area'],
      ['4', null, 'none'],
    ]);
    expect(result.warnings).toEqual([
      {
        // the plan names a leader the ward has two of: said, not silently replaced
        row: 6,
        field: 'leader',
        message:
          "Kế hoạch ghi lãnh đạo phụ trách 'Phó Chủ tịch' nhưng chưa xác định được là ai; tạm giao cho lãnh đạo được phân công theo đơn vị, cần kiểm tra.",
      },
      {
        row: 8,
        field: 'leader',
        message:
          'Nhiệm vụ 4 chưa có lãnh đạo phụ trách (kế hoạch không ghi, phường chưa phân công lĩnh vực); Chủ tịch UBND nghiệm thu.',
      },
    ]);
  });

  it('says when the leader named cannot be told and nobody is assigned', () => {
    const result = planImport(preview([row(5, '1', { leader: 'Phó Chủ tịch' })]), rules());
    expect(result.tasks[0].leaderId).toBeNull();
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "Chưa xác định được lãnh đạo phụ trách 'Phó Chủ tịch'; cần chọn người sau khi nhập.",
      'Nhiệm vụ 1 chưa có lãnh đạo phụ trách (kế hoạch không ghi, phường chưa phân công lĩnh vực); Chủ tịch UBND nghiệm thu.',
    ]);
  });

  it('says when a leader the plan names is not found, even when the ward assigned one', () => {
    const assignedLeader = createAssignedLeader([
      { leaderId: 'vice-1', areaCode: 'I', unitId: null },
    ]);
    const result = planImport(
      preview([row(5, '1', { leader: 'PCT Lan' }), row(6, '2', { leader: 'Phó Chủ tịch UBND' })]),
      rules({ assignedLeader }),
    );
    expect(result.tasks.map((task) => [task.leaderId, task.leaderRule])).toEqual([
      ['vice-1', 'area'],
      ['vice-1', 'area'],
    ]);
    expect(result.warnings).toEqual([
      {
        row: 5,
        field: 'leader',
        message:
          "Kế hoạch ghi lãnh đạo phụ trách 'PCT Lan' nhưng chưa xác định được là ai; tạm giao cho lãnh đạo được phân công theo lĩnh vực, cần kiểm tra.",
      },
      {
        row: 6,
        field: 'leader',
        message:
          "Kế hoạch ghi lãnh đạo phụ trách 'Phó Chủ tịch UBND' nhưng chưa xác định được là ai; tạm giao cho lãnh đạo được phân công theo lĩnh vực, cần kiểm tra.",
      },
    ]);
  });

  it('says when the leader cell names several people and one was taken', () => {
    const resolveLeader = createLeaderResolver([
      { id: 'chair', fullName: 'Nguyễn Văn Thành', role: 'chairman' },
      { id: 'vice-1', fullName: 'Trần Thị Hương', role: 'leader' },
    ]);
    const result = planImport(
      preview([row(5, '1', { leader: 'Chủ tịch, Phó Chủ tịch UBND' })]),
      rules({ resolveLeader }),
    );
    expect(result.tasks[0].leaderId).toBe('vice-1');
    expect(result.warnings.map((warning) => [warning.row, warning.message])).toEqual([
      [
        5,
        "Ô lãnh đạo phụ trách 'Chủ tịch, Phó Chủ tịch UBND' ghi nhiều người; đã lấy Trần Thị Hương, cần kiểm tra.",
      ],
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
