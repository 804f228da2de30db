import PDFDocument from 'pdfkit';
import { parseIsoDate } from '@cchc/calendar';
import { composeApologySlip, type ApologySlipData } from './apology-slip';

// The standard PDF fonts cannot write Vietnamese, so the slip embeds Tinos (metric-compatible
// with Times New Roman, full Vietnamese coverage) from the TrueType files of an npm package.
const FONTS = {
  regular: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};
type Face = keyof typeof FONTS;

const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const TEXT_WIDTH = 210 * MM - MARGIN.left - MARGIN.right;
const LEFT_COLUMN = TEXT_WIDTH * 0.4;
const RED = '#c00000';
const SIGNATURE_HEIGHT = 110;

interface Line {
  text: string;
  face?: Face;
  size?: number;
  underline?: boolean;
  align?: 'left' | 'center';
  /** Points of space before the line. */
  before?: number;
}

/** Writes centred lines into one column from `top`; returns where the column ends. */
function column(doc: PDFKit.PDFDocument, lines: Line[], x: number, width: number, top: number) {
  doc.y = top;
  for (const spec of lines) {
    doc
      .font(spec.face ?? 'regular')
      .fontSize(spec.size ?? 13)
      .text(spec.text, x, doc.y + (spec.before ?? 0), {
        width,
        align: spec.align ?? 'center',
        underline: spec.underline,
      });
  }
  return doc.y;
}

function twoColumns(doc: PDFKit.PDFDocument, left: Line[], right: Line[]) {
  const top = doc.y;
  const leftEnd = column(doc, left, MARGIN.left, LEFT_COLUMN, top);
  const rightWidth = TEXT_WIDTH - LEFT_COLUMN;
  const rightEnd = column(doc, right, MARGIN.left + LEFT_COLUMN, rightWidth, top);
  doc.x = MARGIN.left;
  doc.y = Math.max(leftEnd, rightEnd);
}

export function renderApologyPdf(data: ApologySlipData): Promise<Buffer> {
  const slip = composeApologySlip(data);
  const { year, month, day } = parseIsoDate(data.issuedOn);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    font: FONTS.regular,
    lang: 'vi-VN',
    // The issue date instead of the clock: the same slip always renders to the same bytes.
    info: { Title: slip.title, CreationDate: new Date(Date.UTC(year, month - 1, day)) },
  });
  for (const [face, file] of Object.entries(FONTS)) doc.registerFont(face, file);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (slip.draftMark) {
    // A red box in the top margin, clear of the header.
    const box = { x: 210 * MM - MARGIN.right - 32 * MM, y: 8 * MM, width: 32 * MM };
    doc
      .save()
      .lineWidth(1.5)
      .strokeColor(RED)
      .rect(box.x, box.y, box.width, 8 * MM)
      .stroke();
    doc.font('bold').fontSize(14).fillColor(RED);
    doc.text(slip.draftMark, box.x, box.y + 5, { width: box.width, align: 'center' });
    doc.restore().fillColor('black');
    doc.y = MARGIN.top;
  }
  twoColumns(
    doc,
    [
      { text: slip.superior },
      { text: slip.issuer, face: 'bold', underline: true },
      { text: slip.number, before: 6 },
    ],
    [
      { text: slip.motto, face: 'bold' },
      { text: slip.slogan, face: 'bold', size: 14, underline: true },
      { text: slip.placeAndDate, face: 'italic', size: 14, before: 6 },
    ],
  );
  const heading: Line[] = [
    { text: slip.title, face: 'bold', size: 14, before: 24 },
    { text: slip.salutation, size: 14, before: 12 },
    ...slip.contact.map((text) => ({ text, size: 14 })),
  ];
  column(doc, heading, MARGIN.left, TEXT_WIDTH, doc.y);
  doc.font('regular').fontSize(14).moveDown(0.5);
  for (const paragraph of slip.body) {
    doc.text(paragraph, MARGIN.left, doc.y, {
      width: TEXT_WIDTH,
      align: 'justify',
      indent: 10 * MM,
      lineGap: 2,
      paragraphGap: 6,
    });
  }
  doc.moveDown(1);
  // Keep the signature block whole: both columns must start on the same page.
  if (doc.y + SIGNATURE_HEIGHT > doc.page.height - MARGIN.bottom) doc.addPage();
  twoColumns(
    doc,
    [
      { text: 'Nơi nhận:', face: 'boldItalic', size: 12, align: 'left' },
      ...slip.recipients.map((text): Line => ({ text, size: 11, align: 'left' })),
    ],
    [
      { text: slip.signerPosition, face: 'bold', size: 14 },
      { text: slip.signerName, face: 'bold', size: 14, before: 60 },
    ],
  );
  doc.end();
  return done;
}
