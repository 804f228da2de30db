import {
  AlignmentType,
  Document,
  FileChild,
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
import { NATIONAL_MOTTO, NATIONAL_SLOGAN } from './national-text';

// The layout of an administrative document (Nghị định 30/2020/NĐ-CP) in DOCX, shared by every
// document the product writes: A4 with top/bottom 20 mm, left 30 mm, right 15 mm margins;
// Times New Roman 13–14 pt; the two-column header (agency | Quốc hiệu, tiêu ngữ) and the
// signature block sit in borderless tables.

const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);
const LEFT_COLUMN = Math.round(TEXT_WIDTH * 0.4);

export interface DocLine {
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

/** One line (centred unless told), in points. */
export function docLine(spec: DocLine): Paragraph {
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

/** A justified body paragraph, first line indented, 14 pt. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 120, line: 312 },
    children: [new TextRun({ text, size: 28 })],
  });
}

/** Two borderless columns, 40% | 60% of the text width. */
export function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
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

/** The place on a document's date line: the province without "Thành phố"/"Tỉnh", else the ward. */
export function placeName(province: string | null, wardName: string): string {
  return (province ?? wardName).replace(/^(thành phố|tỉnh)\s+/i, '');
}

export interface NationalHeader {
  /** Cơ quan chủ quản, upper case. */
  superior: string;
  /** The issuing agency, upper case (bold, underlined). */
  issuer: string;
  /** "Số: 12/TB-UBND". */
  number: string;
  /** "Hải Dương, ngày 05 tháng 3 năm 2026". */
  placeAndDate: string;
}

/** Agency and number on the left; Quốc hiệu, tiêu ngữ, place and date on the right. */
export function nationalHeader(header: NationalHeader): Table {
  return twoColumns(
    [
      docLine({ text: header.superior }),
      docLine({ text: header.issuer, bold: true, underline: true }),
      docLine({ text: header.number, before: 6 }),
    ],
    [
      docLine({ text: NATIONAL_MOTTO, bold: true }),
      docLine({ text: NATIONAL_SLOGAN, size: 14, bold: true, underline: true }),
      docLine({ text: header.placeAndDate, size: 14, italics: true, before: 6 }),
    ],
  );
}

export interface SignatureBlock {
  /** "- Như trên;" … */
  recipients: string[];
  /**
   * Whom the signer signs for (thẩm quyền, NĐ 30/2020), above the position: "TM. ỦY BAN NHÂN
   * DÂN" when the chairman signs the People's Committee's document; none when in his own name.
   */
  onBehalfOf?: string;
  /** Upper case, e.g. "CHỦ TỊCH". */
  signerPosition: string;
  signerName: string;
}

/** The People's Committee's documents, signed by its chairman on its behalf (NĐ 30/2020). */
export const ON_BEHALF_OF_COMMITTEE = 'TM. ỦY BAN NHÂN DÂN';

/** Nơi nhận on the left; the signer's authority and position, room to sign and name on the right. */
export function signatureBlock(signature: SignatureBlock): Table {
  return twoColumns(
    [
      docLine({ text: 'Nơi nhận:', size: 12, bold: true, italics: true, align: 'left' }),
      ...signature.recipients.map((text) => docLine({ text, size: 11, align: 'left' })),
    ],
    [
      ...(signature.onBehalfOf
        ? [docLine({ text: signature.onBehalfOf, size: 14, bold: true })]
        : []),
      docLine({ text: signature.signerPosition, size: 14, bold: true }),
      ...Array.from({ length: 3 }, () => docLine({ text: '', size: 14 })), // room to sign
      docLine({ text: signature.signerName, size: 14, bold: true }),
    ],
  );
}

/** An A4 document with the national margins and font, from its blocks in reading order. */
export function renderNationalDocx(title: string, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    title,
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
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
