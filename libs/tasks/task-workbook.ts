import { Workbook } from 'exceljs';
import { neutralizeFormula } from '@cchc/common';
import { IsoDate, SlaStatus } from '@cchc/domain';

/** The working-day SLA of a task as the API computes it (escalations' TaskSla). */
export interface SheetSla {
  status: SlaStatus;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
}

/** One row of the task list as exported, names already resolved. */
export interface TaskSheetRow {
  title: string;
  leadUnit: string;
  leader: string;
  dueDate: IsoDate | null;
  stateLabel: string;
  sla: SheetSla;
}

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Nhiệm vụ', width: 60 },
  { header: 'Cơ quan chủ trì', width: 30 },
  { header: 'Lãnh đạo phụ trách', width: 24 },
  { header: 'Thời hạn', width: 12 },
  { header: 'Trạng thái', width: 18 },
  { header: 'Tiến độ', width: 28 },
];

/** The same wording as the console's SLA badge. */
export function slaText(sla: SheetSla): string {
  switch (sla.status) {
    case 'onTrack':
      return `Còn ${sla.workingDaysLeft} ngày làm việc`;
    case 'dueSoon':
      return sla.workingDaysLeft === 0
        ? 'Đến hạn hôm nay'
        : `Còn ${sla.workingDaysLeft} ngày làm việc`;
    case 'overdue':
      return `Quá hạn ${sla.workingDaysOverdue} ngày làm việc`;
    case 'reportedOnTime':
      return 'Đã báo cáo đúng hạn';
    case 'completedLate':
      return 'Hoàn thành quá hạn';
    case 'completedOnTime':
      return 'Hoàn thành đúng hạn';
    default:
      return 'Không có thời hạn';
  }
}

/** 2026-03-31 → 31/03/2026: calendar dates, no time zone involved. */
export function viDate(date: IsoDate | null): string {
  if (!date) return '';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The task list as an XLSX sheet "Nhiệm vụ"; every text cell goes through neutralizeFormula. */
export async function taskWorkbook(rows: TaskSheetRow[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Nhiệm vụ', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, index) =>
    sheet.addRow([
      index + 1,
      ...[
        row.title,
        row.leadUnit,
        row.leader,
        viDate(row.dueDate),
        row.stateLabel,
        slaText(row.sla),
      ].map(neutralizeFormula),
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
