import { Document, Packer, Paragraph } from 'docx';
import { Workbook } from 'exceljs';
import PDFDocument from 'pdfkit';

/** Small real files of each accepted kind, made by the libraries a ward's tools resemble. */

export function samplePdf(text = 'Báo cáo kết quả thực hiện nhiệm vụ'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // The standard fonts have no Vietnamese letters: the text is written without its marks.
    doc.text(text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'));
    doc.end();
  });
}

export function sampleDocx(text = 'Báo cáo kết quả rà soát thủ tục hành chính'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

export async function sampleXlsx(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('Kết quả').addRow(['STT', 'Nội dung', 'Kết quả']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A 1×1 PNG and a 1×1 JPEG. */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const SAMPLE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////' +
    '////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
