import type { DeadlineContext, ParsedDeadline } from '@cchc/domain';
import { gridDocument } from '../testing/grid-document';
import { resolverFor, unrecognizedDeadline, WARD_UNITS } from '../testing/ward-units';
import type { PlanPreview, SourceDocument } from '../types';
import { buildPlanPreview, type PlanPreviewOptions } from './build-plan-preview';

const HEADER = [
  'TT',
  'Nội dung công việc',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
  'Sản phẩm',
];
const options: PlanPreviewOptions = {
  parseDeadline: unrecognizedDeadline,
  resolveUnit: resolverFor(WARD_UNITS),
};

const preview = (
  document: SourceDocument,
  overrides: Partial<PlanPreviewOptions> = {},
): PlanPreview => buildPlanPreview(document, { ...options, ...overrides });
const messagesAt = (result: PlanPreview, row: number) =>
  result.warnings.filter((warning) => warning.row === row).map((warning) => warning.message);

describe('buildPlanPreview: columns', () => {
  it('maps columns by meaning, whatever their order and wording, and ignores unknown ones', () => {
    const result = preview(
      gridDocument([
        [
          'Nhiệm vụ',
          'STT',
          'Thời hạn',
          'Đơn vị phối hợp',
          'Đơn vị chủ trì',
          'Lãnh đạo phụ trách',
          'Yêu cầu',
          'Sản phẩm',
          'Ghi chú',
        ],
        [
          'Ban hành kế hoạch',
          '1',
          'Quý I/2026',
          'Công an phường',
          'Phòng VHXH',
          'Phó Chủ tịch',
          '100%',
          'Kế hoạch',
          'x',
        ],
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.tasks).toEqual([
      {
        sourceRow: 2,
        ordinal: '1',
        area: null,
        parent: null,
        isGroup: false,
        content: 'Ban hành kế hoạch',
        requirement: '100%',
        product: 'Kế hoạch',
        leader: 'Phó Chủ tịch',
        leadUnit: { raw: 'Phòng VHXH', unitId: 'unit-VHXH', groupCode: null },
        coordinatingUnits: [{ raw: 'Công an phường', unitId: 'unit-CA', groupCode: null }],
        deadline: unrecognizedDeadline('Quý I/2026'),
      },
    ]);
  });

  it('takes the end column, not the start column, as the deadline', () => {
    const header = [
      'TT',
      'Nội dung công việc',
      'Cơ quan chủ trì',
      'Thời gian bắt đầu',
      'Thời gian hoàn thành',
    ];
    const result = preview(
      gridDocument([
        header,
        ['1', 'Ban hành kế hoạch', 'Phòng VHXH', 'Tháng 01/2026', 'Tháng 3/2026'],
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.tasks.map((task) => task.deadline?.raw)).toEqual(['Tháng 3/2026']);
    expect(messagesAt(result, 1)).toEqual([]);
  });

  it('reads "Bắt đầu | Hoàn thành" under a merged "Thời gian thực hiện" as the header\'s second row', () => {
    const result = preview(
      gridDocument([
        [
          'TT',
          'Nội dung công việc',
          'Cơ quan chủ trì',
          'Thời gian thực hiện',
          'Thời gian thực hiện',
        ],
        ['', '', '', 'Bắt đầu', 'Hoàn thành'],
        ['1', 'Ban hành kế hoạch', 'Phòng VHXH', 'Tháng 01/2026', 'Tháng 3/2026'],
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.tasks.map((task) => [task.ordinal, task.deadline?.raw])).toEqual([
      ['1', 'Tháng 3/2026'],
    ]);
    expect([1, 2].flatMap((row) => messagesAt(result, row))).toEqual([]);
  });

  it('warns when two columns name the same field, saying which one is read', () => {
    const result = preview(
      gridDocument([
        ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Thời hạn'],
        ['1', 'Ban hành kế hoạch', 'Phòng VHXH', 'Quý I/2026', 'Quý II/2026'],
      ]),
    );
    expect(result.tasks.map((task) => task.deadline?.raw)).toEqual(['Quý I/2026']);
    expect(messagesAt(result, 1)).toEqual([
      "Hai cột cùng là 'Thời gian thực hiện': đã đọc cột 'Thời gian thực hiện', bỏ qua cột 'Thời hạn'; cần kiểm tra.",
    ]);
  });

  it('reads a header spanning two rows ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"), also repeated', () => {
    const groupRow = ['TT', 'Nội dung', 'Cơ quan thực hiện', '', 'Thời gian'];
    const subRow = ['', '', 'Chủ trì', 'Phối hợp', ''];
    const result = preview(
      gridDocument([
        groupRow,
        subRow,
        ['1', 'Việc', 'Văn phòng HĐND&UBND', 'Phòng VHXH', 'Quý I/2026'],
        groupRow,
        subRow,
        ['2', 'Việc', 'Công an', '', 'Quý II/2026'],
      ]),
    );
    expect(result.tasks.map((task) => task.ordinal)).toEqual(['1', '2']);
    expect(result.tasks[0]).toMatchObject({
      leadUnit: { unitId: 'unit-VP' },
      coordinatingUnits: [{ unitId: 'unit-VHXH' }],
      deadline: { raw: 'Quý I/2026' },
    });
    expect(result.warnings.filter((warning) => warning.field !== 'deadline')).toEqual([]);
  });
});

describe('buildPlanPreview: rows', () => {
  it('skips headers repeated after page breaks and column-number rows', () => {
    const result = preview(
      gridDocument([
        HEADER,
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        ['1', 'Việc một', 'VP', '', 'Quý I/2026', ''],
        HEADER,
        ['1', '2', '3', '4', '5', '6'],
        ['2', 'Việc hai', 'CA', '', 'Quý II/2026', ''],
      ]),
    );
    expect(result.tasks.map((task) => task.ordinal)).toEqual(['1', '2']);
    expect(result.warnings.filter((warning) => warning.field !== 'deadline')).toEqual([]);
  });

  it('merges a row without ordinal into the row above, cell by cell, and says so', () => {
    const result = preview(
      gridDocument([
        HEADER,
        [
          '1',
          'Công khai thủ tục hành chính cho người dân và',
          'TTPVHCC',
          'Các phòng, đơn vị',
          'Thường xuyên',
          '',
        ],
        ['', 'thủ tục nội bộ', 'TTPVHCC', 'chuyên môn', '', 'Báo cáo'],
      ]),
    );
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]).toMatchObject({
      content: 'Công khai thủ tục hành chính cho người dân và thủ tục nội bộ',
      leadUnit: { raw: 'TTPVHCC', unitId: 'unit-TTPVHCC' },
      coordinatingUnits: [{ raw: 'Các phòng, đơn vị chuyên môn', groupCode: 'SPECIALIZED' }],
      product: 'Báo cáo',
    });
    expect(messagesAt(result, 3)).toEqual([
      'Dòng không có số thứ tự được ghép vào nhiệm vụ 1 (phần tiếp của ô phía trên).',
    ]);
  });

  it('keeps a row without ordinal that has its own lead unit or deadline as a row of its own', () => {
    const result = preview(
      gridDocument([
        HEADER,
        ['1', 'Tuyên truyền CCHC', 'Phòng VHXH', '', 'Thường xuyên', 'KH'],
        ['', '- Tổ chức hội thi', 'Phòng VHXH', '', 'Quý III/2026', 'Bài thi'],
        ['', '- Phát thanh', 'TTDVSNC', '', 'Quý IV/2026', 'File'],
        ['2', 'Kiểm tra', 'VP', '', 'Quý II/', 'BC'],
        ['', '', '', '', '2026', ''],
      ]),
    );
    expect(result.tasks.map((task) => [task.ordinal, task.content, task.deadline?.raw])).toEqual([
      ['1', 'Tuyên truyền CCHC', 'Thường xuyên'],
      [null, '- Tổ chức hội thi', 'Quý III/2026'],
      [null, '- Phát thanh', 'Quý IV/2026'],
      ['2', 'Kiểm tra', 'Quý II/ 2026'],
    ]);
    expect(messagesAt(result, 3)).toContain(
      'Dòng không có số thứ tự; đã nhận là một nhiệm vụ, cần kiểm tra.',
    );
    expect(messagesAt(result, 6)).toEqual([
      'Dòng không có số thứ tự được ghép vào nhiệm vụ 2 (phần tiếp của ô phía trên).',
    ]);
  });

  it('merges the row after a repeated header into the task above as a cell cut by the page', () => {
    const result = preview(
      gridDocument([
        HEADER,
        ['1', 'Ban hành kế hoạch', 'Phòng VHXH', '', 'Quý I/2026', ''],
        HEADER,
        ['', 'năm 2026 của phường', 'Phòng VHXH', '', '', 'Kế hoạch'],
      ]),
    );
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]).toMatchObject({
      content: 'Ban hành kế hoạch năm 2026 của phường',
      product: 'Kế hoạch',
    });
    expect(messagesAt(result, 4)).toContain(
      'Dòng không có số thứ tự được ghép vào nhiệm vụ 1 (ô bị ngắt trang).',
    );
  });

  it('says so when it skips a row made of header words', () => {
    const result = preview(
      gridDocument([
        HEADER,
        ['1', 'Thực hiện đầy đủ, kịp thời', 'Phòng VHXH', '', 'Quý I/2026', 'Báo cáo'],
        ['', 'các nhiệm vụ được giao', '', '', '', 'thực hiện nhiệm vụ'],
      ]),
    );
    expect(messagesAt(result, 3)).toEqual([
      "Bỏ qua dòng giống dòng tiêu đề: 'các nhiệm vụ được giao | thực hiện nhiệm vụ'; cần kiểm tra.",
    ]);
  });

  it('turns section rows into areas, however the heading is written', () => {
    const result = preview(
      gridDocument([
        HEADER,
        ['I. Chỉ đạo điều hành', '', '', '', '', ''],
        ['1', 'Việc', 'VP', '', 'Quý I/2026', ''],
        ['II', 'Cải cách thể chế', '', '', '', ''],
        ['2', 'Việc', 'VP', '', 'Quý I/2026', ''],
        ['', 'III. Cải cách thủ tục hành chính', '', '', '', ''],
        ['3', 'Việc', 'VP', '', 'Quý I/2026', ''],
        ['IV. Cải cách tổ chức bộ máy'],
        Array(6).fill('V. Cải cách chế độ công vụ'),
        ['4', 'Việc', 'VP', '', 'Quý I/2026', ''],
      ]),
    );
    expect(result.areas).toEqual([
      { code: 'I', title: 'Chỉ đạo điều hành' },
      { code: 'II', title: 'Cải cách thể chế' },
      { code: 'III', title: 'Cải cách thủ tục hành chính' },
      { code: 'IV', title: 'Cải cách tổ chức bộ máy' },
      { code: 'V', title: 'Cải cách chế độ công vụ' },
    ]);
    expect(result.tasks.map((task) => task.area)).toEqual(['I', 'II', 'III', 'V']);
  });

  it('places hierarchical ordinals: rows with children are groups, details are only required of leaves', () => {
    const result = preview(
      gridDocument([
        HEADER,
        ['1', 'Cải cách thủ tục', '', '', '', ''],
        ['1.1', 'Rà soát', 'TTPVHCC', '', 'Quý I/2026', ''],
        ['1.2', 'Công khai', '', '', '', ''],
        ['1.2.1', 'Trên cổng', 'TTPVHCC', '', 'Thường xuyên', ''],
        ['2', 'Việc khác', 'VP', '', 'Quý II/2026', ''],
        ['3.1', 'Mồ côi', 'VP', '', 'Quý II/2026', ''],
        ['2', 'Trùng số', 'VP', '', 'Quý II/2026', ''],
      ]),
    );
    expect(result.tasks.map(({ ordinal, parent, isGroup }) => [ordinal, parent, isGroup])).toEqual([
      ['1', null, true],
      ['1.1', '1', false],
      ['1.2', '1', true],
      ['1.2.1', '1.2', false],
      ['2', null, false],
      ['3.1', null, false],
      ['2', null, false],
    ]);
    const structural = result.warnings.filter((warning) => warning.field !== 'deadline');
    expect(structural).toEqual([
      { row: 7, field: 'ordinal', message: "Không tìm thấy mục cha '3' của nhiệm vụ 3.1." },
      { row: 8, field: 'ordinal', message: "Số thứ tự '2' bị trùng trong cùng một mục." },
    ]);
  });

  it('reports rows it cannot place', () => {
    const result = preview(
      gridDocument([
        HEADER,
        ['Ghi chú: các phòng báo cáo hằng quý'],
        ['a)', 'Việc', 'VP', '', 'Quý I/2026', ''],
        ['1', '', '', '', '', 'Báo cáo'],
      ]),
    );
    expect(messagesAt(result, 2)).toEqual([
      "Bỏ qua dòng không thuộc bảng nhiệm vụ: 'Ghi chú: các phòng báo cáo hằng quý'.",
    ]);
    expect(messagesAt(result, 3)[0]).toBe(
      "Số thứ tự 'a)' không phải dạng số (1, 2.1…); cần kiểm tra.",
    );
    expect(messagesAt(result, 4)).toEqual([
      'Thiếu nội dung công việc.',
      'Chưa có đơn vị chủ trì.',
      'Chưa có thời gian thực hiện.',
    ]);
  });
});

describe('buildPlanPreview: units and deadlines', () => {
  it('reports unknown units by their raw text and never guesses', () => {
    const result = preview(
      gridDocument([HEADER, ['1', 'Việc', 'Phòng Tư pháp', 'Hội Luật gia, VP', 'Quý I', '']]),
    );
    expect(result.tasks[0].leadUnit).toEqual({
      raw: 'Phòng Tư pháp',
      unitId: null,
      groupCode: null,
    });
    expect(result.tasks[0].coordinatingUnits).toEqual([
      { raw: 'Hội Luật gia', unitId: null, groupCode: null },
      { raw: 'VP', unitId: 'unit-VP', groupCode: null },
    ]);
    expect(messagesAt(result, 2)).toEqual([
      "Không nhận ra đơn vị 'Phòng Tư pháp'; cần chọn đơn vị hoặc thêm bí danh.",
      "Không nhận ra đơn vị 'Hội Luật gia'; cần chọn đơn vị hoặc thêm bí danh.",
      "Chưa hiểu thời gian thực hiện 'Quý I'; cần nhập hạn cụ thể.",
    ]);
  });

  it('passes the plan year and issue date to the deadline parser', () => {
    const calls: [string, DeadlineContext][] = [];
    const parseDeadline = (raw: string, context: DeadlineContext): ParsedDeadline => {
      calls.push([raw, context]);
      return {
        kind: 'fixed',
        due: '2026-03-31',
        milestones: ['2026-03-31'],
        start: null,
        recurrence: null,
        raw,
      };
    };
    const narrative = [
      'Hải Dương, ngày 12 tháng 01 năm 2026',
      'KẾ HOẠCH',
      'Cải cách hành chính năm 2026',
    ];
    const result = preview(
      gridDocument([HEADER, ['1', 'Việc', 'VP', '', 'Quý I', '']], narrative),
      { parseDeadline },
    );
    expect(calls).toEqual([['Quý I', { year: 2026, issueDate: '2026-01-12' }]]);
    expect(result.tasks[0].deadline).toMatchObject({ kind: 'fixed', due: '2026-03-31' });
    expect(result.warnings).toEqual([]);
  });
});

describe('buildPlanPreview: year', () => {
  const rows = [HEADER, ['1', 'Việc', 'VP', '', 'Quý I', '']];

  it('uses the chosen year, warning when the document says another', () => {
    const result = preview(gridDocument(rows), { year: 2025 });
    expect(result.plan.year).toBe(2025);
    expect(result.warnings[0]).toEqual({
      row: null,
      field: 'year',
      message: 'Văn bản ghi năm 2026 nhưng năm được chọn là 2025; đã dùng năm 2025.',
    });
  });

  it('is an error when neither the document nor the person gives it; deadlines are then kept raw', () => {
    const result = preview(gridDocument(rows, []));
    expect(result.errors).toEqual([
      { row: null, field: 'year', message: 'Không xác định được năm của kế hoạch; cần chọn năm.' },
    ]);
    expect(result.tasks[0].deadline).toEqual(unrecognizedDeadline('Quý I'));
  });
});

describe('buildPlanPreview: errors', () => {
  it('no task table', () => {
    const result = preview(gridDocument([['Kế hoạch không có bảng']]));
    expect(result.errors.map((error) => error.field)).toEqual(['table']);
    expect(result.errors[0].message).toMatch(/^Không tìm thấy bảng danh mục nhiệm vụ/);
    expect(result.tasks).toEqual([]);
  });

  it.each([
    ['ordinal', ['Nội dung', 'Chủ trì', 'Sản phẩm', 'Thời hạn'], "Bảng nhiệm vụ thiếu cột 'TT'."],
    [
      'leadUnit',
      ['TT', 'Nội dung', 'Sản phẩm', 'Thời hạn'],
      "Bảng nhiệm vụ thiếu cột 'Cơ quan chủ trì'.",
    ],
  ])('missing required column: %s', (field, header, message) => {
    const result = preview(gridDocument([header, ['1', 'Việc', 'x', 'Quý I']]));
    expect(result.errors).toEqual([{ row: 1, field, message }]);
    expect(result.tasks).toEqual([]);
  });

  it('missing content column: the table is not recognised at all', () => {
    const result = preview(
      gridDocument([
        ['TT', 'Chủ trì', 'Thời hạn'],
        ['1', 'VP', 'Quý I'],
      ]),
    );
    expect(result.errors.map((error) => error.field)).toEqual(['table']);
  });

  it('a table without task rows', () => {
    const result = preview(gridDocument([HEADER, ['I. Chỉ đạo điều hành']]));
    expect(result.errors).toEqual([
      { row: 1, field: 'table', message: 'Bảng nhiệm vụ không có dòng nhiệm vụ nào.' },
    ]);
  });

  it('a missing deadline column is only a warning', () => {
    const result = preview(
      gridDocument([
        ['TT', 'Nội dung', 'Chủ trì'],
        ['1', 'Việc', 'VP'],
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { row: 1, field: 'deadline', message: 'Bảng không có cột thời gian thực hiện.' },
      { row: 2, field: 'deadline', message: 'Chưa có thời gian thực hiện.' },
    ]);
  });
});

describe('buildPlanPreview: ordinals under a section numeral', () => {
  it('reads "I.1", "I.2", "II.1" as tasks of their sections, "I.2.1" under "I.2"', () => {
    const result = preview(
      gridDocument([
        HEADER,
        ['I', 'Chỉ đạo điều hành', '', '', '', ''],
        ['I.1', 'Ban hành kế hoạch', 'Phòng VHXH', '', 'Quý I/2026', 'KH'],
        ['I.2', 'Kiểm tra', 'Phòng VHXH', '', '', ''],
        ['I.2.1.', 'Kiểm tra các phòng', 'Phòng VHXH', '', 'Quý II/2026', 'BC'],
        ['II', 'Cải cách thể chế', '', '', '', ''],
        ['II.1', 'Rà soát văn bản', 'VP HĐND&UBND', '', 'Quý III/2026', 'BC'],
        ['I.3', 'Lạc mục', 'VP HĐND&UBND', '', 'Quý III/2026', 'BC'],
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.areas.map((area) => area.code)).toEqual(['I', 'II']);
    expect(
      result.tasks.map((task) => [task.area, task.ordinal, task.parent, task.isGroup]),
    ).toEqual([
      ['I', 'I.1', null, false],
      ['I', 'I.2', null, true],
      ['I', 'I.2.1', 'I.2', false],
      ['II', 'II.1', null, false],
      ['II', 'I.3', null, false],
    ]);
    expect(result.warnings.filter((warning) => warning.field === 'ordinal')).toEqual([
      {
        row: 8,
        field: 'ordinal',
        message: "Số thứ tự 'I.3' thuộc mục I nhưng nằm trong mục II; cần kiểm tra.",
      },
    ]);
  });
});
