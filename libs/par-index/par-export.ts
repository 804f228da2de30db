import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { Workbook } from 'exceljs';
import {
  bodyParagraph,
  docLine,
  nationalHeader,
  placeName,
  ON_BEHALF_OF_COMMITTEE,
  renderNationalDocx,
  signatureBlock,
} from '@cchc/documents';
import { neutralizeFormula } from '@cchc/common';
import { IsoDate, PAR_SCORE_STATUS_LABELS } from '@cchc/domain';
import { SCORING_METHOD_LABELS } from './criteria-tree';
import { AssessmentView, CriterionView } from './dto/par-view.dto';

export interface ExportWard {
  name: string;
  province: string | null;
  today: IsoDate;
  /** The ward's chairman, who signs the report ("CHỦ TỊCH" and his name). */
  chairmanName?: string;
}

// The ward's coordinator accepts a score (duyệt); the province's appraisal (thẩm định) is not
// recorded here, so neither label claims it.
const STATUS_LABELS = PAR_SCORE_STATUS_LABELS;
const points = (value: number | null) => (value === null ? '' : value.toLocaleString('vi-VN'));
const percent = (value: number | null) =>
  value === null ? '' : `${value.toLocaleString('vi-VN')}%`;

/** Where a computed or survey criterion's points come from: its rate (and the survey's source). */
function rateBasis(criterion: CriterionView): string {
  if (criterion.rate === null) return '';
  const source = criterion.score?.surveySource;
  const label = criterion.method === 'survey' ? 'Kết quả điều tra' : 'Số liệu của năm';
  return `${label}: ${percent(criterion.rate)}${source ? ` (${source})` : ''}`;
}

/** Two sheets: every criterion with its scores, and the totals by area. */
export async function assessmentWorkbook(view: AssessmentView): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Tự đánh giá');
  sheet.columns = [
    { header: 'Mã', width: 8 },
    { header: 'Lĩnh vực, tiêu chí', width: 60 },
    { header: 'Điểm tối đa', width: 12 },
    { header: 'Phương pháp', width: 26 },
    { header: 'Điểm tự đánh giá', width: 16 },
    { header: 'Điểm đã duyệt', width: 16 },
    { header: 'Trạng thái', width: 16 },
    { header: 'Giải trình', width: 50 },
    { header: 'Tỷ lệ cho điểm', width: 50 },
  ];
  for (const criterion of view.criteria) {
    const row = sheet.addRow(
      [
        criterion.code,
        criterion.name,
        criterion.maxPoints,
        SCORING_METHOD_LABELS[criterion.method],
        criterion.points,
        criterion.acceptedPoints,
        criterion.score ? STATUS_LABELS[criterion.score.status] : '',
        criterion.score?.note ?? '',
        rateBasis(criterion),
      ].map(neutralizeFormula),
    );
    if (criterion.level === 'area') row.font = { bold: true };
  }
  sheet.getRow(1).font = { bold: true };
  const totals = workbook.addWorksheet('Tổng hợp');
  totals.columns = [
    { header: 'Lĩnh vực', width: 50 },
    { header: 'Điểm tối đa', width: 12 },
    { header: 'Điểm đạt', width: 12 },
    { header: 'Tỷ lệ (%)', width: 12 },
  ];
  for (const area of [...view.areas, view.total])
    totals.addRow(
      [`${area.code} ${area.name}`, area.maxPoints, area.points, area.percent].map(
        neutralizeFormula,
      ),
    );
  totals.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, size: 24, bold })] })],
  });

/** The self-assessment report in the national format: header, table by criterion, totals, signature. */
export function assessmentDocx(view: AssessmentView, ward: ExportWard): Promise<Buffer> {
  const [year, month, day] = ward.today.split('-');
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['Mã', 'Lĩnh vực, tiêu chí', 'Điểm tối đa', 'Tự đánh giá', 'Đã duyệt'].map((h) =>
          cell(h, true),
        ),
      }),
      ...view.criteria.map(
        (criterion) =>
          new TableRow({
            children: [
              cell(criterion.code, criterion.level === 'area'),
              cell(criterion.name, criterion.level === 'area'),
              cell(points(criterion.maxPoints)),
              cell(points(criterion.points)),
              cell(points(criterion.acceptedPoints)),
            ],
          }),
      ),
    ],
  });
  return renderNationalDocx(`Tự đánh giá Chỉ số CCHC năm ${view.year}`, [
    nationalHeader({
      superior: view.issuer.toUpperCase(),
      issuer: `ỦY BAN NHÂN DÂN ${ward.name.toLocaleUpperCase('vi-VN')}`,
      number: 'Số:      /BC-UBND',
      placeAndDate: `${placeName(ward.province, ward.name)}, ngày ${day} tháng ${Number(month)} năm ${year}`,
    }),
    docLine({ text: 'BÁO CÁO', size: 14, bold: true, before: 12 }),
    docLine({
      text: `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${view.year}`,
      size: 14,
      bold: true,
    }),
    bodyParagraph(
      `Căn cứ Bộ tiêu chí xác định Chỉ số cải cách hành chính do ${view.issuer} ban hành, ` +
        `Ủy ban nhân dân ${ward.name} báo cáo kết quả tự đánh giá, chấm điểm như sau:`,
    ),
    table,
    bodyParagraph(
      `Tổng điểm tự đánh giá: ${points(view.total.points) || 'chưa có'} / ${points(view.total.maxPoints)} điểm` +
        (view.total.percent === null ? '.' : ` (đạt ${percent(view.total.percent)}).`),
    ),
    ...view.areas.map((area) =>
      bodyParagraph(
        `- ${area.code} ${area.name}: ${points(area.points) || 'chưa có'} / ${points(area.maxPoints)} điểm` +
          (area.percent === null ? '' : ` (${percent(area.percent)})`),
      ),
    ),
    signatureBlock({
      recipients: ['- Sở Nội vụ;', '- Lưu: VT.'],
      onBehalfOf: ON_BEHALF_OF_COMMITTEE,
      signerPosition: 'CHỦ TỊCH',
      signerName: ward.chairmanName ?? '',
    }),
  ]);
}
