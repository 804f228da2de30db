import { signatureText } from './revision-signature';
import type { Revision } from './types';

const revision: Revision = {
  revision: 1,
  contentHash: 'a'.repeat(64),
  compiledAt: '2026-04-01T02:00:00.000Z',
  number: null,
  signedOn: null,
  sentOn: null,
  correctsRevision: null,
  correctionReason: null,
  signatureWithdrawn: null,
};

describe("a revision's signature", () => {
  it('is its number and day once signed', () => {
    expect(signatureText({ ...revision, number: '04/BC-UBND', signedOn: '2026-04-06' })).toBe(
      '04/BC-UBND ngày 06/04/2026',
    );
  });

  it('is not yet there before the chairman signs', () => {
    expect(signatureText(revision)).toBe('Chưa ký');
  });

  it('says what was withdrawn, so a withdrawn number never reads as issued', () => {
    const withdrawn = {
      ...revision,
      signatureWithdrawn: {
        number: '04/BC-UBND',
        signedOn: '2026-04-06',
        withdrawnOn: '2026-04-07',
        reason: 'Sửa số liệu',
      },
    };
    expect(signatureText(withdrawn)).toBe(
      'Số 04/BC-UBND ngày 06/04/2026: đã thu hồi chữ ký ngày 07/04/2026',
    );
  });
});
