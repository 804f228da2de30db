import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import {
  bodyParagraph,
  docLine,
  longDate,
  nationalHeader,
  renderNationalDocx,
  shortDate,
  signatureBlock,
} from '@cchc/documents';
import {
  CHECKLIST_RESULT_LABELS,
  FINDING_SEVERITY_LABELS,
  FindingSeverity,
  INSPECTION_KIND_LABELS,
  InspectionKind,
  IsoDate,
} from '@cchc/domain';
import { ChecklistResultRow, ChecklistTopic } from './checklist';

// The two documents of a campaign, worded here and laid out by the shared national DOCX helpers:
// the minutes of a unit's visit (Biên bản kiểm tra) and the conclusion notice the chairman signs
// (Thông báo kết luận kiểm tra).

/** The symbol of a campaign's minutes: "01/BB-ĐKT", numbered per campaign as visits are done. */
export const MINUTES_SYMBOL = 'BB-ĐKT';

export interface CampaignDocumentSource {
  wardName: string;
  /** The ward's province ("Thành phố Hải Phòng"): its UBND is the notice's superior line. */
  province?: string | null;
  /** Place on the date line, e.g. "Hải Phòng". */
  place: string;
  title: string;
  decisionNumber: string;
  decisionDate: IsoDate;
  kind: InspectionKind;
  year: number;
  headName: string;
  inspectorNames: string[];
}

export interface MinutesSource extends CampaignDocumentSource {
  unitName: string;
  doneOn: IsoDate | null;
  /** "01/BB-ĐKT" once the visit is done; before, the number is left blank. */
  minutesNumber: string | null;
  topics: readonly ChecklistTopic[];
  results: readonly ChecklistResultRow[];
  minutes: string | null;
  findings: DocumentFinding[];
}

export interface DocumentFinding {
  unitName: string;
  topicTitle: string;
  description: string;
  severity: FindingSeverity;
  parCode: string | null;
  recommendation: string;
  remedy: string;
}

export interface NoticeSource extends CampaignDocumentSource {
  noticeNumber: string;
  concludedOn: IsoDate;
  chairmanName: string;
  unitNames: string[];
  findings: DocumentFinding[];
}

function campaignLine(source: CampaignDocumentSource): string {
  return (
    `Thực hiện Quyết định số ${source.decisionNumber} ngày ${shortDate(source.decisionDate)} ` +
    `về việc kiểm tra công tác cải cách hành chính năm ${source.year} ` +
    `(${INSPECTION_KIND_LABELS[source.kind].toLocaleLowerCase('vi-VN')}): ${source.title}.`
  );
}

/** The text as a sentence: ends with a full stop unless it already ends with a stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function findingLines(findings: DocumentFinding[], withUnit: boolean): string[] {
  if (findings.length === 0) return ['Không phát hiện tồn tại, hạn chế.'];
  return findings.map((finding, index) => {
    const where = withUnit ? `${finding.unitName} — ` : '';
    const par = finding.parCode ? `; tiêu chí PAR Index ${finding.parCode}` : '';
    return (
      `${index + 1}. ${where}${finding.topicTitle}: ${finding.description} ` +
      `(mức độ: ${FINDING_SEVERITY_LABELS[finding.severity].toLocaleLowerCase('vi-VN')}${par}). ` +
      [`Kiến nghị: ${sentence(finding.recommendation)}`, sentence(finding.remedy)]
        .filter((part) => part !== '')
        .join(' ')
    );
  });
}

function resultTable(
  topics: readonly ChecklistTopic[],
  results: readonly ChecklistResultRow[],
): Table {
  const byCode = new Map(results.map((row) => [row.topicCode, row]));
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, size: 24, bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['STT', 'Nội dung kiểm tra', 'Kết quả', 'Ghi chú'].map((text) =>
          cell(text, true),
        ),
      }),
      ...topics.map((topic, index) => {
        const row = byCode.get(topic.code);
        return new TableRow({
          children: [
            cell(String(index + 1)),
            cell(topic.title),
            cell(row ? CHECKLIST_RESULT_LABELS[row.result] : 'Chưa kiểm tra'),
            cell(row?.note ?? ''),
          ],
        });
      }),
    ],
  });
}

const upper = (text: string) => text.toLocaleUpperCase('vi-VN');

/** Biên bản kiểm tra công tác CCHC tại một đơn vị. */
export function renderMinutesDocx(source: MinutesSource): Promise<Buffer> {
  const title = 'BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH';
  const date = source.doneOn ? longDate(source.doneOn) : 'ngày … tháng … năm …';
  return renderNationalDocx(title, [
    nationalHeader({
      superior: upper(`UBND ${source.wardName}`),
      issuer: 'ĐOÀN KIỂM TRA',
      number: `Số: ${source.minutesNumber ?? `…/${MINUTES_SYMBOL}`}`,
      placeAndDate: `${source.place}, ${date}`,
    }),
    docLine({ text: title, size: 14, bold: true, before: 18 }),
    docLine({ text: `Tại: ${source.unitName}`, size: 14, bold: true }),
    bodyParagraph(campaignLine(source)),
    bodyParagraph(
      `Đoàn kiểm tra gồm: ${source.headName} (Trưởng đoàn)` +
        source.inspectorNames.map((name) => `, ${name}`).join('') +
        `. Đã tiến hành kiểm tra tại ${source.unitName} ${date}.`,
    ),
    docLine({ text: 'I. KẾT QUẢ KIỂM TRA', size: 14, bold: true, align: 'left', before: 12 }),
    resultTable(source.topics, source.results),
    ...(source.minutes ? [bodyParagraph(source.minutes)] : []),
    docLine({ text: 'II. TỒN TẠI, HẠN CHẾ', size: 14, bold: true, align: 'left', before: 12 }),
    ...findingLines(source.findings, false).map(bodyParagraph),
    bodyParagraph('Biên bản được lập thành 02 bản, đơn vị được kiểm tra giữ 01 bản./.'),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    signatureBlock({
      recipients: [`- ${source.unitName};`, '- Lưu: Đoàn kiểm tra.'],
      signerPosition: 'TRƯỞNG ĐOÀN KIỂM TRA',
      signerName: source.headName,
    }),
  ]);
}

/** Thông báo kết luận kiểm tra công tác CCHC, signed by the chairman. */
export function renderNoticeDocx(source: NoticeSource): Promise<Buffer> {
  const title = 'THÔNG BÁO';
  return renderNationalDocx(`Thông báo kết luận kiểm tra ${source.noticeNumber}`, [
    nationalHeader({
      // The ward's superior is the province (as on the periodic report), never the ward itself.
      superior: upper(source.province ? `UBND ${source.province}` : 'UBND cấp tỉnh'),
      issuer: upper(`Ủy ban nhân dân ${source.wardName}`),
      number: `Số: ${source.noticeNumber}`,
      placeAndDate: `${source.place}, ${longDate(source.concludedOn)}`,
    }),
    docLine({ text: title, size: 14, bold: true, before: 18 }),
    docLine({
      text: `Kết luận kiểm tra công tác cải cách hành chính năm ${source.year}`,
      size: 14,
      bold: true,
    }),
    bodyParagraph(campaignLine(source)),
    bodyParagraph(
      `Đoàn kiểm tra do ${source.headName} làm Trưởng đoàn đã kiểm tra ${source.unitNames.length} ` +
        `đơn vị: ${source.unitNames.join(', ')}. Chủ tịch Ủy ban nhân dân ${source.wardName} ` +
        'kết luận như sau:',
    ),
    docLine({ text: 'I. TỒN TẠI, HẠN CHẾ VÀ KIẾN NGHỊ', size: 14, bold: true, align: 'left' }),
    ...findingLines(source.findings, true).map(bodyParagraph),
    docLine({ text: 'II. TỔ CHỨC THỰC HIỆN', size: 14, bold: true, align: 'left', before: 12 }),
    bodyParagraph(
      'Thủ trưởng các đơn vị có tồn tại, hạn chế tổ chức khắc phục theo nhiệm vụ được giao, ' +
        'báo cáo kết quả đúng thời hạn./.',
    ),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    signatureBlock({
      recipients: ['- Các đơn vị được kiểm tra;', '- Đoàn kiểm tra;', '- Lưu: VT.'],
      signerPosition: 'CHỦ TỊCH',
      signerName: source.chairmanName,
    }),
  ]);
}
