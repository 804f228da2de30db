import { cleanFileName } from './evidence-file-name';

describe('cleanFileName', () => {
  it('keeps a Vietnamese name whole, in composed form', () => {
    expect(cleanFileName('Báo cáo kết quả.pdf'.normalize('NFD'), 'pdf')).toBe(
      'Báo cáo kết quả.pdf'.normalize('NFC'),
    );
  });

  it('drops folders and control characters, and names a nameless file', () => {
    expect(cleanFileName('C:\\Users\\cb\\Biên bản.docx', 'docx')).toBe('Biên bản.docx');
    expect(cleanFileName('../../x\u0000\u202e.pdf', 'pdf')).toBe('x.pdf');
    expect(cleanFileName('  ', 'png')).toBe('minh-chung.png');
  });

  it('keeps at most 255 characters without splitting one', () => {
    const name = cleanFileName('😀'.repeat(300), 'jpeg');
    expect(Array.from(name)).toHaveLength(255);
    expect(name).toBe('😀'.repeat(255));
  });
});
