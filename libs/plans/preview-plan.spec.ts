import { createUnitResolver, UNIT_GROUPS } from '@cchc/plan-import';
import { previewPlan, wardAliases } from './preview-plan';

const units = [
  { id: 'vp', code: 'VP', name: 'Văn phòng HĐND&UBND' },
  { id: 'vhxh', code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
];

describe('wardAliases', () => {
  it("lets the ward's alias replace a shipped one written the same way", () => {
    const resolve = createUnitResolver(
      units,
      wardAliases(units, [{ alias: 'Các phòng, đơn vị chuyên môn', unitId: 'vp' }]),
    );
    expect(resolve('Các phòng, đơn vị chuyên môn')).toEqual({
      unitId: 'vp',
      groupCode: null,
      alias: { alias: 'Các phòng, đơn vị chuyên môn', source: 'ward' },
    });
    expect(resolve('Các đoàn thể')).toEqual({
      unitId: null,
      groupCode: UNIT_GROUPS.MASS_ORGANIZATIONS,
      alias: { alias: 'Các đoàn thể', source: 'default' },
    });
  });

  it('keeps the shipped aliases when the ward has none', () => {
    const resolve = createUnitResolver(units, wardAliases(units));
    expect(resolve('Các phòng chuyên môn')).toEqual({
      unitId: null,
      groupCode: UNIT_GROUPS.SPECIALIZED,
      alias: { alias: 'Các phòng chuyên môn', source: 'default' },
    });
  });
});

describe('previewPlan', () => {
  it('refuses a deadline the worker could not plan reminders for, naming its row', async () => {
    const csv = [
      'TT,Nội dung công việc,Cơ quan chủ trì,Thời gian hoàn thành',
      '1,Rà soát thủ tục hành chính,Văn phòng HĐND&UBND,Quý I/2197',
      '2,Số hóa hồ sơ lưu trữ,Phòng Văn hóa - Xã hội,Tháng 3/2199',
      '3,Công khai thủ tục,Phòng Văn hóa - Xã hội,Tháng 6/2197',
    ].join('\n');
    const { preview } = await previewPlan({
      file: { fileName: 'ke-hoach.csv', data: Buffer.from(csv) },
      units,
      // A plan dated at the far end of what the calendar knows.
      year: 2197,
    });
    const deadlineErrors = preview.errors.filter((error) => error.field === 'deadline');
    expect(deadlineErrors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('2199-03-31') }),
    ]);
    expect(deadlineErrors[0].row).toBe(preview.tasks[1].sourceRow);
  });
});
