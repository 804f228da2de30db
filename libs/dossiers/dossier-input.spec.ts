import { dossierContentHash } from './dossier-input';

const DOSSIER = {
  code: 'H31-0001',
  procedureCode: '1.000894',
  applicant: { name: 'Nguyễn Thị Hằng', phone: '0912345678' },
  receivedAt: '2026-02-12T09:30:00+07:00',
};

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
