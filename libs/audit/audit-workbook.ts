import { Workbook } from 'exceljs';
import { neutralizeFormula } from '@cchc/common';
import { auditEventLabel, auditStateLabel, ROLE_LABELS, Role } from '@cchc/domain';
import type { AuditEntryDto } from './dto/audit-query.dto';

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Thời điểm', width: 20 },
  { header: 'Người thực hiện', width: 26 },
  { header: 'Vai trò', width: 22 },
  { header: 'Đối tượng', width: 20 },
  { header: 'Mã đối tượng', width: 38 },
  { header: 'Số thứ tự', width: 10 },
  { header: 'Sự kiện', width: 30 },
  // The code too, for sorting and filtering the sheet by machine (the labels may be reworded).
  { header: 'Mã sự kiện', width: 22 },
  { header: 'Từ trạng thái', width: 20 },
  { header: 'Đến trạng thái', width: 20 },
  { header: 'Lý do', width: 40 },
  { header: 'Hash', width: 66 },
];

const vietnamTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/**
 * The audit list as an XLSX sheet "Nhật ký", events and states in Vietnamese; every text cell goes
 * through neutralizeFormula.
 */
export async function auditWorkbook(entries: AuditEntryDto[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Nhật ký', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  entries.forEach((entry, index) =>
    sheet.addRow([
      index + 1,
      ...[
        vietnamTime.format(entry.occurredAt),
        entry.actorName ?? 'Hệ thống',
        entry.actorRole === 'system'
          ? 'Hệ thống'
          : (ROLE_LABELS[entry.actorRole as Role] ?? entry.actorRole),
        entry.instanceLabel,
        entry.instanceId,
      ].map(neutralizeFormula),
      entry.seq,
      ...[
        auditEventLabel(entry.instanceType, entry.eventType),
        entry.eventType,
        entry.fromState === null ? '' : auditStateLabel(entry.instanceType, entry.fromState),
        auditStateLabel(entry.instanceType, entry.toState),
        entry.reason ?? '',
        entry.hash,
      ].map(neutralizeFormula),
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
