import mammoth from 'mammoth';
import { docxOfParagraphs, zipArchive } from '../../../test/support/zip-archive';
import { PlanImportError } from '../plan-import-error';
import { assertSafeZip } from './safe-zip';
import { MAX_ZIP_ENTRIES, UploadTooLargeError } from './upload-limits';

const UNREADABLE = 'tệp hỏng';

describe('assertSafeZip', () => {
  it('passes a small sound DOCX, which mammoth then reads', async () => {
    const docx = await docxOfParagraphs(0.1);
    await expect(assertSafeZip(docx, UNREADABLE)).resolves.toBeUndefined();
    expect((await mammoth.extractRawText({ buffer: docx })).value).toContain('Nội dung lặp lại');
  });

  it('refuses an archive that expands past the limit, from its directory alone', async () => {
    const bomb = await docxOfParagraphs(300);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const checking = assertSafeZip(bomb, UNREADABLE);
    await expect(checking).rejects.toBeInstanceOf(UploadTooLargeError);
    await expect(checking).rejects.toThrow(/giải nén vượt quá 100 MB/);
  });

  it('refuses a large entry with an unusual compression ratio', async () => {
    const checking = assertSafeZip(await docxOfParagraphs(20), UNREADABLE);
    await expect(checking).rejects.toThrow(/'word\/document\.xml'.*tỷ lệ nén bất thường/);
  });

  it('refuses an archive with too many entries', async () => {
    const entries = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, index) => ({
      name: `part${index}.xml`,
      content: ['<a/>'],
    }));
    await expect(assertSafeZip(await zipArchive(entries), UNREADABLE)).rejects.toThrow(
      /1001 thành phần/,
    );
  });

  it('refuses an archive whose directory understates what an entry expands to', async () => {
    const lying = await docxOfParagraphs(0.5, 0.01);
    const checking = assertSafeZip(lying, UNREADABLE);
    await expect(checking).rejects.toBeInstanceOf(PlanImportError);
    await expect(checking).rejects.toThrow(UNREADABLE);
  });

  it('refuses what is not an archive', async () => {
    await expect(assertSafeZip(Buffer.from('not a zip'), UNREADABLE)).rejects.toThrow(UNREADABLE);
  });
});
