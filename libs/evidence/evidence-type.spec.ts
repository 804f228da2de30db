import { docxOfParagraphs, zipArchive } from '../../test/support/zip-archive';
import { UploadTooLargeError } from '@cchc/plan-import';
import { sniffEvidenceKind } from './evidence-type';
import {
  SAMPLE_JPEG,
  SAMPLE_PNG,
  sampleDocx,
  samplePdf,
  sampleXlsx,
} from '../../test/support/evidence-samples';

describe('sniffEvidenceKind', () => {
  it('knows each accepted kind by its content', async () => {
    expect(await sniffEvidenceKind(await samplePdf())).toBe('pdf');
    expect(await sniffEvidenceKind(await sampleDocx())).toBe('docx');
    expect(await sniffEvidenceKind(await sampleXlsx())).toBe('xlsx');
    expect(await sniffEvidenceKind(SAMPLE_PNG)).toBe('png');
    expect(await sniffEvidenceKind(SAMPLE_JPEG)).toBe('jpeg');
  });

  it('refuses text, HTML and executables whatever they would be called', async () => {
    const refused = [
      Buffer.from('Đây là báo cáo, không phải PDF'),
      Buffer.from('<html><body>%PDF-1.7</body></html>'),
      Buffer.from('MZ\x90\x00\x03', 'latin1'),
      Buffer.alloc(0),
      Buffer.from(' %PDF-1.4'),
    ];
    for (const data of refused) expect(await sniffEvidenceKind(data)).toBeNull();
  });

  it('knows a document whose main part Word for the web numbered', async () => {
    const renamed = await zipArchive([
      { name: '[Content_Types].xml', content: ['<Types/>'] },
      { name: 'word/document2.xml', content: ['<w:document/>'] },
    ]);
    expect(await sniffEvidenceKind(renamed)).toBe('docx');
  });

  it('refuses a zip that is not a Word document or workbook, and a broken one', async () => {
    const plainZip = await zipArchive([{ name: 'notes.txt', content: ['ghi chú'] }]);
    expect(await sniffEvidenceKind(plainZip)).toBeNull();
    const docx = await sampleDocx();
    expect(await sniffEvidenceKind(docx.subarray(0, docx.length / 2))).toBeNull();
    const lookalike = await zipArchive([{ name: 'word/document.xml.bak', content: ['<w/>'] }]);
    expect(await sniffEvidenceKind(lookalike)).toBeNull();
  });

  it('refuses a DOCX that would unzip far past its size, from its directory alone', async () => {
    const bomb = await docxOfParagraphs(300);
    await expect(sniffEvidenceKind(bomb)).rejects.toBeInstanceOf(UploadTooLargeError);
  });
});
