import { Workbook } from 'exceljs';
import { TaskSheetRow, taskWorkbook } from './task-workbook';

const row: TaskSheetRow = {
  title: '=HYPERLINK("http://x","bấm")',
  leadUnit: 'Phòng Văn hóa - Xã hội',
  leader: 'Nguyễn Văn Lãnh Đạo',
  dueDate: '2026-03-31',
  stateLabel: 'Đang thực hiện',
  sla: { status: 'overdue', workingDaysLeft: null, workingDaysOverdue: 3 },
};

describe('taskWorkbook', () => {
  it('writes Vietnamese headers, dd/mm/yyyy dates and formulas as plain text', async () => {
    const workbook = new Workbook();
    const file = await taskWorkbook([row, { ...row, title: 'Việc 2', dueDate: null }]);
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhiệm vụ')!;
    const values = (index: number) => (sheet.getRow(index).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Lãnh đạo phụ trách',
      'Thời hạn',
      'Trạng thái',
      'Tiến độ',
    ]);
    expect(values(2)).toEqual([
      1,
      `'=HYPERLINK("http://x","bấm")`,
      'Phòng Văn hóa - Xã hội',
      'Nguyễn Văn Lãnh Đạo',
      '31/03/2026',
      'Đang thực hiện',
      'Quá hạn 3 ngày làm việc',
    ]);
    expect(values(3)[4]).toBe('');
    expect(sheet.rowCount).toBe(3);
  });
});
