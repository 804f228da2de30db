import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { checkDossier, readBulkLines } from './bulk-lines';

const DOSSIER = {
  code: 'H31-0001',
  procedureCode: '1.000894',
  applicant: { name: 'Nguyễn Thị Hằng', phone: '0912345678' },
  receivedAt: '2026-02-12T09:30:00+07:00',
};
const LIMITS = { maxBytes: 1024 * 1024, maxLines: 100 };

/** The body as it arrives over HTTP: in chunks cut anywhere, even inside a character. */
async function* chunked(text: string, size = 7): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('readBulkLines', () => {
  it('reads NDJSON line by line, skipping blank lines and reporting unreadable ones', async () => {
    const text = [JSON.stringify(DOSSIER), '', '{oops', '[1, 2]', JSON.stringify(DOSSIER)].join(
      '\r\n',
    );
    const lines = await readBulkLines(chunked(text), 'ndjson', LIMITS);
    expect(lines.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 1, code: 'H31-0001' },
      { line: 3, code: null },
      { line: 4, code: null },
      { line: 5, code: 'H31-0001' },
    ]);
    expect(lines[0]).toHaveProperty('dto.applicant.name', 'Nguyễn Thị Hằng');
    expect(lines[1]).toHaveProperty('error', 'Dòng không phải JSON hợp lệ.');
    expect(lines[2]).toHaveProperty('error', 'Dòng phải là một đối tượng JSON.');
  });

  it('reports a line nested deeper than any dossier, and a dossier whose applicant is a list', async () => {
    // Built as text: JSON.stringify itself cannot go 5,000 levels deep.
    const deep = JSON.stringify(DOSSIER).replace(
      /}$/,
      `,"note":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    );
    const listed = JSON.stringify({ ...DOSSIER, applicant: [DOSSIER.applicant] });
    const text = [deep, listed, JSON.stringify(DOSSIER)].join('\n');
    const lines = await readBulkLines(chunked(text, 4096), 'ndjson', LIMITS);
    expect(lines.map((line) => ('error' in line ? line.error : 'ok'))).toEqual([
      'Dòng lồng quá 32 cấp đối tượng, danh sách.',
      expect.stringContaining('applicant phải là một đối tượng'),
      'ok',
    ]);
  });

  it('reports a line that fails the rules of POST /dossiers, naming the field', async () => {
    const { applicant: _, ...withoutApplicant } = DOSSIER;
    const text = [DOSSIER, withoutApplicant].map((line) => JSON.stringify(line)).join('\n');
    const [, second] = await readBulkLines(chunked(text), 'ndjson', LIMITS);
    expect(second).toMatchObject({ line: 2, code: 'H31-0001' });
    expect(second).toHaveProperty('error', expect.stringContaining('applicant'));
  });

  it('maps CSV columns by their English or Vietnamese header, numbering records', async () => {
    const text =
      '\uFEFFMã hồ sơ;Mã thủ tục;Người nộp;Điện thoại;Thời điểm tiếp nhận\r\n' +
      '\r\n' +
      'H31-0001;1.000894;"Nguyễn Thị; Hằng";0912345678;2026-02-12T09:30:00+07:00\r\n';
    const [line] = await readBulkLines(chunked(text, 5), 'csv', LIMITS);
    expect(line).toMatchObject({
      line: 3,
      code: 'H31-0001',
      dto: {
        procedureCode: '1.000894',
        applicant: { name: 'Nguyễn Thị; Hằng', phone: '0912345678' },
        receivedAt: '2026-02-12T09:30:00+07:00',
      },
    });
  });

  it('refuses a CSV without the required columns, or with a quote left open (400)', async () => {
    const missing = readBulkLines(chunked('code,name,x\nH1,x,y\n'), 'csv', LIMITS);
    await expect(missing).rejects.toBeInstanceOf(BadRequestException);
    await expect(missing).rejects.toThrow(/thiếu cột procedureCode, applicant.name, receivedAt/);
    const header = 'code,procedureCode,applicant name,receivedAt\n';
    const open = readBulkLines(chunked(`${header}H1,1.0,"Nguyễn,2026\n`), 'csv', LIMITS);
    await expect(open).rejects.toThrow(/ngoặc kép/);
  });

  it('refuses with 413 an upload over the line or byte limit, or declared over it', async () => {
    const text = Array.from({ length: 3 }, () => JSON.stringify(DOSSIER)).join('\n');
    const tooManyLines = readBulkLines(chunked(text), 'ndjson', { ...LIMITS, maxLines: 2 });
    await expect(tooManyLines).rejects.toBeInstanceOf(PayloadTooLargeException);
    const tooManyBytes = readBulkLines(chunked(text), 'ndjson', { ...LIMITS, maxBytes: 200 });
    await expect(tooManyBytes).rejects.toBeInstanceOf(PayloadTooLargeException);
    let read = false;
    const unread = (async function* () {
      read = true;
      yield Buffer.from(text);
    })();
    const declared = readBulkLines(unread, 'ndjson', LIMITS, LIMITS.maxBytes + 1);
    await expect(declared).rejects.toThrow(/vượt giới hạn 100 dòng hoặc 1 MB/);
    expect(read).toBe(false);
  });
});

describe('readBulkLines on bytes that are not UTF-8', () => {
  const header = 'code,procedureCode,applicant name,receivedAt\n';
  const row = (code: string) => `${code},1.000894,Nguyễn Thị Hằng,2026-02-12T09:30:00+07:00\n`;

  it.each([1, 7, 4096])(
    'refuses a cp1258 CSV with a 400 naming its first bad line (chunks of %i bytes)',
    async (size) => {
      const bytes = Buffer.concat([
        Buffer.from(header + row('H1')),
        Buffer.from(row('H2').replace('Nguyễn Thị Hằng', 'Trần Văn Ân'), 'latin1'),
        Buffer.from(row('H3')),
      ]);
      async function* body() {
        for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
      }
      const read = readBulkLines(body(), 'csv', LIMITS);
      await expect(read).rejects.toBeInstanceOf(BadRequestException);
      await expect(read).rejects.toThrow(
        'Dòng 3: tệp không phải UTF-8; hãy lưu lại dưới dạng CSV UTF-8. Chưa hồ sơ nào được ghi.',
      );
    },
  );

  it('refuses NDJSON with a raw latin-1 byte, and a bad byte in the CSV header', async () => {
    const ndjson = Buffer.concat([
      Buffer.from(JSON.stringify(DOSSIER) + '\n'),
      Buffer.from(JSON.stringify({ ...DOSSIER, applicant: { name: 'Trần' } }), 'latin1'),
    ]);
    await expect(
      readBulkLines(
        (async function* () {
          yield ndjson;
        })(),
        'ndjson',
        LIMITS,
      ),
    ).rejects.toThrow(/^Dòng 2: tệp không phải UTF-8; hãy lưu lại dưới dạng NDJSON/);
    const badHeader = Buffer.concat([Buffer.from('Mã hồ sơ,Người nộp\n', 'latin1'), ndjson]);
    await expect(
      readBulkLines(
        (async function* () {
          yield badHeader;
        })(),
        'csv',
        LIMITS,
      ),
    ).rejects.toThrow(/^Dòng 1: tệp không phải UTF-8/);
  });
});

describe('checkDossier', () => {
  it('refuses an applicant name with a lone UTF-16 surrogate (from a JSON escape)', async () => {
    const line = JSON.parse('{"name":"A\\udc00"}') as { name: string };
    const bad = await checkDossier({ ...DOSSIER, applicant: line });
    expect('error' in bad && bad.error).toEqual(
      expect.stringContaining('applicant.name: name chứa ký tự Unicode hỏng'),
    );
  });

  it('accepts a valid dossier and names every wrong field of a bad one', async () => {
    expect(await checkDossier(DOSSIER)).toHaveProperty('dto');
    const bad = await checkDossier({
      ...DOSSIER,
      code: 'has space',
      applicant: { email: 'x' },
      extra: 1,
    });
    expect('error' in bad && bad.error).toEqual(expect.stringContaining('code (mã hồ sơ)'));
    expect('error' in bad && bad.error).toEqual(expect.stringContaining('applicant.name'));
    expect('error' in bad && bad.error).toEqual(expect.stringContaining('applicant.email'));
    expect('error' in bad && bad.error).toEqual(expect.stringContaining('trường extra'));
  });
});
