import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { composeApologySlip, type ApologySlipData } from './apology-slip';

// A4 with the margins of Nghị định 30/2020 (top/bottom 20 mm, left 30 mm, right 15 mm);
// Times New Roman 13–14 pt; the two-column header and the signature sit in borderless tables.

const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);
const LEFT_COLUMN = Math.round(TEXT_WIDTH * 0.4);

interface Line {
  text: string;
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  color?: string;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** Points of space before the paragraph. */
  before?: number;
}

function line(spec: Line): Paragraph {
  return new Paragraph({
    alignment: spec.align ?? AlignmentType.CENTER,
    spacing: { before: (spec.before ?? 0) * 20 },
    children: [
      new TextRun({
        text: spec.text,
        size: (spec.size ?? 13) * 2,
        bold: spec.bold,
        italics: spec.italics,
        underline: spec.underline ? {} : undefined,
        color: spec.color,
      }),
    ],
  });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 120, line: 312 },
    children: [new TextRun({ text, size: 28 })],
  });
}

function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA } });
  return new Table({
    borders: TableBorders.NONE,
    // No cell padding, so the columns are as wide as in the PDF and the Quốc hiệu fits one line.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COLUMN, TEXT_WIDTH - LEFT_COLUMN],
    rows: [
      new TableRow({
        children: [cell(left, LEFT_COLUMN), cell(right, TEXT_WIDTH - LEFT_COLUMN)],
      }),
    ],
  });
}

export async function renderApologyDocx(data: ApologySlipData): Promise<Buffer> {
  const slip = composeApologySlip(data);
  const draft = slip.draftMark
    ? [line({ text: slip.draftMark, size: 14, bold: true, color: 'C00000', align: 'right' })]
    : [];
  const header = twoColumns(
    [
      line({ text: slip.superior }),
      line({ text: slip.issuer, bold: true, underline: true }),
      line({ text: slip.number, before: 6 }),
    ],
    [
      line({ text: slip.motto, bold: true }),
      line({ text: slip.slogan, size: 14, bold: true, underline: true }),
      line({ text: slip.placeAndDate, size: 14, italics: true, before: 6 }),
    ],
  );
  const signature = twoColumns(
    [
      line({ text: 'Nơi nhận:', size: 12, bold: true, italics: true, align: 'left' }),
      ...slip.recipients.map((text) => line({ text, size: 11, align: 'left' })),
    ],
    [
      line({ text: slip.signerPosition, size: 14, bold: true }),
      ...Array.from({ length: 3 }, () => line({ text: '', size: 14 })), // room to sign
      line({ text: slip.signerName, size: 14, bold: true }),
    ],
  );
  const doc = new Document({
    title: slip.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: [
          ...draft,
          header,
          line({ text: slip.title, size: 14, bold: true, before: 18 }),
          line({ text: slip.salutation, size: 14, before: 12 }),
          ...slip.contact.map((text) => line({ text, size: 14 })),
          ...slip.body.map(bodyParagraph),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
