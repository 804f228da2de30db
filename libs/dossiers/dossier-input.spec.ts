import { dossierContentHash, parseBulk, toCreateDossierDto } from './dossier-input';

const DOSSIER = {
  code: 'H31-0001',
  procedureCode: '1.000894',
  applicant: { name: 'Nguyễn Thị Hằng', phone: '0912345678' },
  receivedAt: '2026-02-12T09:30:00+07:00',
};

describe('parseBulk', () => {
  it('reads NDJSON line by line, skipping blank lines and reporting unreadable ones', () => {
    const text = [JSON.stringify(DOSSIER), '', '{oops', '[1, 2]'].join('\n');
    expect(parseBulk(text, 'ndjson')).toEqual([
      { line: 1, value: DOSSIER },
      { line: 3, value: null, error: 'Dòng không phải JSON hợp lệ.' },
      { line: 4, value: null, error: 'Dòng phải là một đối tượng JSON.' },
    ]);
  });

  it('maps CSV columns by their English or Vietnamese header', () => {
    const text =
      '\uFEFFMã hồ sơ;Mã thủ tục;Người nộp;Điện thoại;Thời điểm tiếp nhận\r\n' +
      'H31-0001;1.000894;Nguyễn Thị Hằng;0912345678;2026-02-12T09:30:00+07:00\r\n';
    expect(parseBulk(text, 'csv')).toEqual([
      {
        line: 2,
        value: {
          code: 'H31-0001',
          procedureCode: '1.000894',
          applicant: { name: 'Nguyễn Thị Hằng', phone: '0912345678' },
          receivedAt: '2026-02-12T09:30:00+07:00',
        },
      },
    ]);
  });

  it('reports a CSV header without the required columns', () => {
    const [line] = parseBulk('code,name\nH1,x', 'csv');
    expect(line.error).toContain('procedureCode, applicant.name, receivedAt');
  });
});

describe('toCreateDossierDto', () => {
  it('accepts a valid dossier and names every wrong field of a bad one', async () => {
    expect(await toCreateDossierDto(DOSSIER)).toHaveProperty('dto');
    const bad = await toCreateDossierDto({
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

describe('dossierContentHash', () => {
  it('is the same for the same dossier however blanks and time zones are written', async () => {
    const same = {
      ...DOSSIER,
      applicant: { ...DOSSIER.applicant, address: '  ' },
      receivedAt: '2026-02-12T02:30:00Z',
    };
    expect(dossierContentHash(same as never)).toBe(dossierContentHash(DOSSIER as never));
    const other = { ...DOSSIER, applicant: { ...DOSSIER.applicant, name: 'Nguyễn Thị Hạnh' } };
    expect(dossierContentHash(other as never)).not.toBe(dossierContentHash(DOSSIER as never));
  });
});
