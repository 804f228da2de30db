import { describeWithSeed } from '../../test/support/seeds';
import { buildPlanPreview, readPlanText, type PlanPreview } from '@cchc/plan-import';
import { COMMUNE_UNITS, resolverFor, unrecognizedDeadline, WARD_UNITS } from './testing/ward-units';

const previewOf = (text: string, units = WARD_UNITS): PlanPreview =>
  buildPlanPreview(readPlanText(text), {
    parseDeadline: unrecognizedDeadline,
    resolveUnit: resolverFor(units),
  });

const warningsAt = (preview: PlanPreview, row: number) =>
  preview.warnings.filter((warning) => warning.row === row).map((warning) => warning.message);

describeWithSeed(
  '002',
  'seed 002: a decision with the plan pasted from Word (tabs)',
  (seedText) => {
    let preview: PlanPreview;
    beforeAll(() => {
      preview = previewOf(seedText());
    });

    it('reads 45 tasks in 7 areas, without errors', () => {
      expect(preview.errors).toEqual([]);
      expect(preview.tasks).toHaveLength(45);
      expect(preview.areas.map((area) => area.code)).toEqual([
        'I',
        'II',
        'III',
        'IV',
        'V',
        'VI',
        'VII',
      ]);
      expect(preview.areas[3]).toEqual({ code: 'IV', title: 'Cải cách tổ chức bộ máy' });
    });

    it('keeps the ordinals of the plan, running 1 to 45 across areas', () => {
      expect(preview.tasks.map((task) => task.ordinal)).toEqual(
        Array.from({ length: 45 }, (_, i) => String(i + 1)),
      );
      const perArea = preview.areas.map(
        (area) => preview.tasks.filter((task) => task.area === area.code).length,
      );
      expect(perArea).toEqual([7, 12, 11, 3, 4, 2, 6]);
      expect(preview.tasks.every((task) => !task.isGroup && task.parent === null)).toBe(true);
    });

    it('maps every lead unit, group phrases through the shipped aliases', () => {
      const unmapped = preview.tasks.filter(
        (task) => !task.leadUnit?.unitId && !task.leadUnit?.groupCode,
      );
      expect(unmapped).toEqual([]);
      const groups = preview.tasks.filter((task) => task.leadUnit?.groupCode);
      expect(groups.map((task) => [task.ordinal, task.leadUnit?.alias?.source])).toEqual([
        ['8', 'default'],
        ['9', 'default'],
        ['11', 'default'],
      ]);
    });

    it('reads the typo "Phòng VHXXH" as Phòng Văn hóa - Xã hội and says so', () => {
      const first = preview.tasks[0];
      expect(first.leadUnit).toEqual({ raw: 'Phòng VHXXH', unitId: 'unit-VHXH', groupCode: null });
      expect(warningsAt(preview, first.sourceRow)).toContain(
        "Đã hiểu 'Phòng VHXXH' là Phòng Văn hóa - Xã hội (VHXXH → VHXH).",
      );
      expect(first.coordinatingUnits).toEqual([
        {
          raw: 'Các phòng, đơn vị chuyên môn',
          unitId: null,
          groupCode: 'SPECIALIZED',
          alias: { alias: 'Các phòng, đơn vị chuyên môn', source: 'default' },
        },
      ]);
    });

    it('merges cells cut by page breaks into the task above', () => {
      const task = (ordinal: string) =>
        preview.tasks.find((candidate) => candidate.ordinal === ordinal)!;
      expect(task('21').content).toMatch(
        /doanh nghiệp và thủ tục hành chính nội bộ .* đúng thời hạn quy định$/,
      );
      expect(
        task('38')
          .coordinatingUnits.map((unit) => unit.raw)
          .join(' '),
      ).toMatch(/Mặt trận Tổ quốc Việt Nam/);
      expect(task('17').product).toMatch(
        /^- Kế hoạch triển khai .* quy phạm pháp luật theo thẩm quyền; - Kết quả/,
      );
      expect(task('17').product).not.toMatch(/<|>/);
    });

    it('splits coordinating units without breaking names that contain separators', () => {
      const task = (ordinal: string) =>
        preview.tasks.find((candidate) => candidate.ordinal === ordinal)!;
      expect(task('9').coordinatingUnits.map((unit) => unit.unitId ?? unit.groupCode)).toEqual([
        'unit-VP',
        'RELATED',
      ]);
      expect(task('41').coordinatingUnits.map((unit) => unit.unitId ?? unit.groupCode)).toEqual([
        'unit-KTHTDT',
        'RELATED',
      ]);
    });

    it('reads the plan metadata; the draft number is blank and reported', () => {
      expect(preview.plan).toMatchObject({ number: null, year: 2026, issueDate: '2026-01-12' });
      expect(preview.plan.title).toMatch(/^Kế hoạch Cải cách hành chính .* năm 2026$/);
      expect(preview.warnings.find((warning) => warning.field === 'number')?.message).toMatch(
        /để trống/,
      );
    });

    it('keeps each deadline as written for the deadline parser', () => {
      expect(preview.tasks[0].deadline?.raw).toBe('Trước ngày 15/01/2026');
      expect(preview.tasks[44].deadline?.raw).toBe('Khi có hướng dẫn của thành phố');
    });
  },
);

describeWithSeed(
  '001',
  'seed 001: text extracted from a PDF (wrapped cells, no delimiters)',
  (seedText) => {
    let preview: PlanPreview;
    const task = (area: string, ordinal: string | null) =>
      preview.tasks.find((candidate) => candidate.area === area && candidate.ordinal === ordinal)!;
    beforeAll(() => {
      preview = previewOf(seedText(), COMMUNE_UNITS);
    });

    it('rebuilds 22 tasks in 7 areas, ordinals restarting in each area', () => {
      expect(preview.errors).toEqual([]);
      expect(preview.areas.map((area) => area.code)).toEqual([
        'I',
        'II',
        'III',
        'IV',
        'V',
        'VI',
        'VII',
      ]);
      const ordinals = preview.areas.map((area) =>
        preview.tasks
          .filter((candidate) => candidate.area === area.code)
          .map((candidate) => candidate.ordinal),
      );
      expect(ordinals).toEqual([
        ['1', '2', '3', '4', '5'],
        ['1', '2', '3', '4'],
        ['1', '2', '3'],
        [null],
        ['1', '2', '3', '4'],
        ['1'],
        ['1', '2', '3', '4'],
      ]);
    });

    it('puts wrapped lines back into their cells', () => {
      expect(task('I', '2')).toMatchObject({
        content: expect.stringMatching(
          /^Xây dựng kế hoạch và tổ chức kiểm tra .* tuyên truyền CCHC$/,
        ),
        leader: 'Phó Chủ tịch UBND',
        leadUnit: { raw: 'CC Văn hóa - Xã hội', unitId: 'unit-CC_VHXH', groupCode: null },
        product: 'Kế hoạch tuyên truyền CCHC',
        deadline: expect.objectContaining({ raw: 'Quý I/2023; thực hiện cả năm 2023' }),
      });
      expect(task('I', '4')).toMatchObject({
        product: null,
        deadline: expect.objectContaining({ raw: 'Qúy IV/2023' }),
      });
      expect(task('V', '2').deadline?.raw).toBe('Ngày 21/12/2022');
    });

    it('takes the first of several units as lead, the others as coordinating, and says so', () => {
      const row = task('I', '3');
      expect(row.leadUnit?.unitId).toBe('unit-CC_VPTK');
      expect(row.coordinatingUnits.map((unit) => unit.unitId)).toEqual([
        'unit-CC_TPHT',
        'unit-CC_DCXD',
        'unit-CC_VHXH',
      ]);
      expect(warningsAt(preview, row.sourceRow).join(' ')).toMatch(/nhiều đơn vị/);
    });

    it('rebuilds rows cut by a page break and flags them as doubtful', () => {
      expect(task('V', '1')).toMatchObject({
        leader: 'Chủ tịch UBND',
        leadUnit: { raw: 'Cán bộ, công chức', unitId: null, groupCode: 'ALL_STAFF' },
        deadline: expect.objectContaining({ raw: 'Tổ chức thực hiện cả năm 2023' }),
      });
      expect(task('V', '1').content).toMatch(
        /^Cử CBCC tham gia đầy đủ các lớp tập huấn .* yêu cầu nhiệm vụ$/,
      );
      expect(task('VII', '2')).toMatchObject({
        content: expect.stringMatching(
          /^Ban hành và triển khai hoàn thành 100% nhiệm vụ .* năm 2023$/,
        ),
        leader: 'Phó Chủ tịch UBND',
        deadline: expect.objectContaining({ raw: 'Tổ chức thực hiện cả năm 2023' }),
      });
      const doubtful = preview.warnings.filter((warning) => /ngắt trang/.test(warning.message));
      expect(doubtful.map((warning) => warning.row)).toEqual([
        task('II', '2').sourceRow,
        task('V', '1').sourceRow,
        task('VII', '2').sourceRow,
      ]);
      // The word after the break ends a product cell, which the text cannot tell: flagged, not hidden.
      expect(doubtful[0].message).toContain("'luật'");
    });

    it('flags the row without ordinal, lead unit or deadline', () => {
      const row = task('IV', null);
      expect(row.content).toMatch(/^Tiếp tục thực hiện sắp xếp, kiện toàn .* UBND quận$/);
      expect(warningsAt(preview, row.sourceRow)).toEqual([
        'Dòng không có số thứ tự; đã nhận là một nhiệm vụ, cần kiểm tra.',
        'Chưa có đơn vị chủ trì.',
        'Chưa có thời gian thực hiện.',
      ]);
    });

    it('reports the typo in "CC VHVH" and maps every other unit', () => {
      expect(warningsAt(preview, task('VII', '2').sourceRow)).toContain(
        "Đã hiểu 'CC VHVH' là Công chức Văn hóa - Xã hội (VHVH → VHXH).",
      );
      const unknown = preview.warnings.filter((warning) =>
        /Không nhận ra đơn vị/.test(warning.message),
      );
      expect(unknown).toEqual([]);
    });

    it('reads the number and date of the plan the appendix belongs to', () => {
      expect(preview.plan).toMatchObject({
        number: '07/KH-UBND',
        year: 2023,
        issueDate: '2023-01-14',
      });
      expect(preview.plan.title).toMatch(/^Danh mục Nhiệm vụ, công việc cụ thể .* năm 2023$/);
    });
  },
);
