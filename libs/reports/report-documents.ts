import {
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { Workbook } from 'exceljs';
import { endOfDayInstant, todayIn, vietnamTimeOfDay } from '@cchc/calendar';
import {
  bodyParagraph,
  docLine,
  longDate,
  nationalHeader,
  renderNationalDocx,
  ON_BEHALF_OF_COMMITTEE,
  shortDate,
  signatureBlock,
} from '@cchc/documents';
import { neutralizeFormula } from '@cchc/common';
import { IsoDate, TASK_STATE_LABELS, TASK_STATES } from '@cchc/domain';
import type { SignatureWithdrawal } from './report-revisions';
import {
  percentText,
  ratioText,
  type DossierSection,
  type ReportContent,
  type TaskLine,
} from './report-content';

/** What the signed document carries besides the frozen figures. */
export interface ReportDocumentMeta {
  /** "05/BC-UBND" once signed; blank number ("   /BC-UBND") before. */
  number: string | null;
  /** The day it was signed, else the day it was compiled. */
  date: IsoDate;
  signerName: string;
  revision: number;
  contentHash: string;
  /** On a báo cáo đính chính: the sent report it replaces. */
  replaces: ReportReplaced | null;
  /** A signature withdrawn before sending: the document is a draft again (no number). */
  withdrawn?: SignatureWithdrawal | null;
}

/** The sent report a correction replaces: its revision, number, signing day and the reason. */
export interface ReportReplaced {
  revision: number;
  number: string;
  signedOn: IsoDate;
  reason: string;
}

export const NO_TARGETS = 'Chưa có chỉ tiêu';
export const NO_INSPECTIONS = 'Chưa có dữ liệu kiểm tra';

const rate = percentText;
const ratio = ratioText;

function dateOf(date: IsoDate | null): string {
  return date ? shortDate(date) : 'Không thời hạn';
}

/** The pending dossiers (in time; overdue has its own row), unless the revision predates them. */
function pendingRows(dossiers: DossierSection): (string | number)[][] {
  if (dossiers.pending === undefined || dossiers.pendingInTime === undefined) return [];
  return [
    ['Đang giải quyết', dossiers.pending],
    ['Đang giải quyết trong hạn', dossiers.pendingInTime],
  ];
}

/** "01/12/2026 07:29": an instant as a Vietnamese reader reads it, in Vietnam time. */
export function vietnamDateTime(instant: string | Date): string {
  const time = new Date(instant);
  return `${shortDate(todayIn(time))} ${vietnamTimeOfDay(time)}`;
}

/** "quý I/2026", "năm 2026": a period's label inside a sentence. */
function labelInSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('vi-VN') + label.slice(1);
}

/**
 * The line saying which days the figures count: up to the cut-off day, or — compiled before it
 * ended — up to the minute they were compiled, and that the period had not yet reached its cut-off.
 */
export function countedText(content: ReportContent): string {
  const { period } = content;
  const from = `Số liệu tính từ ngày ${shortDate(period.from)}`;
  if (new Date(content.cutoffInstant) >= endOfDayInstant(period.cutoffDate))
    return `${from} đến ngày ${shortDate(period.cutoffDate)}.`;
  return (
    `${from} đến ${vietnamDateTime(content.cutoffInstant)} (thời điểm tổng hợp, ` +
    `trước ngày chốt số liệu ${shortDate(period.cutoffDate)} của kỳ báo cáo).`
  );
}

/** The rows of every section, shared by the DOCX tables and the XLSX sheets. */
export function sectionTables(content: ReportContent): {
  /** A heading above the section in the DOCX (section 1 has two tables). */
  group?: string;
  title: string;
  headers: string[];
  rows: (string | number)[][];
  note?: string | null;
}[] {
  const { tasks, dossiers } = content;
  const stateHeaders = TASK_STATES.map((state) => TASK_STATE_LABELS[state]);
  const taskRows = (lines: TaskLine[]) =>
    lines.map((task, index) => [
      index + 1,
      task.ordinal ?? '',
      task.title,
      task.leadUnit,
      dateOf(task.dueDate),
      TASK_STATE_LABELS[task.state],
      task.reason ?? 'Chưa nêu lý do',
    ]);
  const taskHeaders = [
    'STT',
    'Số thứ tự',
    'Nhiệm vụ',
    'Cơ quan chủ trì',
    'Thời hạn',
    'Trạng thái',
    'Lý do',
  ];
  return [
    {
      group: '1. Kết quả thực hiện nhiệm vụ',
      title: '1.1. Nhiệm vụ theo lĩnh vực',
      headers: ['Lĩnh vực', 'Tổng số', ...stateHeaders, 'Tỷ lệ hoàn thành'],
      rows: [
        ...tasks.areas.map((area) => [
          `${area.code} ${area.name}`.trim(),
          area.total,
          ...TASK_STATES.map((state) => area.byState[state]),
          rate(area.donePercent),
        ]),
        [
          'Tổng cộng',
          tasks.total,
          ...TASK_STATES.map((state) => tasks.byState[state]),
          rate(tasks.donePercent),
        ],
      ],
    },
    {
      title: '1.2. Nhiệm vụ quá hạn',
      headers: taskHeaders,
      rows: taskRows(tasks.overdue),
      note: tasks.overdue.length === 0 ? 'Không có nhiệm vụ quá hạn' : null,
    },
    {
      title: '2. Hồ sơ TTHC',
      headers: ['Chỉ số', 'Giá trị'],
      rows: [
        ['Tiếp nhận', dossiers.received],
        ['Trả trước hạn', dossiers.returnedEarly],
        ['Trả đúng hạn', dossiers.returnedOnTime],
        ['Trả quá hạn', dossiers.returnedLate],
        ...pendingRows(dossiers),
        ['Đang giải quyết quá hạn', dossiers.openOverdue],
        ['Tỷ lệ đúng hạn', ratio(dossiers.onTimeRate)],
        ['Hồ sơ quá hạn', dossiers.overdue],
        ['Hồ sơ quá hạn có phiếu xin lỗi', dossiers.overdueWithIssuedSlip],
        ['Hồ sơ quá hạn chưa có phiếu xin lỗi', dossiers.overdueWithoutSlip],
        ['Tỷ lệ xin lỗi hồ sơ quá hạn', ratio(dossiers.apologyCoverage)],
      ],
    },
    {
      title: '3. Chỉ tiêu',
      headers: ['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Thực hiện', 'Đánh giá'],
      rows: content.targets.rows.map((target) => [
        target.code,
        target.name,
        target.target,
        target.actual ?? 'Chưa có số liệu',
        target.verdict,
      ]),
      note: content.targets.note,
    },
    {
      title: '4. Kiểm tra CCHC',
      headers: ['Nội dung', 'Kết quả'],
      rows: content.inspections.rows.map((row) => [row.label, row.value]),
      note: content.inspections.note,
    },
    {
      title: '5. Khó khăn và kiến nghị',
      headers: ['Đơn vị', 'Kết quả', 'Khó khăn, vướng mắc', 'Kiến nghị, đề xuất', 'Gửi muộn'],
      rows: content.contributions.map((row) => [
        row.unit,
        row.results,
        row.problems,
        row.proposals,
        row.late ? 'Có' : 'Không',
      ]),
      note: content.contributions.length === 0 ? 'Chưa có đơn vị gửi báo cáo' : null,
    },
    {
      title: '6. Nhiệm vụ kỳ tới',
      headers: taskHeaders,
      rows: taskRows(content.nextTasks),
      note: content.nextTasks.length === 0 ? 'Không có nhiệm vụ đến hạn trong kỳ tới' : null,
    },
  ];
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(headers: string[], rows: (string | number)[][]): Table {
  const cell = (text: string | number, bold = false) =>
    new TableCell({
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      children: [
        new Paragraph({ children: [new TextRun({ text: String(text), size: 22, bold })] }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) })),
    ],
  });
}

/** The report in the national administrative format (Nghị định 30/2020). */
export function renderReportDocx(
  content: ReportContent,
  meta: ReportDocumentMeta,
): Promise<Buffer> {
  const { tasks, dossiers, period } = content;
  const title = `BÁO CÁO\nKết quả thực hiện công tác cải cách hành chính ${labelInSentence(period.label)}`;
  const summary = [
    countedText(content),
    `Tổng số nhiệm vụ: ${tasks.total}; đã hoàn thành ${tasks.done} (${rate(tasks.donePercent)}), ` +
      `trong đó đúng hạn ${tasks.doneOnTime}, quá hạn ${tasks.doneLate}; ` +
      `còn quá hạn ${tasks.overdue.length}.`,
    `Hồ sơ TTHC tiếp nhận: ${dossiers.received}; trả trước hạn ${dossiers.returnedEarly}, ` +
      `đúng hạn ${dossiers.returnedOnTime}, quá hạn ${dossiers.returnedLate}; ` +
      (dossiers.pending === undefined
        ? ''
        : `đang giải quyết ${dossiers.pending} (trong hạn ${dossiers.pendingInTime}, ` +
          `quá hạn ${dossiers.openOverdue}); `) +
      `tỷ lệ đúng hạn ${ratio(dossiers.onTimeRate)}; ` +
      `hồ sơ quá hạn có phiếu xin lỗi ${dossiers.overdueWithIssuedSlip}/${dossiers.overdue}.`,
  ];
  const sections: FileChild[] = sectionTables(content).flatMap((section) => [
    ...(section.group
      ? [docLine({ text: section.group, bold: true, align: 'left', before: 12 })]
      : []),
    docLine({ text: section.title, bold: true, align: 'left', before: section.group ? 6 : 12 }),
    ...(section.note ? [bodyParagraph(section.note)] : []),
    ...(section.rows.length > 0 ? [table(section.headers, section.rows)] : []),
  ]);
  const upperWard = content.ward.name.toLocaleUpperCase('vi-VN');
  return renderNationalDocx(`Báo cáo CCHC ${period.label}`, [
    nationalHeader({
      superior: content.ward.superior.toLocaleUpperCase('vi-VN'),
      issuer: `ỦY BAN NHÂN DÂN ${upperWard}`,
      number: `Số: ${meta.number ?? '     /BC-UBND'}`,
      placeAndDate: `${content.ward.place}, ${longDate(meta.date)}`,
    }),
    ...(meta.withdrawn ? withdrawnSignature(meta.withdrawn) : []),
    ...title
      .split('\n')
      .map((text, index) => docLine({ text, size: 14, bold: true, before: index === 0 ? 18 : 0 })),
    ...(meta.replaces ? replacing(meta.replaces, content.ward.name) : []),
    ...summary.map(bodyParagraph),
    ...sections,
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    signatureBlock({
      recipients: [
        '- Sở Nội vụ;',
        `- Thường trực HĐND ${content.ward.name};`,
        '- Chủ tịch, các Phó Chủ tịch UBND;',
        '- Lưu: VT, VHXH.',
      ],
      onBehalfOf: ON_BEHALF_OF_COMMITTEE,
      signerPosition: 'CHỦ TỊCH',
      signerName: meta.signerName,
    }),
    docLine({
      text: `Số liệu tổng hợp lần ${meta.revision}, mã kiểm tra sha-256 ${meta.contentHash}`,
      size: 9,
      italics: true,
      align: 'left',
      before: 12,
    }),
    docLine({ text: checkpointText(content), size: 9, italics: true, align: 'left' }),
  ]);
}

/**
 * A báo cáo đính chính says under its title which report it replaces (number and date), and
 * opens with that and the reason, so that the province files it in place of the sent one.
 */
function replacing(replaced: ReportReplaced, wardName: string): Paragraph[] {
  const named = `Báo cáo số ${replaced.number} ngày ${shortDate(replaced.signedOn)}`;
  return [
    docLine({ text: `(Đính chính, thay thế ${named})`, size: 14, italics: true }),
    bodyParagraph(
      `Báo cáo này đính chính và thay thế ${named} của Ủy ban nhân dân ${wardName}. ` +
        `Lý do đính chính: ${replaced.reason}`,
    ),
  ];
}

/**
 * A revision whose signature the chairman withdrew before it was sent is no valid issued
 * document: it prints as a draft (no number), saying which signed report was withdrawn and why.
 */
function withdrawnSignature(withdrawn: SignatureWithdrawal): Paragraph[] {
  return [
    docLine({ text: 'DỰ THẢO - ĐÃ THU HỒI CHỮ KÝ', size: 13, bold: true, before: 12 }),
    bodyParagraph(
      `Báo cáo số ${withdrawn.number} ngày ${shortDate(withdrawn.signedOn)} đã được thu hồi ` +
        `chữ ký ngày ${shortDate(withdrawn.withdrawnOn)}, trước khi gửi: văn bản này là dự thảo, ` +
        `không có giá trị phát hành. Lý do thu hồi: ${withdrawn.reason}`,
    ),
  ];
}

/** The appendix line that lets a reader check the ward's audit history against a signed root. */
export function checkpointText(content: ReportContent): string {
  const checkpoint = content.auditCheckpoint;
  if (!checkpoint)
    return 'Điểm kiểm tra nhật ký: chưa có (số liệu tổng hợp trước khi có chuỗi băm).';
  return (
    `Điểm kiểm tra nhật ký số ${checkpoint.id} lúc ${vietnamDateTime(checkpoint.createdAt)}: ` +
    `gốc Merkle ${checkpoint.root} trên ${checkpoint.instanceCount} chuỗi, khóa ký ${checkpoint.keyId}.`
  );
}

/** The appendix: one sheet per section, every text cell neutralised against formulas. */
export async function renderReportXlsx(content: ReportContent): Promise<Buffer> {
  const workbook = new Workbook();
  for (const section of sectionTables(content)) {
    // Section titles are unique and within the 31 characters of a sheet name.
    const sheet = workbook.addWorksheet(section.title);
    sheet.addRow([neutralizeFormula(section.title)]).font = { bold: true };
    if (section.note) sheet.addRow([neutralizeFormula(section.note)]);
    sheet.addRow(section.headers.map(neutralizeFormula)).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map(neutralizeFormula));
    sheet.columns.forEach((column) => (column.width = 24));
  }
  workbook.addWorksheet('Toàn vẹn nhật ký').addRow([neutralizeFormula(checkpointText(content))]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
